/**
 * Found by the twenty-third new-user trial (six personas, 84 turns over both chat APIs): questions about another model
 * and the advisor's own figures quoted back were saved as the team's facts ("Hypothetically, what about 70B?" stored
 * 70B parameters; "why would serving an 8B model need 3 H100s?" set three GPUs; "$577 was YOUR estimate" became a
 * budget); a what-if on continued pre-training was timed on the instruction pairs; a device was said to hold an API
 * model; a plan moved to a smaller model gave its hours without saying so; retrieval was proposed with no documents to
 * search; thresholds were cited to papers that do not give them.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' });
const converse = (messages: string[]) => converseWith(messages, knowledge);
const last = async (messages: string[]) => (await converse(messages)).at(-1)!;

const LAB =
  "We're a materials-science lab. We have the Llama 3.1 8B base checkpoint, a domain corpus of about 5 billion tokens, and 16 H100 SXM GPUs. We also have ~15,000 instruction-answer pairs.";

describe('a question about another model saves nothing', () => {
  it('answers "hypothetically, what about 70B?" on the 70B, timed on one pass over the corpus, and keeps the 8B', async () => {
    const turns = await converse([
      LAB,
      'Hypothetically, what about 70B instead? Would full-parameter continued pre-training of Llama 3.1 70B fit across the 16 H100s, and how long would one pass over the 5B tokens take?',
    ]);
    const turn = turns.at(-1)!;
    expect(turn.state.profile.modelName).toBe('Llama 3.1 8B');
    expect(turn.state.profile.modelParamsB).toBeUndefined();
    expect(turn.reply).toContain('If you had Llama 3.1 70B as the model');
    expect(turn.reply).not.toContain('70B parameters');
    // 6 × 70.6e9 × 5e9 FLOPs at 35% of an H100's peak is about 1,700 GPU-hours a pass: thousands for three runs,
    // never the instruction pairs' few dozen.
    const hours = Number(/about ([\d,.]+) GPU-hours/.exec(turn.reply)?.[1]?.replaceAll(',', ''));
    expect(hours).toBeGreaterThan(3000);
    expect(turn.reply).toContain('one pass over your corpus');
    expect(turn.reply).not.toMatch(/I can't answer .*fit across the 16 H100s/);
  });

  it('clears a stale size when the team says its model’s own size again', async () => {
    const turn = await last([
      LAB,
      'what about 70B instead?',
      'fine, stay with Llama 3.1 8B',
      'our model is 8 billion parameters, not 70.',
    ]);
    expect(turn.state.profile.modelParamsB).toBeUndefined();
    expect(turn.state.profile.modelName).toBe('Llama 3.1 8B');
  });

  it.each([
    'Interesting. For comparison, would Llama 3.1 70B with QLoRA across both A6000s be better, and would it fit?',
    'hmm or should i just fine tune gpt-4o-mini on openai? never used their fine tuning before',
    'and the Llama 3.1 70B, will it fit on the two cards?',
  ])('keeps the team’s model when asked %j', async (question) => {
    const turn = await last([
      'We summarise insurance claim notes into JSON with Llama 3.1 8B Instruct on two RTX A6000, on-prem, 8,000 examples.',
      question,
    ]);
    expect(turn.state.profile.modelName).toBe('Llama 3.1 8B');
  });
});

describe("the advisor's own figures handed back are not the team's", () => {
  it.each<[string, Record<string, unknown>]>([
    [
      'Why would serving an 8B model need 3 H100s? And what do we do with the 15,000 pairs now?',
      { labeledExamples: 15000 },
    ],
    [
      '$577 was YOUR serving estimate, not our budget. Our one-time training budget is $2,000.',
      { oneTimeBudgetUSD: 2000 },
    ],
    [
      'OK so earlier you said GPT-4o mini at $243/month, now you say a 3B on our L40S for $577. Which would you pick?',
      {},
    ],
    ["And you still didn't say: tuned Flash-Lite at $243/month or the self-hosted 3B at $577/month, which one?", {}],
  ])('%j', (text, want) => {
    expect(read(text).fields).toEqual(want);
  });

  it('takes a budget back when the team disowns it', () => {
    expect(read("We don't have a monthly budget of $577 either, please drop that.").removedFields).toEqual([
      'monthlyBudgetUSD',
    ]);
    expect(read('forget the one-time budget').removedFields).toEqual(['oneTimeBudgetUSD']);
  });

  it('keeps "why would we need RAG when we have 4 A100s" as the team’s GPUs', () => {
    expect(read('why would we need RAG when we have 4 A100s and 5000 examples?').fields).toMatchObject({
      gpuCount: 4,
      labeledExamples: 5000,
    });
  });
});

describe('what a reply says about where the model runs and what it costs', () => {
  it('never puts an API model on a phone', async () => {
    const turn = await last([
      'Smart-reply on Android phones, offline. Today Gemini 2.5 Flash does it via API and works well. The model may use 2 GB on the phone. We have 20,000 example pairs, no GPUs, $500 one-time.',
      'will it fit on the phone?',
    ]);
    expect(turn.reply).toMatch(/On the device: no, Gemini 2\.5 Flash runs only on its vendor's servers/);
    expect(turn.reply).not.toMatch(/Gemini 2\.5 Flash at 4 bits fits/);
  });

  it('names the plan’s model beside the hours when the plan moved off the one the team named', async () => {
    const turn = await last([
      'We classify return emails into 30 reasons and extract order fields, 45,000 a day. We can switch models. We have 300,000 labelled examples.',
      "Let's make it real: we will rent 1 L40S in the cloud and self-host. Student model Qwen2.5 7B. Now what does training cost and what's the monthly serving bill?",
    ]);
    expect(turn.state.profile.gpusRented).toBe(true);
    expect(turn.reply).toContain('a month of GPU time');
    if (turn.recommendation.destination.model.name !== 'Qwen2.5 7B')
      expect(turn.reply).toContain("(the plan's model, not the Qwen2.5 7B you named)");
  });

  it('reads "what\'s the monthly serving bill" as a cost question', () => {
    expect(read("So what's the monthly serving bill running it 24/7?").intents).toMatchObject({
      asksCost: true,
      asksMonthlyCost: true,
    });
  });
});

describe('the engine and the thresholds', () => {
  it('does not send a team with no documents to retrieval: invented facts in a summary are trained out', () => {
    const advice = recommend(
      Profile.parse({
        task: "reads adjusters' free-text claim notes and produces a structured summary",
        needsStyleOrFormat: true,
        goals: ['format', 'knowledge'],
        dataMustStayOnPrem: true,
        gpuCount: 2,
        gpuName: 'NVIDIA RTX A6000',
        labeledExamples: 8000,
        taskType: 'generate',
        modelName: 'Llama 3.1 8B',
        unlabeledCorpus: 'none',
      }),
      knowledge,
    );
    expect(advice.destination.method).toBe('lora');
    expect(advice.plan.flatMap((step) => step.methods)).not.toContain('rag');
  });

  it('improves retrieval first when it stalled by pulling the wrong article', async () => {
    const tried = read(
      "Our retrieval has plateaued: the wrong policy details usually come from it pulling the wrong article. So what's the plan now?",
    ).fields.tried;
    expect(tried).toEqual([{ method: 'rag', result: 'plateaued', note: 'retrieval pulls the wrong documents' }]);
    const advice = recommend(
      Profile.parse({
        multilingual: true,
        modelName: 'Qwen2.5 14B',
        modelStage: 'instruct',
        gpuCount: 2,
        gpuName: 'NVIDIA L40S',
        goals: ['knowledge', 'style', 'freshness'],
        knowledgeChanges: 'weekly',
        needsStyleOrFormat: true,
        labeledExamples: 4000,
        taskType: 'generate',
        tried,
      }),
      knowledge,
    );
    expect(advice.destination.method).toBe('rag');
    expect(advice.plan[0]?.methods).toContain('rag');
  });

  it('says no published minimum exists for preference pairs instead of citing one', async () => {
    const turn = await last([
      'Support assistant on Qwen2.5 14B Instruct on two L40S; we have 2,500 preference pairs (agent rewrite vs bot original).',
      'are 2,500 pairs enough for DPO?',
    ]);
    expect(turn.reply).toContain('no published minimum exists for DPO');
    expect(turn.reply).not.toContain('thousands do better');
  });
});

describe('phrasings read in this session', () => {
  it.each<[string, Record<string, unknown>]>([
    [
      'We had a go at DPO with 3k preference pairs; it failed, the model got worse',
      { tried: [{ method: 'preference-tuning', result: 'failed' }] },
    ],
    [
      "We've tried a zero-shot prompt. It gets the gist but about 1 in 5 outputs breaks the schema",
      { tried: [{ method: 'prompt-engineering', result: 'plateaued' }] },
    ],
    ["procurement won't let us move to another model though", { canSwitchModel: false }],
    ['the CTO says we stay on Llama 3.1 8B', { canSwitchModel: false, modelName: 'Llama 3.1 8B' }],
    ['The literature grows every week.', { knowledgeChanges: 'weekly' }],
    ['base model Mistral 7B v0.1 (the non-instruct one)', { modelStage: 'base' }],
    [
      'llama-3.3-70b-instruct on our on-prem 8x A100 80GB, data never leaves',
      { deployment: 'on-prem', dataMustStayOnPrem: true, gpuCount: 8 },
    ],
    ['1x NVIDIA T4 on-prem (16GB), about 10k req/day', { deployment: 'on-prem', gpuCount: 1 }],
    ['we want the model to use under 4GB on the devs’ laptops', { deviceMemoryGB: 4 }],
    ['it runs on an industrial PC on the factory floor, 4 gigs of RAM we can give the model', { deviceMemoryGB: 4 }],
    [
      'the NPC dialogue model has to run on iPhones and the OS will kill us above ~1GB',
      { deviceMemoryGB: 1, deployment: 'mobile' },
    ],
    ['we have 3 lakh labeled examples', { labeledExamples: 300000 }],
    ['about 2.5 lakh questions a day', { requestsPerDay: 250000 }],
    ['we have 5,00,000 labeled rows', { labeledExamples: 500000 }],
    ['corpus is about 2 crore tokens', { corpusTokens: 20000000 }],
    ['budget: ₹5 lakh one-time at 1 USD = 84 INR', { oneTimeBudgetUSD: 5952 }],
  ])('%j', (text, want) => {
    expect(read(text).fields).toMatchObject(want);
  });

  it('leaves "our team grows every week" alone', () => {
    expect(read('our team grows every week').fields.knowledgeChanges).toBeUndefined();
  });

  it('leaves out money in a currency far from the dollar with no rate, and the reply asks for it in dollars', async () => {
    const extraction = read('our budget is ₹5 lakh for the whole project');
    expect(extraction.fields.oneTimeBudgetUSD).toBeUndefined();
    expect(extraction.unconvertedMoney).toEqual(['₹5 lakh']);
    expect(read('budget is ¥2,000,000 one-time').fields.oneTimeBudgetUSD).toBeUndefined();
    // Pounds and euros stay read 1:1, as the reply says.
    expect(read('one-time budget 8000 euros').fields.oneTimeBudgetUSD).toBe(8000);
    const turn = await last([
      'Support bot over our manual, Llama 3.1 8B on one L4, our budget is ₹5 lakh for the whole project',
    ]);
    expect(turn.reply).toContain('I left “₹5 lakh” out: I count money in US dollars');
    expect(turn.state.profile.oneTimeBudgetUSD).toBeUndefined();
  });
});

describe('found again in the same session (the rest of the trial, and batches w40 and x30)', () => {
  it('never asks the request volume of a model that runs on the phone', () => {
    const advice = recommend(
      Profile.parse({
        deployment: 'mobile',
        goals: ['on-device'],
        deviceMemoryGB: 2,
        modelName: 'Gemini 2.5 Flash',
        labeledExamples: 20000,
        gpuCount: 0,
        oneTimeBudgetUSD: 500,
      }),
      knowledge,
    );
    expect(advice.questions.map((question) => question.field)).not.toContain('requestsPerDay');
  });

  it('asks what the model does when the only goal is a cheaper bill', () => {
    const advice = recommend(Profile.parse({ modelName: 'GPT-4o', goals: ['cost'] }), knowledge);
    expect(advice.questions.map((question) => question.field)).toContain('task');
  });

  it('asks whether another model may be used when a base checkpoint is tuned to follow instructions', () => {
    const advice = recommend(
      Profile.parse({
        modelName: 'Qwen2.5 7B',
        modelStage: 'base',
        taskType: 'generate',
        gpuName: 'NVIDIA A100 80GB',
        gpuCount: 1,
        labeledExamples: 900,
        goals: ['instruction-following', 'format'],
        tried: [{ method: 'prompt-engineering', result: 'failed' }],
      }),
      knowledge,
    );
    expect(advice.questions.map((question) => question.field)).toContain('canSwitchModel');
  });

  it('answers "why LoRA rather than QLoRA?" beside a what-if on another model, and notes the facts said beside it', async () => {
    const turn = await last([
      'We summarise insurance claim notes into JSON with Llama 3.1 8B Instruct on two RTX A6000, on-prem, 8,000 examples. We tried prompting, it breaks the schema sometimes.',
      'Two questions. Why LoRA rather than QLoRA? And the hallucinated coverage issues worry our compliance people: would Llama 3.1 70B with QLoRA across both A6000s be better, and would it fit?',
    ]);
    expect(turn.reply).toMatch(/^\*\*LoRA is my pick\.\*\*/);
    expect(turn.reply).toContain('If you had Llama 3.1 70B as the model:');
    expect(turn.reply).not.toMatch(/If you had [^:]*goals/);
    expect(turn.state.profile.modelName).toBe('Llama 3.1 8B');
  });

  it('reads the size of a training example from a question about training time', () => {
    expect(
      read(
        'How long will the LoRA training take in wall-clock time on the two cards? Our typical note plus summary is around 1,800 tokens, not 500.',
      ).fields,
    ).toEqual({ exampleTokens: 1800 });
  });

  it('suggests open models, never API tiers, when asked for one to run locally', async () => {
    const turn = await last([
      'solo dev, want a model that writes changelog entries from commit messages in my project’s style, got ~300 old examples, $50 total',
      'i dont want to pay an api forever, i want something local. which open model would you pick?',
    ]);
    expect(turn.reply).not.toMatch(/small current API model/);
  });

  it.each<[string, Record<string, unknown>]>([
    ['want a model that writes release notes in my projects style from git commit msgs', { goals: ['style'] }],
    ['got ~300 old examples (commits -> the changelog entry i wrote)', { labeledExamples: 300 }],
    ['base Llama 3 8B (not instruct), we want it to follow instructions like a chat model', { modelStage: 'base' }],
    ["correction: it's the base model, we never used the instruct checkpoint", { modelStage: 'base' }],
    ["We're a bank so everything stays on-prem, no data leaves.", { dataMustStayOnPrem: true }],
    ["the model stays, the compliance review took 6 months, we can't change it", { canSwitchModel: false }],
    [
      "we tried LoRA on the 8B, loss went down but the eval didn't move at all",
      { tried: [{ method: 'lora', result: 'failed' }] },
    ],
    ['whoa, $12k? we were thinking more like 3 thousand total, one off', { oneTimeBudgetUSD: 3000 }],
    ['the 20k was a one-time thing for the training run', { oneTimeBudgetUSD: 20000 }],
    ['Preference data: ~6k ranked output pairs from our review tool.', { preferencePairs: 6000 }],
    ['Goal is fewer unsafe answers.', { goals: ['alignment'] }],
    ['first suggestion should show within about 500 ms. and yes you may switch models.', { canSwitchModel: true }],
  ])('%j', (text, want) => {
    expect(read(text).fields).toMatchObject(want);
  });

  it('takes "the model does not lack knowledge" as no knowledge goal', () => {
    expect(read('To be clear: the model does not lack knowledge.').removedGoals).toEqual(['knowledge']);
  });
});

describe('the bill and the model the team may move to', () => {
  it('flags a stated bill far above what the stated traffic costs at list price', async () => {
    const turn = await last([
      'We classify return emails with GPT-4o, about 45,000 a day, and pay $38,000 a month. We want it cheaper; we can switch models and have 300,000 labelled examples.',
      'How much would that cost per month compared to our $38k? Our emails average about 1,200 input tokens and the JSON output is about 150 tokens.',
    ]);
    expect(turn.reply).toMatch(/come to about \$6,075 a month, about 6× less than your bill/);
  });

  it('reads "we\'d be fine running an open model" as where the team may go, not the access of GPT-4o', () => {
    const fields = read(
      "Yes, we can switch models. We'd be fine running an open model ourselves if that's what it takes.",
    ).fields;
    expect(fields.canSwitchModel).toBe(true);
    expect(fields.modelAccess).toBeUndefined();
  });
});

describe('a cost question beside a comparison', () => {
  it('answers how long pre-training takes and whether retrieval beats it for facts, both', async () => {
    const turn = await last([
      LAB,
      'How long would continued pre-training on our 5B tokens take on the 16 H100s? And a reviewer on our grant claims RAG beats continued pre-training for factual questions anyway. Is that right?',
    ]);
    expect(turn.reply).toMatch(/Continued pre-training on your GPUs: about [\d,.]+ GPU-hours/);
    expect(turn.reply).toContain('For factual questions, retrieval wins');
  });
});
