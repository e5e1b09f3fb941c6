/**
 * Found in the thirty-third session by the new-user trials (newuser65, newuser66) and the blind batches of the session
 * (x74, w96), each beside the counter-example its fix must leave alone.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import { jobWithWhatIf, profileOfJob } from '../../src/chat/jobs-state.ts';
import { SEARCH_QUERY_TOKENS } from '../../src/engine/estimate-feasibility.ts';
import { recommend } from '../../src/engine/recommend.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { jobProfile } from '../../src/profile/job-schema.ts';
import { Profile } from '../../src/profile/profile-schema.ts';
import { converse } from '../helpers/converse.ts';

const knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-07', midConversation: true });
const talk = (messages: string[]) => converse(messages, knowledge);
const advise = (profile: object) => recommend(Profile.parse(profile), knowledge, { explain: 'none' });

describe('numbers typed the European way (x74)', () => {
  it.each([
    ['1,5k usd per month is what finance approved', 'monthlyBudgetUSD', 1500],
    ['now we test qwen2.5 1,5B instruct on the phone', 'modelName', 'Qwen2.5 1.5B'],
    ['under 0,8 sec for first token pls, users are on call', 'latencyTargetMs', 800],
    ['our gpus: 8× H100 SXM in own cluster', 'gpuCount', 8],
  ])('reads "%s"', (text, field, value) => {
    expect((read(text).fields as Record<string, unknown>)[field]).toEqual(value);
  });
  it('keeps a comma before three digits a thousands separator', () => {
    expect(read('we have 1,200 labelled invoices').fields.labeledExamples).toBe(1200);
    expect(read('we have 1,25 labelled rows').fields.labeledExamples).not.toBe(1.25);
  });
  it('reads the multiplication sign as a count: "4 × 24 GB cards"', () => {
    const fields = read('we have 4 × 24 GB cards').fields;
    expect(fields.gpuCount).toBe(4);
    expect(fields.gpuMemoryGB).toBe(24);
  });
  it('reads "Budget: 2 500$ / month for inference" as the monthly budget only', () => {
    const fields = read('Budget: 2 500$ / month for inference. for training no budget decided yet').fields;
    expect(fields.monthlyBudgetUSD).toBe(2500);
    expect(fields.oneTimeBudgetUSD).toBeUndefined();
    expect(read('budget: 5k').fields.oneTimeBudgetUSD).toBe(5000);
  });
  it('reads "distill gpt-4.1 into small model" as the teacher, not the team model', () => {
    const fields = read('we want distill gpt-4.1 into small model for our invoice extraction').fields;
    expect(fields.teacherModel).toBe('GPT-4.1');
    expect(fields.modelName).toBeUndefined();
  });
});

describe('what a user says in passing (newuser66)', () => {
  it('reads "self-hosting … isn\'t realistic for us" as no self-hosting, and "we only call APIs" as the API (F03)', () => {
    expect(
      read("We have zero ML ops people - self-hosting Llama on rented GPUs isn't realistic for us.").fields.deployment,
    ).toBeUndefined();
    expect(read('You got that backwards: we do NOT self-host, we only call APIs.').fields.deployment).toBe('cloud-api');
    expect(read('we rent GPUs on runpod for serving').fields.deployment).toBe('cloud-self-hosted');
  });
  it('reads "GPT-5 mini" as a model the catalog does not list, not as GPT-5 (F07)', () => {
    expect(read('we use GPT-5 nano now').fields.modelName).toBe('GPT-5 nano');
    expect(read('we use gpt-5').fields.modelName).toBe('GPT-5');
    expect(read('we use gpt-4o mini').fields.modelName).toBe('GPT-4o mini');
    expect(read('we use gemini 2.5 pro').fields.modelName).toBe('Gemini 2.5 Pro');
  });
  it('reads "1,800 of my own review comments with their diff hunks, about 600 tokens per example" (F09)', () => {
    const fields = read(
      'I have 1,800 of my own review comments with their diff hunks, about 600 tokens per example.',
    ).fields;
    expect(fields.labeledExamples).toBe(1800);
    expect(fields.exampleTokens).toBe(600);
  });
  it('reads a request size said "for serving" as no training example length (F09)', () => {
    const serving = read('for serving: a typical diff is ~3k tokens in and ~400 tokens of comments out').fields;
    expect(serving.inputTokensPerRequest).toBe(3000);
    expect(serving.exampleTokens).toBeUndefined();
    expect(read('a typical diff is ~3k tokens in and ~400 tokens out').fields.exampleTokens).toBe(3400);
  });
  it('reads the shape of a job said with a lead-in or an aside (F01)', () => {
    expect(read("the line lead should get a short summary of that shift's defect reports").fields.taskType).toBe(
      'generate',
    );
    expect(read('a short summary of the budget is fine').fields.taskType).toBeUndefined();
    expect(
      read(
        'we also want to pull key clauses (notice period, non-compete, severance) out of uploaded employment contracts',
      ).fields.taskType,
    ).toBe('extract');
  });
});

describe('a second job on hardware of its own (newuser66 F01, F02)', () => {
  it('keeps the classifier on its CPU-only PCs and its 9,000 labels, and runs the summaries on the L4', async () => {
    const turns = await talk([
      'We want to classify short defect reports from our production line into 24 defect codes. We have 9,000 reports coded by hand by QA. It must run on the station PCs: CPU only, 16 GB RAM. No data may leave the plant.',
      'just recommend',
      "ok, a second thing we want, separate job: at the end of each shift the line lead should get a short summary of that shift's defect reports (3-5k tokens in, a 150-word summary out). That one can run on our on-prem server with one NVIDIA L4. We have no example summaries yet.",
    ]);
    const { state, reply } = turns.at(-1) ?? { state: undefined, reply: '' };
    const jobs = state?.jobs ?? [];
    expect(jobs).toHaveLength(2);
    expect(jobs[0]?.profile.labeledExamples).toBe(9000);
    expect(jobs[1]?.name).toMatch(/^short summary of that shift's defect reports/i);
    expect(jobs[1]?.profile.gpuName).toBe('NVIDIA L4');
    // The team keeps "no GPUs": the classifier is not planned on the summaries' L4.
    expect(state?.profile.gpuCount).toBe(0);
    expect(reply).not.toMatch(/1\. Classify short defect reports:\*\* aim for LoRA on Llama/);
  });
});

describe("a job listed after a conversation about one task keeps that task's facts (newuser65 F05, F16)", () => {
  it("does not give the new search job the descriptions job's tried prompt or its request size", async () => {
    const turns = await talk([
      "hi! we're an online fashion shop. we use Claude Sonnet via the API to write product descriptions, we have ~30k existing descriptions written in our brand voice by copywriters. the outputs from claude are ok but sound generic, not like us. budget is around 2000€ a month. what should we do?",
      'I said it already - 30k descriptions, each with the product attributes (material, fit, colour etc) as the input. so ~30,000 input/output pairs. and yes we tried a long system prompt with brand guidelines + 3 examples, it plateaued',
      'each prompt is about 4k tokens in and 250 out',
      'no no, those are two separate jobs: 1) writing the product descriptions in our voice and 2) the product search for customers. keep the descriptions plan, and tell me separately what to do for search',
    ]);
    const state = turns.at(-1)?.state;
    const [descriptions, search] = state?.jobs ?? [];
    expect(descriptions?.profile.tried?.[0]?.method).toBe('prompt-engineering');
    expect(descriptions?.profile.inputTokensPerRequest).toBe(4000);
    expect(search?.profile.tried).toBeUndefined();
    expect(search?.profile.inputTokensPerRequest).toBeUndefined();
    expect(state?.profile.inputTokensPerRequest).toBeUndefined();
    expect(turns.at(-1)?.reply).not.toMatch(/product search[^*]*\*\* aim[^\n]*\n[^\n]*past a prompt baseline/i);
  });
});

describe('a language said outside the task (newuser66 F10)', () => {
  it('takes "(German, 1-3 sentences)" as the language of a task said only by its shape', async () => {
    const turns = await talk([
      'We make hydraulic pumps. Line workers type short defect reports (German, 1-3 sentences) on industrial PCs at each station, and we want them auto-classified into our 24 defect codes right there on the PC. 9,000 reports coded by hand. No GPUs; no data may leave the plant.',
      'just recommend',
    ]);
    expect(turns[0]?.state.profile.task).toBe('classifying texts (in German)');
    expect(turns.at(-1)?.recommendation?.destination.model.name).toBe('XLM-RoBERTa Base');
  });
});

describe('a what-if on a model the catalog does not list (newuser66 F07)', () => {
  it('says it has no price or size for "GPT-5 mini" rather than pricing GPT-5', async () => {
    const turns = await talk([
      'We use GPT-4o through the OpenAI API to draft first replies to support tickets in our house tone, about 6,000 a day, ~2,500 tokens in and ~250 out. No GPUs. We want a lower bill.',
      'what if we switched to GPT-5 mini, would it cut the bill?',
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/^GPT-5 mini is not in my model catalog/);
    expect(reply).not.toMatch(/If you had GPT-5 as/);
  });
});

describe('a search job needs retrieval, not a generated answer per query (newuser65 F05)', () => {
  const search = {
    modelName: 'Claude Sonnet',
    deployment: 'cloud-api',
    taskType: 'search',
    task: 'product search for customers',
    goals: ['freshness'],
    monthlyBudgetUSD: 2000,
    requestsPerDay: 50000,
  };
  it('costs retrieval alone beside the model bill, and plans BM25, embeddings and a reranker first', () => {
    const advice = advise(search);
    expect(advice.destination.method).toBe('rag');
    const rag = advice.recommendations.find((entry) => entry.method === 'rag');
    // 50,000 searches × 30 days × 20 tokens at $0.02 per million tokens.
    expect(SEARCH_QUERY_TOKENS).toBe(20);
    expect(rag?.estimates?.retrievalOnlyMonthlyUSD).toBe(0.6);
    expect(rag?.estimates?.monthlyUSD).toBeGreaterThan(1000);
    expect(rag?.reasons.some((reason) => reason.ruleId === 'search-results-need-no-generated-answer')).toBe(true);
    expect(advice.plan[0]?.why).toMatch(/BM25/);
    expect(advice.plan.flatMap((step) => step.methods)).not.toContain('distillation');
  });
  it('gives no retrieval-only figure to a chat job, or without a volume', () => {
    const chat = advise({ ...search, taskType: 'chat' });
    expect(chat.recommendations.find((entry) => entry.method === 'rag')?.estimates?.retrievalOnlyMonthlyUSD).toBe(
      undefined,
    );
    const { requestsPerDay: _volume, ...noVolume } = search;
    expect(
      advise(noVolume).recommendations.find((entry) => entry.method === 'rag')?.estimates?.retrievalOnlyMonthlyUSD,
    ).toBeUndefined();
  });
});

describe('logged conversations behind an agent that picks the wrong tool are not documents to retrieve (w96)', () => {
  const agent = {
    modelName: 'Claude Sonnet',
    modelAccess: 'api-only',
    canSwitchModel: false,
    task: 'customer-support agent choosing among 40 tools and filling their arguments',
    taskType: 'chat',
    goals: ['task-skill'],
    labeledExamples: 0,
    unlabeledCorpus: 'large',
    deployment: 'cloud-api',
    tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
  };
  it('stays prompt-side without retrieval when the team named its gap and it is not knowledge', () => {
    expect(advise(agent).destination.method).not.toBe('rag');
  });
  it('still retrieves for a chat over documents with no gap named, or with knowledge named', () => {
    const { goals: _goals, ...unnamed } = agent;
    expect(advise(unnamed).destination.method).toBe('rag');
    expect(advise({ ...agent, goals: ['task-skill', 'knowledge'] }).destination.method).toBe('rag');
  });
});

describe('full fine-tuning on two 80 GB cards at 52,000 tokens (newuser65 F18)', () => {
  it('fits only with a fused loss and an 8-bit optimizer, and the answer says what it needs then', async () => {
    const turns = await talk([
      'legal tech startup here. we extract ~40 fields (parties, governing law, termination clauses, liability caps...) from commercial contracts into JSON. contracts are long, avg ~50k tokens. we have 1,200 contracts annotated by lawyers. hardware: 2x A100 80GB in our own rack. contracts are confidential, cannot go to any external API.',
      'we tried Llama 3.1 70B with a long prompt and the 40 field definitions, zero-shot. it gets maybe 70% of fields right, misses clauses deep in the doc and the JSON is sometimes broken',
      'each contract is 50k tokens in and 2k out.',
      'ok so 8B. LoRA or full fine-tuning for the 8B? would full FT fit at 52k tokens?',
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(
      /Only if you use a fused, chunked cross-entropy loss .* and use an 8-bit \(paged\) AdamW optimizer/,
    );
    expect(reply).toMatch(/about \d+ GB on each GPU with those changes, and you have 80 GB on each of your 2 GPUs/);
    expect(reply).not.toMatch(/ruled out here: full fine-tuning/);
  });
});

describe("review40: what the session's first fixes must leave alone", () => {
  const jobOf = (state: Awaited<ReturnType<typeof talk>>[number]['state'] | undefined, name: RegExp) => {
    const job = state?.jobs?.find((each) => name.test(each.name));
    return job === undefined || state?.jobs === undefined ? undefined : profileOfJob(state.profile, state.jobs, job);
  };
  it('keeps the continued job its own volume when the other job says one (L1)', async () => {
    const turns = await talk([
      'We use Claude Sonnet via the API to write product descriptions in our brand voice, about 2,000 a day. We have 30k descriptions written by copywriters. We tried a long prompt with examples, it plateaued.',
      'those are two separate jobs: 1) writing the descriptions in our voice and 2) the search for customers, about 50,000 searches a day',
    ]);
    expect(jobOf(turns.at(-1)?.state, /descriptions/i)?.requestsPerDay).toBe(2000);
    expect(jobOf(turns.at(-1)?.state, /search/i)?.requestsPerDay).toBe(50000);
  });
  it("gives the task's facts to the listed job of its shape, not to one sharing a word (L2)", async () => {
    const turns = await talk([
      'We sort incoming support tickets into 12 queues. We have 20,000 tickets labelled with their queue. We tried a prompt with GPT-4o-mini, it plateaued at 70%. About 3,000 tickets a day.',
      'we have two separate jobs: 1) routing emails to the right team and 2) drafting replies to support tickets',
    ]);
    const state = turns.at(-1)?.state;
    expect(jobOf(state, /routing/i)?.labeledExamples).toBe(20000);
    expect(state?.jobs?.find((job) => /drafting/i.test(job.name))?.profile.labeledExamples).toBeUndefined();
  });
  it('leaves the documents with the team, for the job that searches them (L3)', async () => {
    const turns = await talk([
      'We use Claude Sonnet via the API to write product descriptions in our brand voice. We have 30k descriptions written by copywriters. We also have about 5,000 PDF manuals and spec sheets of our products.',
      'those are two separate jobs: 1) writing the descriptions in our voice and 2) a search for customers over the manuals',
    ]);
    expect(jobOf(turns.at(-1)?.state, /search/i)?.unlabeledCorpus).toBe('large');
  });
  it("keeps GPUs said beside a new job the team's, unless the job is put on them (L4)", async () => {
    const turns = await talk([
      'We want to sort incoming support tickets into 12 queues. We have 20,000 tickets labelled with their queue.',
      'ok another thing, separate job: we also want a chatbot that answers staff questions from our internal wiki. We have 2 A100 80GB GPUs in our own rack.',
    ]);
    const tickets = jobOf(turns.at(-1)?.state, /tickets/i);
    expect(tickets?.gpuCount).toBe(2);
    expect(tickets?.gpuName).toBe('NVIDIA A100 80GB');
  });
  it("reads a GPU count alone, in a job or a what-if, as more of the team's card (L5)", () => {
    expect(jobProfile({ gpuName: 'NVIDIA L4', gpuCount: 2 }, { name: 'x', gpuCount: 4 }, 2).gpuName).toBe('NVIDIA L4');
    const job = { name: 'tax memos', keywords: ['memo'], profile: { taskType: 'chat' as const } };
    const pictured = jobWithWhatIf(job, { gpuName: 'NVIDIA L4', gpuCount: 2 }, { gpuName: 'NVIDIA L4', gpuCount: 4 });
    expect(pictured.profile.gpuCount).toBeUndefined();
  });
  it.each([
    ['give me a short summary of my options', 'taskType', undefined],
    ['a quick summary of the steps please', 'taskType', undefined],
    ['we had to pull our Llama-2 bot out of service', 'taskType', undefined],
    ['we rent GPUs because buying our own is not realistic', 'deployment', 'cloud-self-hosted'],
    ['labelled examples collected in production, each about 800 tokens in and 100 out', 'exampleTokens', 900],
    ['Monthly: 800\nOne-time: 3000', 'oneTimeBudgetUSD', 3000],
    ['we use Meta-Llama-3.1-70B-Instruct-Turbo on together', 'modelName', 'Llama 3.1 70B'],
    ['we use claude sonnet pro plan', 'modelName', 'Claude Sonnet (3.5, 3.7, 4 and later)'],
    ['whisper large-v2 on three of our own T4s, transcribing support calls', 'modelName', undefined],
  ])('reads "%s" (L6, L8–L11, L14)', (text, field, value) => {
    expect((read(text).fields as Record<string, unknown>)[field]).toEqual(value);
  });
  it('keeps a document chat whose only named goal is cost on retrieval (L7)', () => {
    const advice = advise({
      modelName: 'Claude Sonnet',
      deployment: 'cloud-api',
      taskType: 'chat',
      goals: ['cost'],
      unlabeledCorpus: 'large',
      task: 'answer staff questions from our wiki',
    });
    expect(advice.diagnosis.some((entry) => entry.need === 'knowledge')).toBe(true);
  });
  it("judges a search's budget on retrieval alone, and prices a small shop's searches above zero (L12, L13)", () => {
    const search = {
      modelName: 'Claude Sonnet',
      deployment: 'cloud-api',
      taskType: 'search',
      task: 'product search for customers',
      goals: ['freshness'],
      monthlyBudgetUSD: 300,
      requestsPerDay: 50000,
    };
    const advice = advise(search);
    expect(advice.diagnosis.some((entry) => entry.need === 'cost')).toBe(false);
    const small = advise({ ...search, requestsPerDay: 100 }).recommendations.find((entry) => entry.method === 'rag');
    expect(small?.estimates?.retrievalOnlyMonthlyUSD).toBeGreaterThan(0);
    expect(small?.estimates?.assumptions.join(' ')).toMatch(/under \$0\.01 a month/);
  });
});

describe('questions asked in passing (newuser65 F12, newuser66 F12)', () => {
  it('reads "would full FT fit at 52k tokens" as a length asked about, not a corpus', () => {
    expect(read('we have 2 A100s, would full FT fit at 52k tokens').fields.corpusTokens).toBeUndefined();
    expect(read('we have a corpus of 52k tokens').fields.corpusTokens).toBe(52000);
  });
  it('weighs "what if we just fine-tuned gemma on the manuals instead of doing RAG" as why not fine-tuning', () => {
    const { intents } = read(
      'what if we just fine-tuned gemma on the manuals instead of doing RAG so the prompts stay short?',
    );
    expect(intents.whyNot).toBe('full-fine-tuning');
    expect(intents.whatIf).toBe(false);
    expect(read('what if we had 8 GB on the device instead?').intents.whyNot).toBeUndefined();
  });
  it('reads licensed court decisions as the documents, and not "3 decisions about the budget"', () => {
    expect(read('we answer questions from our 40,000 licensed court decisions').fields.unlabeledCorpus).toBe('large');
    expect(read('we made 3 decisions about the budget').fields.unlabeledCorpus).toBeUndefined();
  });
  it('answers "which OPEN model, does it fit on one A100 80GB" with models for that card, not a region or a model named OPEN', async () => {
    const turns = await talk([
      "We want an assistant that answers our lawyers' questions from our 40,000 licensed court decisions, with citations. Data must stay in the EU.",
      'We want open weights we host ourselves in Frankfurt. So: which OPEN model, and does it fit on one A100 80GB for serving with 8k-token prompts?',
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).not.toMatch(/OPEN model's provider/);
    expect(reply).not.toMatch(/Keeping data in the EU is about where it is processed/);
    expect(reply).toMatch(/of your 1 × NVIDIA A100 80GB \(80 GB\)/);
  });
});

describe('what-ifs and why-nots on another machine or model (newuser64 F09, F10)', () => {
  it('prices "what if we rented an H100 just for the DPO stage" at the rent, not as owned', async () => {
    const turns = await talk([
      'researcher, 12k preference pairs and 3,000 labeled examples for Mistral 7B instruct tutoring dialogues, single RTX 3090. just recommend',
      '52 GPU-hours on the 3090 is a lot. what if we rented an H100 just for the DPO stage, how long and how much?',
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/Preference tuning on 1 rented NVIDIA H100 SXM: .* about \$\d+(?:\.\d+)? at RunPod/);
    expect(reply).not.toMatch(/self-hosted in the cloud/);
    expect(read('we rent GPUs on runpod for serving').fields.deployment).toBe('cloud-self-hosted');
  });
  it('weighs "why not just use gpt-4.1 mini with json mode and skip training" with who runs what and its bill', async () => {
    expect(read('why not just use gpt-4.1 mini?').intents.asksWhyNotModel).toBe('GPT-4.1 mini');
    expect(read('why not use GPT-4o to label more tickets?').intents.asksWhyNotModel).toBeUndefined();
    const turns = await talk([
      '2 person startup, one RTX 4090. we extract clauses from contracts into JSON, 800 hand-labelled contracts, each ~15k tokens. Qwen2.5 7B. data may leave our premises. just recommend',
      "ok but honestly why not just use gpt-4.1 mini with json mode and skip training entirely? whats that cost us, we'd do maybe 300 contracts a day",
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(
      /GPT-4\.1 mini is tuned and served by its provider, Qwen2\.5 7B you train and serve yourselves/,
    );
    expect(reply).toMatch(/Prompted as it is, with no tuning, its calls would cost about \$\d+ a month/);
  });
});

describe('newuser67: search costs, speed on an API model, and words read as other facts', () => {
  it('says what a search costs with retrieval alone, and what a generated answer per search would add (F02)', async () => {
    const turns = await talk([
      'We want semantic product search over our 180k-SKU industrial parts catalog: customer types a description, we return ranked SKUs. We use GPT-4.1 mini, no GPUs, about 40,000 searches a day, $1,500 a month budget, the catalog changes daily. Just recommend.',
      'Wait, $1,056 a month? We do not want a chatbot answer per search, only the ranked list of SKUs. What does that cost?',
      'What exactly do we build first?',
    ]);
    expect(turns[0]?.reply).toMatch(/Cost: retrieval alone ≈ \$0\.\d\d a month to embed the queries/);
    expect(turns[0]?.reply).toMatch(/A search returns ranked items/);
    expect(turns[1]?.reply).toMatch(/^Running it: retrieval alone costs about \$0\.\d\d a month to embed the searches/);
    expect(turns[1]?.reply).toMatch(/A generated answer per search with GPT-4\.1 mini would add about \$1,056 a month/);
    expect(turns[2]?.reply).not.toMatch(/I can't answer/);
    expect(turns[2]?.reply).toMatch(/BM25/);
  });
  it('reads a search over a catalog of thousands of items as documents, and a catalog said of nothing searched as none', () => {
    expect(read('We want semantic product search over our 180k-SKU parts catalog.').fields.unlabeledCorpus).toBe(
      'large',
    );
    expect(read('a catalog of 40,000 products').fields.unlabeledCorpus).toBeUndefined();
    expect(read('we search a catalog of 12 products').fields.unlabeledCorpus).toBeUndefined();
  });
  it('reads "write a short product description from the spec table" as writing, so a second job splits (F04)', () => {
    expect(read('We want the model to write a short product description from the spec table').fields.taskType).toBe(
      'generate',
    );
  });
  it("reads 'our 2-second target' as no model version, and answers the speed of an API model as the provider's (F05)", async () => {
    const said = read(
      'The output is 400 tokens, not 300. And can a tuned Gemini 2.5 Flash on Vertex actually answer within our 2-second target for a page scan?',
    );
    expect(said.fields.modelName).toBeUndefined();
    expect(said.intents.asksSpeed).toBe(true);
    expect(read('llama 3 8b... no wait, we upgraded to 3.1').fields.modelName).toBe('Llama 3.1 8B');
    const turns = await talk([
      'Customs brokerage: we extract 25 fields from ~12,000 scanned invoices a day with Gemini 2.5 Flash on Vertex AI, JSON out. Must answer within 2 seconds per document. We have 1,500 labeled examples. Just recommend.',
      'So is the 2000 ms latency target realistic?',
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/Gemini 2\.5 Flash runs at Google's servers, so its speed is theirs/);
    expect(reply).not.toMatch(/llama\.cpp/);
  });
  it("reads 'distill Claude Sonnet dialogues into the 3B' as a teacher, and a past distillation as the team's model (F03)", () => {
    const asked = read('What if we distill Claude Sonnet dialogues into the 3B? The writer would review them.');
    expect(asked.hypothetical?.teacherModel).toBe('Claude Sonnet (3.5, 3.7, 4 and later)');
    expect(asked.hypothetical?.modelName).toBeUndefined();
    expect(read('we distilled GPT-4 into a 7B last year and it worked great').fields.modelName).toBe('GPT-4');
  });
});

describe('review41: what the later fixes must leave alone', () => {
  it.each([
    ['Our accuracy target is 95%. Is that target realistic?', false],
    ['can we hit our accuracy SLA?', false],
    ['is the latency target realistic?', true],
  ])('reads "%s" as a speed question: %s (L1)', (text, speed) => {
    expect(read(text).intents.asksSpeed === true).toBe(speed);
  });
  it.each([
    ['we rent two H100s for the serving stage', 'deployment', 'cloud-self-hosted'],
    ['semantic search over our 2025 product catalog', 'unlabeledCorpus', undefined],
    ['We use Gemini 2.5 Flash. Actually, we are 2 engineers.', 'modelName', 'Gemini 2.5 Flash'],
    ['gemini 2 flash, sorry, 2.5', 'modelName', 'Gemini 2.5 Flash'],
    ['the model reads contracts and writes every clause into reports', 'taskType', undefined],
  ])('reads "%s" (L5, L7, L8, L11)', (text, field, value) => {
    expect((read(text).fields as Record<string, unknown>)[field]).toEqual(value);
  });
  it('keeps a model used as a labeller or judge out of a why-not swap (L3)', () => {
    expect(read('why not use GPT-4o for labeling the tickets?').intents.asksWhyNotModel).toBeUndefined();
    expect(read('why not use GPT-4o as a judge?').intents.asksWhyNotModel).toBeUndefined();
  });
  it('reads the teacher of "distill GPT-4o into an 8B / our own 8B" and of "what if we distilled … into a 3B" (L9)', () => {
    for (const text of [
      'What if we distill GPT-4o into an 8B?',
      'What if we distill GPT-4o into our own 8B?',
      'What if we distilled GPT-4o into a 3B?',
    ]) {
      const said = read(text);
      expect(said.hypothetical?.teacherModel).toBe('GPT-4o');
      expect(said.hypothetical?.modelName).toBeUndefined();
    }
  });
  it('times a distillation on its student and an open model on an API host at the host (L2, L10)', async () => {
    const hosted = await talk([
      'We extract 20 fields from invoices into JSON with Llama 3.1 70B on AWS Bedrock, we have no GPUs. 1,500 labeled examples, 10,000 docs a day, must answer within 2 seconds. Just recommend.',
      'how fast will it generate?',
    ]);
    expect(hosted.at(-1)?.reply).not.toMatch(/workstation CPU|llama-bench/);
  });
});
