/**
 * Found in the thirty-second session by a new-user trial (newuser63 F02, F03, F04) and the blind batches of the
 * session, each beside the counter-example its fix must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { encoderWindows } from '../../src/engine/input-length.ts';
import { searchSubstitute } from '../../src/engine/model-options.ts';
import { recommend } from '../../src/engine/recommend.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

const knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-07', midConversation: true });
const talk = (messages: string[]) => converse(messages, knowledge);
const advise = (profile: object) => recommend(Profile.parse(profile), knowledge, { explain: 'none' });

const HOSPITAL =
  "Hello, I'm from the IT department of a hospital in Germany. We want to suggest ICD-10 codes from German discharge letters. Patient data can never leave our premises. We have no GPUs, only two CPU servers with 64 cores and 256 GB RAM each.";

describe('a 512-token encoder for inputs longer than it reads (newuser63 F02)', () => {
  it('reads "a letter is typically 1,500 to 3,000 tokens" at its middle', () => {
    expect(read("They're long though, a letter is typically 1,500 to 3,000 tokens.").fields.exampleTokens).toBe(2250);
    expect(read('our documents are 3 to 5 thousand tokens').fields.exampleTokens).toBe(4000);
  });

  const cpuOnly = {
    taskType: 'classify',
    task: 'suggest ICD-10 codes from German discharge letters',
    dataMustStayOnPrem: true,
    gpuCount: 0,
    labeledExamples: 40000,
    modelName: 'Llama 3.1 8B',
    tried: [],
  };
  it('keeps the encoder on CPU servers for long letters and says they are read in overlapping windows', () => {
    const advice = advise({ ...cpuOnly, exampleTokens: 2250 });
    expect(advice.destination.model.name).toBe('XLM-RoBERTa Base');
    const windows = advice.assumptions.find((entry) => entry.field === 'estimates.encoderWindows');
    expect(windows?.value).toBe(6);
    expect(windows?.why).toMatch(/at most 512 tokens .* about 2,250: .* overlapping 512-token windows/);
  });
  it('says nothing of windows for inputs within 512 tokens', () => {
    const advice = advise({ ...cpuOnly, exampleTokens: 300 });
    expect(advice.destination.model.name).toBe('XLM-RoBERTa Base');
    expect(advice.assumptions.some((entry) => entry.field === 'estimates.encoderWindows')).toBe(false);
  });
  it('picks no encoder student for inputs longer than it reads, where GPUs train a model that reads them whole', () => {
    const student = (exampleTokens: number) =>
      searchSubstitute(
        { methods: ['distillation'], objective: 'distillation', why: '', strong: true },
        Profile.parse({
          taskType: 'classify',
          task: 'route support tickets to 40 queues',
          gpuCount: 1,
          gpuName: 'NVIDIA A100 80GB',
          labeledExamples: 20000,
          modelName: 'Llama 3.1 70B',
          exampleTokens,
        }),
        knowledge.findModel('Llama 3.1 70B'),
        knowledge,
        { totalGpuMemoryGB: 80, rentalAllowed: true, taskFitsModel: true },
      ).found?.model;
    const kind = (name: string | undefined) =>
      name === undefined ? undefined : knowledge.findModel(name)?.architecture?.kind;
    expect(kind(student(300))).toBe('encoder');
    expect(kind(student(3000))).not.toBe('encoder');
    expect(student(3000)).toBeDefined();
  });

  it('answers "XLM-RoBERTa only reads 512 tokens, right?" with the windows, on the job planned on it', async () => {
    const turns = await talk([
      HOSPITAL,
      'From our billing system we can export roughly 40k discharge letters with the codes the coders assigned. A letter is typically 1,500 to 3,000 tokens.',
      'Nothing tried yet. We were thinking of Llama 3.1 8B. just recommend',
      "Hmm, XLM-RoBERTa only reads 512 tokens, right? Doesn't that break the coding job?",
      'can XLM-RoBERTa Base even read a 3,000-token letter?',
    ]);
    expect(turns[2]?.reply).toMatch(/XLM-RoBERTa Base/);
    for (const turn of [turns[3], turns[4]]) {
      expect(turn?.reply).toMatch(/^Not whole: XLM-RoBERTa Base reads at most 512 tokens at a time/);
      expect(turn?.reply).toMatch(/about 6 overlapping 512-token windows/);
    }
  });
  it('answers an encoder with short inputs as reading them whole', async () => {
    const turns = await talk([
      'We sort support emails into 12 queues with XLM-RoBERTa Base, about 200 tokens each, 30k labelled emails, one RTX 4090.',
      'does XLM-RoBERTa only read 512 tokens?',
    ]);
    expect(turns[1]?.reply).toMatch(/^Yes: XLM-RoBERTa Base reads at most 512 tokens/);
    expect(turns[1]?.reply).toMatch(/within that: it reads each one whole/);
  });
  it('leaves "why not a BERT classifier?" to the encoder-instead answer', () => {
    const intents = read('why not a BERT classifier instead of the 8B?').intents;
    expect(intents.asksEncoderInstead).toBe(true);
    expect(intents.asksEncoderLength).toBeUndefined();
  });
});

describe('a model served from the team CPUs slower than its latency target at the measured speed (newuser63 F03)', () => {
  const nurses = {
    modelName: 'Llama 3.1 8B',
    gpuCount: 0,
    dataMustStayOnPrem: true,
    inputTokensPerRequest: 3000,
    needsCitations: true,
    goals: ['citations'],
    knowledgeChanges: 'monthly',
    corpusTokens: 560000,
    taskType: 'chat',
  };
  const rule = 'cpu-measured-speed-misses-latency-target';
  it('keeps retrieval but adds the risk when 15 s is above the floor and below the measured 43 s', () => {
    const advice = advise({ ...nurses, latencyTargetMs: 15000 });
    expect(advice.destination.method).toBe('rag');
    const rag = advice.recommendations.find((entry) => entry.method === 'rag');
    expect(rag?.verdict).toBe('recommended');
    expect(rag?.reasons.map((reason) => reason.ruleId)).toContain(rule);
  });
  it('adds no risk when the measured speed meets the target, and none where GPUs serve it', () => {
    const relaxed = advise({ ...nurses, latencyTargetMs: 60000 });
    expect(relaxed.recommendations.flatMap((entry) => entry.reasons.map((reason) => reason.ruleId))).not.toContain(
      rule,
    );
    const onGpu = advise({ ...nurses, gpuCount: 1, gpuName: 'NVIDIA L40S', latencyTargetMs: 15000 });
    expect(onGpu.recommendations.flatMap((entry) => entry.reasons.map((reason) => reason.ruleId))).not.toContain(rule);
  });
  it('says the measured time against the target beside the answer', async () => {
    const turns = await talk([
      "We're a hospital. Nurses ask questions about our internal SOPs (about 1,400 pages of PDFs, updated monthly); answers must cite the SOP section. Patient data can never leave our premises; no GPUs, only CPU servers. We use Llama 3.1 8B.",
      "They'd accept waiting up to 15 seconds for an answer. Retrieved SOP passages make prompts around 3,000 tokens. just recommend",
    ]);
    const answer = turns[1]?.reply ?? '';
    expect(answer).toMatch(/Retrieval-augmented generation/);
    expect(answer).toMatch(
      /\*\*Heads-up:\*\* No GPUs: .* a 3,000-token prompt takes about 43 s before the first word: about 3 times your 15,000 ms target/,
    );
  });
});

describe('a method possible only on rented GPUs, weighed against the plan (newuser63 F04)', () => {
  it('says full fine-tuning needs a rental and why 48 GB is not enough', async () => {
    const turns = await talk([
      "We want our NPC, a grumpy old fisherman, to improvise dialogue in Brazilian Portuguese in his voice. We have two RTX 3090s and we've been playing with Llama 3.1 8B Instruct. Our writers have written about 3 thousand sample exchanges.",
      'Few-shot prompting with 5 examples plateaued. Budget is $1,400. just recommend',
      "Why LoRA and not full fine-tuning? Together the two 3090s have 48 GB, isn't that enough for an 8B?",
    ]);
    expect(turns[1]?.reply).toMatch(/Aim for LoRA/);
    expect(turns[2]?.reply).toMatch(
      /Full fine-tuning \(viable here only on rented GPUs: it needs about \d+ GB and your GPUs have 48 GB together; about \$[\d.]+ rented for three runs\)/,
    );
  });
  it('gives no rental words when the method fits the team GPUs', async () => {
    const turns = await talk([
      'We want our NPC to improvise dialogue in his voice. We have two H100 80GB GPUs and use Llama 3.1 8B Instruct. Our writers have written about 3 thousand sample exchanges.',
      'Few-shot prompting with 5 examples plateaued. just recommend',
      'Why LoRA and not full fine-tuning?',
    ]);
    expect(turns[2]?.reply).not.toMatch(/only on rented GPUs/);
  });
});

describe('phone-style messages of the blind batch x72', () => {
  it.each([
    ["budget wise we're under a grand a month for hosting", { monthlyBudgetUSD: 1000 }],
    ['api spend is fine up to ~2k/mo', { monthlyBudgetUSD: 2000 }],
    ["timeline's tight: 3 weeks. one-off budget ~$15k, monthly after that no more than 4k", { monthlyBudgetUSD: 4000 }],
    ['plus ~800 solid sft examples', { labeledExamples: 800 }],
    ['three hundred-ish examples of good completions', { labeledExamples: 300 }],
    ['the codebase is about half a billion tokens', { corpusTokens: 500_000_000 }],
    ["we're allowed to use any model, doesnt have to be openai", { canSwitchModel: true }],
    ['insurance: describe the damage in claim photos', { taskType: 'image-understand' }],
    ['its our product catalog search, queries come in like 9 languages', { taskType: 'search' }],
    ['in spanish and portugues', { multilingual: true }],
    ["p95 has to be under 300ms, rn it's like 1.2s and users complain", { goals: ['latency'] }],
  ])('reads "%s"', (text, expected) => {
    expect(read(text).fields).toMatchObject(expected);
  });
  it.each([
    ['a grand total of 300 examples', 'oneTimeBudgetUSD'],
    ['we paid a fine of $2k', 'oneTimeBudgetUSD'],
    ['our api spend is 2k/mo', 'monthlyBudgetUSD'],
    ['the answer does not have to be perfect', 'canSwitchModel'],
  ])('reads no %s-like fact from "%s"', (text, field) => {
    expect(read(text).fields).not.toHaveProperty(field);
  });
});

describe('a new user trial on sizes, doubts and quoted figures (newuser64)', () => {
  it('reads DPO\'s "reference model" as no citations goal (F02)', () => {
    const said = read('will DPO even fit on the 3090? it needs the reference model too right');
    expect(said.fields.needsCitations).toBeUndefined();
    expect(read('we need the references for every answer').fields.needsCitations).toBe(true);
  });
  it('reads a model named alone as a question, then doubted, as asked about (F03)', () => {
    const said = read("Gemma 2 27B? isn't its context window only 8k? our case histories are 30k tokens");
    expect(said.fields.modelName).toBeUndefined();
    expect(said.fields.exampleTokens).toBe(30000);
    expect(read("Llama 3.1 8B? we'd rather not").fields.modelName).toBe('Llama 3.1 8B');
  });
  it('reads the window size after "context window" as no volume, even when the volume was asked (F03)', () => {
    const asked = (text: string) =>
      extractProfile(text, { knowledge, today: '2026-12-07', midConversation: true, requestedField: 'requestsPerDay' })
        .fields;
    expect(asked("isn't its context window only 8k?").requestsPerDay).toBeUndefined();
    expect(asked('about 8k a day').requestsPerDay).toBe(8000);
  });
  it('drops the team model when its family is denied by name, and keeps what the remaining job was told (F03)', async () => {
    const turns = await talk([
      'Council IT, nothing can leave our premises. 1 A100 80GB. Two things: first, route incoming service tickets to one of 35 departments, we have ~40k labelled tickets. Second, summarise long case histories for caseworkers, we have 300 gold summaries, each case history is ~30k tokens. We use Gemma 2 27B. nothing tried yet. just recommend',
      'no! we are NOT using gemma. and hold off on the summariser for now, we only have one job: the ticket routing',
    ]);
    expect(turns[0]?.state.profile.modelName).toBe('Gemma 2 27B');
    expect(turns[1]?.state.profile.modelName).toBeUndefined();
    expect(turns[1]?.state.profile.tried).toEqual([]);
    expect(turns[1]?.state.jobs).toBeUndefined();
  });
  it('keeps a model the team uses when another family is denied', async () => {
    const turns = await talk([
      'We use Llama 3.1 8B on one A100 80GB to route tickets; 40k labelled tickets.',
      'we are not using gemma, to be clear.',
    ]);
    expect(turns[1]?.state.profile.modelName).toBe('Llama 3.1 8B');
  });
  it('moves no plan onto a model whose context window is shorter than the inputs (F04)', () => {
    const advice = advise({
      gpuCount: 1,
      gpuName: 'NVIDIA A100 80GB',
      dataMustStayOnPrem: true,
      taskType: 'generate',
      task: 'summarise long case histories for caseworkers',
      labeledExamples: 300,
      exampleTokens: 30000,
      tried: [],
    });
    const model = advice.destination.model.name;
    expect(model).not.toBeNull();
    const window = knowledge.findModel(model ?? '')?.architecture?.contextLength;
    expect(window === undefined || window >= 30000).toBe(true);
  });
  it.each([
    ['800 hand-labelled contracts, each ~15k tokens.', 15000],
    ['case histories can be long, like 30k tokens sometimes', 30000],
  ])('reads the example length in "%s" (F05, F21)', (text, tokens) => {
    expect(read(text).fields.exampleTokens).toBe(tokens);
  });
  it('reads "emails are ~600 tokens in, replies ~250 out" as the request size (F07)', () => {
    expect(read('emails are ~600 tokens in, replies ~250 out').fields).toMatchObject({
      inputTokensPerRequest: 600,
      outputTokensPerRequest: 250,
    });
  });
  it("reads the advisor's own figures quoted back as no budget (F06)", () => {
    const said = read(
      'wait, you said $3,750 for GPT-4o a minute ago and now $4,125. which is it? we pay about $3,100 a month actually',
    ).fields;
    expect(said.oneTimeBudgetUSD).toBeUndefined();
    expect(said.monthlyBudgetUSD).toBeUndefined();
    expect(said.currentMonthlySpendUSD).toBe(3100);
  });
  it('reads "Flash-Lite" as Gemini 2.5 Flash-Lite', () => {
    expect(read('we use gemini flash lite').fields.modelName).toBe('Gemini 2.5 Flash-Lite');
  });
});

describe('a second job announced later in a conversation about one task (newuser64 F01)', () => {
  const extractor =
    '2 person startup, one RTX 4090. we extract clauses from contracts into JSON, 1,800 hand-labelled contracts, each contract ~15k tokens. model Qwen2.5 7B. data may leave our premises. just recommend';
  it('keeps the first job with its own facts and plans the new one apart', async () => {
    const turns = await talk([
      extractor,
      'ok another thing, separate job: we also want a little chatbot on our website answering prospects questions about our product + pricing, from our docs which are like 50 pages and change every couple weeks',
    ]);
    const [first, second] = turns[1]?.state.jobs ?? [];
    expect(turns[1]?.state.jobs).toHaveLength(2);
    expect(first?.profile).toMatchObject({ labeledExamples: 1800, exampleTokens: 15000, taskType: 'extract' });
    expect(second?.profile).toMatchObject({ taskType: 'chat', knowledgeChanges: 'weekly' });
    expect(second?.profile.labeledExamples).toBeUndefined();
    expect(turns[1]?.state.profile.labeledExamples).toBeUndefined();
    expect(turns[1]?.reply).toMatch(/\*\*2 jobs, each with its own plan:\*\*/);
    expect(turns[1]?.reply).toMatch(/\*\*1\. Extract clauses[^*]*:\*\* aim for LoRA/);
  });
  it('reads "I want both: 1) … and 2) …" as two jobs', () => {
    const said = read(
      'hang on, did you just drop the contract extractor?? I want both: 1) the clause extractor with the 1,800 labelled contracts and 2) the website chatbot over the docs that change every two weeks',
    );
    expect(said.jobs?.map((job) => job.fields.taskType)).toEqual(['extract', 'chat']);
  });
  it('adds no job when "another thing" brings no task, and replaces nothing', async () => {
    const turns = await talk([extractor, 'another thing: our budget is $5k one-off']);
    expect(turns[1]?.state.jobs).toBeUndefined();
    expect(turns[1]?.state.profile).toMatchObject({ labeledExamples: 1800, oneTimeBudgetUSD: 5000 });
  });
});

describe('review38: the session diff on inputs it did not think of', () => {
  it('adds no measured-speed risk where the CPU floor already rules the model out (H1)', () => {
    const advice = advise({ modelName: 'Llama 3.1 8B', gpuCount: 0, dataMustStayOnPrem: true, latencyTargetMs: 50 });
    const ids = advice.recommendations.flatMap((entry) => entry.reasons.map((reason) => reason.ruleId));
    expect(ids).not.toContain('cpu-measured-speed-misses-latency-target');
    expect(
      advice.recommendations.some((entry) =>
        entry.blockers.some((blocker) => blocker.ruleId === 'cpu-too-slow-for-latency-target'),
      ),
    ).toBe(true);
  });
  it('says "a little over" a target missed by less than half (M9)', () => {
    const advice = advise({ modelName: 'Llama 3.2 3B', gpuCount: 0, dataMustStayOnPrem: true, latencyTargetMs: 2500 });
    const timed = advice.assumptions.find((entry) => entry.field === 'estimates.cpuServing')?.why ?? '';
    expect(timed).toMatch(/a little over your 2,500 ms target/);
    expect(timed).not.toMatch(/2 times/);
  });
  it('counts overlapping windows from the first 512 tokens (L1) and trains an encoder on 512-token windows (M7)', () => {
    expect(encoderWindows(512)).toBe(1);
    expect(encoderWindows(800)).toBe(2);
    expect(encoderWindows(3000)).toBe(8);
    const advice = advise({
      modelName: 'XLM-RoBERTa Base',
      taskType: 'classify',
      labeledExamples: 4000,
      exampleTokens: 3000,
      gpuCount: 0,
      dataMustStayOnPrem: true,
    });
    expect(advice.assumptions.find((entry) => entry.field === 'estimates.sequenceLength')?.value).toBe(512);
  });
  it('checks substitutes against the longer of the stated example and request lengths (M6)', () => {
    const advice = advise({
      modelName: 'Gemma 2 27B',
      gpuMemoryGB: 12,
      gpuCount: 1,
      dataMustStayOnPrem: true,
      canSwitchModel: true,
      labeledExamples: 3000,
      inputTokensPerRequest: 20000,
      exampleTokens: 600,
    });
    const name = advice.destination.model.name ?? '';
    const window = knowledge.findModel(name)?.architecture?.contextLength;
    expect(window === undefined || window >= 20000).toBe(true);
  });
  it.each([['Would a BERT classifier be enough with 512 labelled examples?', 'asksEncoderInstead']])(
    'keeps "%s" an encoder-instead question (H2)',
    (text, intent) => {
      const intents = read(text).intents as unknown as Record<string, unknown>;
      expect(intents[intent]).toBe(true);
      expect(intents.asksEncoderLength).toBeUndefined();
    },
  );
  it.each([
    'we have a grand plan to launch next quarter',
    'it would be a grand improvement for our support team',
    'We buy one A100 upfront then 2 more next year.',
  ])('reads no budget from "%s" (H3, M4)', (text) => {
    const fields = read(text).fields;
    expect(fields.oneTimeBudgetUSD).toBeUndefined();
    expect(fields.monthlyBudgetUSD).toBeUndefined();
  });
  it.each([
    ['you mentioned the budget: we can spend about 10k one-time', 10000],
    ['you had a question about budget — it is $5,000 one-time', 5000],
  ])('keeps the team budget said after a quoting verb in "%s" (M3)', (text, usd) => {
    expect(read(text).fields.oneTimeBudgetUSD).toBe(usd);
  });
  it.each([
    ["Llama 3.1 8B? That's what we run on our A100 today.", 'Llama 3.1 8B'],
    ["Qwen2.5 7B? it's what we already serve, on two L4s.", 'Qwen2.5 7B'],
  ])('keeps a model named as a question and then affirmed in "%s" (H4)', (text, model) => {
    expect(read(text).fields.modelName).toBe(model);
  });
  it.each([
    'we are not using llama for the embeddings, those come from bge-m3',
    "we're not using llama in production yet",
  ])('keeps the team model on a narrowed denial "%s" (H5)', async (text) => {
    const turns = await talk(['We summarise support tickets with Llama 3.1 8B on one A100 80GB.', text]);
    expect(turns[1]?.state.profile.modelName).toBe('Llama 3.1 8B');
  });
  it('reads a timeline answer after "launch window" (M5)', () => {
    const fields = extractProfile('our launch window is 6', {
      knowledge,
      today: '2026-12-07',
      midConversation: true,
      requestedField: 'timelineWeeks',
    }).fields;
    expect(fields.timelineWeeks).toBe(6);
  });
  it('reads no latency goal from a complaint about something else (M8)', () => {
    expect(
      read('Responses come back in 2 s but customers complain that the answers are wrong').fields.goals,
    ).toBeUndefined();
  });
  it.each([
    ['contracts, each one about 15k tokens', { exampleTokens: 15000 }],
    ['letters can be 1,500 to 3,000 tokens', { exampleTokens: 2250 }],
    ['300-ish examples', { labeledExamples: 300 }],
    ["It doesn't need to be OpenAI", { canSwitchModel: true }],
  ])('reads the close variant "%s" (L2–L4)', (text, expected) => {
    expect(read(text).fields).toMatchObject(expected);
  });
  it.each([
    ['documents can be up to 30k tokens', 'exampleTokens'],
    ["the embeddings don't have to be openai", 'canSwitchModel'],
  ])('reads no %s-like fact from "%s"', (text, field) => {
    expect(read(text).fields).not.toHaveProperty(field);
  });
});

describe('messages of the blind batch x73 that correct themselves or say several things', () => {
  it.each([
    [
      "i said 10k/month earlier but that was wrong, it's 10k for the whole project, one time",
      { oneTimeBudgetUSD: 10000 },
    ],
    ['we burn about $12k a month on claude opus to summarize analyst calls', { currentMonthlySpendUSD: 12000 }],
    [
      'timeline is 6 weeks. no wait, legal review eats two of those, so call it 4 weeks for the actual build',
      { timelineWeeks: 4 },
    ],
    ["it's 8 GPUs total across the org, but our team only gets 2 of them, both L40S", { gpuCount: 2 }],
    [
      'we get about half a million requests a day. no, thats peak, a normal day is more like 200k',
      { requestsPerDay: 200000 },
    ],
    [
      "we've got 1,800 agent replies rated thumbs-up and... actually they're pairs, 1,800 pairs of preferred vs not-preferred replies",
      { preferencePairs: 1800 },
    ],
    ['new products launch monthly and it keeps missing them', { knowledgeChanges: 'monthly' }],
    ["we're on gpt-4o, sorry, gpt-4o mini, 4o was only the pilot", { modelName: 'GPT-4o mini' }],
    ['Model: Qwen2.5 32B on 2 H100 SXM in our own cloud account', { deployment: 'cloud-self-hosted' }],
    ["we're actually on GCP with our own vLLM boxes, not on-prem", { deployment: 'cloud-self-hosted' }],
    ["we're not on Azure, we call plain OpenAI", { deployment: 'cloud-api' }],
    ['40 law firms, each wants its own drafting style on the same base model', { goals: ['style'] }],
  ])('reads "%s"', (text, expected) => {
    expect(read(text).fields).toMatchObject(expected);
  });
  it.each([
    ["two ML engineers who've done LoRA on 7B models before", 'modelParamsB'],
    ['we burn about $12k a month on claude opus', 'monthlyBudgetUSD'],
    [
      "we've got 1,800 agent replies rated thumbs-up and... actually they're pairs, 1,800 pairs of preferred vs not-preferred replies",
      'labeledExamples',
    ],
    ['a normal day is 8 hours', 'requestsPerDay'],
  ])('reads no %s-like fact from "%s"', (text, field) => {
    expect(read(text).fields).not.toHaveProperty(field);
  });
  it('keeps a model said alone with "was the pilot"', () => {
    expect(read('gpt-4o was the pilot').fields.modelName).toBe('GPT-4o');
  });
});

describe('a new user trial on long inputs, jobs added later and corrected periods (newuser65)', () => {
  it.each([
    ['contracts are long, avg ~50k tokens.', 50000],
    ['note the 50k tokens is the length of EACH contract, not a corpus', 50000],
    ['each training example is the full contract, so ~50k tokens plus ~2k of JSON output.', 52000],
    ['each training example is ~20k tokens (the week of logs) plus ~800 tokens report.', 20800],
    ['logs are long, maybe 20k tokens per robot per week.', 20000],
    ['letters are ~1,500 words, in German btw', 2000],
    ['the letters are ~1,500 words (~2,500 tokens)', 2500],
  ])('reads one example\'s length in "%s" (F01, F02, F08)', (text, tokens) => {
    const fields = read(text).fields;
    expect(fields.exampleTokens).toBe(tokens);
    expect(fields.corpusTokens).toBeUndefined();
  });
  it('reads "~30k existing descriptions written in our brand voice by copywriters" as examples (F15)', () => {
    expect(
      read('we have ~30k existing descriptions written in our brand voice by copywriters').fields.labeledExamples,
    ).toBe(30000);
  });
  it('reads "800 is per week, not per day" as a daily volume (F07)', () => {
    expect(read('wait sorry, 800 is per week, not per day.').fields.requestsPerDay).toBe(114);
  });
  it('reads "the 5 examples" in a prompt as no labelled examples (F13)', () => {
    expect(
      read('each prompt would be more like 4k tokens with the brand guide and the 5 examples').fields.labeledExamples,
    ).toBeUndefined();
  });
  it('reads "the 40 field definitions" as no volume, even when the volume was asked (F21)', () => {
    const fields = extractProfile(
      'we tried Llama 3.1 70B with a long prompt and the 40 field definitions, zero-shot.',
      {
        knowledge,
        today: '2026-12-07',
        midConversation: true,
        requestedField: 'requestsPerDay',
      },
    ).fields;
    expect(fields.requestsPerDay).toBeUndefined();
  });
  it.each(['redo the training time with that.', 'recalc pls', 'recompute the hours'])(
    'reads "%s" as a cost question',
    (text) => {
      expect(read(text).intents.asksCost).toBeDefined();
    },
  );
  it('reads "does XLM-RoBERTa even read that much?" as a length question', () => {
    expect(read('does XLM-RoBERTa even read that much?').intents.asksEncoderLength).toBe(true);
  });
  it('splits a second job said after a colon, and a first job whose task was never said in words (F03)', async () => {
    const shop = await talk([
      "we're an online fashion shop. we use Claude Sonnet via the API to write product descriptions, we have ~30k existing descriptions written in our brand voice. the outputs sound generic. budget is around 2000 a month.",
      'ok. also a second thing we want: better product search on the shop. ~40k products in the catalog, changes daily (new stock).',
    ]);
    expect(shop[1]?.state.jobs?.map((job) => job.profile.taskType)).toEqual(['generate', 'search']);
    const robots = await talk([
      "We build warehouse robots. Want a text assistant ON the robot that technicians can ask stuff like 'how do I recalibrate the lidar' and it answers from our service manuals (~600 pages). Runs on a Jetson Orin Nano 8GB, no internet on the floor.",
      "ok good. second, separate job: on our backend server we want to summarise the robots' maintenance logs into a weekly report per site. we have one RTX A6000 48GB there. about 2,000 past reports our engineers wrote by hand. logs are long, maybe 20k tokens per robot per week.",
    ]);
    const [assistant, logs] = robots[1]?.state.jobs ?? [];
    expect(assistant?.name).toBe('the document Q&A');
    expect(assistant?.profile).toMatchObject({ deployment: 'edge', deviceMemoryGB: 8 });
    expect(logs?.name).toMatch(/^summarise the robots/);
    expect(logs?.profile.deviceMemoryGB).toBeUndefined();
    expect(robots[1]?.state.profile.deviceMemoryGB).toBeUndefined();
  });
});

describe('newuser65: options asked about, memory taken on the device, broken JSON, renting against residency', () => {
  it("stores no GPU from cards offered as options in a question, nor the advisor's move asked about (F09)", () => {
    const fields = read(
      "you didn't say which card to buy. for ~15k, an L40S 48GB or an RTX 6000 Ada or a used A100 80GB? and why did you switch from XLM-RoBERTa to Llama 8B for a classification task?",
    ).fields;
    expect(fields.gpuName).toBeUndefined();
    expect(fields.gpuCount).toBeUndefined();
    expect(fields.modelName).toBeUndefined();
    expect(read('we have 2 A100s. would an H100 or an L40S be better?').fields).toMatchObject({
      gpuCount: 2,
      gpuName: 'NVIDIA A100 80GB',
    });
  });
  it('reads "the nav stack already eats about 3GB of the 8" as 5 GB left for the model (F14)', () => {
    expect(
      read("the robot's own nav stack already eats about 3GB of the 8, will it still fit?").fields.deviceMemoryGB,
    ).toBe(5);
  });
  it('answers "the JSON is sometimes invalid, will fine-tuning fix that?" with constrained decoding (F10)', async () => {
    const turns = await talk([
      'We extract 40 fields from contracts into JSON with Llama 3.1 8B on 2 A100 80GB. 1,200 annotated contracts. Prompting plateaued. just recommend',
      'the JSON is sometimes invalid even now, will fine-tuning fix that?',
    ]);
    expect(turns[1]?.reply).toMatch(/^Constrain the decoding/);
  });
  it('says a rental what-if takes the data off the premises, and fits only with the lever named (F06)', async () => {
    const turns = await talk([
      'legal tech startup. we extract ~40 fields from commercial contracts into JSON. contracts are long, avg ~50k tokens. we have 1,200 contracts annotated by lawyers. hardware: 2x A100 80GB in our own rack. contracts are confidential, they must stay on our premises.',
      'we tried Llama 3.1 70B with a long prompt, zero-shot. it plateaued.',
      'what if we rented 8 H100s in the cloud for a few days to train the 70B instead?',
    ]);
    const reply = turns[2]?.reply ?? '';
    expect(reply).toMatch(/renting cloud GPUs would take your data off your premises/);
    expect(reply).not.toMatch(/GB of the 640 GB/);
  });
});

describe('review39: the jobs-added and lengths diff on inputs it did not think of', () => {
  it('adds no job for an aside about the same job, nor a first job nobody described (H1, H2)', async () => {
    const aside = await talk([
      'We draft support replies with Llama 3.1 8B on one L40S, 5,000 good replies.',
      'one more thing: the replies must sound like our brand voice',
    ]);
    expect(aside[1]?.state.jobs).toBeUndefined();
    const bare = await talk([
      'we have 2 A100s and Llama 3.1 8B',
      'another thing: we want a chatbot for our HR policies',
    ]);
    expect(bare[1]?.state.jobs).toBeUndefined();
  });
  it("keeps a team-wide on-prem rule the team's when a second job is added (M2)", async () => {
    const turns = await talk([
      'We classify support tickets into 12 queues with Llama 3.1 8B, 5,000 labelled tickets; everything runs on-prem.',
      'ok another thing, separate job: we also want a chatbot answering questions from our HR policies',
    ]);
    expect(turns[1]?.state.jobs).toHaveLength(2);
    expect(turns[1]?.state.profile.deployment).toBe('on-prem');
  });
  it.each([
    ['we moved off XLM-RoBERTa last year. Now we run Llama 3.1 8B. Does it handle 8k-token tickets?'],
    ['Is our T4 big enough for XLM-RoBERTa?'],
  ])('reads no encoder-length question in "%s" (H4, H5)', (text) => {
    expect(read(text).intents.asksEncoderLength).toBeUndefined();
  });
  it('answers the training time beside the encoder length (M3)', async () => {
    const turns = await talk([
      'hospital, ICD-10 coding of German discharge letters, 40k coded letters, no GPUs, data must stay on premises. just recommend',
      'how long would training that take on our 64-core CPUs? and the letters are ~1,500 words (~2,500 tokens), does XLM-RoBERTa even read that much?',
    ]);
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/reads at most 512 tokens/);
    expect(reply).toMatch(/Full fine-tuning|CPU/);
    expect(reply).not.toMatch(/^If you had/);
  });
  it.each([
    ['each email is ~1k tokens and 500 replies are labelled', { exampleTokens: 1000 }],
    ['no, that is peak. a normal day is more like 200k', { requestsPerDay: 200000 }],
    ['800 a week, not a day', { requestsPerDay: 114 }],
    ['each training example is ~20k tokens (7 days of logs) plus ~800 tokens report.', { exampleTokens: 20800 }],
  ])('reads "%s" (M1, M5, L1, L2)', (text, expected) => {
    expect(read(text).fields).toMatchObject(expected);
  });
  it.each([
    ['on a normal day we see 12 engineers online', 'requestsPerDay'],
    ['new models come out monthly', 'knowledgeChanges'],
    ['training takes, call it 3 days', 'timelineWeeks'],
    ['our policy docs are about 45k words', 'exampleTokens'],
    ['we call the gpt-4o output a draft', 'deployment'],
    ['we have 3 A100 80GB in our own cloud account', 'deployment'],
  ])('reads no %s-like fact from "%s" (M4, M7, M8, M10, L3)', (text, field) => {
    expect(read(text).fields).not.toHaveProperty(field);
  });
  it('counts labelled entities when examples were asked (M9)', () => {
    const fields = extractProfile('about 2,000 labelled entities', {
      knowledge,
      today: '2026-12-07',
      midConversation: true,
      requestedField: 'labeledExamples',
    }).fields;
    expect(fields.labeledExamples).toBe(2000);
  });
});
