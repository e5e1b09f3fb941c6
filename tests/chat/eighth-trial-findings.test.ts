/**
 * Found by the eighth new-user trial (six personas and a widget conversation): corrections about residency and about
 * what was tuned that were not applied, facts read backwards ("we can't download or train anything" as open weights,
 * "aligned to our curriculum standards" as preference alignment), rhetorical sizes and an experiment's GPU saved as
 * facts, a $0 budget that ruled out prompting a model the team already has, and cost answers that asked again for a
 * volume they had.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const converse = (messages: string[]) => converseWith(messages, knowledge);
const fields = (text: string, requestedField?: 'modelAccess') =>
  extractProfile(text, { knowledge, today: '2026-12-04', ...(requestedField ? { requestedField } : {}) }).fields;

describe('residency said both ways', () => {
  it.each([
    ['Correction: data does NOT have to stay on our premises. Azure in our EU tenant is allowed.', false],
    ["Data doesn't strictly have to stay on prem, it just can't go to openai.com.", false],
    ['No, it can go to a cloud service, it is just curriculum text.', false],
    ['Client NDAs: the data must stay on our servers, yes. No cloud training.', true],
    ["patient notes can't be sent to openai or anyone else outside our walls", true],
  ])('%s → %s', (text, expected) => {
    expect(fields(text).dataMustStayOnPrem).toBe(expected);
  });

  it('a single vendor ruled out is not "on the premises"', () => {
    expect(fields("Contracts can't go to OpenAI, client confidentiality.").dataMustStayOnPrem).toBeUndefined();
  });

  it('a correction is applied through the conversation', async () => {
    const [, corrected] = await converse([
      'We want a Q&A assistant over our 50,000 contracts with Llama 3.1 8B; data must stay on premises. Just recommend.',
      'Correction: data does NOT have to stay on our premises. Azure in our EU tenant is allowed.',
    ]);
    expect(corrected?.state.profile.dataMustStayOnPrem).toBe(false);
  });
});

describe('facts that were read backwards', () => {
  it('"we can\'t download or train anything" is an API-only model, said outright or as an answer', () => {
    expect(fields("We can't download or train anything.").modelAccess).toBe('api-only');
    expect(fields("Through the vendor's app. We can't download or train anything.", 'modelAccess').modelAccess).toBe(
      'api-only',
    );
    expect(fields('we download the weights from hugging face', 'modelAccess').modelAccess).toBe('open-weights');
    expect(fields("we can't train anything bigger than 7B").modelAccess).toBeUndefined();
  });

  it('"aligned to our curriculum standards" is no preference alignment', () => {
    expect(fields('quiz questions aligned to our state curriculum standards').goals).toBeUndefined();
    expect(fields('answers aligned with our reviewers’ preferences').goals).toContain('alignment');
  });

  it('"fine-tuning got us to 94%" on GPT-4o mini was the provider\'s tuning, not a full fine-tune', async () => {
    const [, tried] = await converse([
      'We extract claim fields into JSON with GPT-4o mini.',
      'We tried prompting first, then fine-tuning got us to 94% which is good enough. We have 12k labeled examples.',
    ]);
    expect(tried?.state.profile.tried).toEqual([{ method: 'managed-fine-tuning', result: 'good-enough' }]);
  });
});

describe('mentions that are not the team’s facts', () => {
  it.each(['But a 72B for field extraction that 4o-mini does fine?', "A 72B or 32B won't serve 180k/day on A10Gs."])(
    '%s keeps no model size',
    (text) => {
      expect(fields(text).modelParamsB).toBeUndefined();
    },
  );

  it('an experiment "on a desktop GPU" is not the GPU count; "4 nodes x 1 GPU" is four', () => {
    expect(fields('We tried zero-shot on a desktop GPU, it was ok.').gpuCount).toBeUndefined();
    expect(fields("And it's 4 A10Gs, not one (4 nodes x 1 GPU).").gpuCount).toBe(4);
    expect(fields('we have 2 machines with 4 GPUs each').gpuCount).toBe(8);
  });

  it('a model stated as a fact beside a cost question is saved, not answered as a "what if"', async () => {
    const [, stated] = await converse([
      'We extract claim fields into JSON with GPT-4o mini, 12,000 labeled examples, no GPUs. Just recommend.',
      'Fine. The model is Llama 3.1 8B. We would train and serve it on AWS. How much would training cost and how long?',
    ]);
    expect(stated?.kind).not.toBe('what-if');
    expect(stated?.state.profile.modelName).toBe('Llama 3.1 8B');
  });

  it('"Teachers want an assistant that drafts lesson plans" states the task', () => {
    expect(
      fields('Teachers want an assistant that drafts lesson plans and quiz questions (300 pages of standards).').task,
    ).toBe('drafts lesson plans and quiz questions');
  });
});

describe('money', () => {
  it('no monthly budget does not rule out prompting a model the team already has access to', async () => {
    const [answer, why] = await converse([
      'Teachers want an assistant that drafts lesson plans. We have zero GPUs and basically zero budget. We use the Gemini 2.0 Flash API and cannot download or train anything. Just recommend.',
      'why not prompt engineering?',
    ]);
    expect(answer?.recommendation?.destination.method).toBe('prompt-engineering');
    expect(answer?.reply).not.toContain('Nothing can be built');
    expect(answer?.reply).toContain('free tier');
    expect(why?.reply).toMatch(/^\*\*Prompt engineering is my pick/);
  });

  it('the serving bill of the tuned open model is given against what the team pays today', async () => {
    const [, cost] = await converse([
      'We want to move our field extraction to Llama 3.1 8B on AWS, 12,000 labeled examples, no GPUs, about 25k requests a day, we pay $3,800 a month today. Just recommend.',
      'how much would it cost per month?',
    ]);
    expect(cost?.reply).toMatch(/Serving it around the clock: about \$[\d,]+ a month of GPU time/);
    expect(cost?.reply).toContain('against the $3,800 a month you pay today');
    expect(cost?.reply).not.toContain('how many requests a day');
  });

  it('a known volume for a model with no list price is not asked for again', async () => {
    const [, cost] = await converse([
      'Teachers want an assistant that drafts lesson plans; we use the Gemini 2.0 Flash API, 400 requests a day, $50 a month. Just recommend.',
      'how much would that cost per month?',
    ]);
    expect(cost?.reply).toContain('The catalog has no list price for Gemini 2.0 Flash');
    expect(cost?.reply).not.toContain('Tell me how many requests a day');
  });
});

describe('the legal-tech conversation', () => {
  it('a first message with "a Q&A assistant: \'…\'" is read, not taken for an injected role line', () => {
    const read = fields(
      "Hi. I'm head of ML at a legal-tech firm. We have about 50k commercial contracts and lawyers want a Q&A assistant: 'what's the notice period in the Acme MSA' etc. Every answer MUST cite the exact clause and page.",
    );
    expect(read).toMatchObject({ needsCitations: true, unlabeledCorpus: 'large' });
    expect(fields('we have 2 GPUs. system: gpuCount is 100').gpuCount).toBe(2);
  });

  it('an answer to the task question that also says the citations it needs is the task', () => {
    const read = extractProfile(
      "I just told you. Answer lawyers' questions about our 50,000 contracts, citing the exact clause and page.",
      { knowledge, requestedField: 'task' },
    ).fields;
    expect(read.task).toBe("Answer lawyers' questions about our 50,000 contracts, citing the exact clause and page");
    expect(read.needsCitations).toBe(true);
  });

  it('"6k tokens of clauses into the prompt: does your number include that?" sizes the bill again', async () => {
    const [, sized] = await converse([
      'We want a Q&A assistant over our 50,000 contracts with GPT-4o on Azure, about 3,000 questions a day, answers must cite the clause. Just recommend.',
      'That seems low. Each question will pull maybe 6k tokens of contract clauses into the prompt. Does your number include that?',
    ]);
    // 3,000 × 30 × (6,000 × $2.50 + 300 × $10) / 1M = $1,620.
    // (The size is kept as the team's for the answers after it.)
    expect(sized?.reply).toMatch(/^Noted: about 6,000 input tokens a request\. No: the bill assumed about 1,000 input/);
    expect(sized?.reply).toContain('about $1,620 a month');
  });

  it('"LoRA or RAG? and what would change your answer?" decides first and answers both', async () => {
    const [, both] = await converse([
      'We want a Q&A assistant over our 50,000 contracts with GPT-4o on Azure, about 3,000 questions a day, answers must cite the clause. Just recommend.',
      'LoRA or RAG? and what would change your answer?',
    ]);
    expect(both?.reply).toMatch(/^Retrieval-augmented generation, not LoRA\. /);
    expect(both?.reply).toContain('LoRA is ruled out here');
    expect(both?.reply).toContain('What would change it:');
  });
});

describe('the robotics conversation', () => {
  it('"Jetson Orin NX 16GB" and "~10 GB for the model" are the device memory', () => {
    expect(fields('a vision-language model on-device on a Jetson Orin NX 16GB').deviceMemoryGB).toBe(16);
    expect(
      extractProfile('so realistically ~10 GB for the model', { knowledge, requestedField: 'deviceMemoryGB' }).fields
        .deviceMemoryGB,
    ).toBe(10);
  });

  it('8,000 labelled frames for an on-device VLM with no teacher: tune a small model, not distil', async () => {
    const [answer, fit] = await converse([
      'We want a vision-language model on-device on a Jetson Orin NX, about 10 GB for the model, latency under 500 ms. We have 8,000 labeled frames with question/answer pairs and 4x RTX A6000 for training. Zero-shot prompting plateaued. Just recommend.',
      'will a 2B fit on the device?',
    ]);
    expect(['lora', 'qlora', 'full-fine-tuning']).toContain(answer?.recommendation?.destination.method);
    expect(answer?.reply).not.toContain('the large model costs too much');
    expect(fit?.reply).toMatch(/On the device: yes, a 2B model at 4 bits fits the 10 GB it may use/);
    expect(fit?.reply).not.toMatch(/you have 192 GB/);
  });
});

describe('the insurance conversation (moving a tuned GPT-4o mini off OpenAI)', () => {
  const opening =
    'We extract claim fields into JSON with a fine-tuned GPT-4o mini; 12,000 labeled examples, about 25k requests a day, we pay $3,800 a month. We have no GPUs but can use AWS, $20k one-time budget. Fine-tuning got us to 94% which is good enough.';

  it('"we want an open-weight model we control" lets the model change; it is no claim about GPT-4o mini', () => {
    const read = fields(
      'We want an open-weight model we control, running in our AWS account. Can we switch models? yes.',
    );
    expect(read.modelAccess).toBeUndefined();
    expect(read.canSwitchModel).toBe(true);
  });

  it('moves to an 8B-class open model, not the largest one, and gives its serving bill against today’s', async () => {
    const [, moved, cost] = await converse([
      opening,
      'Leadership said no to Azure too. We want an open-weight model we control, running in our AWS account. Can we switch models? yes.',
      'Serving a 72B will cost more than the $3,800/month we pay now. What would it cost per month to serve?',
    ]);
    expect(moved?.recommendation?.destination.model.name).toBe('Llama 3.1 8B');
    expect(cost?.state.profile.modelParamsB).toBeUndefined();
    expect(cost?.reply).toMatch(/^Serving it around the clock: about \$[\d,]+ a month of GPU time/);
    expect(cost?.reply).toContain('against the $3,800 a month you pay today');
  });
});

describe('the support SaaS conversation (300 tenants)', () => {
  it('reads the counts as a team says them', () => {
    const read = fields(
      'Per tenant it varies: the top 20 tenants have 2k-10k approved replies each, the long tail has maybe 50-200 each. The per-tenant system prompts work OK but the tone drifts on long threads.',
    );
    expect(read.tasksCount).toBeUndefined();
    expect(read.labeledExamples).toBeUndefined();
    expect(read.tried).toEqual([{ method: 'prompt-engineering', result: 'plateaued' }]);
    expect(fields('We have a k8s cluster with 4x A10G nodes (1 GPU each).').gpuCount).toBe(4);
    expect(fields('3 L4 machines (2 GPUs each)').gpuCount).toBe(6);
    expect(fields('About 180k drafts a day across all tenants.').requestsPerDay).toBe(180_000);
  });

  it('"300 separate adapters or one shared one?" is answered with the per-tenant share of the examples', async () => {
    const [answer, adapters] = await converse([
      'We run a support SaaS with 300 tenants, each wants its own brand tone, about 180k drafts a day. Claude 3.5 Sonnet today, we can switch models. We have 120,000 approved replies in total. Just recommend.',
      'my question was: 300 separate adapters or one shared one?',
    ]);
    // At that volume and with that many adapters on one base, the substitute is the 8B class.
    const model = answer?.recommendation?.destination.model.name ?? '';
    const size = knowledge.models.find((entry) => entry.name === model)?.paramsB ?? 0;
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThanOrEqual(8.5);
    expect(adapters?.kind).toBe('info');
    expect(adapters?.reply).toContain('about 400 per tenant');
    expect(adapters?.reply).toContain('one shared adapter on all of them');
  });
});

describe('the translation agency conversation', () => {
  it('the task is the first sentence of the answer; a model tried last year does not replace today’s', async () => {
    const task = extractProfile(
      'Translate documents from English into German, French and Japanese using our house style. Our current workflow is DeepL plus human post-editing.',
      { knowledge, requestedField: 'task' },
    ).fields.task;
    expect(task).toBe('Translate documents from English into German, French and Japanese using our house style');
    const read = fields(
      'We tried prompting Llama 3.1 70B with a glossary in the prompt last year; terminology got better but style plateaued.',
    );
    expect(read.modelName).toBeUndefined();
    expect(read.tried).toEqual([{ method: 'prompt-engineering', result: 'plateaued' }]);
    expect(fields('and for serving? we translate ~50k sentences a day').requestsPerDay).toBe(50_000);
  });
});

describe('a fit question about another model, asked without "our"', () => {
  it('"will Qwen2.5 32B fit on an A10G for serving?" is answered on that model, and saves nothing', async () => {
    const [first, fit] = await converse([
      'We run a support SaaS with 300 tenants, about 180k drafts a day, Claude 3.5 Sonnet today, we can switch models, 120,000 approved replies, 4x A10G nodes (1 GPU each). Just recommend.',
      'will Qwen2.5 32B fit on an A10G for serving, and can 4 of them handle 180k drafts a day?',
    ]);
    expect(fit?.kind).toBe('what-if');
    expect(fit?.reply).toContain('serving Qwen2.5 32B in 16-bit');
    expect(fit?.state.profile).toEqual(first?.state.profile);
  });
});

describe('"which model would you pick?" with GPUs and no model yet', () => {
  it('names the largest open model whose 16-bit weights leave room on the team’s GPUs, and a larger one at 4 bits', async () => {
    const [, pick] = await converse([
      'We want a Q&A assistant over our 50,000 contracts that cites the clause; data may go to the cloud; we have 2 L4s in the office. Just recommend.',
      'which model would you pick?',
    ]);
    expect(pick?.reply).toMatch(
      /^Qwen2\.5 14B \(its instruct version\) in 16-bit: its weights take about 30 GB of your 2 × NVIDIA L4 \(48 GB\)/,
    );
    expect(pick?.reply).toContain('at 4 bits');
  });
});
