/**
 * Found in the twenty-sixth session: newuser52's repros, the fresh batches' misses (w80 / batch77, x60, x61) and the
 * counter-examples each fix must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import type { ProfileField } from '../../src/profile/profile-schema.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const extract = (text: string, requestedField?: ProfileField) =>
  extractProfile(text, { knowledge, today: '2026-12-07', ...(requestedField ? { requestedField } : {}) });
const read = (text: string, requestedField?: ProfileField) => extract(text, requestedField).fields;
const advise = (profile: Record<string, unknown>) => recommend(Profile.parse(profile), knowledge, { explain: 'none' });

describe('labelled examples said in everyday words (newuser52 F01, x60)', () => {
  it.each([
    ['we have 2k reports that were summarised by hand', 2000],
    ['maybe 2k that the safety manager already summarised properly by hand in the format we want', 2000],
    ['brokers have hand-coded 250k lines we can use', 250_000],
    ['ops already hand-keyed 1,200 of those emails into the system so those are basically labeled', 1200],
    ["we've got ~2,000 function blocks paired with the spec they were written from", 2000],
  ])('%s → %d', (text, count) => {
    expect(read(text).labeledExamples).toBe(count);
  });

  it('reads no labels from records said to come without their outputs', () => {
    expect(read('we also have like 8,000 older reports without summaries.').labeledExamples).toBeUndefined();
    // (The counter-example keeps its reading: records with their outputs are examples.)
    expect(read('800 tickets with their resolutions').labeledExamples).toBe(800);
    expect(read('1,200 clips w/transcripts').labeledExamples).toBe(1200);
  });

  it('keeps "no examples" when the same message counts records that merely come with text', () => {
    const fields = read(
      "We don't have examples as such. We have the collection database, roughly 12,000 object records with descriptions, plus audio guide scripts.",
    );
    expect(fields.labeledExamples).toBe(0);
    expect(fields.modality).toBeUndefined();
  });

  it('reads a rough count in words as the answer to the examples question', () => {
    expect(read('a few thousand', 'labeledExamples').labeledExamples).toBe(3000);
    expect(read('a few thousand already categorised', 'labeledExamples').labeledExamples).toBe(3000);
    expect(read('a couple hundred maybe', 'labeledExamples').labeledExamples).toBe(200);
  });
});

describe('preference pairs said as judged pairs (x60)', () => {
  it.each([
    ['Our nurses have rated ~1,200 pairs of responses as better/worse.', 1200],
    ['we actually logged which of two drafts the copywriters picked, roughly 3,500 of those pairs.', 3500],
  ])('%s → %d pairs, no labelled examples', (text, pairs) => {
    const fields = read(text);
    expect(fields.preferencePairs).toBe(pairs);
    expect(fields.labeledExamples).toBeUndefined();
  });
});

describe('what the data is made of (newuser52 F02)', () => {
  it('does not make photos of printed receipts an image model', () => {
    expect(read('the receipts are mostly phone photos or scanned PDFs').modality).toBeUndefined();
    // (Photos that are the input themselves stay images.)
    expect(read('we classify 500 labeled photos of damaged crops').modality).toBe('image');
  });

  it('reads "the model would just see the text" and "just text too" as text', () => {
    expect(
      read('our bookkeeping software already OCRs the receipts into text, so the model would just see the text')
        .modality,
    ).toBe('text');
    expect(read('The audio guide scripts are just text too.').modality).toBe('text');
  });

  it('does not make audio-guide scripts audio, while transcribing recordings stays audio work', () => {
    expect(read('we have 300 audio-guide scripts of 2 pages each').modality).toBeUndefined();
    expect(read('we need to transcribe audio recordings').taskType).toBe('transcribe');
  });
});

describe('facts newuser52 said plainly and was asked again (F07)', () => {
  it('reads "no servers or GPUs" and "we don\'t have one" as no GPUs', () => {
    expect(read("we don't have any servers or GPUs, just laptops").gpuCount).toBe(0);
    expect(read("if we had a GPU we'd try something local but we don't have one.").gpuCount).toBe(0);
    // (A GPU said as theirs stays.)
    expect(read("we have a GPU but we don't have one for training").gpuCount).toBe(1);
  });

  it('reads how often knowledge changes past a clause ("when we swap suppliers, maybe every month or so")', () => {
    expect(
      read('our recipes and allergen sheets change when we swap suppliers, maybe every month or so').knowledgeChanges,
    ).toBe('monthly');
  });

  it('reads allergen questions as safety-critical', () => {
    expect(
      read('we want AI to write product descriptions and also answer customers’ allergen questions.').safetyCritical,
    ).toBe(true);
  });

  it('reads an estimated volume said with "might", but not a GPU that might be bought', () => {
    expect(read('In summer we might get 2,000 questions a day').requestsPerDay).toBe(2000);
    expect(read('we might get 2 more A100s').gpuCount).toBeUndefined();
  });

  it('adds two workloads said per day, but not one volume said per day and per month', () => {
    expect(read('Maybe 150 receipts a day and 30 tax questions a day').requestsPerDay).toBe(180);
    expect(read('2k tickets a day and 60k tickets a month').requestsPerDay).toBe(2000);
  });

  it('reads a hedged yes or no to a yes/no question', () => {
    expect(
      read('Hmm, preferably yes, client financial data is sensitive', 'dataMustStayOnPrem').dataMustStayOnPrem,
    ).toBe(true);
    expect(read('probably not', 'dataMustStayOnPrem').dataMustStayOnPrem).toBe(false);
    expect(read('likely a mix', 'dataMustStayOnPrem').dataMustStayOnPrem).toBeUndefined();
  });

  it('reads a chat app prompted by hand, with a format all over the place, as prompting that plateaued', () => {
    expect(read('we tried chatgpt by hand a bit and it was ok but all over the place format wise').tried).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
    ]);
    // (A model used as a judge is no prompt tried for the task.)
    expect(
      read(
        "We tried Gemini 2.5 Pro as a judge and it's fine, but the model we serve is Llama 3.1 70B. we also tried DPO on 1k preference pairs and it did nothing",
      ).tried,
    ).toEqual([{ method: 'preference-tuning', result: 'failed' }]);
  });

  it('reads "the assistant should answer from those" as knowledge from the documents', () => {
    expect(read('We have the collection database. The assistant should answer from those records.').goals).toEqual([
      'knowledge',
    ]);
  });

  it('reads "no one here knows what fine-tuning even is" as no ML experience', () => {
    expect(read('honestly no one here knows what fine-tuning even is lol').mlExpertise).toBe('none');
  });

  it('sizes "6,000 pages, plus 300 scripts of 2 pages each" by adding, not multiplying', () => {
    expect(
      read(
        'Each record is maybe half a page, so 6,000 pages, plus about 300 audio guide scripts of 2 pages each.',
        'corpusTokens',
      ).corpusTokens,
    ).toBe(2_640_000);
    expect(read('~2000 help center articles. most are short, maybe 1 page each', 'corpusTokens').corpusTokens).toBe(
      800_000,
    );
  });

  it('reads the tokens each request pulls in', () => {
    expect(read('each question will pull in maybe 4k tokens of catalogue text.').inputTokensPerRequest).toBe(4000);
  });
});

describe('questions newuser52 asked in everyday words (F05)', () => {
  const intents = (text: string) => extract(text).intents;

  it.each([
    'how can we be sure every output is valid JSON that matches our schema?',
    'how do we make 100% sure every summary comes out in exactly our format?',
  ])('%s → the format guarantee', (text) => {
    expect(intents(text).asksFormatGuarantee).toBe(true);
  });

  it('reads "does that actually squeeze into the 4090\'s memory?" as a fit question', () => {
    expect(intents("does that actually squeeze into the 4090's memory?").asksFit).toBe(true);
  });

  it('reads "get away with a good prompt" as why not prompting, and pasting examples into a chat as few-shot', () => {
    expect(intents("couldn't we just get away with a really good prompt instead?").whyNot).toBe('prompt-engineering');
    expect(
      intents(
        'why can’t we just use chatgpt and paste in a few of our good descriptions as examples?'.replace('’', "'"),
      ).whyNot,
    ).toBe('in-context-learning');
  });

  it('weighs LoRA against "a proper full fine-tune"', () => {
    expect(intents('why LoRA and not a proper full fine-tune?').asksComparison).toEqual(['lora', 'full-fine-tuning']);
  });

  it('reads "a second 3090" as two GPUs in a what-if', () => {
    const extraction = extract('what if we bought a second 3090, would full fine-tuning work then?');
    expect(extraction.hypothetical?.gpuCount).toBe(2);
    expect(extraction.fields.gpuCount).toBeUndefined();
  });

  it('reads "can we keep it in house?" as a what-if, and "we must keep it in house" as the fact', () => {
    const asked = extract('can we keep the customer questions in house? what would that mean for us');
    expect(asked.hypothetical?.dataMustStayOnPrem).toBe(true);
    expect(asked.fields.dataMustStayOnPrem).toBeUndefined();
    expect(extract('what could we do to keep data in house?').hypothetical?.dataMustStayOnPrem).toBe(true);
    expect(read('we must keep the customer questions in house').dataMustStayOnPrem).toBe(true);
  });
});

describe('advice newuser52 found wrong (F03, F06, F08, F10, F11)', () => {
  const bakery = {
    task: 'write product descriptions',
    taskType: 'generate',
    goals: ['style'],
    needsStyleOrFormat: true,
    labeledExamples: 300,
    gpuCount: 0,
    requestsPerDay: 200,
  };

  it('sends a team with no GPUs and light traffic to a provider-tuned API model, not a self-served 72B', () => {
    const rec = advise(bakery);
    expect(rec.destination.method).toBe('managed-fine-tuning');
    expect(rec.destination.model.proposed).toBe(true);
    expect(knowledge.findModel(rec.destination.model.name ?? '')?.access).not.toBe('open-weights');
  });

  it('keeps self-run LoRA for the same team at volume, for a classifier, or with open weights wanted', () => {
    expect(advise({ ...bakery, requestsPerDay: 100_000 }).destination.method).toBe('lora');
    expect(advise({ ...bakery, modelAccess: 'open-weights' }).destination.method).toBe('lora');
    expect(advise({ ...bakery, taskType: 'classify', goals: ['task-skill'] }).destination.method).not.toBe(
      'managed-fine-tuning',
    );
  });

  it('never proposes a model above one 24 GB card’s class to a team with no GPUs and no budget', () => {
    const rec = advise({ ...bakery, requestsPerDay: 100_000 });
    const size = knowledge.findModel(rec.destination.model.name ?? '')?.paramsB ?? 0;
    expect(size).toBeLessThanOrEqual(15);
  });

  it('proposes a model the plan’s own method fits on the team’s card, without a budget condition', () => {
    const rec = advise({
      task: 'summarise incident reports into a short standard summary',
      taskType: 'generate',
      goals: ['format'],
      needsStyleOrFormat: true,
      tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
      deployment: 'on-prem',
      gpuCount: 1,
      gpuName: 'RTX 3090',
    });
    expect(rec.destination.model.name).toBe('Llama 3.1 8B');
    expect(rec.destination.estimates?.memoryGB?.fits).toBe(true);
    expect(rec.destination.model.dependsOn).not.toContain('oneTimeBudgetUSD');
  });

  it('sizes the plan’s later LoRA step on the proposed model, where no model was named', () => {
    const rec = advise({
      taskType: 'classify',
      goals: ['knowledge'],
      dataMustStayOnPrem: true,
      gpuCount: 2,
      gpuName: 'NVIDIA GeForce RTX 4090',
      labeledExamples: 3000,
      corpusTokens: 320000,
      requestsPerDay: 180,
    });
    expect(rec.plan.map((step) => step.methods)).toEqual([['rag'], ['lora']]);
    expect(rec.recommendations.find((entry) => entry.method === 'lora')?.estimates?.trainingGpuHours).toBeGreaterThan(
      0,
    );
  });

  it('answers the monthly bill with no model yet from the small API tiers at the team’s volume', async () => {
    const turns = await converse(
      [
        'We want a visitor Q&A assistant that answers from our museum collection records, no labeled examples, no GPUs, about 2,000 questions a day. just recommend',
        'what would it cost per month?',
        'which model would you pick?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/about \$\d[\d,]* a month at your volume/);
    expect(turns[1]?.reply).not.toMatch(/tell me the model/);
    expect(turns[2]?.reply).not.toMatch(/Any capable instruct model/);
  });

  it('names the family that lists part of the languages asked, and the language no card lists', async () => {
    const turns = await converse(
      [
        'We want a visitor Q&A assistant that answers from our museum collection records, no labeled examples, no GPUs, about 2,000 questions a day. just recommend',
        'Our IT contractor suggested Llama 3.1 8B. Is it any good in Japanese, Korean and Welsh?',
      ],
      knowledge,
    );
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/Qwen2\.5 lists Japanese and Korean/);
    expect(reply).toMatch(/no card in the catalog names Welsh/);
    expect(reply).toMatch(/collect a few hundred/);
  });
});

describe('questions the fresh scenario batch w80 wanted asked', () => {
  it('asks whether the model may change when the bill must fall and the fix is a smaller model', () => {
    const rec = advise({
      modelName: 'Qwen2.5 72B Instruct',
      modelStage: 'instruct',
      task: 'route insurance emails and extract 6 fields',
      taskType: 'extract',
      goals: ['cost'],
      labeledExamples: 1000,
      requestsPerDay: 400000,
      gpuName: 'H100',
      gpuCount: 8,
      deployment: 'cloud-self-hosted',
      monthlyBudgetUSD: 6000,
      tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
    });
    expect(rec.questions.map((question) => question.field)).toContain('canSwitchModel');
  });

  it('does not ask it when the team names a teacher (the model beside it is the student already)', () => {
    const rec = advise({
      teacherModel: 'Llama 3.3 70B Instruct',
      modelName: 'Llama 3.1 8B Instruct',
      taskType: 'extract',
      goals: ['cost', 'latency'],
      requestsPerDay: 300000,
      gpuName: 'A100 80GB',
      gpuCount: 2,
    });
    expect(rec.questions.map((question) => question.field)).not.toContain('canSwitchModel');
  });

  it('trains a small encoder on the CPU for clause tagging (short clauses are no long contracts)', () => {
    const rec = advise({
      modelName: 'Phi-3-mini-4k-instruct',
      task: 'tag contract clauses into 22 types',
      taskType: 'classify',
      labeledExamples: 3000,
      deployment: 'on-prem',
      dataMustStayOnPrem: true,
      oneTimeBudgetUSD: 0,
      gpuCount: 0,
      canSwitchModel: true,
    });
    expect(rec.destination.method).toBe('full-fine-tuning');
    expect(knowledge.findModel(rec.destination.model.name ?? '')?.architecture?.kind).toBe('encoder');
  });
});

describe('review27: counter-examples the session’s own readings must leave alone', () => {
  const fields = (text: string, requestedField?: ProfileField) => read(text, requestedField);

  it('H1/L1: hedged yes/no answers are read only when the hedge leads to a plain yes or no', () => {
    expect(fields('Probably, not 100% sure.', 'dataMustStayOnPrem').dataMustStayOnPrem).toBeUndefined();
    expect(fields('Mostly, not always.', 'dataMustStayOnPrem').dataMustStayOnPrem).toBeUndefined();
    expect(fields('I think right now it can go to an API.', 'dataMustStayOnPrem').dataMustStayOnPrem).not.toBe(true);
    expect(fields('ideally no', 'dataMustStayOnPrem').dataMustStayOnPrem).toBe(false);
    expect(fields('preferably not', 'dataMustStayOnPrem').dataMustStayOnPrem).toBe(false);
  });

  it('H2: "what can we do to keep the bill under $500?" keeps the budget as a fact', () => {
    const extraction = extract(
      'We run a support chatbot on GPT-4o, 20,000 chats a day. What can we do to keep the bill under $500 a month?',
    );
    expect(extraction.fields.monthlyBudgetUSD).toBe(500);
    expect(extraction.intents.whatIf).toBe(false);
  });

  it('H3/M8/M9: no provider tuning job for a device, a self-hosting team, images or token-heavy requests', () => {
    const base = { gpuCount: 0, requestsPerDay: 500, taskType: 'generate', goals: ['style'], labeledExamples: 1000 };
    expect(advise({ ...base, goals: ['style', 'on-device'] }).destination.method).not.toBe('managed-fine-tuning');
    expect(advise({ ...base, deviceMemoryGB: 8 }).destination.method).not.toBe('managed-fine-tuning');
    expect(advise({ ...base, deployment: 'cloud-self-hosted' }).destination.method).not.toBe('managed-fine-tuning');
    expect(advise({ ...base, modality: 'vision-language' }).destination.method).not.toBe('managed-fine-tuning');
    expect(
      advise({ ...base, requestsPerDay: 9000, inputTokensPerRequest: 30000, outputTokensPerRequest: 1500 }).destination
        .method,
    ).not.toBe('managed-fine-tuning');
  });

  it('H4: keeping documents inside a prompt or a SaaS tool is no residency rule', () => {
    expect(fields('We keep the documents inside the prompt for now.').dataMustStayOnPrem).toBeUndefined();
    expect(fields('We keep all the documents inside SharePoint.').dataMustStayOnPrem).toBeUndefined();
  });

  it('H5: "no labelled data yet, but 3,000 tickets with their queue" keeps the 3,000', () => {
    expect(
      fields('No labelled data yet, but we have 3,000 support tickets with the queue they ended up in.')
        .labeledExamples,
    ).toBe(3000);
  });

  it('H6: something else missing in a sentence about GPUs leaves the GPUs', () => {
    expect(fields('We have 2 GPUs and would love preference data but we dont have any.').gpuCount).toBe(2);
  });

  it('H7: "one of the two A100s … 3,000 pairs" are training pairs, not preference pairs', () => {
    const read7 = fields('We would train on one of the two A100s with our 3,000 pairs.');
    expect(read7.preferencePairs).toBeUndefined();
    expect(read7.labeledExamples).toBe(3000);
  });

  it('H8: people reading the transcript leave voice notes audio', () => {
    expect(fields('Drivers record voice notes and the dispatcher will only read the text.').modality).toBe('audio');
  });

  it('H9/M11/L5: rough counts at their scale, and no count from a negated bound', () => {
    expect(fields('a few hundred thousand, all tagged', 'labeledExamples').labeledExamples).toBe(300_000);
    expect(fields('Not even a few hundred, honestly.', 'labeledExamples').labeledExamples).toBeUndefined();
    expect(fields('a couple of thousand', 'labeledExamples').labeledExamples).toBe(2000);
  });

  it('H10: answering in a format or a tone is no knowledge gap', () => {
    expect(fields('The bot should answer using this JSON format.').goals).not.toContain('knowledge');
    expect(fields('The model should answer using that tone, friendly but short.').goals ?? []).not.toContain(
      'knowledge',
    );
  });

  it('M1: a share of the GPUs, a card on order and another card are no "second" of the first', () => {
    expect(fields('Our lab lets us use a third of the A100s on the shared cluster.').gpuCount).toBeUndefined();
    expect(fields('We have a 3090 at the office; a second 3090 is on order for March.').gpuCount).toBe(1);
    expect(fields('We have a 4090 and a second card with 12 GB.').gpuMemoryGB).toBeUndefined();
  });

  it('M2: data entry and today’s manual work are no labelled examples', () => {
    expect(fields('Our engineers entered 40 prompts into ChatGPT to test it.').labeledExamples).toBeUndefined();
    expect(
      fields('Our operators entered 1,200 requests into the ticketing system last week.').labeledExamples,
    ).toBeUndefined();
    expect(
      fields('Today we get about 400 support emails answered by hand every day, and we want to automate that.')
        .labeledExamples,
    ).toBeUndefined();
  });

  it('M3: one workload at two times is not summed', () => {
    expect(fields('Today 200 questions a day and 2,000 questions a day after the launch.').requestsPerDay).toBe(2000);
    expect(fields('About 400 requests a day and 600 requests a day in December.').requestsPerDay).toBe(600);
    expect(fields('Maybe 150 receipts a day and 30 tax questions a day from staff.').requestsPerDay).toBe(180);
  });

  it('M4/M5: handwriting, diagrams and photos stay images; narrating audio guides is audio', () => {
    expect(fields('We scan handwritten forms and the forms are mostly phone photos.').modality).toBe('image');
    expect(
      fields('The pages are mostly images of circuit diagrams and we need to answer questions about them.').modality,
    ).toBe('image');
    expect(
      fields('Customers upload photos of damaged parts, and the agent only gets the text description later.').modality,
    ).toBe('image');
    expect(
      fields('We produce audio guides for museums and want a model to narrate our scripts in a natural voice.')
        .modality,
    ).toBe('audio');
  });

  it('M6/L2/L3: squeezing accuracy, a prompt template for labellers and a grader are none of fit, why-not or tried', () => {
    expect(
      extract('Can we squeeze more accuracy out of prompting before we fine-tune?').intents.asksFit,
    ).toBeUndefined();
    expect(extract('Could we write a prompt template for the labelers?').intents.whyNot).toBeUndefined();
    expect(fields('We used Claude to grade the outputs and it was ok but inconsistent.').tried).toBeUndefined();
  });

  it('M7: a team with idle GPUs of its own is not quoted API bills for a model not chosen', async () => {
    const turns = await converse(
      [
        'We have 8 H100s in our own cluster that sit idle. We want a chatbot that answers product questions, about 20,000 questions a day. No model picked yet. What would the monthly bill be?',
      ],
      knowledge,
    );
    expect(turns[0]?.reply).not.toMatch(/the bill is the API calls of the one you pick/);
  });

  it('M10: documents × pages each still read with a year in between', () => {
    expect(fields('About 800 reports from 2015 to 2024, roughly 3 pages each.', 'corpusTokens').corpusTokens).toBe(
      960_000,
    );
  });

  it('M12: a later frequency of something else is not how often the knowledge changes', () => {
    expect(fields('The menu changes as the seasons turn, daily specials aside.').knowledgeChanges).not.toBe('daily');
  });
});

describe('mid-conversation replies from batch x62', () => {
  it.each([
    ["probably yes? we're on gpt-4o mini right now but nobody's attached to it", 'canSwitchModel', true],
    ["hmm I don't think we can switch, legal already approved claude sonnet", 'canSwitchModel', false],
    ['we have 2 3090s running mistral 7b on them i think, but we can swap it', 'canSwitchModel', true],
    ['correction: our A100s are the 40 gig ones, not 80. still 4 of them', 'gpuCount', 4],
    ['it all has to run on the server in our back room', 'deployment', 'on-prem'],
    ['requests? no clue honestly, a couple hundred a day maybe?', 'requestsPerDay', 200],
    [
      "it's a charity helpline so a wrong answer about someone's crisis could genuinely hurt them.",
      'safetyCritical',
      true,
    ],
    [
      'we get about half a million tracking lookups a day but only 5k of those are the messy ones that would go to the AI',
      'requestsPerDay',
      5000,
    ],
    ["it's for our field techs' phones, they've got like 6GB to spare max", 'deviceMemoryGB', 6],
    ["it's for our field techs' phones, they've got like 6GB to spare max", 'deployment', 'mobile'],
    ['volunteers have already sorted about 1,200.', 'labeledExamples', 1200],
    ['1,200 was all the letters last year. the sorted ones we actually have are more like 400', 'labeledExamples', 400],
    [
      "our sister company has 50k labelled tickets but we can't use them. ours is more like a couple thousand",
      'labeledExamples',
      2000,
    ],
    ["nobody's ever rated any answers either", 'preferencePairs', 0],
    ['visitors ask questions at kiosks and it must say which record the answer came from', 'needsCitations', true],
  ] as const)('%s → %s', (text, field, value) => {
    expect(read(text)[field as ProfileField]).toEqual(value);
  });

  it('reads prompting that "stopped getting better" as plateaued', () => {
    expect(
      read('we tried just writing a long prompt with all our rules in it, it was ok-ish but stopped getting better')
        .tried,
    ).toEqual([{ method: 'prompt-engineering', result: 'plateaued' }]);
  });

  it('leaves physical sorting and money hurt alone', () => {
    expect(read('volunteers sorted 300 boxes of food').labeledExamples).toBeUndefined();
    expect(read('if we get the prices wrong it could really hurt them financially').safetyCritical).toBeUndefined();
  });
});

describe('questions the fresh scenario batch w81 wanted asked', () => {
  it('asks where the model runs when the task names devices', () => {
    const rec = advise({
      task: 'answer drivers questions from the driver handbook, on company tablets',
      taskType: 'chat',
      goals: ['knowledge'],
      corpusTokens: 90000,
      gpuCount: 0,
      requestsPerDay: 300,
    });
    // (The device's memory follows when the questions' cap leaves room; the w81 case asks both.)
    expect(rec.questions.map((question) => question.field)).toContain('deployment');
  });

  it('asks the monthly budget when an open model would be served with no GPUs of the team’s own', () => {
    const profile = { modelName: 'Llama 3.1 8B', task: 'answer staff questions', taskType: 'chat', gpuCount: 0 };
    expect(advise(profile).questions.map((question) => question.field)).toContain('monthlyBudgetUSD');
    expect(
      advise({ ...profile, deployment: 'cloud-self-hosted' }).questions.map((question) => question.field),
    ).not.toContain('monthlyBudgetUSD');
  });
});

describe('newuser53: facts and questions said in everyday words', () => {
  it.each([
    [
      'we get a few hundred emails a week, maybe 300? a few thousand of them, but nobody has labelled them',
      'requestsPerDay',
      43,
    ],
    [
      'we get a few hundred emails a week, maybe 300? a few thousand of them, but nobody has labelled them',
      'labeledExamples',
      0,
    ],
    ['the old volunteer did tag about 1,500 of them with categories in outlook', 'labeledExamples', 1500],
    [
      'we have maybe a couple hundred old reminder texts the front desk wrote that people liked',
      'labeledExamples',
      200,
    ],
    ['Maybe 2k that editors flagged as really good examples', 'labeledExamples', 2000],
    ['for maybe 500 of them a vet wrote a summary we could use as examples', 'labeledExamples', 500],
    ['like I said, about 500 notes have a summary written by a vet', 'labeledExamples', 500],
    ['the owners really don’t want them going to the cloud'.replace('’', "'"), 'dataMustStayOnPrem', true],
    ["Honestly we'd rather not send unpublished stories to OpenAI.", 'dataMustStayOnPrem', true],
    [
      'we send about 400 reminders a day across all the clinics, plus maybe 50 insurance questions.',
      'requestsPerDay',
      450,
    ],
    ['the summaries have to follow the same layout every time: species, complaint, vitals', 'needsStyleOrFormat', true],
    ['every answer has to point to the doc it came from, there’s a huge pile of them', 'needsCitations', true],
    ['every answer has to point to the doc it came from, there’s a huge pile of them', 'unlabeledCorpus', 'large'],
  ] as const)('%s → %s', (text, field, value) => {
    expect(read(text)[field as ProfileField]).toEqual(value);
  });

  it('reads a prompt that came out "ok but generic, not our voice" as plateaued', () => {
    expect(
      read(
        'We’ve only played with ChatGPT for headlines, they came out ok but generic and a bit clickbaity, not our voice.',
      ).tried,
    ).toEqual([{ method: 'prompt-engineering', result: 'plateaued' }]);
  });

  it('does not read "Microsoft 365" as 365 examples, nor "rather not … if we can avoid it" as a rule', () => {
    expect(
      read("we're on Microsoft 365, no GPUs, just a few laptops", 'labeledExamples').labeledExamples,
    ).toBeUndefined();
    expect(
      read("We'd rather not send their data to OpenAI if we can avoid it, but it's not a hard requirement.")
        .dataMustStayOnPrem,
    ).toBeUndefined();
    expect(
      read('Right now everything runs on-prem, but we’re happy to move to AWS.').dataMustStayOnPrem,
    ).toBeUndefined();
  });

  it('takes the jobs listed in an opening message as the task', () => {
    expect(
      read(
        'two things really: sending appointment reminder texts that sound friendly not robotic, and answering patients questions about what their insurance covers.',
      ).task,
    ).toMatch(/^sending appointment reminder texts/);
  });

  it('asks "can the whole thing stay in house?" as a what-if on residency', () => {
    const asked = extract(
      'Can the whole thing stay in house, on our own servers? Legal is nervous about unpublished copy.',
    );
    expect(asked.intents.whatIf).toBe(true);
    expect(asked.hypothetical?.dataMustStayOnPrem).toBe(true);
  });

  it.each([
    ['which AI model should we use? something like chatgpt?', 'asksModel'],
    ['how do we make sure it never tells a patient something is covered when it isnt??', 'asksHallucination'],
    ['how would we even check the headlines are any good before reporters see them?', 'asksEvaluation'],
    ['under what circumstances would you recommend something different?', 'asksWhatWouldChange'],
  ] as const)('%s → %s', (text, intent) => {
    expect(extract(text).intents[intent]).toBeTruthy();
  });

  it('reads "what’s the price tag … for training that lora?" and "would around 150 examples do?"', () => {
    expect(extract("what's the price tag and time for training that lora?").intents.asksCost).toBe('lora');
    expect(extract('would around 150 examples do for fine-tuning?').intents.asksEnoughData).toBe(150);
  });

  it('sends a no-GPU team on $50 a month to a provider’s tuning job, not a GPU rented all month', () => {
    const rec = advise({
      gpuCount: 0,
      monthlyBudgetUSD: 50,
      task: 'sort about 45 donor emails a day into categories',
      requestsPerDay: 45,
      labeledExamples: 1500,
      taskType: 'classify',
    });
    expect(rec.destination.method).toBe('managed-fine-tuning');
  });

  it('says an API model cannot run on the team’s laptops, with an open model’s 4-bit size', async () => {
    const turns = await converse(
      [
        'We want a model to write product descriptions in our brand voice. 300 good examples, no GPUs at all, about 200 requests a day. just recommend',
        'could it all run on one of our laptops instead of the cloud?',
      ],
      knowledge,
    );
    expect(turns.at(-1)?.reply).toMatch(/runs only on .+ servers, so it cannot run on your own machines/);
  });
});

describe('review28: counter-examples', () => {
  it.each([
    ['We run it on a single A100. We had 3,000 labelled tickets, still 400 of them unreviewed.', 'gpuCount', 1],
    ['It’s for our phone support team: they get 2,000 calls a day.', 'deployment', undefined],
    ['We need the model to tell us which records were fraudulent.', 'needsCitations', undefined],
    [
      "We use GPT-4o for support. I don't think we can change the prompt much more, it's already 3 pages.",
      'canSwitchModel',
      undefined,
    ],
    ['We get 150 receipts a day and 30 tax questions a day in Spanish.', 'requestsPerDay', 180],
    [
      'We get about 2,000 support emails a day, but only 300 of them need a human, not the bot.',
      'requestsPerDay',
      2000,
    ],
    ['The labelled ones are about 40% of the set.', 'labeledExamples', undefined],
    ['The app runs on phones and talks to two A10 servers, they have 24GB of memory.', 'deviceMemoryGB', undefined],
    ["A rude reply could hurt customers' trust in the brand.", 'safetyCritical', undefined],
    [
      'Our phishing filter flags 300 emails a day with hard-coded rules and we could replace them.',
      'canSwitchModel',
      undefined,
    ],
    ['Our documents sit on a pc in the office.', 'deployment', undefined],
    ['Raspberry Pi 5 8GB', 'deviceMemoryGB', 8],
  ] as const)('%s → %s %s', (text, field, value) => {
    expect(read(text.replace('’', "'"))[field as ProfileField]).toEqual(value);
  });

  it('keeps an exact count beside a rough one in an answer', () => {
    expect(read('about 2,500, a few hundred of them checked twice', 'labeledExamples').labeledExamples).toBe(2500);
  });

  it('keeps GPUs said in a "can we keep using …?" question, and grading as the product as prompting tried', () => {
    expect(read('Can we keep using Llama 3.1 8B on our 2 A100s?').gpuCount).toBe(2);
    expect(
      read(
        'We’re building an essay grader. We tried ChatGPT to grade 50 essays and it was good enough.'.replace('’', "'"),
      ).tried,
    ).toEqual([{ method: 'prompt-engineering', result: 'good-enough' }]);
  });

  it('reads "could we squeeze Llama 3.1 70B onto …" as fit and "couldn’t we just write a good prompt?" as why not', () => {
    expect(extract('Could we squeeze Llama 3.1 70B onto our 2 A100s?').intents.asksFit).toBeTruthy();
    expect(extract("Couldn't we just write a really good prompt?").intents.whyNot).toBe('prompt-engineering');
  });

  it('keeps a no-GPU team at 300 requests a day of 5k-token prompts on the provider’s tuning job', () => {
    expect(
      advise({
        gpuCount: 0,
        requestsPerDay: 300,
        inputTokensPerRequest: 5000,
        taskType: 'generate',
        goals: ['style'],
        labeledExamples: 1500,
      }).destination.method,
    ).toBe('managed-fine-tuning');
  });
});

describe('long first messages from batch x61', () => {
  it.each([
    [
      "We've got roughly twelve hundred past summaries the associates wrote by hand that we could use as examples.",
      'labeledExamples',
      1200,
    ],
    [
      "We have about 45k historical shipments with the code the broker finally used, so that's labeled I guess?",
      'labeledExamples',
      45000,
    ],
    ['We already have about 90k emails that 4o has tagged and our agents spot-checked.', 'labeledExamples', 90000],
    ['Now we only have a pair of older 24-gig cards in the server closet.', 'gpuCount', 2],
    ['Now we only have a pair of older 24-gig cards in the server closet.', 'gpuMemoryGB', 24],
  ] as const)('%s → %s', (text, field, value) => {
    expect(read(text)[field as ProfileField]).toEqual(value);
  });

  it('reads GPUs after "if we had, say," as hypothetical', () => {
    const extraction = extract('If we had, say, a couple of H100s would full fine-tuning be on the table?');
    expect(extraction.fields.gpuCount).toBeUndefined();
    expect(extraction.hypothetical?.gpuCount).toBe(2);
  });
});

describe('review27 L3 beside review28 M6', () => {
  it('a model grading a counted batch of outputs is no prompt tried; grading as the product still is', () => {
    expect(read('We used Claude to grade 300 outputs and it was fine but hit and miss.').tried).toBeUndefined();
    expect(
      read("We're building an essay grader. We tried ChatGPT to grade 50 essays and it was good enough.").tried,
    ).toEqual([{ method: 'prompt-engineering', result: 'good-enough' }]);
  });
});
