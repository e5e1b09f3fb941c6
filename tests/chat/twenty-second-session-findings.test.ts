/**
 * Found in the twenty-second session: newuser42's open repros (a second question typed without its mark, retrieval's
 * prompt size, the API bill over budget among the risks, retrieved examples of any kind, "why not a BERT-style encoder",
 * an intake about graded essays), newuser43's trial (a cost-only team, a fit question beside an unanswered one, ranges,
 * per-item counts, a query's size beside the whole prompt's) and batch x51's phrasings.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const extract = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' });
const read = (text: string) => extract(text).fields;

describe('phrasings of batch x51 and the trials', () => {
  it.each([
    ["if we had a bigger budget we'd get H100s but for now its one T4 on colab", { gpuName: 'NVIDIA T4', gpuCount: 1 }],
    [
      'we can spend 20k once on training and then 2k a month on hosting',
      { oneTimeBudgetUSD: 20_000, monthlyBudgetUSD: 2000 },
    ],
    ['we update pricing and stock info daily', { knowledgeChanges: 'daily' }],
    ['tried full fine-tuning of t5 large on our 5k summaries, it overfit', { labeledExamples: 5000 }],
    ['Our model is on azure openai and they let us run fine-tuning jobs on it', { deployment: 'cloud-api' }],
    ['one of us knows ML basics', { mlExpertise: 'basic' }],
    [
      'Intermediate — two engineers who have fine-tuned BERT models before, never an LLM.',
      { mlExpertise: 'intermediate' },
    ],
    [
      'goal is a small model on a laptop w/ 16 gigs of RAM, but the model itself should only take like 8GB of that',
      { deviceMemoryGB: 8 },
    ],
    [
      'we need to flag defects in photos from the factory line (scratches, dents, missing screws) and have 1,200 annotated images',
      { taskType: 'image-understand', labeledExamples: 1200 },
    ],
    ['we have 5,000 essays graded by teachers', { labeledExamples: 5000 }],
    ['5,000 teacher-graded essays', { labeledExamples: 5000 }],
    ["We've logged about 200k GPT-4o input/output pairs over the last months", { labeledExamples: 200_000 }],
    ['Management wants that bill cut in half.', { goals: ['cost'] }],
    ["the outputs are good — quality is fine, it's purely the cost.", { goals: ['cost'] }],
    ['Maybe 3-5k clauses a day at first.', { requestsPerDay: 4000 }],
    ['Not 3 — three to five THOUSAND a day.', { requestsPerDay: 4000 }],
    ['we get 1,000-2,000 tickets a day', { requestsPerDay: 1500 }],
    ['queries are ~60 tokens, prompt maybe 300.', { inputTokensPerRequest: 300 }],
    [
      'With retrieval each question will pull about 4,000 tokens of policy text into the prompt, and answers are ~150 tokens.',
      { inputTokensPerRequest: 4000, outputTokensPerRequest: 150 },
    ],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('reads the team, then what it does, as the task: a grade is a label', () => {
    expect(
      read(
        'We are an ed-tech company in São Paulo grading short student essays in Portuguese with Gemini 2.5 Flash; we have 5,000 essays graded by teachers.',
      ),
    ).toMatchObject({
      task: 'grading short student essays in Portuguese',
      taskType: 'classify',
      labeledExamples: 5000,
    });
    // (Grading with written feedback writes text.)
    expect(read('we auto-grade short answers and give feedback in a warm tone').taskType).not.toBe('classify');
  });

  it.each([
    ['our language has ~120 functions and a lot of them appear in maybe 2-3 examples only.', 'labeledExamples'],
    ['we spend 20 to 30 minutes a day on it', 'requestsPerDay'],
    ['the others are busy with radiology', 'safetyCritical'],
    ["Everything has to stay inside our hospital network. it's clinical notes.", 'taskType'],
    ["we'll have 2k once we launch", 'oneTimeBudgetUSD'],
  ] as const)('reads no fact from %s', (text, field) => {
    expect(read(text)[field]).toBeUndefined();
  });

  it("reads a correction passed on from a colleague as the team's figure", () => {
    expect(
      read(
        'Correction from my colleague: notes plus letter average about 2,000 tokens, not 3,500. Does that change the training time?',
      ).exampleTokens,
    ).toBe(2000);
  });

  it('takes the device back when the model will not run on it, and reads the new place', () => {
    const result = extract(
      "No no, it won't run on laptops — it'll run on a small cloud server in AWS São Paulo. The MacBook was only for training.",
    );
    expect(result.fields.deployment).toBe('cloud-self-hosted');
    expect(result.removedGoals).toContain('on-device');
    expect(result.removedFields).toContain('deviceMemoryGB');
    expect(read("the training data is fine to send to a cloud GPU for training, it's not sensitive")).toMatchObject({
      dataMustStayOnPrem: false,
    });
  });

  it('asks the question a "So what\'s your recommendation now?" asks: the answer', () => {
    expect(extract("So what's your recommendation now?").intents.justRecommend).toBe(true);
    expect(extract("what's your recommendation on the budget question?").intents.justRecommend).toBe(false);
  });

  it('reads a second question typed without its mark, beside one that has it', () => {
    const { intents } = extract(
      'That is tight against the budget. Would prompt caching help here? And separately, why not fine-tune GPT-4o mini so it writes better Pidgin — we have about 3,000 agent replies in Pidgin we could use.',
    );
    expect(intents.separately?.map((question) => question.text)).toEqual([
      'Would prompt caching help here?',
      expect.stringMatching(/^separately, why not fine-tune GPT-4o mini/),
    ]);
  });

  it('reads an encoder weighed as the model to use, only in the sentence that weighs it', () => {
    expect(extract('Why not fine-tune a BERT-style encoder classifier instead of an 8B LLM?').intents).toMatchObject({
      asksEncoderInstead: true,
    });
    const other = extract('we use a BERT encoder for search today. Why not QLoRA?').intents;
    expect(other.asksEncoderInstead).toBeUndefined();
    expect(other.whyNot).toBe('qlora');
  });

  it('keeps the values of a question nothing answers out of the "what if" of the other', () => {
    const result = extract(
      'Two questions: would QLoRA of the 70B fit on just ONE of the L40S? And would a full fine-tune of Llama 3.1 8B across the 4 cards be a better idea than LoRA on the 70B?',
    );
    expect(result.hypothetical).toBeUndefined();
    expect(result.intents).toMatchObject({ asksFit: 'qlora', asksFitGpus: 1 });
  });
});

describe('phrasings of batch x52', () => {
  it.each([
    [
      'I know they let you fine-tune it via the api but we havent touched that. we are on gpt-4o mini',
      { modelAccess: 'api-with-finetuning' },
    ],
    [
      'we tried few-shot prompting with like ten examples in the prompt, got to maybe 70% accuracy and it wont budge',
      { tried: [{ method: 'in-context-learning', result: 'plateaued' }] },
    ],
    ['RAG we already did and its fine for the factual stuff.', { tried: [{ method: 'rag', result: 'good-enough' }] }],
    ['we want the model to lean towards what people liked', { goals: ['alignment'] }],
    ['we want a much smaller student that costs way less to run', { goals: ['cost'] }],
    ['actually scratch what I said about Qwen2.5 7B, we moved to the 14B last sprint', { modelName: 'Qwen2.5 14B' }],
    ['we moved from Qwen2.5 7B to the 14B', { modelName: 'Qwen2.5 14B' }],
    ['the monthly number I gave you was wrong btw, its 2k/month not 20k, I added a zero', { monthlyBudgetUSD: 2000 }],
    [
      "it has to follow a strict SOAP note format for the doctors, and it's clinical so mistakes are a real problem",
      { needsStyleOrFormat: true, goals: ['format'], safetyCritical: true, taskType: 'generate' },
    ],
    [
      "it's a search tool over historical court rulings. the archive is frozen, nothing new ever gets added",
      { taskType: 'search', knowledgeChanges: 'never' },
    ],
    [
      "we use SDXL to generate product lifestyle shots but it doesnt get our brand's look at all",
      { needsStyleOrFormat: true, goals: ['style'] },
    ],
    [
      "is it a problem that we're on Gemma 2 9B IT? the instruct one. running it on a single L4 on GCP",
      { modelName: 'Gemma 2 9B', modelStage: 'instruct' },
    ],
    ["the team is all ML engineers who've trained plenty of models", { mlExpertise: 'expert' }],
    [
      'a photo of a sneaker comes in, we need brand, colorway and model name out of it',
      { taskType: 'image-understand' },
    ],
    [
      'the model is an in-house 13B our research team pretrained, so we have full access to the weights',
      { modelParamsB: 13, modelAccess: 'open-weights' },
    ],
    ["we're looking at 800-1200 requests a day, is self hosting even worth it?", { requestsPerDay: 1000 }],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('reads "three hundred and fifty thousand" as one number, not a range', () => {
    expect(read('three hundred and fifty thousand requests a day').requestsPerDay).toBe(350_000);
  });
});

describe('trial paraphrases (newuser43)', () => {
  it.each([
    ['is 24 gigs on the 4090 gonna be enough for the training or will we OOM?', { asksFit: true }],
    [
      'could we get the bill down by caching that big system prompt or batching some of the calls?',
      { asksCostLevers: true },
    ],
    ['are we actually allowed to use Llama 3.1 in a commercial product we sell?', { asksLicence: 'Llama 3.1 8B' }],
    [
      "can that one L40S also serve the 400 letters a day once it's trained, or do we need another card for inference?",
      { asksServingPerDay: 400, asksFitFor: 'serving' },
    ],
    [
      'how good is Llama 3.1 8B at German medical writing?',
      { asksLanguage: { languages: ['german'], model: 'Llama 3.1 8B' } },
    ],
    [
      "Can OpenAI even still fine-tune for us? We've never used their fine-tuning before.",
      { asksTuningChannel: { provider: 'openai' } },
    ],
    [
      "You didn't answer the money part. Renting one L4 around the clock — what's that per month vs the Flash-Lite bill?",
      { asksRentMonthly: { count: 1, gpu: 'NVIDIA L4' } },
    ],
  ])('%s', (text, expected) => {
    expect(extract(text).intents).toMatchObject(expected);
  });

  it('reads a residency rule in any country, and pseudonymising as a privacy question', () => {
    expect(
      extract('The data has to be processed in Brazil (LGPD, São Paulo region), not abroad.').intents.dataRegion,
    ).toBe('Brazil');
    expect(extract("Remember the data can't leave Brazil.").intents.dataRegion).toBe('Brazil');
    expect(
      extract('Is this approach safe enough for clinical use, and should we pseudonymise the letters before training?')
        .intents,
    ).toMatchObject({ asksSafety: true, asksPrivacy: true });
  });

  it('prices a GPU rented around the clock against the plan, and saves no GPU', async () => {
    const turns = await converse(
      [
        'We call GPT-4o to pull attributes out of seller listings as JSON, 15,000 calls a day; we pay about $3,500 a month and want that bill cut in half. We have 200k logged GPT-4o input/output pairs. We can switch models, we have no GPUs, one-time budget $9,500, intermediate ML team. Just recommend.',
        "Renting one L4 around the clock — what's that per month vs the bill you planned?",
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    // 730 hours × $0.44 = $321.
    expect(reply).toMatch(/^One NVIDIA L4 around the clock: about \$321 a month \(730 hours × \$0\.44 per GPU-hour/);
    expect(reply).toMatch(
      /The plan's bill on .+ is about \$[\d,]+ a month at your volume: renting costs about [\d.]+× as much/,
    );
    expect(turns[1]?.state.profile.gpuName).toBeUndefined();
  });
});

describe('more trial phrasings (newuser43)', () => {
  it.each([
    ["Latency isn't critical, a couple of seconds is fine, it's batch-ish.", { latencyTargetMs: 2000 }],
    ['a few seconds per query is ok', { latencyTargetMs: 3000 }],
    [
      'Our prompts are about 600 tokens and answers about 250.',
      { inputTokensPerRequest: 600, outputTokensPerRequest: 250 },
    ],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('reads training on the MacBooks as no deployment, and a catalog encoder as the model weighed', () => {
    expect(read('Two things: can we just fine-tune on our MacBooks instead of renting?').deployment).toBeUndefined();
    const intents = extract('why not XLM-RoBERTa Base?').intents;
    expect(intents.asksWhyNotModel).toBe('XLM-RoBERTa Base');
    expect(intents.asksEncoderInstead).toBeUndefined();
  });

  it('says whether the bill after a move to a cheaper API model fits the budget, and who bills the tuning job', async () => {
    const turns = await converse(
      [
        'We call GPT-4o to pull attributes out of seller listings as JSON, 15,000 calls a day; we pay about $3,500 a month and want that bill cut in half. We have 200k logged GPT-4o input/output pairs. We can switch models, we have no GPUs, one-time budget $9,500, monthly budget $1,786, intermediate ML team. Just recommend.',
        'What would the tuning job cost one-time on Vertex, and what would our monthly bill be after switching? Does it fit under our monthly budget?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/^Yes, it fits your \$1,786 monthly budget\. Today: GPT-4o calls cost \$3,500 a month/);
    expect(reply).toContain('The tuning job itself is billed by Google Vertex AI');
  });
});

describe('review22 findings', () => {
  it.each(['The assistant will be used for medical advice to patients.', 'It will be used for triage in the ER.'])(
    'keeps %s safety-critical',
    (text) => {
      expect(read(text).safetyCritical).toBe(true);
    },
  );

  it.each([
    ['Formatting errors are a big problem for our JSON parser.', 'safetyCritical'],
    ['Prices change 2-3 times a week.', 'requestsPerDay'],
    ['We run 2 to 3 experiments a week', 'requestsPerDay'],
    ['Traffic is about 3k a month, growing once launched.', 'monthlyBudgetUSD'],
    ['Annotators relabel about 200 once per quarter.', 'oneTimeBudgetUSD'],
    ['We tried full fine-tuning of T5 on 3 years of tickets.', 'labeledExamples'],
    ['We update the training data monthly.', 'knowledgeChanges'],
    ['Nothing is changed in the prompt between requests.', 'knowledgeChanges'],
    ["Honestly we don't get the feel of how LoRA works yet.", 'goals'],
  ] as const)('reads no %s from it', (text, field) => {
    expect(read(text)[field]).toBeUndefined();
  });

  it('reads growth at its upper end, a frequency of changes as knowledge changes, and a corrected period', () => {
    expect(read('We went from 1k to 5k requests a day.').requestsPerDay).toBe(5000);
    expect(read('Prices change 2-3 times a week.').knowledgeChanges).toBe('weekly');
    expect(read("The monthly number I gave you was wrong, it's 2k not 20k.")).toEqual({ monthlyBudgetUSD: 2000 });
  });

  it("moves the team's model only on its own move, within the generation", () => {
    expect(read('We moved from Llama 2 7B to the 70B last month.').modelName).toBe('Llama 2 70B');
    expect(read('We use Qwen2.5 7B. We have not moved to the 14B yet because it does not fit.').modelName).toBe(
      'Qwen2.5 7B',
    );
    expect(read('We use Qwen2.5 7B; our competitor switched to the 14B.').modelName).toBe('Qwen2.5 7B');
  });

  it('reads a rented GPU as a question only when asked, and keeps an encoder question to encoders weighed', () => {
    const stated = extract(
      'We classify support tickets into 10 queues. We rent one A100 around the clock already. What would GPT-4o cost per month?',
    );
    expect(stated.intents.asksRentMonthly).toBeUndefined();
    expect(stated.fields.gpuCount).toBe(1);
    expect(
      extract('We currently use a BERT classifier, should we fine-tune Llama 3.1 8B instead?').intents
        .asksEncoderInstead,
    ).toBeUndefined();
    expect(
      extract(
        'We replaced our old BERT model with GPT-4o mini last year, so why not LoRA on Llama 3.1 8B instead of prompting?',
      ).intents.whyNot,
    ).toBe('lora');
    expect(
      extract('Could we fine-tune just the vision encoder instead of the whole model?').intents.asksEncoderInstead,
    ).toBeUndefined();
  });

  it('does not turn statements into questions, nor a stated practice into the cost-levers question', () => {
    expect(
      extract('We answer questions with GPT-4o mini. What would help most is lower latency. Which model should we use?')
        .intents.unanswered,
    ).toBeUndefined();
    expect(
      extract('We already batch all of our requests overnight. Which model is the cheapest?').intents.asksCostLevers,
    ).toBeUndefined();
    expect(
      extract("Are we allowed to use our customers' chat logs to train the product assistant?").intents.asksLicence,
    ).toBeUndefined();
  });

  it('keeps the on-device goal when only a model tried will not run there, and a GPU named with its count', () => {
    expect(
      extract(
        "It has to run offline on our Android phones with 6 GB of RAM; the 8B model we tried won't run on the phones.",
      ).removedGoals,
    ).toBeUndefined();
    expect(read('Would full fine-tuning fit, since we have 8 H100s?')).toMatchObject({
      gpuCount: 8,
      gpuName: 'NVIDIA H100 SXM',
    });
  });

  it('keeps QLoRA for a named 70B on one GPU of unknown memory', async () => {
    const turns = await converse(
      [
        'We classify support tickets into 8 categories with Llama 3.1 70B. We have 5k labeled tickets, one GPU in our own server room, data must stay on-prem, one-time budget 3k. just recommend',
      ],
      knowledge,
    );
    expect(turns[0]?.recommendation?.destination.method).toBe('qlora');
  });

  it('answers an image task with an image encoder, not "written output"', async () => {
    const turns = await converse(
      [
        'We flag defects in photos from the factory line; 5k labeled photos, 2 A100s. just recommend',
        'Why not a small encoder classifier instead of the big model?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/^A text encoder such as BERT reads no images/);
  });
});

describe('newuser44 phrasings', () => {
  it.each([
    ['we have roughly 3-5 thousand past letters with the replies caseworkers actually sent', { labeledExamples: 3000 }],
    ['We have 1,500 agreements hand-checked by a lawyer.', { labeledExamples: 1500 }],
    ['Correction: it is more like 6,000 letters, not 4k, I checked with records management', { labeledExamples: 6000 }],
    [
      'sorry, correction: the cards are 80GB not 40GB, I misremembered. And we have 16 of them, not 8',
      { gpuMemoryGB: 80, gpuCount: 16 },
    ],
    ["wait, I mis-said: it's 2k agreements a day not 20k. does the advice change?", { requestsPerDay: 2000 }],
    ['Budget-wise we have maybe 8-10 tys. zł for the whole AI part, 1 USD ≈ 4 zł', { oneTimeBudgetUSD: 2500 }],
    ['we would like to get the bill down to maybe ₹40-50k/month, 1 USD = 84 INR', { monthlyBudgetUSD: 595 }],
    [
      'it has to run locally on the players PC, no servers (we cant pay for inference for a $20 game). min spec is a GTX 1660 with 6GB VRAM',
      { deviceMemoryGB: 6 },
    ],
    ["What would the realistic timeline be to get this live? we've been told 3 months", { timelineWeeks: 13 }],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    ['it has to run locally on the players PC (we cant pay for inference for a $20 game)', 'monthlyBudgetUSD'],
    ['we would like to get the bill down to maybe ₹40-50k/month, 1 USD = 84 INR', 'task'],
    ['we want to get the bill down to 40-50k a month', 'requestsPerDay'],
    ['Chemistry Q&A assistant. Base model candidates: Llama 3.1 70B or 8B. 8x A100 80GB.', 'modelStage'],
    ['Chemistry Q&A assistant. Base model candidates: Llama 3.1 70B or 8B. 8x A100 80GB.', 'modelName'],
  ] as const)('reads no %s from it', (text, field) => {
    expect(read(text)[field]).toBeUndefined();
  });

  it('reads "12 characters" as no device memory, answering the device question', () => {
    expect(
      extractProfile('we have ~800 hand-written dialogue lines across 12 characters', {
        knowledge,
        today: '2026-12-06',
        requestedField: 'deviceMemoryGB',
      }).fields.deviceMemoryGB,
    ).toBeUndefined();
  });

  it.each([
    [
      'should I SFT on the 40k GPT outputs, the 1.5k lawyer ones, or both?',
      { asksDataMix: { teacherCount: 40_000, humanCount: 1500 } },
    ],
    ['is 2000 really enough to fine-tune?', { asksEnoughData: 2000 }],
    // (The count said before "really enough", also with a word between: "is 12,000 graded essays enough?")
    ['is 800 lines really enough? some characters only have ~30 lines each', { asksEnoughData: 800 }],
  ])('%s', (text, expected) => {
    expect(extract(text).intents).toMatchObject(expected);
  });

  it('reads "is 24 GB enough?" as no question about data', () => {
    expect(extract('is 24 GB enough?').intents.asksEnoughData).toBeUndefined();
  });

  it('answers "why not fine-tune GPT-4o mini on OpenAI?" with whether that channel is open to the team', async () => {
    const turns = await converse(
      [
        'We call GPT-4o to pull attributes out of seller listings as JSON, 15,000 calls a day; we pay about $3,500 a month and want that bill cut in half. We have 200k logged GPT-4o input/output pairs. We can switch models, we have no GPUs, one-time budget $9,500, intermediate ML team. Just recommend.',
        'Why not just fine-tune GPT-4o mini on OpenAI with our 200k logs — isnt that simplest since we are already on OpenAI?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toContain('closed to organisations that never used fine-tuning (from 2026-05-07)');
  });

  it('keeps the A100 variant stated before, beside a "what if"', async () => {
    const turns = await converse(
      [
        'We have 8x A100 40GB in our cluster. We want a chemistry Q&A assistant.',
        'Data: about 2 billion tokens of chemistry papers, plus 12k expert-written Q&A pairs.',
        'just recommend',
        'will full-parameter DPO fit on our A100s for Llama 3.1 8B?',
      ],
      knowledge,
    );
    expect(turns[3]?.reply).not.toContain('Noted: NVIDIA A100 80GB');
    expect(turns[3]?.reply).toContain('you have 40 GB on each of your 8 GPUs');
  });
});

describe('replies', () => {
  it('answers both questions of a message whose second one has no question mark', async () => {
    const turns = await converse(
      [
        'Our WhatsApp support assistant runs on GPT-4o mini; policy docs (600 pages) change weekly and answers must cite them; 35,000 requests a day; monthly budget $774. Just recommend.',
        'That is tight against the budget. Would prompt caching help here? And separately, why not fine-tune GPT-4o mini so it writes better Pidgin — we have about 3,000 agent replies in Pidgin we could use.',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/fine-tuning is possible, but/i);
    expect(reply).toMatch(/Prompt caching bills a repeated prompt prefix/);
  });

  it('keeps the prompt size retrieval adds for the next cost answer', async () => {
    const turns = await converse(
      [
        'Our WhatsApp support assistant runs on GPT-4o mini; policy docs (600 pages) change weekly and answers must cite them; 35,000 requests a day. Just recommend.',
        'With retrieval each question will pull about 4,000 tokens of policy text into the prompt, and answers are ~150 tokens. Does your estimate include that?',
        'What about prompt caching or the Batch API for the bill?',
      ],
      knowledge,
    );
    // 35,000 × 30 × (4,000 × $0.15 + 150 × $0.60) / 1e6 = $724.50.
    expect(turns[2]?.reply).toContain("today's bill of about $725 a month");
  });

  it('lists an API bill over the monthly budget among the risks, with how far over', async () => {
    const turns = await converse(
      [
        'Our support assistant runs on GPT-4o mini via the API, 140,000 requests a day, prompts about 4,000 tokens in and 150 out; weekly-changing 600 pages of policy, answers must cite them; monthly API budget $774. Just recommend.',
        'What are the biggest risks of this plan for us?',
      ],
      knowledge,
    );
    // 140,000 × 30 × (4,000 × $0.15 + 150 × $0.60) / 1e6 = $2,898, 3.7 times $774.
    expect(turns[1]?.reply).toMatch(
      /\*\*The bill\.\*\* At your volume the bill comes to about \$2,898 a month, 3\.7× your \$774 budget/,
    );
  });

  it('answers retrieved examples of any kind as dynamic few-shot', async () => {
    const turns = await converse(
      [
        'Our real-estate agency in Toronto uses GPT-4.1 mini via the API to write listing descriptions; we have about 4,000 past listings our agents rated as excellent. Just recommend.',
        'could we retrieve 3-4 similar past good listings per request and put them in as examples?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/^Yes: that is dynamic few-shot/);
  });

  it('weighs a BERT-style encoder against the plan: the cheap baseline, and its 512-token limit for long texts', async () => {
    const turns = await converse(
      [
        'We classify Indian court judgments (about 6,000 tokens each) into 40 categories with Llama 3.1 8B; 8,000 labelled; few-shot plateaued. No GPUs. Just recommend.',
        'Why not fine-tune a BERT-style encoder classifier instead of an 8B LLM? It would be much cheaper to serve.',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toContain('as the baseline Llama 3.1 8B has to beat');
    expect(reply).toContain('Your 8,000 labelled examples are enough to train it');
    expect(reply).toContain("BERT's position embeddings stop at 512 tokens");
    expect(reply).toContain('your texts run about 6,000');
    expect(reply).toContain('arxiv.org/abs/1810.04805');
  });

  it('turns down an encoder for a task that writes text', async () => {
    const turns = await converse(
      [
        'We draft replies to customer emails with Llama 3.1 8B; 5,000 good replies; two A100s. Just recommend.',
        'Why not a BERT classifier instead?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(
      /^Not for this task: an encoder such as BERT labels, tags and embeds text but writes none/,
    );
  });

  it('asks where a Gemini model is tuned in words about that channel', async () => {
    const turns = await converse(
      ['We grade student essays in Portuguese with Gemini 2.5 Flash; 5,000 essays graded by teachers. Just recommend.'],
      knowledge,
    );
    expect(turns[0]?.reply).toContain(
      "Where can you use Gemini 2.5 Flash: only through its vendor's own API, or also on Google Vertex AI (Gemini Enterprise Agent Platform), where tuning jobs run?",
    );
  });

  it("answers a fit question about the team's own model on that model, and names the other question as unanswered", async () => {
    const turns = await converse(
      [
        'I am the ML lead at a university hospital in Germany. We want a model that drafts discharge letters in German from ward notes; a physician always reviews and signs. Patient data must never leave our data centre. We have 4 L40S cards in-house.',
        'Mostly style and structure: the letters have to follow our house template. We were thinking of Llama 3.1 70B.',
        'somewhere around 3000 usable pairs after cleaning. Each pair is long though — notes plus letter is roughly 3,500 tokens.',
        'Around 400 letters a day. Budget for the project is about $27,000, hardware is already paid.',
        'Nothing tried yet. Two questions: would QLoRA of the 70B fit on just ONE of the L40S (the others are busy with radiology)? And would a full fine-tune of Llama 3.1 8B across the 4 cards be a better idea than LoRA on the 70B?',
      ],
      knowledge,
    );
    const reply = turns[4]?.reply ?? '';
    expect(reply).toMatch(/On Llama 3\.1 70B: No: QLoRA needs about \d+ GB and you have 48 GB/);
    expect(reply).not.toMatch(/On Llama 3\.1 8B: No/);
    expect(reply).toContain("I can't answer “would a full fine-tune of Llama 3.1 8B");
  });
});
