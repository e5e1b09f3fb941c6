/**
 * Found in the twenty-first session: batch x48's phrasings (a rule's threshold is no budget, "the 40 gig version" after
 * a correction, a provider that offers tuning jobs, wire stories that update every few minutes, a voice that "has to
 * sound warm"), and newuser40's cost question asked of a plan that moved to another model, with the request size in
 * the same message.
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
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' }).fields;

describe('phrasings of batch x48', () => {
  it.each([
    [
      'keeps ignoring half our system prompt rules (always escalate refunds over $500). we have 1200 good example conversations',
      { goals: ['instruction-following'], labeledExamples: 1200 },
    ],
    ["sorry, typo earlier, it's 3 A100s not 2. the 40 gig version", { gpuCount: 3, gpuName: 'NVIDIA A100 40GB' }],
    [
      "we only get the model through the provider's API, no weights, but they do offer fine-tuning jobs on it",
      { modelAccess: 'api-with-finetuning' },
    ],
    ['i know python and did a couple of kaggle tutorials but never fine-tuned anything', { mlExpertise: 'basic' }],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('reads an amount that is a rule threshold as no budget, and a cap as one', () => {
    expect(read('always escalate refunds over $500 to a human').oneTimeBudgetUSD).toBeUndefined();
    expect(read('orders above $1,000 need a second check').oneTimeBudgetUSD).toBeUndefined();
    expect(read('we can spend under $500 on this').oneTimeBudgetUSD).toBe(500);
  });

  it('reads a newsroom over its archive and the wire: knowledge, sources, daily changes', () => {
    const fields = read(
      "reporters want an assistant that answers from our archive plus today's wire stories, with every claim linked to the source article. the wire updates every few minutes.",
    );
    expect(fields.goals).toEqual(expect.arrayContaining(['knowledge', 'citations']));
    expect(fields.needsCitations).toBe(true);
    expect(fields.knowledgeChanges).toBe('daily');
  });

  it.each([
    ['Chatbot for a distillery, has to sound warm and a bit cheeky, never corporate', 'style'],
    ['we want SDXL product shots that always match our signature look', 'style'],
    ['want a model that actually knows our domain instead of generic insurance talk', 'knowledge'],
    ['a code assistant that knows our internal Kotlin framework', 'knowledge'],
  ])('%s → %s', (text, goal) => {
    expect(read(text).goals).toContain(goal);
  });

  it.each([
    ['We want to auto-generate first drafts of adverse event narratives from structured case data.'],
    ['each customer wants their own flavour of the email drafting feature'],
  ])('%s is a generation task', (text) => {
    expect(read(text).taskType).toBe('generate');
  });

  it('reads what an answer "comes out at" as output tokens', () => {
    expect(read('a sheet comes out at roughly 600 tokens').outputTokensPerRequest).toBe(600);
  });
});

describe('the cost of a plan that moved to another model', () => {
  it("prices the plan's model at the request size in the question, with the tuning job and today's bill beside it", async () => {
    const turns = await converse(
      [
        'We use GPT-4.1 mini through the OpenAI API; the tone drifts away from our brand voice. No GPUs, no ML experience. 400 labeled examples. Another model is fine. About 60 requests a day, one-time budget $1,587, monthly $952. Just recommend.',
        'OK. What would running this cost us per month, and what would the tuning job itself cost once? Our prompts are around 2,500 tokens with the instructions and a sheet comes out at roughly 600 tokens.',
      ],
      knowledge,
    );
    const [plan, cost] = turns;
    const model = plan?.recommendation?.destination.model.name;
    expect(plan?.recommendation?.destination.model.switched).toBe(true);
    expect(cost?.reply).toContain(`Running it on ${model}: about $`);
    expect(cost?.reply).toContain('(at your 2,500 input and 600 output tokens a request)');
    expect(cost?.reply).toMatch(/The tuning job itself is billed by/);
    expect(cost?.reply).toMatch(/Today's GPT-4\.1 mini calls cost/);
    expect(cost?.reply).not.toMatch(/^No:/);
  });
});

const CONTRACTS =
  'We extract clause fields from contracts into JSON with Qwen2.5 14B Instruct on one A100 40GB in our own rack; contracts must never leave our servers. 800 annotated contracts, about 6,800 tokens each including the JSON. Prompting plateaued at 71%.';

describe('newuser41: questions keep the facts, and are answered', () => {
  it('a bill comparison stores nothing, and sets the plan’s own bill beside the one asked about', async () => {
    const turns = await converse(
      [
        'We classify Japanese defect reports into 40 categories with GPT-4o mini through the API, 30,000 reports a day, prompt is good enough but the bill is too high. Another model is fine. We have 3,500 hand-labeled reports. We own no GPUs. Just recommend.',
        'OK. Compare for me: monthly cost of serving a distilled student on a rented GPU, versus the tuned Gemini 2.5 Flash-Lite, at our 30,000 reports a day.',
      ],
      knowledge,
    );
    const [first, compare] = turns;
    expect(compare?.state.profile).toEqual(first?.state.profile);
    expect(compare?.reply).toMatch(/^If you had 1 rented GPU and self-hosted in the cloud:/);
    // (Since the twenty-third session the plan is a student, not a tuned Flash-Lite: the model named is billed apart.)
    expect(compare?.reply).toMatch(/On Gemini 2\.5 Flash-Lite, calls cost about \$\d+ a month at the same volume/);
    expect(compare?.reply).toContain('Nothing is saved');
  });

  it('a budget for rented GPUs is money, not a cloud deployment', () => {
    const fields = read(
      'We run Llama 3.1 8B Instruct on one RTX 3090 in our office. Our one-time budget for any rented GPUs is R$ 2.000 (a dollar is about 5.4 reais).',
    );
    expect(fields.deployment).toBeUndefined();
    expect(fields.oneTimeBudgetUSD).toBe(370);
    expect(read("we're fine renting GPUs up to about $200").deployment).toBeUndefined();
    expect(read('we rent two A100s on Lambda for serving').deployment).toBe('cloud-self-hosted');
  });

  it('a "why not …" proposal saves none of its facts', async () => {
    const turns = await converse(
      [
        'We classify defect reports into 40 categories with GPT-4o mini through the API, 30,000 reports a day. Another model is fine. We have 3,500 hand-labeled reports. We own no GPUs. Just recommend.',
        'Why not distill instead: train our own small classifier, e.g. XLM-RoBERTa, on the 200k GPT-4o-mini-labeled reports plus our 3,500 gold ones, and serve it ourselves on a cheap rented GPU?',
      ],
      knowledge,
    );
    expect(turns[1]?.kind).toBe('why');
    expect(turns[1]?.state.profile).toEqual(turns[0]?.state.profile);
  });

  it('a budget question in another currency is about money: the verdict first, with the levers', async () => {
    const turns = await converse(
      [
        'Agritech in Nairobi: an SMS assistant answering from 1,200 pages of extension manuals revised monthly, on Gemini 2.5 Flash via the API. No GPUs; data may go to the cloud. Each request is about 3,000 tokens in and 150 out. Our monthly budget is $310. Just recommend.',
        'Update: volume will be more like 12,000 SMS a day. Does Gemini 2.5 Flash still fit our KSh 40,000 a month (1 USD is about 129 KSh)?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/^Noted: 12,000 requests per day\. No, it is over your \$310 monthly budget\./);
    expect(reply).toMatch(/about \$459 a month of API calls/);
    expect(reply).toMatch(/That is about \$149 \(48%\) too much: cache the shared part of the prompt/);
    expect(reply).not.toMatch(/GPU memory/);
  });

  it('reads a monthly budget "for the model bill" beside a one-time one, each with its own period', () => {
    expect(
      read(
        'Our monthly budget for the model bill is KSh 40,000, and we have KSh 500,000 one-time for setup (1 USD is about 129 KSh).',
      ),
    ).toMatchObject({ monthlyBudgetUSD: 310, oneTimeBudgetUSD: 3876 });
    expect(read('Monthly budget $200, one-time budget $0, about 5,000 questions a day.')).toMatchObject({
      monthlyBudgetUSD: 200,
      oneTimeBudgetUSD: 0,
    });
  });

  it('reads "the prompt with category definitions is about 2,500 tokens"', () => {
    expect(
      read(
        'Each request is long: the prompt with category definitions is about 2,500 tokens and the answer is ~20 tokens.',
      ),
    ).toMatchObject({ inputTokensPerRequest: 2500, outputTokensPerRequest: 20 });
  });

  it('says DPO with adapters needs QLoRA when 16-bit LoRA does not fit, and answers the second question with it', async () => {
    const turns = await converse(
      [
        `${CONTRACTS} We also have 2,500 preference pairs (model JSON vs lawyer-corrected JSON). Just recommend.`,
        'Will full-parameter DPO fit on our A100 40GB? If not, what does LoRA-based DPO need?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/about 310 GB, and you have 40 GB/);
    expect(reply).toMatch(
      /With QLoRA \(a 4-bit base and adapters\) it needs about 39 GB, which fits; 16-bit LoRA does not fit/,
    );
    expect(reply).not.toMatch(/With LoRA it needs about 39 GB/);
    expect(reply).not.toMatch(/I can't answer/);
  });

  it('"why not just QLoRA?" sets the two memories side by side and says which is safer', async () => {
    const turns = await converse(
      [`${CONTRACTS} Just recommend.`, 'If LoRA only fits with Liger, why not just QLoRA?'],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(
      /^\*\*QLoRA works too\.\*\* QLoRA needs about 25 GB of your 40 GB: it fits\. LoRA needs about 45 GB/,
    );
    expect(reply).toMatch(/LoRA stays the plan; if it runs out of memory, QLoRA is the fallback on the same GPUs/);
    expect(reply).not.toMatch(/LoRA fits better|Training takes the most time/);
  });

  it('answers a serving question about "the tuned 14B" on the serving side', async () => {
    const turns = await converse(
      [
        `${CONTRACTS} Just recommend.`,
        'Can our single A100 40GB serve the tuned 14B for about 2,000 contracts a day, 6,000 tokens in and 800 out each?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/^Yes: serving Qwen2\.5 14B in 16-bit, with its KV cache, needs about 32 GB/);
  });

  it('answers "is 3,500 hand-labeled reports enough for 40 categories?" per class', async () => {
    const turns = await converse(
      [
        'We classify defect reports into 40 categories with GPT-4o mini; 3,500 hand-labeled reports. Just recommend.',
        'Is 3,500 hand-labeled reports enough for 40 categories? A few rare categories only have about 25 examples each.',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/Over 40 classes that is about 88 per class/);
    expect(turns[1]?.reply).toMatch(/rare classes with about 25 examples/);
  });

  it('single thumbs votes asked "for DPO after the LoRA" are not pairs', async () => {
    const turns = await converse(
      [
        'We run Llama 3.1 8B Instruct on one RTX 3090. 9,000 labeled support conversations, prompting plateaued on our JSON format. Just recommend.',
        'We also log a thumbs up / thumbs down from customers on about 20k bot replies. Could we use those for DPO after the LoRA?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/^Not as they are\. DPO learns from pairs/);
  });
});

describe('a classifier in another language, with a teacher’s labels', () => {
  it('keeps the language with the task and reads the labels a model made as its teacher', () => {
    const fields = read(
      'Our QA engineers write defect reports in Japanese and we classify each report into one of 40 defect categories with GPT-4o mini. We have 3,500 reports labeled by hand, plus about 200,000 past reports that GPT-4o mini already labeled in production.',
    );
    expect(fields.task).toBe('classify each report into one of 40 defect categories (in Japanese)');
    expect(fields.teacherModel).toBe('GPT-4o mini');
    expect(fields.labeledExamples).toBe(3500);
  });
});

describe('phrasings of batch x49', () => {
  it.each([
    [
      'we serve 35 insurance brokers and each one wants the assistant to follow their own underwriting guidelines',
      { tasksCount: 35 },
    ],
    ['we have two 48 gig cards in the office and 12 weeks for this project', { timelineWeeks: 12 }],
    [
      'it runs on a jetson-type box on the factory floor, 8GB memory for the model, no internet there.',
      { deviceMemoryGB: 8 },
    ],
    ['the phone only has like 4 gigs we can use, it has to work offline in rural clinics', { deviceMemoryGB: 4 }],
    ["Is 500 examples enough? That's all we have for the intent classifier", { labeledExamples: 500 }],
    ['we already distilled it from gpt-4.1 outputs and that is good enough', { teacherModel: 'GPT-4.1' }],
    ["pretty experienced team, we've pretrained our own encoders before", { mlExpertise: 'expert' }],
    [
      'game dialogue localization, about 60k aligned line pairs from past titles',
      { labeledExamples: 60000, taskType: 'generate' },
    ],
    ['every claim needs a cited source', { needsCitations: true }],
    ['Need the bot to refuse anything that looks like investment advice', { goals: ['alignment'] }],
    ['the instruct model ignores our output rules about half the time', { goals: ['instruction-following'] }],
    ['the API bills are killing us', { goals: ['cost'] }],
    ['LoRA was good enough for the summaries honestly, the issue now is cost', { goals: ['cost'] }],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('reads a few-shot attempt that ended "same thing, stuck" as plateaued', () => {
    expect(
      read(
        'we tried just prompting gpt-4.1 with a long system prompt, it kinda plateaued around 80%. then few-shot w/ 10 examples in the prompt, same thing, stuck',
      ).tried,
    ).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
      { method: 'in-context-learning', result: 'plateaued' },
    ]);
  });

  it('GPUs in the office say where training runs, not where the model is served', () => {
    expect(read('we have two 48 gig cards in the office').deployment).toBeUndefined();
    expect(read('the server sits in our office basement').deployment).toBe('on-prem');
  });
});

describe('GPUs rented for one job in a what-if', () => {
  it('times and prices the job on the rented GPU, not on the one it replaces, with nothing about serving', async () => {
    const turns = await converse(
      [
        'We run Llama 3.1 8B Instruct on one RTX 3090 in our office. 9,000 labeled support conversations, about 700 tokens each; prompting plateaued on our JSON format. Just recommend.',
        'What if we rented one H100 for the three training runs instead of tying up our 3090 for a day: how long and how much would that be?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(
      /^If you had NVIDIA H100 SXM, rented: LoRA on 1 rented NVIDIA H100 SXM: about 1\.46 GPU-hours/,
    );
    expect(reply).toMatch(/about \$3\.93 at RunPod community cloud's \$2\.69 a GPU-hour/);
    expect(reply).not.toMatch(/Renting instead|Serving it around the clock|RTX 3090/);
    expect(turns[1]?.state.profile).toEqual(turns[0]?.state.profile);
  });
});

describe('phrasings of batch x50', () => {
  it.each([
    [
      'We route incoming claim e-mails (Dutch, English, German) into 12 queues.',
      { taskType: 'classify', task: 'route incoming claim e-mails (in Dutch, English and German)' },
    ],
    ['We must stay on gpt-4o in our Azure OpenAI tenant', { deployment: 'cloud-api' }],
    ['45k historical mails already labelled by the routing team', { labeledExamples: 45000 }],
    [
      'Assistant for maintenance crews on haul truck procedures. A wrong answer could get someone killed',
      { safetyCritical: true },
    ],
    ['the cost at this volume is too high for management', { goals: ['cost'] }],
    ["we're burning money on gpt-4.1", { goals: ['cost'] }],
    [
      'answers must come from our agronomy handbook, which gets revised maybe once a year',
      { goals: ['knowledge'], knowledgeChanges: 'rarely' },
    ],
    ['every day we get ~5000 delivery documents as scanned PDF', { requestsPerDay: 5000 }],
    ['got 1 rtx 3090. can i qlora llama 3.1 70b on that or am i dreaming', { modelName: 'Llama 3.1 70B' }],
    [
      "I lead an applied research group (we've published on PEFT). LoRA vs full FT for Qwen2.5 32B on our sixteen H100s.",
      { mlExpertise: 'expert', modelName: 'Qwen2.5 32B' },
    ],
    ['we do NOT have any labeled data and no GPUs either. docs, yes, tons of them', { unlabeledCorpus: 'large' }],
    ['iOS app for museum visitors, works fully offline. it can use ~2.5GB on the device.', { deployment: 'mobile' }],
    [
      'We ran an OpenAI fine-tuning job on gpt-4o-mini with 600 examples. Format got a bit better, then plateaued.',
      { tried: [{ method: 'managed-fine-tuning', result: 'plateaued' }] },
    ],
    ['our editors produced about twelve thousand chosen-vs-rejected pairs', { preferencePairs: 12000 }],
    ['~3,000 prompt→script examples from our designers', { labeledExamples: 3000 }],
    ['we want the model to write Lua scripts against our in-house engine API', { taskType: 'code' }],
    [
      'tried QLoRA already, syntax errors stopped going down after a few epochs',
      { tried: [{ method: 'qlora', result: 'plateaued' }] },
    ],
    ["sorry correction - it's 3 GPUs not 2. all A10G, on AWS", { deployment: 'cloud-self-hosted' }],
    ['Want make product descriptions in Japanese and English', { taskType: 'generate' }],
  ])('%s', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });
});

describe('review21: the new phrasings stay within their subject and clause', () => {
  it.each([
    [
      'Our ML platform team hosts Llama 3.1 8B on 2 A100s; they have fine-tuning jobs queued on our own cluster.',
      'modelAccess',
      undefined,
    ],
    [
      "Why don't we just fine-tune. We have 2 A100s and 5,000 labeled tickets. Does that work?",
      'labeledExamples',
      5000,
    ],
    [
      'With all the category definitions, the prompt comes out at about 2,500 tokens; the answer is one label.',
      'inputTokensPerRequest',
      2500,
    ],
    [
      'With all the category definitions, the prompt comes out at about 2,500 tokens; the answer is one label.',
      'outputTokensPerRequest',
      undefined,
    ],
    ['We have no budget for the API bill of $900 a month.', 'currentMonthlySpendUSD', 900],
    ["There's no monthly budget approved yet so all we have is $3000", 'oneTimeBudgetUSD', 3000],
    ['Finance approved payments up to $2,000 a month for the API.', 'monthlyBudgetUSD', 2000],
    ['We have 4 L4s. The 16GB models we tried were too slow.', 'gpuMemoryGB', undefined],
    ['The app runs on phones, but our backend server has 80GB memory for the model.', 'deviceMemoryGB', undefined],
    ['Our 300 hotels send about 50 requests per day each to the same booking assistant.', 'tasksCount', undefined],
    ['Is 10k examples enough? That is all I have time for.', 'labeledExamples', undefined],
    ["Our training data has cited sources in it but the bot itself needn't cite.", 'needsCitations', undefined],
    ['Each sprint we allocate 2 weeks for the project review.', 'timelineWeeks', undefined],
    ['We need to localize defects on PCB images from our line.', 'taskType', undefined],
  ])('%s → %s = %s', (text, field, value) => {
    expect(read(text)[field as keyof ReturnType<typeof read>]).toEqual(value);
  });

  it.each([
    ['Our lead engineer, who knows the framework well, will run the fine-tuning; we need JSON output.', 'knowledge'],
    ['You can ignore the formatting rules for now, we just want a classifier.', 'instruction-following'],
    ['medical bills are huge for families', 'cost'],
  ])('%s sets no %s goal', (text, goal) => {
    expect(read(text).goals ?? []).not.toContain(goal);
  });

  it('keeps denied languages out of the task', () => {
    const fields = read(
      "We want to classify support tickets into 12 queues with Llama 3.1 8B. We don't need Japanese or Korean support, English only.",
    );
    expect(fields.task).not.toMatch(/Japanese|Korean/);
  });
});

describe('newuser42: questions and quotes keep the team’s facts', () => {
  it.each([
    ['That is the MI300X again, not an H100. How do we guarantee every output is valid JSON?', 'gpuName', undefined],
    [
      'Hmm, $252 contradicts your $725 from before: prompts are 4,000 tokens in. What is the monthly bill?',
      'oneTimeBudgetUSD',
      undefined,
    ],
    ['In production we classify about 3,000 new judgments a day, in a nightly batch.', 'requestsPerDay', 3000],
    ['In production we classify about 3,000 new judgments a day, in a nightly batch.', 'task', undefined],
    [
      'Two questions: will the LoRA fit on a single 3090 so the other card can keep serving? And would a full fine-tune fit across both cards?',
      'gpuCount',
      undefined,
    ],
  ])('%s → %s = %s', (text, field, value) => {
    expect(read(text)[field as keyof ReturnType<typeof read>]).toEqual(value);
  });

  it('a bill comparison after a colon keeps the model and prices both models asked about', async () => {
    const turns = await converse(
      [
        'Lagos fintech support bot on GPT-4o mini through the API, 140,000 requests a day, prompts about 4,000 tokens in and 150 out, answers must cite our policy docs. Just recommend.',
        'Since GPT-4o mini shuts down in January anyway: compare the monthly bill for Gemini 2.5 Flash and GPT-4.1 mini at our volume.',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.modelName).toBe('GPT-4o mini');
    expect(turns[1]?.reply).toMatch(/Gemini 2\.5 Flash calls would cost about \$[\d,]+ a month/);
    expect(turns[1]?.reply).toMatch(/If you had GPT-4\.1 mini as the model: Running it: about \$[\d,]+ a month/);
  });

  it('"Does $321 a month fit our $476 monthly budget?" gets the yes first', async () => {
    const turns = await converse(
      [
        'We classify Indian court judgments into 40 categories with Llama 3.1 8B; 8,000 labelled judgments, few-shot prompting plateaued. No GPUs, renting is fine. Our monthly budget is $476. Just recommend.',
        'Does $321 a month fit our $476 monthly budget?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/^Yes, it fits your \$476 monthly budget\./);
  });
});

describe('a plan priced on a rental the team’s own GPU cannot hold', () => {
  it('says so in the assumptions instead of "training time is for your 4090"', async () => {
    const turns = await converse(
      [
        "We want to tune Llama 3.1 70B for our brand's style on one RTX 4090; 3,000 examples; we're fine renting GPUs up to about $200. Just recommend.",
      ],
      knowledge,
    );
    const reply = turns[0]?.reply ?? '';
    expect(reply).toMatch(
      /\*\*Assumed:\*\* Training does not fit your GPUs, so it is priced on renting 1 × [^;]+ at its dated price/,
    );
    expect(reply).not.toMatch(/Training time is for your NVIDIA GeForce RTX 4090/);
  });
});

describe('"just recommend" with a question beside it', () => {
  it('gives the recommendation, then the answer to the question', async () => {
    const turns = await converse(
      [
        'We generate Turkish product descriptions with Qwen2.5 7B Instruct on two RTX 3090s; 12,000 attribute-to-description pairs; the model ignores our brand voice and fixed structure.',
        'OK, just recommend. And how long would the training take on our two 3090s?',
      ],
      knowledge,
    );
    const last = turns.at(-1);
    expect(last?.kind).toBe('recommendation');
    expect(last?.reply).toMatch(/\*\*Aim for LoRA/);
    expect(last?.reply).toMatch(/about 18\.4 GPU-hours for a three-run project \(about 9\.2 h on your 2 GPUs\)/);
  });
});
