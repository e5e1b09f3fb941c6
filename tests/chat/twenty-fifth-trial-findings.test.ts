/**
 * Found by the twenty-sixth new-user trial (six personas, 79 turns over both chat APIs, on 482d86b) and by the x31
 * extraction batch and the w42 scenario batch, scored on arrival: a workstation's memory read as a device and turned
 * into "distil Claude into a 2B model"; continued pre-training on a 400M-token corpus timed on the 3,000 pairs; a fit
 * across four GPUs answered for one; a what-if that saved a goal or a model; "$50" in "does it fit our $50?" saved as a
 * new budget; a serving bill six times the monthly budget said without a word; "how do we quantize it and run it on
 * Android?" unanswered; a 72B model proposed to a solo developer with $50.
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
const read = (text: string, requestedField?: string) =>
  extractProfile(text, {
    knowledge,
    today: '2026-12-05',
    ...(requestedField === undefined ? {} : { requestedField: requestedField as never }),
  });
const converse = (messages: string[]) => converseWith(messages, knowledge);
const last = async (messages: string[]) => (await converse(messages)).at(-1)!;

describe('a workstation is no device', () => {
  const AGENCY = [
    "Hi, we're a translation agency. We use Claude 3.5 Sonnet through the Anthropic API to pre-translate technical manuals from German into English, and then human translators post-edit.",
    'About 250,000 aligned segment pairs in our translation memory. The main complaint from our post-editors is terminology: Claude ignores the client terms.',
    'Maybe, if quality holds. Our only hardware is a Mac Studio M2 Ultra with 192 GB of unified memory. One-time budget say €3,000. We do around 4,000 segments a day.',
  ];

  it('does not shrink a cloud-API plan to fit the memory of a workstation', async () => {
    const turn = await last([...AGENCY, 'OK, so what do you recommend for the terminology problem?']);
    expect(turn.recommendation?.destination.method).not.toBe('distillation');
    expect(turn.reply).not.toMatch(/does not fit the device/);
  });

  it('leaves device memory out of the decision when the model runs on servers, and says so', () => {
    const result = recommend(
      Profile.parse({
        modelName: 'Claude Sonnet',
        deployment: 'cloud-api',
        deviceMemoryGB: 192,
        labeledExamples: 250_000,
        taskType: 'generate',
      }),
      knowledge,
    );
    expect(result.diagnosis.map((entry) => entry.need)).not.toContain('on-device');
    expect(result.assumptions.find((entry) => entry.field === 'deviceMemoryGB')?.why).toMatch(/runs on servers/);
  });

  it('reads "nothing runs on phones or laptops" and "there is no end-user device" as no device', () => {
    const said = read(
      'To be clear: there is no end-user device. The 192 GB is our Mac Studio workstation. Nothing runs on phones or laptops.',
    );
    expect(said.fields.deployment).toBeUndefined();
    expect(said.fields.goals).toBeUndefined();
    expect(said.removedFields).toContain('deviceMemoryGB');
    expect(read('Please forget the device memory, there is no device.').removedFields).toContain('deviceMemoryGB');
  });
});

describe('continued pre-training is timed on the corpus', () => {
  it('answers "how long would continued pre-training on our 400M tokens take?" from the corpus, not the pairs', async () => {
    const turn = await last([
      'Platform team at a bank. Our developers write business rules in an in-house language no model has seen. We want a coding assistant that knows it.',
      'Task skill, mostly. We have about 400 million tokens of that code in our repos, plus roughly 3,000 instruction-to-code pairs our senior devs wrote. We are thinking of Qwen2.5 32B. We rent 8 H100s by the month.',
      'how long would continued pre-training on our 400M tokens take?',
    ]);
    expect(turn.reply).toMatch(/one pass over your corpus of 400,000,000 tokens/);
    expect(turn.reply).not.toMatch(/500 tokens per example/);
    // ("instruction-to-code pairs" name a kind of data, not an instruction-following goal.)
    expect(turn.state.profile.goals ?? []).not.toContain('instruction-following');
  });

  it('keeps a corrected GPU count when the rent "for the 8 H100s" is mentioned, and reads rent as no budget', () => {
    const said = read('Our rent for the 8 H100s is about $20,000 a month all-in.');
    expect(said.fields.gpuCount).toBeUndefined();
    expect(said.fields.monthlyBudgetUSD).toBeUndefined();
    expect(read("we'd like to train on the 8 H100s we have").fields.gpuCount).toBe(8);
    expect(read('correction: only 2 of the 4 L40S are ours').fields.gpuCount).toBe(2);
  });
});

describe('each fit question is answered for its own GPUs and its own purpose', () => {
  const HOSPITAL = [
    'Hospital IT. We want to draft discharge summaries from clinical notes with Llama 3.1 70B Instruct, on 4 L40S on-prem; patient data never leaves the site. About 15,000 note and summary pairs; the summaries follow a fixed 7-section template.',
  ];

  it('answers LoRA across four L40S on four, and QLoRA on one card on one', async () => {
    const turn = await last([
      ...HOSPITAL,
      'OK. Will LoRA on the 70B actually fit across our four L40S? And what about QLoRA on just one of the cards, so the other three keep serving?',
    ]);
    expect(turn.reply).toMatch(
      /LoRA needs about \d+ GB on each GPU \(\d+ GB in all\) and you have 48 GB on each of your 4 GPUs/,
    );
    expect(turn.reply).toMatch(/QLoRA needs about \d+ GB and you have 48 GB/);
  });

  it('answers "would QLoRA fit on the T4? and can the T4 even serve it?" as training, then serving', async () => {
    const turn = await last([
      'Small NGO: an SMS helpline for farmers in Swahili. About 300 question-answer pairs and a 120-page manual. Someone suggested Gemma 2 9B. We only have Google Colab with a T4.',
      'I meant the cheap kind of fine-tuning, QLoRA. Would QLoRA on Gemma 2 9B fit on the Colab T4? And can the T4 even serve it?',
    ]);
    expect(turn.reply).toMatch(/^Yes: QLoRA needs about \d+ GB and you have 16 GB\./);
    expect(turn.reply).toMatch(/serving Gemma 2 9B in 16-bit/);
    expect(turn.reply).not.toMatch(/can't answer/);
  });
});

describe('what-ifs and questions save nothing', () => {
  it('keeps "would serving be cheaper for us?" in a what-if out of the goals', () => {
    const said = read(
      'What if we used Llama 3.1 8B instead of the 70B — would LoRA fit then, how long would training take, and would serving be cheaper for us?',
    );
    expect(said.fields.goals).toBeUndefined();
    expect(said.hypothetical?.modelName).toBe('Llama 3.1 8B');
  });

  it('keeps the model named after ", say" inside the what-if', () => {
    const said = read(
      'What if we tuned an open model on Azure Foundry instead, say Llama 3.3 70B, so we stay on Azure in Sweden?',
    );
    expect(said.fields.modelName).toBeUndefined();
    expect(said.hypothetical?.modelName).toBe('Llama 3.3 70B Instruct');
  });

  it('keeps "why not just RAG over our codebase?" out of the goals', () => {
    expect(
      read('Why not just RAG over our codebase instead — retrieve similar snippets into the prompt?').fields.goals,
    ).toBeUndefined();
  });

  it('reads "the problem isn\'t the JSON shape, it\'s accuracy" as task skill, not format', () => {
    const said = read("The problem isn't the JSON shape, it's accuracy: the fields are right 85% of the time.");
    expect(said.fields.goals).toEqual(['task-skill']);
    expect(said.fields.needsStyleOrFormat).toBe(false);
  });

  it('reads "does it fit our $50?" as a question about a known budget, not a new one', () => {
    expect(read('What would it cost per month to run this properly, and does it fit our $50?').fields).toEqual({});
    expect(read('we need to stay within our $50 a month').fields.monthlyBudgetUSD).toBe(50);
  });

  it('reads "we were thinking about renting an A100 but haven\'t yet" as no GPU', () => {
    expect(read('we dont have a gpu. we were thinking about renting an A100 but havent yet').fields).toEqual({
      gpuCount: 0,
    });
  });

  it('does not read a bare "No." before other facts as the answer to the corpus question', () => {
    const said = read(
      'No. Fifty dollars is per MONTH. Five hundred is one-time. Cost per month please?',
      'corpusTokens',
    );
    expect(said.fields.corpusTokens).toBeUndefined();
    expect(said.fields.monthlyBudgetUSD).toBe(50);
    expect(said.intents.asksCost).toBe(true);
    expect(read('no', 'corpusTokens').fields.corpusTokens).toBe(0);
  });

  it('reads "it\'s 300 Swahili pairs, not 800" as 300 examples', () => {
    expect(read("And please note it's 300 Swahili pairs, not 800.").fields.labeledExamples).toBe(300);
  });
});

describe('a per-tenant count said after the tenants', () => {
  it('multiplies "per tenant we have between 150 and 400" by the 60 tenants said before', async () => {
    const turn = await last([
      'We run a SaaS with 60 tenants, each wants replies in their own tone. Qwen2.5 7B on 2 L40S.',
      'Per tenant we have between 150 and 400 approved examples.',
    ]);
    expect(turn.state.profile.labeledExamples).toBe(9000);
    expect(read('Per tenant we have between 150 and 400 approved examples.').perUnitExamples).toBe(150);
    expect(read('Per language we have about 200 examples.').perUnitExamples).toBeUndefined();
  });
});

describe('money against the budget', () => {
  const NGO = [
    'Small NGO: an SMS helpline for farmers in Swahili; the advice changes monthly. About 300 question-answer pairs and a 120-page manual. Someone suggested Gemma 2 9B. No GPUs at all, $500 one-time plus $50 a month. About 2,000 questions a day.',
  ];

  it('says when the rented serving bill is over the monthly budget, with the levers', async () => {
    const turn = await last([...NGO, 'how much would it cost per month?']);
    expect(turn.reply).toMatch(/That is over your \$50 monthly budget: a smaller model, 4-bit weights/);
    expect(turn.reply).not.toMatch(/no rent if the GPU is yours/);
    const plan = await last([...NGO, 'just recommend']);
    expect(plan.reply).toMatch(/a month of GPU time to serve it at the rental price, over your \$50 monthly budget/);
  });

  it('answers "what would 2,000 questions a day cost?" in a what-if about an API model', async () => {
    const turn = await last([
      ...NGO,
      'What if we used GPT-4o mini through the API instead of Gemma? What would 2,000 questions a day cost?',
    ]);
    expect(turn.reply).toMatch(/about \$\d+ a month of API calls at your volume/);
    expect(turn.reply).not.toMatch(/can't answer/);
  });

  it('does not propose a 72B model to a solo developer with $50 and no GPU', () => {
    const result = recommend(
      Profile.parse({
        taskType: 'chat',
        oneTimeBudgetUSD: 50,
        gpuCount: 0,
        labeledExamples: 300,
        goals: ['style'],
        needsStyleOrFormat: true,
      }),
      knowledge,
    );
    expect(result.destination.model.proposed).toBe(true);
    const proposed = knowledge.findModel(result.destination.model.name ?? '');
    expect(proposed?.paramsB).toBeLessThanOrEqual(8.5);
  });

  it('answers "what does our Claude usage cost?" with today\'s bill beside the moved-to model\'s', async () => {
    const turn = await last([
      "We're a translation agency on Claude 3.5 Sonnet through the Anthropic API, about 4,000 segments a day, 250,000 post-edited segment pairs, no GPUs; we may switch models.",
      'just recommend',
      'what does our Claude usage cost per month at 4,000 segments a day, roughly?',
    ]);
    expect(turn.reply).toMatch(/Today's Claude Sonnet calls cost about \$[\d,]+ a month/);
  });
});

describe('questions the advisor now answers', () => {
  it('sizes serving on a distillation plan on the student, not the API teacher', async () => {
    const turn = await last([
      'We rewrite search queries with GPT-4.1 mini through OpenAI, about 2 million queries a day, 150 tokens in and 40 out each. The bill is roughly $11k a month and p95 latency must drop under 100 ms.',
      'Quality is fine today; the problem is purely cost and latency. We have about 2 million logged rewrites that led to clicks, as good examples. We rent six L4 GPUs, and we can switch models.',
      'Can the 6 L4s serve 2 million queries a day under 100 ms with the 3B student?',
    ]);
    expect(turn.reply).not.toMatch(/I can't size serving GPT-4\.1 mini/);
    expect(turn.reply).toMatch(/one copy of Llama 3\.2 3B in 16-bit, with its KV cache, runs on one of your 6 GPUs/);
  });

  it('answers "how do we quantize it and run it on android?" with the path and the model\'s size on the phone', async () => {
    const turn = await last([
      'We make a hiking app. We want a small assistant that runs offline on the phone, phones have 6 GB RAM. We have 2,000 example Q&A pairs and one RTX 4090 for training.',
      'how do we quantize it and run it on android?',
    ]);
    expect(turn.reply).toMatch(/merge the adapter into the weights/);
    expect(turn.reply).toMatch(/convert_hf_to_gguf\.py/);
    expect(turn.reply).toMatch(/Q4_K_M/);
    expect(turn.reply).toMatch(/MLC LLM/);
    // (Sized as the device rule sizes it: weights, one request's context cache and the runtime.)
    expect(turn.reply).toMatch(/of the 6 GB you gave: .+ fits/);
    expect(turn.replyData?.sources?.map((source) => source.id)).toEqual(
      expect.arrayContaining(['llamacpp-quantize', 'mlc-llm-site']),
    );
  });

  it('says an API model cannot be quantized or put on a phone', async () => {
    const turn = await last([
      'We run a support bot on GPT-4o mini, about 20k requests a day, 4,000 labelled tickets. No GPUs.',
      'how do we quantize it and run it on android?',
    ]);
    expect(turn.reply).toMatch(/^Not GPT-4o mini: its weights are not published/);
  });

  it('reads "I want to fine-tune an open model so it talks like me. Which one?" as asking for a model', async () => {
    expect(read('I want to fine-tune an open model so it talks like me. which one?').intents.asksModel).toBe(true);
    expect(read('we have a model. which one do you mean?').intents.asksModel).toBeUndefined();
  });

  it('reads "why wouldn\'t we simply put the glossary terms into the prompt?" as why not prompting', () => {
    expect(read("why wouldn't we simply put the relevant glossary terms into the prompt?").intents.whyNot).toBe(
      'in-context-learning',
    );
  });
});

describe('from the w43 batch, scored on arrival at 2d7ff5d', () => {
  it('keeps clause references into the lease being summarised off retrieval', () => {
    const result = recommend(
      Profile.parse({
        modelName: 'Claude Sonnet 4',
        modelAccess: 'api-only',
        task: 'summarise long commercial leases into a fixed 9-section house format with clause references',
        taskType: 'generate',
        needsStyleOrFormat: true,
        needsCitations: true,
        labeledExamples: 400,
        requestsPerDay: 300,
        deployment: 'cloud-api',
        goals: ['format', 'citations'],
      }),
      knowledge,
    );
    expect(['in-context-learning', 'prompt-engineering']).toContain(result.destination.method);
    expect(result.trace.find((entry) => entry.ruleId === 'references-into-the-input-need-no-retrieval')?.outcome).toBe(
      'fired',
    );
    // (With a corpus to answer from, citations still call for retrieval.)
    const withCorpus = recommend(
      Profile.parse({ taskType: 'chat', needsCitations: true, unlabeledCorpus: 'large', goals: ['citations'] }),
      knowledge,
    );
    expect(withCorpus.destination.method).toBe('rag');
  });

  it('asks whether the team can run tuning jobs where Gemini 2.5 Flash is tuned (Vertex AI, not the Gemini API)', () => {
    const result = recommend(
      Profile.parse({
        modelName: 'Gemini 2.5 Flash',
        taskType: 'classify',
        labeledExamples: 4000,
        goals: ['task-skill'],
        requestsPerDay: 9000,
        tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
      }),
      knowledge,
    );
    expect(result.destination.method).toBe('managed-fine-tuning');
    expect(result.questions.map((question) => question.field)).toContain('modelAccess');
  });
});

describe('preference pairs do not fix stale facts', () => {
  it('sends a bot whose thumbs-downs are out-of-date policies to retrieval, not DPO', () => {
    const result = recommend(
      Profile.parse({
        modelName: 'Qwen2.5 14B Instruct',
        gpuName: 'RTX 4090',
        gpuCount: 2,
        deployment: 'on-prem',
        taskType: 'chat',
        preferencePairs: 1500,
        knowledgeChanges: 'weekly',
        needsCitations: true,
        unlabeledCorpus: 'small',
        goals: ['freshness', 'knowledge', 'citations'],
        tried: [{ method: 'prompt-engineering', result: 'plateaued' }],
      }),
      knowledge,
    );
    expect(result.destination.method).toBe('rag');
  });
});

describe('phrasings from the x31 batch', () => {
  it.each([
    ['its gonna run inside the hospital network, on a server in their basement basically', { deployment: 'on-prem' }],
    ["it's hosted by them, we just hit the endpoint with our key", { deployment: 'cloud-api' }],
    ['azure openai in our own tenant, EU region', { deployment: 'cloud-api' }],
    ['the model will sit on the ipads the field engineers carry around', { deployment: 'mobile' }],
    ['the model runs on our own GKE nodes now', { deployment: 'cloud-self-hosted' }],
    ['yeah laptops. 32 gig machines but the model cant hog more than eight', { deployment: 'edge', deviceMemoryGB: 8 }],
    [
      "the model runs on the customer's laptop, offline. most of them have 16gb ram and we can give the model maybe 6 of that",
      { deviceMemoryGB: 6 },
    ],
    ['deadline is end of q3 which is like ten weeks away', { timelineWeeks: 10 }],
    ['sorry typo earlier, its 12 weeks not 2', { timelineWeeks: 12 }],
    ['Budget? the openai bill is around 6k/mo, management wants it under 2k/mo', { monthlyBudgetUSD: 2000 }],
    [
      'full fine tune gave +3 points then nothing more no matter how much data we threw at it',
      { tried: [{ method: 'full-fine-tuning', result: 'plateaued' }] },
    ],
    [
      'knowledge isnt the problem, it knows the stuff. its the format thats wrong',
      { needsStyleOrFormat: true, goals: ['format'] },
    ],
    ['it sometimes answers stuff it should refuse, we want it to behave', { goals: ['alignment'] }],
    [
      "Only API access, we can't download the weights. they do have a finetune endpoint tho",
      { modelAccess: 'api-with-finetuning' },
    ],
    ['no, the base one, not instruct. we pulled Qwen2.5 7B straight from HF', { modelStage: 'base' }],
    ['the data can not go out from our datacenter', { dataMustStayOnPrem: true }],
    // (newuser26's hospital: the correction and the month of prompting were lost the first time.)
    ["after cleaning out duplicates it's more like 12,000 usable pairs, not 15k", { labeledExamples: 12000 }],
    ["We've already spent a month on prompts.", { tried: [{ method: 'prompt-engineering', result: 'plateaued' }] }],
    [
      "right now the model's prompt-only drafts drift from it",
      { tried: [{ method: 'prompt-engineering', result: 'plateaued' }] },
    ],
  ] as const)('%s', (text, expected) => {
    expect(read(text).fields).toMatchObject(expected);
  });

  it.each([
    // (x32, scored on arrival at 2d7ff5d.)
    ['Our GPT-4.1 API bill is about $9k/month and finance wants that number down.', { goals: ['cost'] }],
    ['no GPU at all, happy to rent, about $300 one-time', { gpuCount: 0, oneTimeBudgetUSD: 300 }],
    ['Servers are on campus, we have one L40S. Monthly budget: zero.', { deployment: 'on-prem', monthlyBudgetUSD: 0 }],
    [
      'smart speakers: intent classification on the device NPU, we have roughly 512MB for the model',
      { deviceMemoryGB: 0.5 },
    ],
    ['keyboard app, must be on device: model budget ~300 MB, 50ms per suggestion', { deviceMemoryGB: 0.3 }],
    ["each of our 35 clinic customers wants the assistant's replies in their own tone", { tasksCount: 35 }],
    ['we have 3k clause pairs', { labeledExamples: 3000 }],
    ['40k labeled msgs, 2 A10G on AWS', { labeledExamples: 40000 }],
    ['Our model is a Llama 3 8B we already fine-tuned on 3k clause pairs', { modelStage: 'fine-tuned' }],
    ['We have a Gemma 2 9B that a contractor fine-tuned for us on product support.', { modelStage: 'fine-tuned' }],
    ['Now we want it to prefer the answers our senior reviewers pick.', { goals: ['alignment'] }],
    [
      'Law firm: we summarise 60-120 page commercial leases with Claude Sonnet 4. Every summary in our 9-section house format with clause references; the structure drifts today.',
      { task: 'summarise 60-120 page commercial leases', needsCitations: true, needsStyleOrFormat: true },
    ],
  ] as const)('%s', (text, expected) => {
    expect(read(text).fields).toMatchObject(expected);
  });

  it.each([
    ['keyboard app, must be on device: model budget ~300 MB', 'oneTimeBudgetUSD'],
    ['no money for training at all, zero. hosting up to $800 a month is ok', 'timelineWeeks'],
    ['the 10k is a one-off for the pilot, theres no monthly money allocated yet', 'monthlyBudgetUSD'],
  ] as const)('%s (no %s)', (text, field) => {
    expect(read(text).fields[field]).toBeUndefined();
  });
});
