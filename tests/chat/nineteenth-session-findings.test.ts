/**
 * Found in the nineteenth session (x43, w58 and gaps left by the eighteenth): English "mil" for a million, a budget
 * with nothing monthly, durations in words, a try called "a total flop", hyphenated language pairs, teams described
 * as expert in a list, and the question whether to paste a whole corpus into a long context window instead of RAG.
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
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' }).fields;

describe('numbers and money as people type them', () => {
  it.each([
    ['we have $2 mil for the whole project', { oneTimeBudgetUSD: 2_000_000 }],
    ['budget is 2 mil USD one-time', { oneTimeBudgetUSD: 2_000_000 }],
    ['about 1.5 mil requests a month', { requestsPerDay: 50_000 }],
    ['Our budget around 500 dollar per month.', { monthlyBudgetUSD: 500 }],
    ['budget is 5000 USD one-time, nothing monthly.', { oneTimeBudgetUSD: 5000, monthlyBudgetUSD: 0 }],
    ['need answers in under two hundred milliseconds', { latencyTargetMs: 200 }],
    ['replies within five seconds please', { latencyTargetMs: 5000 }],
  ])('reads %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it('keeps the Portuguese thousand before reais, and a duration in words that is no target', () => {
    expect(read('our one-time budget is 15 mil reais, at 5.40 reais per dollar').oneTimeBudgetUSD).toBe(2778);
    expect(read('it took under three seconds to load the page')).not.toHaveProperty('latencyTargetMs');
  });
});

describe('the team in its own words', () => {
  it('reads a try called a flop as failed, and one try named twice as one entry', () => {
    expect(
      read('tried RAG, it plateaued around 70%. prompt engineering before that was a total flop tbh').tried,
    ).toEqual([
      { method: 'rag', result: 'plateaued' },
      { method: 'prompt-engineering', result: 'failed' },
    ]);
    expect(
      read('RAG was a disaster for us tbh, retrieval kept pulling the wrong sections and the answers got worse').tried,
    ).toEqual([{ method: 'rag', result: 'failed', note: 'retrieval pulls the wrong documents' }]);
  });

  it.each([
    ['thesis is Swahili-English news headline classification', { multilingual: true }],
    ['70b, 8xh100, 12 wks, expert team.', { modelParamsB: 70, mlExpertise: 'expert' }],
    ['Nobody in team know machine learning.', { mlExpertise: 'none' }],
  ])('reads %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it('does not read a team of other experts as ML expertise', () => {
    expect(read("we're an expert team of radiologists")).not.toHaveProperty('mlExpertise');
  });
});

describe('the whole corpus in a long context window instead of RAG', () => {
  it('says a corpus in pages does not fit the window, and what filling it would cost at the volume', async () => {
    const [, turn] = await converse(
      [
        'We use Claude 3.5 Sonnet through the API for an insurance Q&A bot, 24k questions a day.',
        'could we just paste all 1,400 pages of policy docs into the 200k context window instead of building RAG?',
      ],
      knowledge,
    );
    expect(turn?.reply).toContain('about 560,000 tokens of documents');
    expect(turn?.reply).toContain('do not fit a 200,000-token window');
    // 24,000 a day × 30 × 200,000 tokens × $3 per million.
    expect(turn?.reply).toContain('$430,000 a month in input alone');
    expect(turn?.reply).toContain('Self-Route');
    expect(turn?.reply).not.toMatch(/can't answer/);
  });

  it('says a small corpus fits an open model’s window, and the KV cache each such request holds', async () => {
    const [turn] = await converse(
      [
        'We self-host Llama 3.1 8B on our one L40S for an HR bot over 120 pages of policies, 300 questions a day. can we just stuff the whole handbook into the prompt instead of doing RAG?',
      ],
      knowledge,
    );
    // Under Anthropic's 200,000 tokens: the whole corpus in a cached prompt, as the engine's own rule says.
    expect(turn?.reply).toContain('Yes, for a corpus this size: about 48,000 tokens of documents');
    expect(turn?.reply).toContain('131,072-token window');
    expect(turn?.reply).toContain('instead of building retrieval');
    // 48,000 tokens × 2 (K and V) × 32 layers × 8 KV heads × 128 dims × 2 bytes.
    expect(turn?.reply).toContain('about 6.3 GB of KV cache');
    // Only the sources the answer marks are listed.
    expect(turn?.reply).not.toContain('prompt caching figures');
  });

  it('asks for the corpus size when it is unknown', async () => {
    const [, turn] = await converse(
      ['We run GPT-4o mini for an internal wiki bot.', 'do we even need RAG with a 1M token context window?'],
      knowledge,
    );
    expect(turn?.reply).toContain('Only if the whole corpus fits a 1,000,000-token window');
    expect(turn?.reply).toContain('tell me the corpus in tokens or pages');
  });
});

describe('the thirty-seventh trial and x44: facts said in passing', () => {
  it.each([
    ['around 4k conversations a day, avg maybe 5 turns each', { requestsPerDay: 20_000 }],
    ['we get ~1,200 sessions a day and each one is like 8 back-and-forths with the bot', { requestsPerDay: 9600 }],
    ['Support bot on GPT-4o mini: around 25k conversations a day, each about 6 messages.', { requestsPerDay: 150_000 }],
    ['12k invoices where finance typed the fields into SAP by hand', { labeledExamples: 12_000 }],
    ['devs wrote ~1,500 snippet + explanation pairs', { labeledExamples: 1500 }],
    ['about 1,800 intake forms paired with the final NDA our lawyers signed off', { labeledExamples: 1800 }],
    [
      'We have about 3,500 past support chats in Swahili that our agents answered well, labelled by the team.',
      { labeledExamples: 3500 },
    ],
    ['~800 contracts where associates already filled in the template by hand', { labeledExamples: 800 }],
    [
      '1,500 summaries written by real patient-advocates, plus 20k summaries I generated with GPT-4.1',
      { labeledExamples: 1500, teacherModel: 'GPT-4.1' },
    ],
    ['the training examples are short, 300-400 tokens each, about 2,200 of them', { labeledExamples: 2200 }],
    [
      'Prompts are long, about 4,000 tokens each, answers ~150 tokens.',
      { inputTokensPerRequest: 4000, outputTokensPerRequest: 150 },
    ],
    ['we own 2 L40S in the server room; for bigger jobs we rent A100s on runpod', { gpuName: 'NVIDIA L40S' }],
    ['using a rented L4 by the hour', { gpusRented: true, gpuName: 'NVIDIA L4' }],
    ['all our compute is one reserved 4x A10G box on aws (1 yr commitment)', { deployment: 'cloud-self-hosted' }],
    ['our sister team fine-tuned llama 3 70b on 8 H100s but we just have a single T4', { gpuName: 'NVIDIA T4' }],
    ['update: the budget is now 5k', { oneTimeBudgetUSD: 5000 }],
    ["Model is Mistral 7B instruct but honestly we can swap it if something's better.", { canSwitchModel: true }],
    ['we pay too much for GPT-4.1 on ticket routing, 300k tickets/day', { taskType: 'classify' }],
    ['the characters have to stay in voice', { needsStyleOrFormat: true }],
  ])('reads %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it.each([
    ['Prompts are long, about 4,000 tokens each.', 'exampleTokens'],
    ["we don't own any gpus, we'd just rent H100s on lambda by the hour whenever we train", 'deployment'],
    ['update: lab took the 3090 back. what changes?', 'goals'],
    ["we're on gpt-4o mini right now — would gpt 4.1 mini give the same quality cheaper?", 'modelName'],
  ])('does not read %j as %s', (text, field) => {
    const fields = read(text) as Record<string, unknown>;
    if (field === 'modelName') expect(fields.modelName).toBe('GPT-4o mini');
    else expect(fields).not.toHaveProperty(field);
  });

  it('reads neither "20k teacher ones" as a latency nor German "4 Bit" as a volume, when those were asked', () => {
    const answer = (text: string, requestedField: 'latencyTargetMs' | 'requestsPerDay') =>
      extractProfile(text, { knowledge, today: '2026-12-06', requestedField }).fields;
    expect(
      answer(
        'latency doesnt matter, its batch. did you get the 1,500 human-written examples and the 20k teacher ones?',
        'latencyTargetMs',
      ),
    ).not.toHaveProperty('latencyTargetMs');
    expect(answer('Wäre es nicht sinnvoller, das 70B-Modell auf 4 Bit zu quantisieren?', 'requestsPerDay')).toEqual({});
  });

  it('answers a cost question on another model as a what-if on it, keeping the team’s model and bill', async () => {
    const [turn] = await converse(
      [
        'We use GPT-4o mini for our support bot, about 150,000 calls a day, and we pay $736 a month. What would Gemini 2.5 Flash-Lite cost us a month?',
      ],
      knowledge,
    );
    expect(turn?.state.profile.modelName).toBe('GPT-4o mini');
    expect(turn?.reply).toContain('Gemini 2.5 Flash-Lite calls would cost about $990 a month');
    expect(turn?.reply).not.toContain('(your figure)');
  });
});

describe('the thirty-seventh trial: answers that contradicted each other or answered something else', () => {
  it('reads clauses pulled from the contract each request reads as output format, not knowledge to retrieve', () => {
    const fields = read(
      'Partners want Llama 3.1 70B to extract obligations, deadlines and termination clauses from contracts into our review template.',
    );
    expect(fields.goals).toEqual(['format']);
  });

  it('sizes serving a 70B on four 40 GB cards with one sum, whatever the question', async () => {
    const turns = await converse(
      [
        'Llama 3.1 70B on our own 4x A100 40GB, on-prem, extracting clauses from contracts, 800 labelled examples. Just recommend.',
        'prompts are ~30,000 tokens in and 1,500 out. does that fit?',
        'can we even serve the 70B on our four 40GB cards?',
        'does a 30,000-token prompt fit the context?',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile).not.toHaveProperty('exampleTokens');
    expect(turns[1]?.state.profile).not.toHaveProperty('corpusTokens');
    expect(turns[1]?.reply).toContain('Not in 16-bit');
    expect(turns[1]?.reply).not.toContain('training activations');
    expect(turns[2]?.reply).toContain('needs about 186 GB, more than the 160 GB');
    // The context question's memory note uses the same estimator (30,000 rather than 31,500 tokens).
    expect(turns[3]?.reply).toContain('serving it takes about 184 GB, against your 160 GB: too much');
  });

  it('answers a device what-if about the model asked, not the one the plan moved to', async () => {
    const turns = await converse(
      [
        'NPC dialogue on a console, Llama 3.2 3B on the device with 3 GB for the model, 4,000 labelled lines, prompting plateaued.',
        'could we run Llama 3.1 8B there instead at 4-bit?',
        'What if the console gave us 8 GB, could we run Llama 3.1 8B at 4-bit?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toContain('On the device: no, Llama 3.1 8B at 4 bits does not fit the 3 GB');
    expect(turns[1]?.reply).toContain('about 6 GB, over the 3 GB');
    expect(turns[2]?.reply).toContain('Llama 3.1 8B at 4 bits fits the 8 GB it may use');
  });

  it('reads training sections cut to a length in a what-if, and sizes QLoRA at that length', async () => {
    const turns = await converse(
      [
        'Llama 3.1 70B on 4x A100 40GB, data must stay on premises, 800 labelled examples of about 30,000 tokens each.',
        'What if we split each contract into ~8k-token sections for training, would QLoRA fit then?',
      ],
      knowledge,
    );
    expect(turns[1]?.kind).toBe('what-if');
    expect(turns[1]?.reply).toContain('Barely: QLoRA needs about 36 GB on each GPU');
    expect(read('we cut the docs into 512-token chunks for retrieval')).not.toHaveProperty('exampleTokens');
  });

  it('answers a cloud region asked beside another question, then the other question', async () => {
    const [, turn] = await converse(
      [
        'We run a Swahili support bot on GPT-4o mini, 25k conversations a day.',
        'customer chats with ID numbers shouldnt go to the US - is an Azure region in South Africa ok?? and concretely what do i do first monday morning',
      ],
      knowledge,
    );
    expect(turn?.reply).toContain('Keeping data in South Africa is about where it is processed');
    expect(turn?.reply).toContain('First: Prompt engineering');
  });

  it('answers whether to train on teacher outputs, human examples or both', async () => {
    const [, turn] = await converse(
      [
        'I want to fine-tune Llama 3.1 8B to summarise patient letters. I have 1,500 summaries written by real patient-advocates, plus 20k summaries I generated with GPT-4.1.',
        'should I SFT on the 20k GPT-4.1 summaries, the 1.5k human ones, or both (teacher first then human)?',
      ],
      knowledge,
    );
    expect(turn?.reply).toContain('keep about 300 of the 1,500 human-written ones aside');
    expect(turn?.reply).toContain('9,000 crowd-written OASST1 conversations beat a 450,000-example FLAN subsample');
    expect(turn?.reply).toContain('train first on the 20,000 from GPT-4.1');
    expect(turn?.reply).not.toMatch(/can't answer/);
    const intents = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' }).intents;
    expect(intents('We use GPT-4o mini for real-time chat; should we use LoRA or RAG?').asksDataMix).toBeUndefined();
  });
});

describe('gaps left by the eighteenth session', () => {
  it('reads "12,000 already coded by our staff" as labels and "we code about 3,000 a day" as the volume', async () => {
    const [, turn] = await converse(
      [
        'We want a model to suggest ICD-10 codes for discharge summaries; 12,000 already coded by our staff.',
        'we code about 3,000 a day',
      ],
      knowledge,
    );
    expect(turn?.state.profile).toMatchObject({ taskType: 'classify', labeledExamples: 12_000, requestsPerDay: 3000 });
  });

  it('answers "is 1,500 enough for 40 intents?" with the count per class and per-class measurement', async () => {
    const [, turn] = await converse(
      [
        'We classify support tickets into 40 intents with Llama 3.1 8B on one A100, 1,500 labelled tickets.',
        'is 1,500 enough for 40 intents?',
      ],
      knowledge,
    );
    expect(turn?.reply).toContain('Over 40 classes that is about 38 per class on average');
    expect(turn?.reply).not.toMatch(/can't answer/);
  });
});

describe('review19: what the new readings must not take', () => {
  it.each([
    'Can we put all the product names in the system prompt so it stops misspelling them?',
    'Should we put all the few-shot examples in the prompt or pick 3?',
    'Would it help to give it the whole conversation history in the context?',
    'Could we include the whole style guide in the prompt instead of fine-tuning?',
    'We dump all the retrieved chunks into the context. How many should we keep?',
    'We put all the queue descriptions into the system prompt today. How much would LoRA cost?',
    'We load the entire contract into the prompt for extraction, is a 7B enough?',
  ])('no long-context question in %j', (text) => {
    expect(extractProfile(text, { knowledge, today: '2026-12-06' }).intents.asksLongContext).toBeUndefined();
  });

  it.each([
    'Our human reviewers rate the generated summaries — which metric should we track?',
    'Is human-in-the-loop required for generated medical summaries, or only for flagged ones?',
    'Our human agents send the replies; the generated drafts are only suggestions. How much would LoRA cost?',
  ])('no teacher-or-human data question in %j', (text) => {
    expect(extractProfile(text, { knowledge, today: '2026-12-06' }).intents.asksDataMix).toBeUndefined();
  });

  it('keeps the facts said beside a long-context question, dropping only what sizes it', () => {
    const fields = read(
      'We have 3,000 labeled Q&A pairs and 1,400 pages of policy docs. Could we just paste all the docs into the 200k window instead of RAG?',
    );
    expect(fields.labeledExamples).toBe(3000);
  });

  it('counts no teacher output as human-written, and splits no test set off a handful', async () => {
    const [, teacherFirst] = await converse(
      [
        'We summarise patient discharge notes with Llama 3.1 8B on one A100. We have 20k summaries I generated with GPT-4o and 1,500 written by real patient advocates.',
        'SFT on the teacher ones, the human ones, or both?',
      ],
      knowledge,
    );
    expect(teacherFirst?.reply).not.toContain('20,000 human-written');
    const [few] = await converse(
      [
        'We have 20k GPT-4.1 summaries and 30 hand-written ones; should we train on the generated ones only or mix them?',
      ],
      knowledge,
    );
    expect(few?.reply).toContain('With 30 human-written examples there is nothing to split off');
    expect(few?.state.profile.modelName).toBeUndefined();
  });

  it.each([
    ["We're taking the 2 A100s we have and fine-tuning Llama 3.1 8B on them.", { gpuCount: 2 }],
    ['We got the A100 back from the other team.', { gpuName: 'NVIDIA A100 80GB' }],
    ['I took the 4090 home to run experiments at night.', { gpuName: 'NVIDIA GeForce RTX 4090' }],
    ['We use a rented T4 by the hour for experiments, but production runs on our own 2 A100s.', { gpuCount: 2 }],
    ['The prototype we made with GPT-4o works but it is too expensive at 10k requests a day.', { modelName: 'GPT-4o' }],
    [
      "Our model is GPT-4o. Actually, scratch that — it's Claude 3.5 Sonnet, can it do JSON reliably?",
      { modelName: 'Claude Sonnet (3.5, 3.7, 4 and later)' },
    ],
    ['We tag incoming emails and the bot needs product facts from our wiki.', { goals: ['knowledge'] }],
    ['We have 300 chats a day, on average 2 questions are about billing.', { requestsPerDay: 300 }],
  ])('reads %j as it was meant', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it.each([
    ['We use a rented T4 by the hour for experiments, but production runs on our own 2 A100s.', 'gpusRented'],
    ['Support must be available in voice and chat.', 'needsStyleOrFormat'],
    ['Our retrieval index is FAISS; we can swap it for pgvector if needed.', 'canSwitchModel'],
    ['Strong team of 3 data engineers, we mostly do ETL.', 'mlExpertise'],
    ['We do request routing between GPT-4o and GPT-4o mini to save money.', 'taskType'],
    ['We have 3k product reviews written by users.', 'labeledExamples'],
    ['We have 5 annotators labelling examples, 2 of them part-time.', 'labeledExamples'],
    ['We have 40k product photos paired with the upload date.', 'labeledExamples'],
    ['2b, 4b or 8b — which size should we use?', 'modelParamsB'],
    ['We split the manuals into 512-token chunks to train the retriever on question-chunk pairs.', 'exampleTokens'],
    ['We have 300 chats a day', 'timelineWeeks'],
  ])('does not read %j as %s', (text, field) => {
    expect(read(text)).not.toHaveProperty(field);
  });
});

describe('the thirty-eighth trial', () => {
  it('keeps an API model’s bill the vendor’s when a bare size is said beside it', async () => {
    const [, turn] = await converse(
      [
        'We use Claude Sonnet to turn WhatsApp messages into JSON orders, 12,000 messages a day. We have 90,000 logged examples, no GPUs, and we can switch models. Just recommend.',
        'how much would we save per month? we would have to host the 8b somewhere right',
      ],
      knowledge,
    );
    expect(turn?.state.profile).not.toHaveProperty('modelParamsB');
    expect(turn?.reply).toContain("Today's Claude Sonnet calls cost about $2,700 a month");
  });

  it('answers "is that really enough to fine-tune?" said with the count, and the Mac question with a model in it', async () => {
    const [enough] = await converse(['We have 120 labeled examples. is that really enough to fine-tune?'], knowledge);
    expect(enough?.reply).toContain('120 examples is enough to start a supervised tune');
    const [mac] = await converse(['could I train a LoRA for Llama 3.1 8B on my MacBook with 64GB?'], knowledge);
    expect(mac?.reply).toContain('mlx-lm');
  });

  it('takes back a budget and a teacher the team disowns, and reads no quote or gloss as a budget', async () => {
    const turns = await converse(
      [
        'We tune Qwen2.5 7B Instruct with DPO on 8k pairs, monthly budget $900',
        'we have no monthly budget of $900, drop that',
        'labels generated by GPT-4.1 as the teacher',
        'we are NOT using GPT-4.1 as a teacher, please drop it',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile).not.toHaveProperty('monthlyBudgetUSD');
    expect(turns[1]?.state.profile).not.toHaveProperty('task');
    expect(turns[2]?.state.profile.teacherModel).toBe('GPT-4.1');
    expect(turns[3]?.state.profile).not.toHaveProperty('teacherModel');
    expect(
      read("wait you say claude costs us $321/month?? we pay ₦4.5m which is like $2,900. something's off"),
    ).toEqual({});
    const moved = await converse(
      [
        'We moved from GPT-4.1 to GPT-5 for our legal Q&A over statutes',
        'why not managed fine-tuning on gpt-5? and is $900/month really what GPT-5 would cost us, that was our old GPT-4.1 bill',
      ],
      knowledge,
    );
    expect(moved[1]?.state.profile.modelName).toBe('GPT-5');
    expect(moved[1]?.state.profile).not.toHaveProperty('monthlyBudgetUSD');
  });

  it('answers a clinical safety question in a hospital’s words', async () => {
    const [, turn] = await converse(
      [
        'Hospital in Manila, summarise discharge notes with Llama 3.1 8B on one L40S, data must stay on-prem, 6k examples.',
        'is this even safe for clinical use tho? our doctors r worried it will invent meds that arent in the note',
      ],
      knowledge,
    );
    expect(turn?.reply).toContain('keep a human reviewing outputs');
  });

  it('answers a question after "Thanks." instead of taking it as thanks or as the task', async () => {
    const [, turn] = await converse(
      [
        'Legal Q&A over German statutes with GPT-5, 1,000 questions a day. Just recommend.',
        'Thanks. Totally different question: the paralegals have ~2,500 old Q&A memos with the correct answers. Should we fine-tune on those or use them for retrieval?',
      ],
      knowledge,
    );
    expect(turn?.reply).not.toContain("You're welcome");
    expect(turn?.state.profile).not.toHaveProperty('task');
    expect(turn?.reply).toContain('Retrieval-augmented generation, not Managed fine-tuning');
  });

  it.each([
    ['we have ₱200k (1 USD is about 58 pesos) for this', 3448],
    ['we have ₱200k, a dollar is about 58 pesos', 3448],
  ])('converts %j at the rate said in pesos', (text, usd) => {
    expect(read(text).oneTimeBudgetUSD).toBe(usd);
  });

  it('reads "vector similarity search" for exact codes, and plans supervised tuning (not instruction tuning) on an instruct model', () => {
    expect(
      extractProfile('will vector similarity search match exact part codes like HX-4471-B?', {
        knowledge,
        today: '2026-12-06',
      }).intents.asksExactMatchRetrieval,
    ).toBe(true);
    const result = recommend(
      Profile.parse({
        modelName: 'Llama 3.1 8B',
        gpuName: 'L40S',
        gpuCount: 1,
        labeledExamples: 6000,
        needsStyleOrFormat: true,
        goals: ['format', 'style', 'instruction-following'],
        dataMustStayOnPrem: true,
        taskType: 'generate',
        modelStage: 'instruct',
      }),
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination.method).toBe('lora');
    expect(result.plan.flatMap((step) => step.methods)).not.toContain('instruction-tuning');
  });
});

describe('x45: non-native English, other currencies, candidates and residency in more words', () => {
  it.each([
    ['Budget is 75,000 SAR one time (rate is 3.75 SAR for 1 USD).', { oneTimeBudgetUSD: 20_000 }],
    ['Budget is R$ 20 mil for the project, dollar is 5 reais more or less.', { oneTimeBudgetUSD: 4000 }],
    [
      "14k CAD, call it 10k USD, one time. monthly we can't go above 700 CAD (~500 USD)",
      { oneTimeBudgetUSD: 10_000, monthlyBudgetUSD: 500 },
    ],
    ['Our lab have 8 piece RTX 4090.', { gpuCount: 8 }],
    ['Our data may under no circumstances leave our own servers (DSGVO).', { dataMustStayOnPrem: true }],
    ['data is not allowed out of company', { dataMustStayOnPrem: true }],
    ['data is fine to go to the cloud', { dataMustStayOnPrem: false }],
    ["just the one, it's an L4 on a GCP VM", { deployment: 'cloud-self-hosted' }],
    ["we're locked into Azure OpenAI for compliance, GPT-4o mini", { canSwitchModel: false }],
    ['considering Llama 3.2 1B or Qwen2.5 1.5B, open to either or something else', { canSwitchModel: true }],
    ["peak is around 10k requests an hour, over a whole day it's maybe 120k total", { requestsPerDay: 120_000 }],
    ['we want to summarise doctor notes from Arabic to English', { multilingual: true }],
    ['Very sensitive, mistakes not acceptable because of patient safety.', { safetyCritical: true }],
  ])('reads %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it('reads a collection of documents that large as the corpus, not one example', () => {
    expect(read('our policy docs are about 60k tokens')).toMatchObject({ corpusTokens: 60_000 });
    expect(read('our policy docs are about 60k tokens')).not.toHaveProperty('exampleTokens');
    expect(read('our contracts are about 30k tokens each')).toMatchObject({ exampleTokens: 30_000 });
  });

  it('takes no model from candidates weighed', () => {
    expect(read('considering Llama 3.2 1B or Qwen2.5 1.5B, open to either')).not.toHaveProperty('modelName');
    expect(read('we use Llama 3.1 8B and are considering LoRA or QLoRA').modelName).toBe('Llama 3.1 8B');
  });
});

describe('risks: a figure near the edge only when it is near', () => {
  it('names no edge for 8,000 pairs when the advice would change below 499', async () => {
    const [, turn] = await converse(
      [
        'University lab, Qwen2.5 7B Instruct already SFTd, 8,000 preference pairs, 2 H100 for a week. Just recommend.',
        'what could go wrong?',
      ],
      knowledge,
    );
    expect(turn?.reply).toContain('The risks I see');
    expect(turn?.reply).not.toContain('A figure near the edge');
  });
});

describe('a cost what-if on two models', () => {
  it('prices both models the question names', async () => {
    const [, turn] = await converse(
      [
        'We use Claude Sonnet to turn WhatsApp messages into JSON orders, 12,000 messages a day.',
        'what if we just moved to gemini 2.5 flash, would that cut the bill? or claude haiku?',
      ],
      knowledge,
    );
    // 12,000 a day × 30 × (1,000 × $0.30 + 300 × $2.50) per million.
    expect(turn?.reply).toContain('Gemini 2.5 Flash calls would cost about $378 a month');
    expect(turn?.reply).toContain('Claude 3 Haiku down on 2026-09-10');
    expect(turn?.state.profile.modelName).toBe('Claude Sonnet (3.5, 3.7, 4 and later)');
  });
});
