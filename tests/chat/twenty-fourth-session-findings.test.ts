/**
 * Found in the twenty-fourth session: newuser47's open repros (a model asked about by its size after a "what if", the
 * graders' own disagreement as the evaluation's ceiling, thanks that asked again) and batch x56's misses.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const extract = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' });
const read = (text: string) => extract(text).fields;
const questionsFor = (profile: Record<string, unknown>) =>
  recommend(Profile.parse(profile), knowledge, { explain: 'none' }).questions.map((question) => question.field);

describe('another model asked about by its size, on the GPUs the team has (newuser47 autoja)', () => {
  const setup =
    'We answer technicians questions from our service manuals with GPT-4o on Azure. We have 4 A100 40GB cards on-prem. just recommend';

  it('keeps the 40 GB A100s in a "what if" that says only "the 4 A100s"', async () => {
    const turns = await converse(
      [
        'We use GPT-4o on Azure for a chat assistant over our manuals. We own 4 A100 40GB cards. just recommend',
        'What if we used Qwen2.5 72B instead, would it fit on the 4 A100s for serving?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toContain('Qwen2.5 72B');
    expect(reply).not.toContain('80GB');
    expect(reply).toMatch(/160 GB on your GPUs|40 GB on each of your 4 GPUs/);
  });

  it('reads "the 72B" in the next turn as the model the last "what if" asked about, not a size for GPT-4o', async () => {
    const turns = await converse(
      [
        'We use GPT-4o on Azure for a chat assistant over our manuals. We own 4 A100 40GB cards. just recommend',
        'could we serve Qwen2.5 72B on our own cards instead? Would it even fit?',
        'So does the 72B fit on four 40GB cards or not?',
      ],
      knowledge,
    );
    const last = turns[2]?.reply ?? '';
    expect(last).toContain('Qwen2.5 72B');
    expect(last).toMatch(/Barely|Yes|No/);
    expect(last).not.toMatch(/does not depend on your GPU memory/);
    expect(turns[2]?.state.profile.modelName).toBe('GPT-4o');
  });

  it('answers GPUs said as they are ("four 40GB cards" of four A100 40GB) as a plain fit question, not "if you had"', async () => {
    const turns = await converse(
      [
        setup,
        'What if we used Qwen2.5 72B instead, would it fit on the 4 A100s for serving?',
        'OK. So does the 72B fit on four 40GB cards or not?',
      ],
      knowledge,
    );
    expect(turns[2]?.reply).not.toMatch(/If you had 40 GB per GPU/);
    expect(turns[2]?.reply).toMatch(/40 GB on each of your 4 GPUs/);
  });

  it('still reads eight cards of four as a "what if"', async () => {
    const turns = await converse([setup, 'would Qwen2.5 72B fit on eight 40GB cards?'], knowledge);
    expect(turns[1]?.reply).toMatch(/8 GPUs|8 ×|eight/);
  });
});

describe('evaluation with graders who disagree (newuser47 essay t15)', () => {
  const setup = [
    'We score ENEM essays 0-1000 with Gemini 2.5 Flash on Vertex. We have 12,000 graded essays and our long rubric prompt is off by 40-80 points. just recommend',
  ];

  it('reads the graders disagreeing, with the spread in points', () => {
    const { intents } = extract(
      'How should we evaluate the tuned model before we roll it out? Our own human correctors disagree with each other by up to 40 points sometimes.',
    );
    expect(intents.asksEvaluation).toBe(true);
    expect(intents.raterDisagreement).toEqual({ points: 40 });
  });

  it('takes their agreement as the ceiling and measures the model the same way', async () => {
    const turns = await converse(
      [
        ...setup,
        'How should we evaluate the tuned model before we roll it out to students? Note our own human correctors disagree with each other by up to 40 points sometimes.',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/disagree with each other by up to 40 points, and that is the ceiling/);
    expect(reply).toMatch(/within 10 points of each other/);
    // (An API model's weights are never quantized by the team.)
    expect(reply).not.toMatch(/4-bit weights/);
  });

  it('keeps the plain rubric advice when nobody said the graders disagree', async () => {
    const turns = await converse(
      [...setup, 'How should we evaluate the tuned model before we roll it out?'],
      knowledge,
    );
    expect(turns[1]?.reply).not.toMatch(/that is the ceiling/);
  });

  it('reads "is 12,000 graded essays enough" with its rarest level', () => {
    expect(
      extract(
        'Question on data: is 12,000 graded essays enough for tuning? Some score levels are rare, e.g. a 200 in competency 5 only has around 150 examples.',
      ).intents,
    ).toMatchObject({ asksEnoughData: 12_000, asksEnoughDataRarest: 150 });
    expect(
      extract('We have 12,000 in total. Only the rarest score level has about 150. Is 12,000 enough?').intents,
    ).toMatchObject({ asksEnoughData: 12_000, asksEnoughDataRarest: 150 });
  });

  it('does not read a rare case count beside no data question', () => {
    expect(extract('the rarest level has about 150 examples').intents.asksEnoughData).toBeUndefined();
  });
});

describe('thanks close the exchange', () => {
  it('answers a thank-you without another question', async () => {
    const turns = await converse(
      [
        'We want to summarise our support tickets with GPT-4.1 mini. just recommend',
        'Alright, thanks. I will run the baseline first and come back.',
      ],
      knowledge,
    );
    const last = turns[1]?.reply ?? '';
    expect(last).toMatch(/You're welcome/);
    expect(last).not.toMatch(/To firm this up/);
  });
});

describe('batch x56 phrasings', () => {
  it.each([
    ['yeah we have 2 of them, both 4090s', { gpuName: 'NVIDIA GeForce RTX 4090', gpuCount: 2 }],
    ['our own boxes are some old cards with 24GB each, dont remember the model', { gpuMemoryGB: 24 }],
    [
      'The bot has to answer from our precedent database and always cite the case file it used. Nobody here knows anything about ML.',
      { goals: ['knowledge', 'citations'], mlExpertise: 'none' },
    ],
    ['we generate product shots with SDXL and it needs to nail our brand look.', { goals: ['style'] }],
    [
      'internal tool for our COBOL→Java migration. ~8k paired snippets (old/new).',
      { taskType: 'code', labeledExamples: 8000 },
    ],
    [
      'our field engineers use ThinkPads with 16GB RAM and the model can take half of that at most, it has to work without internet on site',
      { deployment: 'edge', deviceMemoryGB: 8, goals: ['on-device'] },
    ],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    ['we use both A100s and H100s', 'gpuCount'],
    ['my 4090s are busy', 'gpuCount'],
    ['no GPU whatsoever, we are all on macbooks, is that even doable??', 'deployment'],
    ['data migration to python', 'taskType'],
  ])('does not read "%s" as %s', (text, field) => {
    expect(read(text)[field as keyof ReturnType<typeof read>]).toBeUndefined();
  });

  it('keeps one L40S one card ("my L40S" is no plural)', () => {
    expect(read('my L40S is busy')).toMatchObject({ gpuCount: 1, gpuName: 'NVIDIA L40S' });
  });
});

describe('data a statute governs, on a vendor API model (batch70 tax letters)', () => {
  it('asks where the data may go, whether the model may change and which GPUs are on the premises', () => {
    const asked = questionsFor({
      modelName: 'GPT-4.1',
      task: 'Draft replies to taxpayer letters in the agency tone for caseworker review',
      taskType: 'generate',
      labeledExamples: 5000,
      goals: ['style', 'format'],
      requestsPerDay: 800,
    });
    expect(asked).toEqual(expect.arrayContaining(['dataMustStayOnPrem', 'canSwitchModel', 'gpuCount']));
  });

  it('does not ask it of plain customer e-mails on the same model', () => {
    const asked = questionsFor({
      modelName: 'GPT-4.1',
      task: 'Draft replies to customer e-mails about shoe orders',
      taskType: 'generate',
      labeledExamples: 5000,
      goals: ['style'],
      requestsPerDay: 800,
    });
    expect(asked).not.toContain('gpuCount');
  });
});

describe('the plan step by step (newuser46 agritech t11)', () => {
  it('reads a request for the steps, not a model that reasons step by step', () => {
    expect(
      extract('Give me the whole plan again, step by step, including what we do with the 3,000 answers.').intents,
    ).toMatchObject({ asksSteps: true });
    expect(extract('walk me through the plan').intents.asksSteps).toBe(true);
    expect(extract('the model should reason step by step').intents.asksSteps).toBeUndefined();
  });

  it('lists every step and says what the examples are for when no step trains on them', async () => {
    const turns = await converse(
      [
        'Farmers ask questions about crop diseases by SMS; answers come from our extension manuals, updated weekly. Llama 3.1 8B on one RTX 3090 we own. We also have 3,000 question-and-answer pairs from our agronomists. just recommend',
        "I'm confused now. Give me the whole plan again, step by step, including what we do with the 3,000 agronomist answers.",
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/^Step by step:\n1\. /);
    expect(reply).toMatch(/hold out about 600 as the evaluation set/);
    expect(reply).toMatch(/tune on the other 2,400 with (LoRA|QLoRA)/);
  });

  it('says which step the examples train when the plan tunes', async () => {
    const turns = await converse(
      [
        'We want to classify support tickets into 30 categories with Llama 3.1 8B on one RTX 4090, 3,000 labeled tickets. just recommend',
        'walk me through the plan',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/The other 2,400 train the (LoRA|QLoRA) step/);
  });
});

describe('batch x57 phrasings', () => {
  it.each([
    [
      'want bot to answer crop disease + fertilizer qs from our advisory pdfs (only about 60 pages), in marathi and hindi.',
      { taskType: 'chat', goals: ['knowledge'] },
    ],
    [
      'techs ask qs about AMM/CMM tasks, answer MUST quote manual section and revision no. wrong answer = airworthiness issue.',
      { needsCitations: true, safetyCritical: true },
    ],
    ['have abt 4500 invoices already keyed by our team (so labels)', { labeledExamples: 4500 }],
    ['We have 4x L40S on premise, no data to cloud please.', { dataMustStayOnPrem: true }],
    [
      'agents gave thumbs up/down on ~9k bot answers, and for ~2,300 of them the agent also wrote a better reply',
      { preferencePairs: 2300 },
    ],
    ['the checkpoint we have is Qwen2.5-7B, the plain base one not the -Instruct', { modelStage: 'base' }],
    ['budget wise we can do about £1.2k pcm (≈$1,500) for hosting', { monthlyBudgetUSD: 1500 }],
    [
      'our team is 3 ML engineers, we have done lot of PEFT and DPO trainings before with deepspeed, multi-node',
      { mlExpertise: 'expert' },
    ],
    [
      'need auto after-call summary in fixed SOAP style template every time. 3 wks to POC',
      { taskType: 'generate', timelineWeeks: 3 },
    ],
    [
      'can the model look at x-ray images of dogs and cats and flag possible fractures? we have ~1,100 radiographs labeled by our radiologist',
      { taskType: 'image-understand', labeledExamples: 1100 },
    ],
    [
      'we did fine-tune job on openai with 10k segment pairs on gpt-4o-mini. got better at first but no more improvement after 2nd round',
      { tried: [{ method: 'managed-fine-tuning', result: 'plateaued' }] },
    ],
    [
      'we already tried prompt with few examples (like 8 shots) - accuracy stuck ~71%, not improving whatever we change.',
      { tried: [{ method: 'in-context-learning', result: 'plateaued' }] },
    ],
    ['student should be Llama 3.2 3B for the tablets in the hangar', { deployment: 'mobile' }],
    ['we need it to answer in the exact format our farmer app expects', { goals: ['format'] }],
    ['problem is the facts, it invents opening hours', { goals: ['knowledge'] }],
    ['we have ~40 GB of rulings and explanatory notes', { unlabeledCorpus: 'large' }],
    ['current bill for gpt-4o is killing us (~$7k/month)', { currentMonthlySpendUSD: 7000, goals: ['cost'] }],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    ['no data to the cloud', 'labeledExamples'],
    ['1,000 reviews written by our customers', 'labeledExamples'],
    ['can it also read screenshots?', 'taskType'],
    ['current bill for gpt-4o is killing us (~$7k/month)', 'monthlyBudgetUSD'],
  ])('does not read "%s" as %s', (text, field) => {
    expect(read(text)[field as keyof ReturnType<typeof read>]).toBeUndefined();
  });
});

describe('where the model runs, asked only where it can run off a data centre (batch72)', () => {
  it('does not ask a telecom chat on Claude Sonnet about devices because its task names mobile plans', () => {
    expect(
      questionsFor({
        modelName: 'Claude Sonnet',
        task: 'Customer-support chat for mobile plans, bills, roaming and device upgrades',
        taskType: 'chat',
        monthlyBudgetUSD: 20000,
        goals: ['cost'],
      }),
    ).not.toContain('deployment');
  });

  it('still asks it of a mobile app with an open model', () => {
    expect(
      questionsFor({ modelName: 'Llama 3.2 3B', task: 'a mobile app that answers questions about recipes' }),
    ).toContain('deployment');
  });
});

describe('newuser48: reading what people type', () => {
  it.each([
    ['reset', true],
    ['Let’s start over.', true],
    ['ok, start over please', true],
    ['forget everything, we are a bank', true],
    ["Tickets look like 'pump tripped, breaker reset ok' and we need a failure code per ticket.", false],
    ['we want to start over with a new model next year, for now Llama 3.1 8B', false],
  ])('reads "%s" as a reset: %s', (text, reset) => {
    expect(extract(text).intents.reset).toBe(reset);
  });

  it('keeps the session when a quoted ticket says "reset ok"', async () => {
    const turns = await converse(
      [
        'We run Llama 3.1 8B on one RTX 4090 and have 2,000 labeled maintenance tickets.',
        "Tickets look like 'pump tripped, breaker reset ok' and we need a failure code per ticket.",
      ],
      knowledge,
    );
    expect(turns[1]?.kind).not.toBe('reset');
    expect(turns[1]?.state.profile).toMatchObject({ modelName: 'Llama 3.1 8B', labeledExamples: 2000 });
  });

  it('takes a transcription task back when told it is text in, text out', async () => {
    const turns = await converse(
      [
        'We use GPT-4.1 mini to turn pathologists notes into finished reports in our house style, 6,000 a day.',
        'the dictation gets transcribed by our speech-to-text already, so GPT only sees text.',
        'the task is NOT transcription, it is text in -> text out report writing.',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.taskType).not.toBe('transcribe');
    expect(turns[2]?.state.profile.taskType).not.toBe('transcribe');
    expect(turns[2]?.state.profile.task).not.toMatch(/^NOT/i);
    expect(
      read('we kept both the dictation and the signed-out report, so probably 900k pairs').taskType,
    ).toBeUndefined();
  });

  it.each([
    ['phones that only give the app ~4GB', { deviceMemoryGB: 4 }],
    ['the technicians rugged tablets (8gb ram, android)', { deviceMemoryGB: 8 }],
    ['We have ~40,000 past declarations with the final code a licensed broker signed off.', { labeledExamples: 40000 }],
    ['we also have 2,000 plain labelled examples', { labeledExamples: 2000 }],
    ['we use sonnet 3.5', { modelName: 'Claude Sonnet (3.5, 3.7, 4 and later)' }],
    [
      'prompts are ~1,200 tokens in and reports about 600 tokens out',
      { inputTokensPerRequest: 1200, outputTokensPerRequest: 600 },
    ],
    [
      'each prompt ~3k tokens with the examples, answer ~50 tokens',
      { inputTokensPerRequest: 3000, outputTokensPerRequest: 50 },
    ],
    [
      "We'd like to tune Llama 3.1 70B to answer questions about our contracts",
      { task: 'answer questions about our contracts' },
    ],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    ['they get the code suggestion on site', 'modality'],
    ['we need the embedding model + reranker on the same card', 'taskType'],
    ['lots of codes only have 1-5 examples', 'labeledExamples'],
    [
      'and the monthly cost of hosting it on one rented L4 around the clock, vs the ~$319 for tuned gemini?',
      'oneTimeBudgetUSD',
    ],
    ['and the monthly cost of hosting it on one rented L4 around the clock, vs the ~$319 for tuned gemini?', 'gpuName'],
  ])('does not read "%s" as %s', (text, field) => {
    expect(read(text)[field as keyof ReturnType<typeof read>]).toBeUndefined();
  });

  it.each([
    ['so what about fine tuning on the manuals instead of RAG?', { asksComparison: ['full-fine-tuning', 'rag'] }],
    [
      "one of our engineers wants to fine-tune the 8b on all 3200 pages so it 'knows our plant' and then we dont need RAG. thoughts?",
      { asksComparison: ['full-fine-tuning', 'rag'] },
    ],
    [
      'can Claude 3 Haiku be fine-tuned on Bedrock or not?',
      { asksTuningChannel: { model: 'Claude 3 Haiku', provider: 'aws-bedrock' } },
    ],
    [
      'and the monthly cost of hosting it on one rented L4 around the clock, vs the ~$319 for tuned gemini?',
      { asksRentMonthly: { count: 1, gpu: 'NVIDIA L4' } },
    ],
    ['so with ~250 tokens per example instead of 500 whats the training time now?', { asksCost: true }],
    [
      'i said prompts are about 3,000 tokens and answers about 50 tokens, can you redo the numbers with that',
      { asksCost: true },
    ],
    ['and why is our current bill so much higher then', { asksBillMismatch: true }],
    ['how long in wall clock hours, we would run it over a weekend', { asksCost: true, asksElapsed: true }],
    ['but will an 8B model even fit on the tablet? and how do we get it onto android', { asksOnDeviceRuntime: true }],
    [
      'some rare ones (yaw brake, converter IGBT) only have ~40 examples each. is that enough?',
      { asksEnoughData: true, asksEnoughDataRarest: 40 },
    ],
    ['so is 40k enough for ~6000 distinct codes?', { asksEnoughData: 40000, asksEnoughDataClasses: 6000 }],
    [
      'what if instead we LoRA-tune llama 3.1 8b on our own signed reports? would that be cheaper than what we pay now?',
      { asksCost: 'lora' },
    ],
  ])('reads the question in "%s"', (text, expected) => {
    expect(extract(text).intents).toMatchObject(expected);
  });

  it('answers how to run it on the tablets, not whether it fits', () => {
    const { intents } = extract('and the android part? how do we quantize it and actually run it on the tablets');
    expect(intents.asksOnDeviceRuntime).toBe(true);
    expect(intents.asksFit).toBeUndefined();
  });

  it('answers a long-context paste of one runbook', () => {
    expect(
      extract(
        'llama 3.1 has a 128k window, couldnt we just paste the relevant runbook (the PS-14 one is ~60 pages) into the prompt instead of chunking and searching?',
      ).intents.asksLongContext,
    ).toMatchObject({ windowTokens: 128000, corpusTokens: 24000 });
  });

  it('says a total is thin when it is spread over thousands of classes', async () => {
    const turns = await converse(
      [
        'We classify product descriptions into 8-digit customs codes with Claude 3.5 Sonnet, 40,000 labeled examples, other models are fine. just recommend',
        'so is 40k enough for ~6000 distinct codes?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/^Not for 6,000 classes: 40,000 examples is about 7 per class/);
    expect(reply).not.toMatch(/is plenty for a supervised tune/);
  });

  it('prices one rented L4 for a month against the plan, and saves neither the L4 nor the $319', async () => {
    const turns = await converse(
      [
        'We classify product descriptions into 8-digit customs codes with Claude 3.5 Sonnet, 40,000 labeled examples, prompting plateaued, other models are fine. 2,500 requests a day, prompts ~3,000 tokens, answers ~50 tokens. just recommend',
        'and the monthly cost of hosting it on one rented L4 around the clock, vs the ~$319 for tuned gemini?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/One NVIDIA L4 around the clock: about \$321 a month/);
    expect(turns[1]?.state.profile.gpuName).toBeUndefined();
    expect(turns[1]?.state.profile.oneTimeBudgetUSD).toBeUndefined();
  });
});

describe('batch x58 and newuser48 polish', () => {
  it.each([
    ['right now it is like 800 hand-checked customs entries', { labeledExamples: 800 }],
    [
      'we broker for 30 importers and each one wants its own classification quirks on the same base model',
      { tasksCount: 30 },
    ],
    ['the knowledge base is just a 40-page FAQ for our 12 routes', { unlabeledCorpus: 'small' }],
    [
      'We have 22 thousand work orders with fault code already labeled. Is very safety important for us.',
      { labeledExamples: 22000, safetyCritical: true },
    ],
    ['about 3,000 histopath reports already have a pathologist-written summary', { labeledExamples: 3000 }],
    ['we distill into Llama 3.2 3B for the check-in kiosks', { deployment: 'edge' }],
    ['we need to tag each call by reason — billing, outage, move-in, move-out', { taskType: 'classify' }],
    [
      'the model has to run on the inspectors laptops, 16 gigs of RAM total and maybe 8 of it can go to the model',
      { deviceMemoryGB: 8 },
    ],
    ['we need it live in the next two months', { timelineWeeks: 9 }],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    ['procurement locked us to Claude 3 Haiku through bedrock for the next two years', 'timelineWeeks'],
    [
      'saw this in the logs, what does it mean? [2024-05-02 03:11:09] WARN retriever: citation missing; latency 2300ms',
      'latencyTargetMs',
    ],
    [
      'saw this in the logs, what does it mean? [2024-05-02 03:11:09] WARN retriever: citation missing; latency 2300ms',
      'needsCitations',
    ],
    ["We'd like to tune Llama 3.1 70B but we only have a single RTX 4090.", 'task'],
  ])('does not read "%s" as %s', (text, field) => {
    expect(read(text)[field as keyof ReturnType<typeof read>]).toBeUndefined();
  });

  it('does not call emphasis a correction ("a wrong procedure could actually hurt someone")', () => {
    expect(extract('biggest risks? a wrong procedure could actually hurt someone').corrections).toEqual([]);
    expect(extract('actually it is 3 GPUs').corrections).toEqual(['gpuCount']);
  });

  it('weighs an open model asked about against the provider-tuned plan with its own method and figures', async () => {
    const turns = await converse(
      [
        'We classify product descriptions into 8-digit customs codes with Claude 3.5 Sonnet, 40,000 labeled examples, prompting plateaued, other models are fine, intermediate ML team. 2,500 requests a day. just recommend',
        'why gemini 2.5 pro rather than an open model like Qwen2.5 7B with LoRA?',
      ],
      knowledge,
    );
    // (The plan moved off Claude to an open model the advice picked: "I picked", never "You named".)
    expect(turns[0]?.recommendation.destination).toMatchObject({ method: 'lora', model: { name: 'Llama 3.1 8B' } });
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/^Qwen2\.5 7B would work too: LoRA on it is possible/);
    expect(reply).toMatch(/I picked Llama 3\.1 8B/);
    expect(reply).not.toMatch(/You named/);
  });
});

describe('an open model weighed against a provider-tuned plan (newuser48 f10)', () => {
  it('gives the open model its own method and figures instead of a circular "does not suit"', async () => {
    const turns = await converse(
      [
        'We classify product descriptions into 8-digit customs codes with Claude 3.5 Sonnet, 40,000 labeled examples, prompting plateaued, other models are fine, no GPUs, basic ML skills. 2,500 requests a day, prompts ~3,000 tokens, answers ~50 tokens. just recommend',
        'why gemini 2.5 pro rather than an open model like Qwen2.5 7B with LoRA?',
      ],
      knowledge,
    );
    expect(turns[0]?.recommendation.destination).toMatchObject({
      method: 'managed-fine-tuning',
      model: { name: 'Gemini 2.5 Pro' },
    });
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/^Qwen2\.5 7B can't take Managed fine-tuning/);
    expect(reply).toMatch(/on it the plan would be LoRA: about [\d.]+ GPU-hours to train/);
    expect(reply).not.toMatch(/does not suit this plan/);
  });
});

describe('review24: the session’s new readings leave these alone', () => {
  it('does not take a capability question mid-conversation as the team’s task', async () => {
    const turns = await converse(
      [
        'We want to fine-tune Llama 3.1 8B to classify support tickets into 20 queues. We have 2 A100 80GB GPUs and 5,000 labelled tickets.',
        'Can the model summarize each ticket for the agent before we route it?',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.taskType).toBe('classify');
  });

  it.each([
    'Right now nobody is transcribing the calls at all, that is the whole problem.',
    'Calls are transcribed by a human typist today; we want the model to do the transcription.',
    'We have no transcription step yet; we want to transcribe 2,000 hours of calls.',
  ])('keeps a transcription project a transcription project: "%s"', (text) => {
    const { fields, intents } = extract(text);
    expect(intents.noSpeechTask).toBeUndefined();
    expect(fields.modality).not.toBe('text');
  });

  it.each([
    'We are building a math tutor for kids that should explain the solution step by step. We have 3,000 worked solutions.',
    'Important: the assistant must show the reasoning step by step before it gives the final answer.',
  ])('reads "step by step" said of the model as no request for the plan: "%s"', (text) => {
    expect(extract(text).intents.asksSteps).toBeUndefined();
  });

  it.each([
    'We classify clinical notes into 30 codes with an open model; a few codes are rare, and we have 6,000 labelled notes. Is that enough?',
    'We flag rare defects on welds with an open model and have 1,200 labelled images. Is that enough?',
  ])('reads no rarest-class count from a total: "%s"', (text) => {
    expect(extract(text).intents.asksEnoughDataRarest).toBeUndefined();
  });

  it('reads "3,000 labels" as examples, and the classes from "into 12 categories"', () => {
    expect(
      extract(
        'We want to route support tickets into 12 categories with an open model. We have about 3,000 labels. Is that enough?',
      ).intents,
    ).toMatchObject({ asksEnoughData: 3000, asksEnoughDataClasses: 12 });
  });

  it('sizes the model the team names now, not the one a what-if asked about before', async () => {
    const turns = await converse(
      [
        'We want to fine-tune Llama 3.1 8B to classify support tickets into 20 queues. We have 4 A100 40GB GPUs and 5,000 labelled tickets.',
        'What if we used Qwen2.5 72B instead, would it fit on the 4 A100s?',
        'Thanks. Different topic: our plan is Llama 3.3 70B after all. Does the 70B fit on our cards?',
      ],
      knowledge,
    );
    expect(turns[2]?.reply).not.toMatch(/Qwen2\.5 72B/);
    expect(turns[2]?.state.lastAskedModel).toBeUndefined();
  });

  it.each([
    ["Let's just start over.", true],
    ["I'd like to start over.", true],
    ['Hey, can we start over?', true],
    ['start over — we are doing a different project now', true],
    ['Typical entries look like this: Conveyor 4 stopped. Reset. Restarted after 10 min.', false],
    ['No reset please, just update the budget to $800 a month.', false],
  ])('reads "%s" as a reset: %s', (text, reset) => {
    expect(extract(text).intents.reset).toBe(reset);
  });

  it('prices a "what if" on the model it names, not a method tried last year', () => {
    expect(
      extract(
        'What if we switched to Claude 3.5 Haiku, how much would that cost per month? We tried LoRA on Llama last year and dropped it.',
      ).intents.asksCost,
    ).toBe(true);
  });

  it.each([
    [
      'We chose LoRA rather than full fine-tuning last year because of cost. How do we evaluate it before the rollout?',
      'asksComparison',
    ],
    ['We want an assistant that helps adjusters recalculate the costs of insurance claims.', 'asksCost'],
    ["What's the monthly cost of running it on 2 A100s we already own?", 'asksRentMonthly'],
    [
      'We classify support tickets into 12 queues; we have 2,000 labelled examples. Our budget is $500 a month, is that enough?',
      'asksEnoughData',
    ],
    ['Our engineers already know how to quantize it and run it on the tablets', 'asksOnDeviceRuntime'],
  ])('reads no question of that kind in "%s" (%s)', (text, intent) => {
    expect(extract(text).intents[intent as keyof ReturnType<typeof extract>['intents']]).toBeUndefined();
  });

  it.each([
    ['We have 4,000 labelled tickets plus 500 separate examples for testing.', { labeledExamples: 4000 }],
    ['Our 12 intents have 3,000 labelled examples between them.', { labeledExamples: 3000 }],
    ['All our codes have 40,000 labelled examples in total.', { labeledExamples: 40000 }],
    ['The monthly bill for hosting is capped at $800.', { monthlyBudgetUSD: 800 }],
    ['The bill for fine-tuning is limited to $2,000.', { oneTimeBudgetUSD: 2000 }],
    [
      'We would like an assistant for engineers which answer questions and show the report it used.',
      { needsCitations: true },
    ],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it.each([
    ["We'd need maybe 2,000 additional examples to cover all queues.", 'labeledExamples'],
    ["We've never done multi-node training, only single-GPU LoRA.", 'mlExpertise'],
    ['We have no data in the cloud yet, it all sits on a NAS; uploading it to S3 is fine.', 'dataMustStayOnPrem'],
    ['Training takes about 90 minutes on our GPU.', 'unlabeledCorpus'],
    ['The tool drafts inspection findings and must provide the report in PDF form.', 'needsCitations'],
    ['The invoices always arrive in the same format, we just need to extract 12 fields.', 'goals'],
    ['We have 3,000 invoices entered by the OCR scanner into our ERP.', 'labeledExamples'],
    ['The model would be too big for our phones, so it runs on our server.', 'deployment'],
  ])('does not read "%s" as %s', (text, field) => {
    expect(read(text)[field as keyof ReturnType<typeof read>]).toBeUndefined();
  });

  it('asks no residency first for a tower defense game or a question bank', () => {
    for (const task of [
      'write NPC barks for our tower defense game',
      'generate practice quizzes from our question bank',
    ]) {
      expect(questionsFor({ modelName: 'GPT-4o', task })[0]).not.toBe('dataMustStayOnPrem');
    }
  });

  it('keeps the graders’ unit and measures inside their spread', () => {
    expect(
      extract('How should we evaluate it? Our graders disagree by up to 2 marks.').intents.raterDisagreement,
    ).toEqual({ points: 2, unit: 'marks' });
    expect(
      extract('How do we evaluate it? Our teachers vary in how they phrase feedback.').intents.raterDisagreement,
    ).toBeUndefined();
  });
});

describe('newuser49', () => {
  it('prices an open model served on the team’s own machines with no API bill, and the API model beside it', async () => {
    const turns = await converse(
      [
        'We are a court interpreting agency. Interpreters look up approved renderings of legal terms from our glossaries and the court guidelines, about 1,400 pages, updated monthly. We use GPT-4o mini through the API. About 400 queries a day.',
        'case data must stay on our own servers. we have no GPUs. a different model is fine',
        'ok simpler: how much would it cost per month?',
        'and money-wise, running it ourselves on the xeons vs the openai version, what is the monthly difference?',
      ],
      knowledge,
    );
    for (const turn of turns.slice(2)) {
      expect(turn.reply).not.toMatch(/Llama 3\.1 8B API calls/);
      expect(turn.reply).toMatch(/no API bill and no rent/);
      expect(turn.reply).toMatch(/GPT-4o mini at your 400 requests a day comes to about \$\d+ a month at list price/);
    }
  });

  it('answers "what if no case data may leave our own servers?" as a what-if', async () => {
    const turns = await converse(
      [
        'We are a court interpreting agency. Interpreters look up legal terms from our glossaries, about 1,400 pages, updated monthly. We use GPT-4o mini through the API, about 400 queries a day. just recommend',
        'what if the courts come back and say no case data may leave our own servers? we have no GPUs, just 2 windows servers in a closet',
      ],
      knowledge,
    );
    expect(turns[1]?.kind).toBe('what-if');
    expect(turns[1]?.reply).toMatch(/If data must stay on your premises/);
    expect(turns[1]?.state.profile.dataMustStayOnPrem).toBeUndefined();
  });

  it('keeps the four training GPUs when serving is asked about on one', async () => {
    const turns = await converse(
      [
        'we want an LLM to draft reports from json in our house style. qwen2.5 32b instruct, prompting plateaued (tone off). 900 labelled json->report pairs. we rent 4x A100 40GB, data may go to the cloud',
        'ok. for serving we want to free up 3 of the cards for CV again, so could we serve the tuned 32b from just one 40GB A100? ~150 reports a day',
        'no wait, training can still use all 4 A100s, its only the serving afterwards that gets 1 card. so: will the tuned 32b fit on one 40gb card for serving?',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile).toMatchObject({ gpuCount: 4, task: expect.not.stringMatching(/free up/) });
    expect(turns[1]?.reply).toMatch(/more than the 40 GB on one GPU. At 4 bits, yes/);
    expect(turns[2]?.state.profile.gpuCount).toBe(4);
  });

  it('reads draft-versus-edit pairs as preference pairs and answers "can we do DPO with those?"', () => {
    expect(read('analysts have been editing model drafts so we have like 2,500 (draft, edited) pairs too')).toEqual({
      preferencePairs: 2500,
    });
    expect(extract('what about the 2,500 draft vs edited pairs though, can we do DPO with those?').intents.whyNot).toBe(
      'preference-tuning',
    );
  });
});

describe('newuser49: practitioner questions answered', () => {
  it.each([
    [
      'also only about a third of the 3,500 notes are really good quality - should we train on all of them?',
      { total: 3500, good: 1167 },
    ],
    [
      'for the SFT step, should we train only on the 900 best notes, or also throw in the rest as extra examples?',
      { good: 900 },
    ],
  ])('reads the data-quality question in "%s"', (text, expected) => {
    expect(extract(text).intents.asksDataQuality).toEqual(expected);
  });

  it('answers it: the good ones, a test set from them, the rest fixed or dropped', async () => {
    const turns = await converse(
      [
        'We draft discharge notes with Llama 3.1 8B on 2 L40S, prompting plateaued, 3,500 labelled notes. just recommend',
        'also only about a third of the 3,500 notes are really good quality - should we train on all of them?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/^Train on the 1,167 good ones/);
    expect(reply).toMatch(/The other 2,333 are material/);
  });

  it.each([
    ['given none of us are ML people, is LoRA too much for us?', 'whyMethod', 'lora'],
    ['what if we are not allowed to switch away from gpt-4o?', 'whatIf', true],
  ])('reads "%s"', (text, key, value) => {
    expect(extract(text).intents[key as keyof ReturnType<typeof extract>['intents']]).toBe(value);
  });

  it('reads "could we do qlora on the 70b with the two 3090s?" as a fit question on the 70B', () => {
    const { intents, hypothetical } = extract(
      'would the 70b be worth it? could we do qlora on the 70b with the two 3090s?',
    );
    expect(intents.asksFit).toBe('qlora');
    expect(hypothetical).toMatchObject({ modelParamsB: 70 });
    expect(extract('we are not allowed to switch away from gpt-4o').fields.canSwitchModel).toBe(false);
  });
});

describe('newuser49: facts said in passing', () => {
  it.each([
    ['We have ~15,000 past notes paired with med lists.', { labeledExamples: 15000 }],
    [
      'ok 2 things - each example is more like 600 tokens not 500. and the budget for this is zero',
      { exampleTokens: 600, oneTimeBudgetUSD: 0 },
    ],
  ])('reads "%s"', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('reads "what will the LoRA training run us?" as a cost question, not a fit', () => {
    const { intents } = extract('what will the LoRA training run us, in money and hours?');
    expect(intents.asksCost).toBe('lora');
    expect(intents.asksFit).toBeUndefined();
    expect(extract('will it run on our GPUs?').intents.asksFit).toBe(true);
  });

  it('does not pair a record with its upload date', () => {
    expect(read('we have 2,000 photos paired with their upload dates').labeledExamples).toBeUndefined();
  });
});

describe('the plan step by step with its costs (newuser49 F21)', () => {
  it('gives the steps and then the costs when both are asked', async () => {
    const turns = await converse(
      [
        'We want to classify support tickets into 30 categories with Llama 3.1 8B on one RTX 4090, 3,000 labeled tickets. just recommend',
        'give me the whole plan step by step incl. what it costs',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/^Step by step:/);
    expect(reply).toMatch(/LoRA on your GPUs: about [\d.]+ GPU-hours/);
    expect(reply).not.toMatch(/Ask "how long\?"/);
  });
});

describe('newuser49: the team’s own model and its inputs', () => {
  it('sizes serving the team’s own 70B when the plan moved to the 8B', async () => {
    const turns = await converse(
      [
        'We want to fine tune Llama 3.1 70B on our one RTX 4090. 3000 labelled examples, goal is consistent output format. Just recommend please',
        'we have no money for renting anything, budget is zero',
        'can we even serve the 70b on the 4090?',
      ],
      knowledge,
    );
    const reply = turns[2]?.reply ?? '';
    expect(reply).toMatch(/^On Llama 3\.1 70B: Not in 16-bit: serving Llama 3\.1 70B in 16-bit/);
    expect(reply).toMatch(/not at 4 bits either/);
    expect(reply).toMatch(/On Llama 3\.1 8B, where the plan moves: Yes/);
  });

  it('reads a satellite imagery startup that drafts reports from JSON as no image task', () => {
    const fields = read(
      'we are a 12 person satellite imagery startup. our CV pipeline spits out detections as json. we want an LLM to draft reports from the json in our house style.',
    );
    expect(fields.modality).toBeUndefined();
    expect(fields.taskType).toBe('generate');
    expect(extract('to be clear the model doesnt see images, only the json text.').intents.noImages).toBe(true);
    expect(read('we classify satellite imagery of fields').modality).toBe('image');
  });
});

describe('both fits asked in one question (newuser49 F20)', () => {
  it('answers the training fit and then the serving fit', async () => {
    const turns = await converse(
      [
        'Hospital pharmacy. We want a model that drafts the discharge medication reconciliation note from the inpatient med list, in our pharmacists format. Patient data cannot leave the hospital. We have 2x L40S and 15,000 labelled notes. just recommend',
        'ok. if we went with llama 3.1 70b anyway (vendor supports it), will QLoRA training fit on the 2 L40S, and can we serve it on them after?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/Training: Yes: QLoRA needs about \d+ GB on each GPU/);
    expect(reply).toMatch(/Serving: Not in 16-bit: serving Llama 3\.1 70B/);
  });

  it('keeps a single fit question single', () => {
    expect(extract('will QLoRA training fit on the 2 L40S?').intents.asksFitBoth).toBeUndefined();
  });
});
