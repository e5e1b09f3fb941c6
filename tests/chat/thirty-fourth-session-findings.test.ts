/**
 * Found in the thirty-fourth session by the new-user trial newuser69 and the blind batches of the session (x76, w98),
 * each beside the counter-example its fix must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { parseCount } from '../../src/chat/extract/numbers.ts';
import { recommend } from '../../src/engine/recommend.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { ProfileField } from '../../src/profile/profile-schema.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

const knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
const read = (text: string, requestedField?: ProfileField) =>
  extractProfile(text, {
    knowledge,
    today: '2026-12-07',
    midConversation: true,
    ...(requestedField === undefined ? {} : { requestedField }),
  });
const first = (text: string) => extractProfile(text, { knowledge, today: '2026-12-07' });
const talk = (messages: string[]) => converse(messages, knowledge);
const advise = (profile: object) => recommend(Profile.parse(profile), knowledge, { explain: 'none' });

describe('numbers and short answers (x76)', () => {
  it.each([
    ['3e4', 30_000],
    ['~3e5', 300_000],
    ['2.5e4', 25_000],
  ])('reads the power of ten "%s" as %d', (phrase, value) => {
    expect(parseCount(phrase)).toBe(value);
  });
  it('reads "around 3e4 chosen/rejected pairs" as preference pairs and "~3e5 tokens" as the corpus', () => {
    expect(read('around 3e4 chosen/rejected pairs from the side-by-side widget').fields.preferencePairs).toBe(30_000);
    expect(read('the corpus: internal wiki, ~3e5 tokens').fields.corpusTokens).toBe(300_000);
  });
  it('reads the usual figure, not the peak: "around 200 a day, spikes to maybe 500 on mondays"', () => {
    expect(read('around 200 a day, spikes to maybe 500 on mondays', 'requestsPerDay').fields.requestsPerDay).toBe(200);
    // (A peak said alone is still the answer.)
    expect(read('up to 500 a day', 'requestsPerDay').fields.requestsPerDay).toBe(500);
  });
  it('reads the corrected figure of an answer: "like 1.5k? actually no closer to 15k"', () => {
    expect(
      read('like 1.5k? actually no closer to 15k, I forgot the march batch', 'labeledExamples').fields.labeledExamples,
    ).toBe(15_000);
    expect(read('200, sorry, 2,000', 'labeledExamples').fields.labeledExamples).toBe(2000);
  });
  it('reads "both" to the languages question as several languages, not an unclear answer', () => {
    expect(read('both', 'multilingual').fields.multilingual).toBe(true);
    expect(read('all three of them', 'multilingual').fields.multilingual).toBe(true);
    expect(read('no', 'multilingual').fields.multilingual).toBe(false);
  });
  it('reads the model named in answer to the teacher question as the teacher, not the team model', () => {
    const fields = read("gpt-4.1, it's what we already use for grading our evals", 'teacherModel').fields;
    expect(fields.teacherModel).toBe('GPT-4.1');
    expect(fields.modelName).toBeUndefined();
    // (The team's own model said first stays the team's.)
    const both = read('we use llama 3.1 8b for now, teacher would be gpt-4o', 'teacherModel').fields;
    expect(both.modelName).toBe('Llama 3.1 8B');
    expect(both.teacherModel).toBe('GPT-4o');
  });
  it('reads "realistically we get 2 of them" of a shared node as the team\'s GPUs', () => {
    const fields = read(
      "rough compute: there's an 8x H100 node but it's shared with two other teams so realistically we get 2 of them",
    ).fields;
    expect(fields.gpuCount).toBe(2);
    // (Another team's GPUs stay theirs.)
    expect(read('another team has 8 A100s').fields.gpuCount).toBeUndefined();
  });
  it('reads "we\'re not switching off llama 3.3 70b" as the model kept, not left', () => {
    const fields = read("we're not switching off llama 3.3 70b, the whole infra is built around it").fields;
    expect(fields.modelName).toBe('Llama 3.3 70B Instruct');
    expect(fields.canSwitchModel).toBe(false);
  });
  it("reads a dead project's attempt as no attempt of this team's", () => {
    expect(
      read(
        "last year on a different project we tried fine-tuning bert on an old k80 box and it was a disaster, but that project's dead now",
      ).fields.tried,
    ).toBeUndefined();
    expect(read('we tried fine-tuning and it was a disaster').fields.tried).toBeDefined();
  });
  it('reads harm to people, a latency gap, a brand look and knowledge of internal APIs as what they are', () => {
    expect(read("it's medical so mistakes actually hurt people").fields.safetyCritical).toBe(true);
    expect(read("currently it's like 6s and people are bailing before it answers").fields.goals).toContain('latency');
    expect(read("we want to generate product shots in our brand's look").fields.goals).toContain('style');
    expect(read('it needs to actually know our internal apis').fields.goals).toContain('knowledge');
  });
});

describe('what the trial typed (newuser69)', () => {
  it('reads "OCR already gives us the text of scanned claim forms" as text work, not images (newuser68 F01)', () => {
    const fields = first(
      "hi, we're a small insurer. OCR already gives us the text of scanned claim forms and we want an LLM to pull out 20 fields",
    ).fields;
    expect(fields.taskType).toBe('extract');
    expect(fields.modality).toBeUndefined();
    expect(first('we classify scanned receipts images').fields.modality).toBe('image');
  });
  it("reads figures asked back after a doubt as the advice's, not the team's GPUs (F02)", () => {
    const fields = read(
      'Those numbers look way off. 1,040 GPU-hours to LoRA a 14B on 30,000 descriptions? And 3 H100s to serve a 14B? I think you mixed in the 2 million rewriting examples.',
    ).fields;
    expect(fields.gpuCount).toBeUndefined();
    expect(read('we have 3 H100s').fields.gpuCount).toBe(3);
  });
  it('reads "OpenAI + Anthropic only" and "both … are allowed, not just …" as both providers (F05)', () => {
    expect(read("what's the plan now given OpenAI + Anthropic only?").fields.allowedProviders).toEqual([
      'openai',
      'anthropic',
    ]);
    expect(read('No wait, BOTH OpenAI and Anthropic are allowed, not just Anthropic.').fields.allowedProviders).toEqual(
      ['openai', 'anthropic'],
    );
    expect(read('We can use OpenAI and Anthropic.').fields.allowedProviders).toEqual(['openai', 'anthropic']);
    // (Providers named for different roles are no limit.)
    expect(
      read('we can use openai and anthropic for the teacher, and azure for hosting').fields.allowedProviders,
    ).toBeUndefined();
  });
  it('reads "the 3,000 tokens is the INPUT …, the output is … maybe 50 tokens" as the request sizes (F04)', () => {
    const fields = read(
      'And to correct you: the 3,000 tokens is the INPUT (the discharge summary), the output is just a short list of codes, maybe 50 tokens.',
    ).fields;
    expect(fields.inputTokensPerRequest).toBe(3000);
    expect(fields.outputTokensPerRequest).toBe(50);
  });
  it('reads "the coding model" of ICD-10 codes as medical coding, not software (F07)', () => {
    expect(
      read("how do we stop the coding model from outputting ICD-10 codes that don't exist?").fields.taskType,
    ).toBeUndefined();
    expect(read('we want a coding assistant for our python monorepo').fields.taskType).toBe('code');
  });
  it('reads "I tried prompting …, the voice stayed generic" as a prompt that plateaued (F08)', () => {
    expect(read('I tried prompting with a long style guide, the voice stayed generic.').fields.tried).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
    ]);
  });
  it('reads "we tried GPT-4o with 5 examples" as few-shot, not 5 labelled examples (F13)', () => {
    const fields = read('for descriptions we tried GPT-4o with 5 examples and it plateaued').fields;
    expect(fields.labeledExamples).toBeUndefined();
    expect(fields.tried).toEqual([{ method: 'in-context-learning', result: 'plateaued' }]);
    expect(read('we tested it with 500 examples').fields.labeledExamples).toBe(500);
  });
  it('keeps the task when a message about one job opens with its name and a colon (F14)', () => {
    const fields = read(
      'For the descriptions job: our copy editors also did A/B reviews, so we have about 6,000 pairs where they picked the better of two descriptions.',
    ).fields;
    expect(fields.task).toBeUndefined();
    expect(fields.preferencePairs).toBe(6000);
    expect(read('the task is: classify support tickets').fields.task).toBe('classify support tickets');
  });
  it('reads "fit in 9 GB on the player\'s card" as the device memory asked about (F09)', () => {
    const extraction = read("Would Llama 3.1 8B fit in 9 GB on the player's card? Yes or no.");
    expect(extraction.hypothetical?.deviceMemoryGB).toBe(9);
    expect(extraction.fields.deviceMemoryGB).toBeUndefined();
  });
  it('reads "how do I quantize it and run it inside my game on the players\' GPUs?" as the runtime question (F09)', () => {
    expect(
      read(
        "once the LoRA is trained, how do I quantize it and run it inside my game on the players' GPUs? What software?",
      ).intents.asksOnDeviceRuntime,
    ).toBe(true);
  });
  it('reads "training on MY 3090, not serving" as no question about the monthly bill (F19)', () => {
    const intents = read(
      "That's not what I asked, I meant training on MY 3090 (24 GB), not serving. Will the LoRA training fit on the 3090 and how many hours?",
    ).intents;
    expect(intents.asksMonthlyCost).not.toBe(true);
    expect(read('what would serving it cost?').intents.asksMonthlyCost).toBe(true);
  });
});

describe('conversations of the trial (newuser69)', () => {
  const legal = [
    "Hi. I'm the ML lead at a small legal-tech startup. We use GPT-4o mini through the OpenAI API to pull key clauses out of commercial contracts into a JSON object. We have zero GPUs. We have about 800 contracts that our paralegals labeled by hand.",
    'Contracts average around 12k tokens each, and we process about 3,000 of them a day.',
  ];
  it('plans a second job announced later as its own job, without asking to confirm a "10-fold change" (F06)', async () => {
    const turns = await talk([
      ...legal,
      'ok another thing, separate job: our in-house lawyers want a chat assistant that answers questions from our precedent library, about 40,000 past contracts and memos (roughly 400 million tokens), and every answer has to cite the source document. Maybe 200 questions a day.',
    ]);
    const state = turns.at(-1)?.state;
    expect(state?.jobs?.length).toBe(2);
    expect(state?.jobs?.[0]?.profile?.requestsPerDay).toBe(3000);
    expect(state?.jobs?.[1]?.profile?.requestsPerDay).toBe(200);
  });
  it('reads "each summary is 3,000 tokens" of a task that reads summaries as the input size (F04)', async () => {
    const turns = await talk([
      'We want to suggest ICD-10 diagnosis codes from discharge summaries to help our coders. We have about 50,000 discharge summaries already coded.',
      'Each summary is around 3,000 tokens.',
    ]);
    const profile = turns.at(-1)?.state.profile;
    expect(profile?.outputTokensPerRequest).toBeUndefined();
    expect(profile?.inputTokensPerRequest).toBe(3000);
    expect(profile?.exampleTokens).toBe(3000);
    expect(profile?.taskType).not.toBe('generate');
  });
  it("answers a cost question naming one of two jobs on that job's own examples (F01)", async () => {
    const turns = await talk([
      'Two things: 1) generate product descriptions in our brand voice, in Spanish and Portuguese; we have 30,000 good descriptions written by our copy team. 2) our search query rewriting runs on GPT-4o today at about 500,000 queries a day and the bill is killing us, we want something much cheaper with the same quality. We rent GPUs: we have a reserved cluster of 8 H100s for the next 6 weeks.',
      "For the query rewriting we've logged about 2 million GPT-4o rewrites we're happy with.",
      'just recommend',
      'We generate about 20,000 descriptions a day, around 250 tokens each. What would it cost per month to serve the 72B description model, and would a smaller model like Qwen2.5 14B be good enough and cheaper?',
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    // (30,000 examples of 250 tokens: a few GPU-hours, not the 1,040 that 2,000,000 examples of the other job make.)
    const hours = Number(/about ([\d.,]+) GPU-hours/.exec(reply)?.[1]?.replace(',', ''));
    expect(hours).toBeGreaterThan(0);
    expect(hours).toBeLessThan(20);
  });
});

describe('the engine on the blind batch w98', () => {
  const ragMisuse = {
    modelName: 'Qwen2.5 14B Instruct',
    taskType: 'chat',
    unlabeledCorpus: 'large',
    knowledgeChanges: 'weekly',
    needsCitations: true,
    labeledExamples: 1200,
    goals: ['citations', 'task-skill'],
    gpuName: 'A100 80GB',
    gpuCount: 1,
    deployment: 'cloud-self-hosted',
    tried: [
      { method: 'rag', result: 'plateaued', note: 'recall@5 93%, but only 64% of answers correct' },
      { method: 'prompt-engineering', result: 'plateaued' },
    ],
  };
  it('tunes the generator that misreads what retrieval finds (high recall, wrong answers), keeping retrieval', () => {
    const advice = advise(ragMisuse);
    expect(['lora', 'qlora']).toContain(advice.destination.method);
    // (Retrieval that finds the wrong passages is still improved, not replaced.)
    const misses = advise({
      ...ragMisuse,
      tried: [
        { method: 'rag', result: 'plateaued', note: 'the right clause is often not retrieved at all' },
        { method: 'prompt-engineering', result: 'plateaued' },
      ],
    });
    expect(misses.destination.method).toBe('rag');
  });
  it('asks whether the model may change for an 8B headed to a phone of unknown memory', () => {
    const advice = advise({
      modelName: 'Llama 3.1 8B Instruct',
      taskType: 'generate',
      labeledExamples: 3500,
      goals: ['on-device', 'format'],
      deployment: 'mobile',
      tried: [{ method: 'lora', result: 'good-enough' }],
    });
    const fields = advice.questions.map((question) => question.field);
    expect(fields).toContain('deviceMemoryGB');
    expect(fields).toContain('canSwitchModel');
    // (A 1B model fits any phone: no such question.)
    const small = advise({
      modelName: 'Llama 3.2 1B Instruct',
      taskType: 'generate',
      labeledExamples: 3500,
      goals: ['on-device', 'format'],
      deployment: 'mobile',
    });
    expect(small.questions.map((question) => question.field)).not.toContain('canSwitchModel');
  });
});

describe('domain words of people who are not ML engineers (x77)', () => {
  it('reads medical coding as classification and "kept making up codes" as a failed prompt', () => {
    const fields = first(
      'i run the coding dept at a 300 bed hospital (medical coding, icd-10-cm and cpt, not software lol). we want something that reads op notes and suggests the codes. we tried just asking chatgpt and it kept making up codes that dont exist',
    );
    expect(fields.fields.taskType).toBe('classify');
    expect(fields.fields.tried).toEqual([{ method: 'prompt-engineering', result: 'failed' }]);
    // ("cpt" beside ICD is the procedure codes, not continued pre-training; reading the input is no second job.)
    expect(fields.intents.continuedPretraining).not.toBe(true);
    expect(fields.jobs).toBeUndefined();
    expect(read('CPT or RAG over the corpus?').intents.continuedPretraining).toBe(true);
    expect(read('it suggests codes for refactoring').fields.taskType).toBeUndefined();
  });
  it('reads "none of us are technical" as no ML experience', () => {
    expect(read('partner at a 9-attorney firm, none of us are technical.').fields.mlExpertise).toBe('none');
  });
  it.each([
    ['we want first drafts of NDAs and engagement letters that sound like us', 'generate'],
    ['i want to give kids feedback on their lab reports using our department rubric', 'generate'],
    ['we want the shopkeeper NPC to haggle in character', 'chat'],
    ["we're an agency running intake chat for 25 law firms", 'chat'],
    ['the art team wants concept thumbnails generated in our house art style', 'image-generate'],
    ['they photograph extinguisher tags and we need the last inspection date read off the tag', 'image-understand'],
    ['paralegals turn them into a chronology table: date | witness | page:line | fact', 'extract'],
  ])('reads the task of "%s" as %s', (text, taskType) => {
    expect(first(text).fields.taskType).toBe(taskType);
  });
  it('reads a coding assistant for the new EHR as no software task', () => {
    const fields = read(
      'we go live on the new EHR in 10 weeks and leadership wants the coding assistant ready by then.',
    ).fields;
    expect(fields.taskType).toBeUndefined();
    expect(fields.modality).toBeUndefined();
  });
  it('reads citations, a format ignored, a base model that runs on, and a bill that eats money', () => {
    expect(read('get an answer that points to the actual log entry').fields.needsCitations).toBe(true);
    expect(read('the answers are rambly and ignore our member letter format').fields.goals).toEqual(['format']);
    expect(
      read('when we paste a claim denial letter it just keeps writing more letter instead of answering the question')
        .fields.goals,
    ).toEqual(['instruction-following']);
    const bill = read("gpt-4.1 writes our product Q&A and it's great but it's eating ~$4k a month").fields;
    expect(bill.currentMonthlySpendUSD).toBe(4000);
    expect(bill.monthlyBudgetUSD).toBeUndefined();
  });
  it('reads picks between two drafts as preference pairs, and examples pasted into the prompt as few-shot', () => {
    expect(
      read(
        "the tool shows agents two draft replies and they click the better one. we've logged roughly 12k of those clicks so far",
      ).fields.preferencePairs,
    ).toBe(12_000);
    expect(
      read(
        'we pasted about 10 example coded notes into the prompt. it got a bit better and then stopped improving',
        'tried',
      ).fields.tried,
    ).toEqual([{ method: 'in-context-learning', result: 'plateaued' }]);
  });
});

describe('what-ifs and cost questions of the trial (newuser69)', () => {
  it('reads "label 5,000 contracts instead of 800" as the labelled examples asked about, not a corpus (F10)', () => {
    const extraction = read(
      'What if we paid the paralegals to label 5,000 contracts instead of 800, would that change the plan for the extraction?',
    );
    expect(extraction.hypothetical?.labeledExamples).toBe(5000);
    expect(extraction.hypothetical?.unlabeledCorpus).toBeUndefined();
  });
  it('prices every model a cost question weighs, also beside a fact (F16)', () => {
    const extraction = read(
      'We can use OpenAI and Anthropic. Given that, would switching to Claude Sonnet or GPT-4.1 for the extraction fix the recall problem, and what would each cost a month at our volume?',
    );
    expect(extraction.alsoAskedModels).toEqual(['Claude Sonnet (3.5, 3.7, 4 and later)']);
    // (A move weighed in a question takes up no model.)
    expect(extraction.intents.adoptsModel).not.toBe(true);
    expect(read("we're switching to GPT-4.1 next month").intents.adoptsModel).toBe(true);
  });
});

describe('what the second trial typed (newuser70)', () => {
  it('lifts a provider limit the team says is no rule (F04)', () => {
    expect(
      read("to be clear, OpenAI isn't a hard rule — it's just what we happen to use. Anthropic would be ok too.")
        .removedFields,
    ).toContain('allowedProviders');
    expect(read('we are NOT limited to OpenAI').removedFields).toContain('allowedProviders');
  });
  it('reads "we can rent GPUs on Google Cloud" as a permission, not where the model runs (F01, F04)', () => {
    expect(read('we can rent GPUs on Google Cloud or wherever.').fields.deployment).toBeUndefined();
    expect(read('we run 2 A100s on AWS').fields.deployment).toBe('cloud-self-hosted');
  });
  it('reads a pile of saved queries in tokens as no request size (F03)', () => {
    expect(read('the 40k lines of saved queries is maybe 500k tokens.').fields.inputTokensPerRequest).toBeUndefined();
    expect(read('our prompts are about 3k tokens').fields.inputTokensPerRequest).toBe(3000);
  });
  it('reads "say we end up with 40,000 synthetic pairs" as a what-if, not a fact (F16)', () => {
    const extraction = read('say we end up with 40,000 synthetic pairs plus our 600. how long would LoRA take then?');
    expect(extraction.fields.labeledExamples).toBeUndefined();
    expect(extraction.intents.whatIf).toBe(true);
  });
  it('reads "task skill mostly" as the goal, and "changes most weeks" as weekly (F07, F20)', () => {
    expect(read('task skill mostly, out of the box it writes SQL, not our DSL', 'goals').fields.goals).toContain(
      'task-skill',
    );
    expect(read('a help centre (about 600 pages, changes most weeks)').fields.knowledgeChanges).toBe('weekly');
  });
  it('reads the whole bill quoted back as no budget (F02)', () => {
    const fields = read(
      'Wait, $4,100 for EACH job? The $4,100 is our whole bill today across everything. What would the categorisation job cost on its own?',
    ).fields;
    expect(fields.oneTimeBudgetUSD).toBeUndefined();
    expect(fields.monthlyBudgetUSD).toBeUndefined();
  });
  it('reads before/after redline pairs as examples and a page-counted playbook as documents (F05)', () => {
    expect(read('We have about 1,500 before/after redline pairs from past deals').fields.labeledExamples).toBe(1500);
    expect(read('a 200-page negotiation playbook').fields.unlabeledCorpus).toBe('small');
  });
});

describe('counter-examples of the session review (review42)', () => {
  it.each([
    ["We're not switching to Llama 3.1 70B.", 'modelName', undefined],
    ["We're not moving to 8 H100s.", 'gpuCount', undefined],
    ['We have 8 A100s. Our catalog has 50 product categories and we have 30 of them labeled.', 'gpuCount', 8],
    ['For this project the task is to summarize support calls.', 'task', 'summarize support calls'],
    ['We ran a LoRA with 30 labeled examples, it plateaued.', 'labeledExamples', 30],
    ['On our previous project we labeled 3,000 tickets that we can reuse for this one.', 'labeledExamples', 3000],
    ['The output is a label for a document of about 2,000 tokens.', 'outputTokensPerRequest', undefined],
    [
      'Our OCR gives garbage on handwritten claim forms, so we want a vision-language model to read the scanned forms directly.',
      'taskType',
      'image-understand',
    ],
  ])('reads "%s" with %s %s', (text, field, value) => {
    expect((read(text).fields as Record<string, unknown>)[field]).toEqual(value);
  });
  it('keeps a quality verdict or a doubt from limiting the providers', () => {
    expect(read('both OpenAI and Anthropic were ok in our eval, but too expensive').fields.allowedProviders).toBe(
      undefined,
    );
    expect(read('I doubt we can use OpenAI and Anthropic.').fields.allowedProviders).toBeUndefined();
  });
  it('keeps "the bill stayed flat … good enough" good enough', () => {
    expect(read('We tried RAG last month; the bill stayed flat and the answers are good enough.').fields.tried).toEqual(
      [{ method: 'rag', result: 'good-enough' }],
    );
  });
  it("keeps the team's own model when asked for a teacher", () => {
    const fields = read("Llama 3.1 8B is the model we serve; we don't have a bigger one", 'teacherModel').fields;
    expect(fields.teacherModel).toBeUndefined();
    expect(fields.modelName).toBe('Llama 3.1 8B');
  });
  it('keeps an output said to be a summary the output, in a task that reads summaries', async () => {
    const turns = await talk([
      'We want to suggest ICD-10 codes from discharge summaries using GPT-4o mini.',
      'Each summary is around 3,000 tokens.',
      'The output is a short summary of the matching codes, maybe 60 tokens.',
    ]);
    const profile = turns.at(-1)?.state.profile;
    expect(profile?.inputTokensPerRequest).toBe(3000);
    expect(profile?.exampleTokens).toBe(3000);
  });
  it('still routes "for the bills" to a job about bills', async () => {
    const turns = await talk([
      'Two things: 1) extract line items from scanned utility bills, 2) answer customer questions about tariffs from our policy docs.',
      'For the bills, we have 3,000 labeled examples.',
    ]);
    expect(turns.at(-1)?.state.jobs?.[0]?.profile?.labeledExamples).toBe(3000);
  });
  it('diagnoses retrieval that misses the right passage as retrieval to improve, not a generator to tune', () => {
    const advice = advise({
      taskType: 'chat',
      goals: ['knowledge', 'citations'],
      modelName: 'Llama 3.1 8B',
      gpuName: 'A100 80GB',
      gpuCount: 1,
      labeledExamples: 2000,
      unlabeledCorpus: 'large',
      tried: [
        { method: 'prompt-engineering', result: 'plateaued' },
        { method: 'rag', result: 'plateaued', note: 'the right passage is in the top 5 only 30% of the time' },
      ],
    });
    expect(advice.destination.method).toBe('rag');
  });
  it("states the device weights at the device format's bits when it asks whether the model may change", () => {
    const advice = advise({ modelName: 'Llama 3.1 8B', deployment: 'mobile', taskType: 'chat' });
    const question = advice.questions.find((each) => each.field === 'canSwitchModel');
    expect(question?.why).toMatch(/about 4\.9 GB/);
  });
});
