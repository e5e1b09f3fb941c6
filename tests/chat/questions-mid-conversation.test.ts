/**
 * Questions people ask in the middle of a conversation (found by a second new-user trial): a question while the
 * advisor waits for an answer is answered, never read as an unclear answer; questions that weigh an option do not
 * state facts; "which model?" and "what's the final plan?" get their own answers; an unknown question says so.
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
const fields = (text: string, requestedField?: Parameters<typeof extractProfile>[1]['requestedField']) =>
  extractProfile(text, { knowledge, today: '2026-12-04', ...(requestedField ? { requestedField } : {}) }).fields;

describe('a question asked while the advisor waits for an answer', () => {
  it('"can I just do it with a prompt instead?" is answered (the case for and against prompting)', async () => {
    const turns = await converse([
      'We use Llama 3.1 8B and want a chatbot in our brand voice',
      'can i just do it with a prompt instead?',
    ]);
    const [first, second] = turns;
    expect(first?.kind).toBe('question');
    expect(second?.kind).toBe('why');
    expect(second?.reply).toMatch(/Prompt engineering/);
    expect(second?.reply).not.toMatch(/couldn't tell the answer/);
  });

  it('"should we use LoRA or QLoRA?" is a comparison, not "is LoRA enough?"', () => {
    expect(extractProfile('should we use LoRA or QLoRA?', { knowledge }).intents).toMatchObject({
      asksComparison: ['lora', 'qlora'],
    });
  });

  it('"continued pretraining on the corpus or just RAG?" is a comparison of the two', async () => {
    const turns = await converse([
      'We have Llama 3.1 8B base and a 2 billion token corpus of legal texts; it should answer questions about them',
      'Should we do continued pretraining on the corpus or just RAG?',
    ]);
    expect(turns[1]?.kind).toBe('info');
    // Both, for different things: pre-training for the field's language, retrieval for facts to cite or update.
    expect(turns[1]?.reply).toMatch(/continued pre-training on your corpus adapts/);
    expect(turns[1]?.reply).toMatch(/fetched by retrieval/);
  });

  it('a question it cannot answer says so and asks the pending question again, which stays pending', async () => {
    const turns = await converse(['We use Llama 3.1 8B on one RTX 4090', 'what should our CI pipeline look like?']);
    const [first, second] = turns;
    expect(first?.question).toBeDefined();
    expect(second?.kind).toBe('info');
    expect(second?.reply).toMatch(/^I can't answer that one from what I know\./);
    expect(second?.reply).toContain(first?.question?.question ?? '?');
    expect(second?.reply).not.toMatch(/couldn't tell the answer/);
    expect(second?.state.requestedField).toBe(first?.state.requestedField);
    expect(second?.state.skippedFields).not.toContain(first?.state.requestedField);
  });
});

describe('questions after an answer', () => {
  const answered = 'We run Llama 3.1 8B on one RTX 4090, 2000 examples, strict JSON output. Just recommend.';

  it('"which model would you pick?" names the model the plan runs on', async () => {
    const [, model] = await converse([answered, 'which model would you pick for us?']);
    expect(model?.kind).toBe('info');
    expect(model?.reply).toMatch(/^Stay on Llama 3\.1 8B, the model you named/);
  });

  it('proposes a model, and says why, when none was named', async () => {
    const [, model] = await converse([
      'We need to classify support tickets into 12 categories; we have 5,000 labeled tickets and one A100 80GB. Just recommend.',
      'which model should we use?',
    ]);
    expect(model?.reply).toMatch(/: it fits what you described/);
  });

  it('"what\'s the final plan?" gives the whole answer again, not "that doesn\'t change my answer"', async () => {
    const [, plan] = await converse([answered, "ok, so what's the final plan?"]);
    expect(plan?.kind).toBe('recommendation');
    expect(plan?.reply).toMatch(/\*\*Aim for /);
    expect(plan?.reply).not.toMatch(/doesn't change my answer/);
  });

  it('an unknown question says where the advice stands', async () => {
    const [, other] = await converse([answered, 'what should our CI pipeline look like?']);
    expect(other?.kind).toBe('info');
    expect(other?.reply).toMatch(/^I can't answer that one from what I know\. The advice stands: /);
  });

  it('a fact that changes nothing gets one line, and no footnotes for marks it does not have', async () => {
    const [, same] = await converse([answered, 'we are a team of five']);
    if (/doesn't change my answer/.test(same?.reply ?? '')) expect(same?.reply).not.toMatch(/Sources:/);
  });
});

describe('questions do not state facts; corrections do not answer other questions', () => {
  it.each([
    ['is an instruct model better to start from?', 'modelStage'],
    ['would llama 3.1 70b work better?', 'modelName'],
  ])('"%s" states no %s', (text, field) => {
    expect(fields(text)).not.toHaveProperty(field);
  });

  it.each(['Should we switch to Llama 3.1 8B?', "Can we use GPT-4o through Azure if it's in an EU region?"])(
    '"%s" weighs a choice: a what-if, whose model is not saved',
    (text) => {
      expect(extractProfile(text, { knowledge }).intents.whatIf).toBe(true);
    },
  );

  it('"1 A100 80GB, not 4" does not answer a pending volume question with 4', () => {
    const found = fields('sorry, I was wrong, we only have 1 A100 80GB, not 4.', 'requestsPerDay');
    expect(found).not.toHaveProperty('requestsPerDay');
    expect(found).toMatchObject({ gpuCount: 1, gpuName: 'NVIDIA A100 80GB' });
  });
});

describe("GPUs the catalog does not list, and the team's own GPU inside a question", () => {
  it.each([
    ['hey so i have a RTX 3060 12GB at home', { gpuCount: 1, gpuMemoryGB: 12 }],
    ['we have a 3060 with 12 gigs', { gpuCount: 1, gpuMemoryGB: 12 }],
    ['two Radeon RX 7900 XTX (24GB)', { gpuCount: 2, gpuMemoryGB: 24 }],
    ['will it fit on my 3060?', { gpuCount: 1 }],
    ['will it fit on our 4090?', { gpuName: 'NVIDIA GeForce RTX 4090' }],
  ])('%s', (text, expected) => {
    expect(fields(text)).toMatchObject(expected);
  });

  it('a GPU in a question that is not theirs is not stated', () => {
    expect(fields('can a 4090 run a 70B model?')).not.toHaveProperty('gpuName');
  });

  it('"no NVIDIA GPUs" beside a Mac is not "no GPUs"', () => {
    expect(fields('We have a MacBook Pro M3 Max with 64GB for training, no NVIDIA GPUs.')).not.toHaveProperty(
      'gpuCount',
    );
    expect(fields('no NVIDIA GPUs here, CPU only')).toMatchObject({ gpuCount: 0 });
  });
});

describe('fit with no GPUs of their own', () => {
  it('says the work runs on a rented GPU, never "you have 0 GB"', async () => {
    const [, fit] = await converse([
      'We want to classify support tickets with Llama 3.1 8B, 5,000 labeled tickets, no GPUs. Just recommend.',
      'will it fit?',
    ]);
    expect(fit?.reply).toMatch(
      /^You have no GPUs of your own: .* needs about \d+ GB of GPU memory, so it runs on a rented GPU\./,
    );
    expect(fit?.reply).not.toMatch(/0 GB/);
  });
});

describe('phrasings from the second new-user trial', () => {
  it.each([
    [
      "It's a B2B invoicing tool. We'd like the AI to answer customer questions about their invoices and our billing policies.",
      { task: 'answer customer questions about their invoices', goals: ['knowledge'] },
    ],
    [
      'i want to make a chatbot that talks like my D&D character',
      { task: 'make a chatbot that talks like my D&D character' },
    ],
    ['Nobody here is an ML expert, maybe basic Python', { mlExpertise: 'none' }],
    ['maybe 50,000 past email replies from agents', { labeledExamples: 50_000 }],
    ["Nothing tried yet. We don't have any GPUs, we're all on AWS.", { tried: [], gpuCount: 0 }],
  ])('%s', (text, expected) => {
    expect(fields(text)).toMatchObject(expected);
  });

  it('a question is not the answer to "what should the model do?"', () => {
    expect(fields('what should our CI pipeline look like?', 'task')).not.toHaveProperty('task');
  });
});

describe('the monthly bill when nothing names the model yet', () => {
  it('says what the bill is made of and what it needs, first', async () => {
    const [, cost] = await converse([
      "We'd like the AI to answer customer questions about our billing policies. Just recommend.",
      'how much would this cost us per month?',
    ]);
    expect(cost?.reply).toMatch(
      /^Each month you pay for the model's API calls, or for the GPUs that serve an open model/,
    );
  });
});

describe('phrasings from independent batch x6 (tuning data)', () => {
  it.each([
    ["honestly we're not attached to the model at all.", { canSwitchModel: true }],
    [
      "we don't have an ML person and the model doesn't matter to us, pick whatever.",
      { canSwitchModel: true, mlExpertise: 'none' },
    ],
    ["we're locked into Command R through a contract until 2028, can't change models.", { canSwitchModel: false }],
    ['none of us have done ML before', { mlExpertise: 'none' }],
    ['our research group has people who literally wrote papers on RLHF', { mlExpertise: 'expert' }],
    ['the eng team has some basic python/ML from a bootcamp', { mlExpertise: 'basic' }],
    ["4 people on the ml side who've done a bunch of fine-tuning before", { mlExpertise: 'intermediate' }],
    ['phones, about 6 gigs', { deployment: 'mobile', deviceMemoryGB: 6 }],
    ['target device is a pixel 8, keep the model under 2.5 GB', { deployment: 'mobile', deviceMemoryGB: 2.5 }],
    ["we'll self-host on our own k8s in AWS with vLLM", { deployment: 'cloud-self-hosted' }],
    ["we're running llama 2 13b chat on prem on 4x V100 32GB", { deployment: 'on-prem' }],
    ['Model is Gemma 2 9B instruct, self-hosted on a GKE cluster', { deployment: 'cloud-self-hosted' }],
    ["it needs to run on our field engineers' laptops", { deployment: 'edge' }],
    ['target is macbook airs with 8GB unified memory', { deployment: 'edge' }],
    ['timeline is end of Q1', { timelineWeeks: 17 }],
    ['12 weeks was optimistic, say 16', { timelineWeeks: 16 }],
    ['6 weeks is too tight, make it 8', { timelineWeeks: 8 }],
    ['we want it in the app by christmas', { timelineWeeks: 3 }],
    ['maybe 1,500 ranked pairs from our raters', { preferencePairs: 1500 }],
    ['chosen/rejected pairs: nine hundred so far', { preferencePairs: 900 }],
    ["running cost can't go over $1,200 a month", { monthlyBudgetUSD: 1200 }],
    ['monthly we can do like 2.5k on API costs, hard ceiling', { monthlyBudgetUSD: 2500 }],
    ['we have a one-off 30k for the whole thing', { oneTimeBudgetUSD: 30_000 }],
  ])('%s', (text, expected) => {
    expect(fields(text)).toMatchObject(expected);
  });

  it.each([
    ['our sister team in berlin runs llama 3.1 70b on 8 H100s', ['modelName', 'gpuName', 'gpuCount']],
    ['we might get some H100s in february if the budget gets approved', ['gpuName']],
    ['some ppl on the team wanted to distill from gpt-5 but legal killed it', ['teacherModel', 'modelName']],
    ['a monthly 500 requests', ['oneTimeBudgetUSD', 'monthlyBudgetUSD']],
    ['it costs $300 a month', ['monthlyBudgetUSD']],
  ])('states none of: %s', (text, absent) => {
    const found = fields(text);
    for (const field of absent) expect(found, field).not.toHaveProperty(field);
  });
});

describe('wording found in the second new-user trial', () => {
  it('a proposed model is never "depending on which model you use", and the lead has one aside at most', async () => {
    const [answer] = await converse([
      "I'm building an iOS app that runs fully on the phone, offline; devices have about 6GB. It should classify notes into categories; we have 20,000 labeled notes. Just recommend.",
    ]);
    const lead = /\*\*Aim for [^*]+\*\*/.exec(answer?.reply ?? '')?.[0] ?? '';
    expect(lead).not.toMatch(/which model you use/);
    expect(lead).not.toMatch(/\)[^(]*\(/);
  });

  it('"what would change your answer?" names the open questions in plain words', async () => {
    const [, change] = await converse([
      'We have Llama 3.1 8B base and a 2 billion token corpus of legal texts; it should answer questions about them. Just recommend.',
      'what would change your answer?',
    ]);
    expect(change?.reply).toMatch(/depends on which GPUs you have, /);
    // (Whether another model may be used comes first: the vendor's instruct checkpoint would skip a stage.)
    expect(change?.reply).toMatch(
      /Not known yet, and able to move it: whether you may switch to another model and how many labeled examples you have\./,
    );
    expect(change?.reply).not.toMatch(/GPU count|data must stay on-prem/);
  });

  it('says "an instruct model" and writes token counts with separators', async () => {
    const [first] = await converse(['We use the Llama 3.1 8B instruct model']);
    expect(first?.reply).not.toMatch(/\ba instruct\b/);
    const [answer] = await converse([
      'Llama 3.1 8B base, a corpus of 2 billion tokens, 8 H100s, no labeled pairs. Just recommend.',
    ]);
    expect(answer?.reply).toMatch(/a corpus of 2 billion tokens/);
    expect(answer?.reply).not.toMatch(/\d{7,}/);
  });
});

describe('people who answer with questions (third new-user trial)', () => {
  it('"what do you recommend?" with nothing known asks what the model is for', async () => {
    const [first] = await converse(['What do you recommend for making our LLM better?']);
    expect(first?.kind).toBe('question');
    expect(first?.reply).toMatch(/^To recommend anything I first need to know what the model is for\./);
  });

  it('"why do you need to know that?" explains the pending question and asks it again', async () => {
    const [, why] = await converse([
      'What do you recommend for making our LLM better?',
      'Why do you need to know that?',
    ]);
    expect(why?.reply).toMatch(/^I ask because /);
    expect(why?.reply).toMatch(/\*\*What should the adapted model do, in a sentence\?\*\*/);
    expect(why?.state.requestedField).toBe('task');
  });

  it('after two questions it could not answer, it answers provisionally instead of asking a third time', async () => {
    const turns = await converse([
      'What do you recommend for making our LLM better?',
      'What do you mean?',
      'Does it matter?',
      'Why do you need to know that?',
    ]);
    expect(turns.at(-1)?.kind).toBe('recommendation');
  });

  it('after that provisional answer, a new fact gets "what changed", not the whole answer again', async () => {
    const turns = await converse([
      'What do you recommend for making our LLM better?',
      'What do you mean?',
      'Does it matter?',
      'Why do you need to know that?',
      'we have 2 A100s',
    ]);
    expect(turns.at(-2)?.kind).toBe('recommendation');
    expect(turns.at(-1)?.state.missedAnswers).toBe(0);
    expect(turns.at(-1)?.reply).not.toMatch(/^My provisional answer/);
  });

  it('"so what should I do?" is never taken as the task', async () => {
    const [, answer] = await converse(['We use Llama 3.1 8B on one RTX 4090', 'So what should I do?']);
    expect(answer?.state.profile.task).toBeUndefined();
    expect(answer?.kind).toBe('recommendation');
  });

  it('"what would you assume?" lists the defaults', async () => {
    const [, assumed] = await converse(['We use Llama 3.1 8B', "What would you assume if I don't tell you?"]);
    expect(assumed?.reply).toMatch(/^Where you have not told me, I assume: /);
  });

  it('"one adapter per character or one model for all?" weighs the two, with sources', async () => {
    const [, design] = await converse([
      'We make a game with six characters',
      'one LoRA adapter per character or one model for all?',
    ]);
    expect(design?.reply).toMatch(/^One shared base model with a small LoRA adapter per character/);
    expect(design?.replyData.sources?.map((source) => source.id)).toEqual(['lora', 'fireworks']);
  });

  it('"can we still use GPT-4o …?" with data on the premises says GPT-4o is ruled out, and by what', async () => {
    const [, choice] = await converse([
      'We want a model to draft answers from our policy manuals; data must stay in our own datacenter. We have 2 H100s.',
      'Can we still use GPT-4o if Azure hosts it in Germany?',
    ]);
    expect(choice?.kind).toBe('what-if');
    expect(choice?.reply).toMatch(/The model you asked about is ruled out: /);
    expect(choice?.state.profile.modelName).toBeUndefined();
  });
});

describe('"will it fit?" on a device', () => {
  it('answers about the device first, and leaves out GPU memory for a method that trains nothing', async () => {
    const [, fit] = await converse([
      "We want NPC dialogue in our game that runs on players' PCs; the game leaves 4 GB for the model. Just recommend.",
      'will it fit?',
    ]);
    expect(fit?.reply).toMatch(
      /^On the device: yes, .+ at 4 bits fits the 4 GB it may use \(its 4-bit weights take about [\d.]+ GB/,
    );
  });

  it('says no when the named model is too big for the device', async () => {
    const [, fit] = await converse([
      'We want Llama 3.1 8B on phones with 2 GB for the model, offline. Just recommend.',
      'will it fit?',
    ]);
    expect(fit?.reply).toMatch(
      /^On the device: no, Llama 3\.1 8B at 4 bits does not fit the 2 GB it may use \(its 4-bit weights take about 4.9 GB/,
    );
  });
});

describe('"is X still available?"', () => {
  it('is answered as the case for and against that method here', async () => {
    const [, why] = await converse([
      'We use Claude 3 Haiku on Bedrock to classify support emails; we have 2,000 labeled emails.',
      'is Bedrock fine-tuning still available?',
    ]);
    expect(why?.kind).toBe('why');
    // Not for Claude 3 Haiku any more; on Bedrock the provider's tuning job continues on a model it still tunes.
    expect(why?.reply).toMatch(/Managed fine-tuning is my pick on Amazon Nova/);
    // (Said as Anthropic's own fact: its only tuning was Claude 3 Haiku on Bedrock.)
    expect(why?.reply).toMatch(
      /On the named model, Anthropic's only Claude tuning was Claude 3 Haiku on Amazon Bedrock/,
    );
  });
});

describe('fit of a method that only serves the model, and what is said back', () => {
  it('a model served at 4 bits on a 12 GB card is a yes at 4 bits, and the GPU is not noted again', async () => {
    const [, , fit] = await converse([
      'i have a RTX 3060 12GB at home and i want a chatbot that talks like my D&D character',
      "i've got like 300 lines of dialogue i wrote myself. using llama 3 8b. zero budget",
      'will prompting fit on my 3060?',
    ]);
    expect(fit?.reply).toMatch(
      /^Yes, at 4 bits: .+ needs about \d+ GB in 16-bit and you have 12 GB, so the model is served quantized \(4-bit\)\./,
    );
    expect(fit?.reply).not.toMatch(/Noted/);
  });
});

describe('"no" to "which GPUs do you have?"', () => {
  it('means no GPUs', () => {
    expect(fields('no', 'gpuName')).toMatchObject({ gpuCount: 0 });
    expect(fields('none', 'gpuName')).toMatchObject({ gpuCount: 0 });
    expect(fields('not sure', 'gpuName')).not.toHaveProperty('gpuCount');
  });
});

describe('phrasings from independent batch x8 (tuning data)', () => {
  it.each([
    ["We're a 3 person team, nobody has really trained a model before.", { mlExpertise: 'none' }],
    [
      'it has to run on the phone itself, offline. we can spare maybe 3 gigs of RAM for the model',
      { deviceMemoryGB: 3 },
    ],
    ['a little edge box in the warehouse with 4gb of ram for the model', { deployment: 'edge', deviceMemoryGB: 4 }],
    ['i want a chatbot that talks like my D&D character', { goals: ['style'] }],
    [
      "hey, I'm a student and want to make a small model that writes summaries of research papers",
      { task: 'make a small model that writes summaries of research papers' },
    ],
    [
      "We're a game studio. We want NPCs to generate dialogue live on the player's PC",
      { task: "generate dialogue live on the player's PC" },
    ],
    ["NPC dialogue in each character's voice", { goals: ['style'] }],
  ])('%s', (text, expected) => {
    expect(fields(text)).toMatchObject(expected);
  });

  it('"none, we\'d have to rent" answers the GPU questions with none', () => {
    expect(fields("none, we'd have to rent", 'gpuCount')).toMatchObject({ gpuCount: 0 });
    expect(fields("none, we'd have to rent", 'gpuName')).toMatchObject({ gpuCount: 0 });
  });
});

describe('device memory: the model share beats the device total', () => {
  it.each([
    ['the edge boxes have 16GB total but the model can only use 6', 6],
    ['the tablets have 6GB total, we can probably give the model half', 3],
    ['we want a small model on android phones. phones have maybe 3GB we can give the model, fully offline', 3],
    ["NPC dialogue on players' PCs; typical players have 8GB VRAM, the game needs 5GB", 3],
  ])('%s', (text, memory) => {
    expect(fields(text)).toMatchObject({ deviceMemoryGB: memory });
  });
});

describe('found in the fourth new-user trial', () => {
  it('a count of things is not money in an answer to the budget question', () => {
    expect(fields("zero really, it's a side project across 12 characters", 'oneTimeBudgetUSD')).toMatchObject({
      oneTimeBudgetUSD: 0,
    });
    expect(fields('12 characters', 'oneTimeBudgetUSD')).not.toHaveProperty('oneTimeBudgetUSD');
  });

  it('letters with the summaries doctors wrote are labelled examples', () => {
    expect(fields('we have 8,000 letters with the summaries doctors wrote')).toMatchObject({ labeledExamples: 8000 });
  });

  it('a description followed by "can we use ChatGPT for that?" keeps the description', async () => {
    const [turn] = await converse([
      'We want an assistant for relationship managers to draft client emails. Can we use ChatGPT for that?',
    ]);
    expect(turn?.kind).not.toBe('what-if');
    expect(turn?.state.profile.task).toBe('draft client emails');
  });

  it('"thanks, that\'s helpful" is a thank-you', async () => {
    const [, thanks] = await converse([
      'We use Llama 3.1 8B on one RTX 4090, 2000 examples. Just recommend.',
      "thanks, that's helpful",
    ]);
    expect(thanks?.reply).toMatch(/^Glad to help/);
  });

  it('what the answer depends on is said in plain words', async () => {
    const [answer] = await converse(['We want to classify support tickets. Just recommend.']);
    expect(answer?.reply).not.toMatch(/depending on [^.]*\b(?:may switch model|GPU count)\b/);
  });
});

describe("a fit question about another model on the team's own GPUs", () => {
  it('"will LoRA on Llama 3.1 70B fit on our two cards?" is answered on the 70B, and saves nothing', async () => {
    const [first, fit] = await converse([
      'We run Llama 3.1 8B on two L40S for discharge summaries, 8,000 examples. Just recommend.',
      'will LoRA on Llama 3.1 70B fit on our two cards?',
    ]);
    expect(fit?.kind).toBe('what-if');
    expect(fit?.reply).toMatch(/^If you had Llama 3\.1 70B as the model: /);
    expect(fit?.state.profile).toEqual(first?.state.profile);
  });
});

describe('asking whether the model can be made to do something states the need', () => {
  it.each([
    ['Can we make it cite the exact policy paragraph?', { needsCitations: true }],
    ['could it answer in Spanish and English too?', { multilingual: true }],
  ])('%s', (text, expected) => {
    expect(fields(text)).toMatchObject(expected);
  });

  it("but a question about someone else's hardware still states nothing", () => {
    expect(fields('can a 4090 run a 70B model?')).toEqual({});
  });
});

describe('cost answers', () => {
  it('a rented estimate is not repeated as "renting instead"', async () => {
    const [, cost] = await converse([
      'We want to fine-tune Llama 3.1 8B for ticket classification, 5,000 labeled tickets, no GPUs, budget $500. Just recommend.',
      'how much would it cost?',
    ]);
    expect(cost?.reply).toMatch(/rented/);
    expect(cost?.reply).not.toMatch(/Renting instead/);
  });
});

describe('training time on GPUs the catalog does not know', () => {
  it("never claims the datacenter GPU hours are hours on the team's own card", async () => {
    const [, , answer, cost] = await converse([
      'i have a RTX 3060 12GB at home and want a chatbot that talks like my D&D character',
      '300 lines of dialogue, llama 3 8b, zero budget',
      'just recommend',
      'how long would training take?',
    ]);
    expect(answer?.reply).toMatch(/their speed is not in the catalog/);
    expect(cost?.reply).toMatch(
      /their speed is not in the catalog, so the hours are for the reference GPU, AMD Instinct MI300X/,
    );
  });
});

describe("the players' GPUs are not the team's", () => {
  it('"typical players have 8GB VRAM" gives device memory, not the team\'s GPU memory', () => {
    expect(
      fields("NPC dialogue on players' PCs; typical players have 8GB VRAM, the game needs 5GB"),
    ).not.toHaveProperty('gpuMemoryGB');
  });
});

describe('safety and a pilot (new-user trial 4)', () => {
  const hospital =
    "We're a hospital. We want to draft discharge summaries from clinical notes. Data must stay on-prem. We have 2 L40S and 8,000 notes with summaries doctors wrote. Just recommend.";

  it('"is this safe enough for clinical use?" says no method certifies it, then what the plan does, with sources', async () => {
    const turns = await converse([hospital, 'is this safe enough for clinical use?']);
    const reply = turns[1]?.reply ?? '';
    expect(turns[1]?.kind).toBe('info');
    expect(reply).toMatch(/cannot certify/);
    expect(reply).toMatch(/human reviewing outputs/);
    expect(reply).toMatch(/evaluation set/);
    expect(reply).toMatch(/\[1\]/);
    expect(reply).not.toMatch(/can't answer that one/);
  });

  it('asks for the stakes when nothing says mistakes are costly', async () => {
    const turns = await converse([
      'We use Llama 3.1 8B on one RTX 4090 to write product descriptions. Just recommend.',
      'can we trust its answers?',
    ]);
    expect(turns[1]?.reply).toMatch(/If a wrong answer could harm someone/);
  });

  it('"can we start small, with a pilot?" is the first step', async () => {
    const turns = await converse([hospital, 'can we start small, with a pilot?']);
    expect(turns[1]?.kind).toBe('info');
    expect(turns[1]?.reply).toMatch(/^First: /);
  });

  it('a pilot said as a fact is not a question', () => {
    expect(extractProfile('our pilot went live last month', { knowledge }).intents.asksFirstStep).toBeUndefined();
  });
});

describe('a GPU named again without its memory (new-user trial 5)', () => {
  it('keeps the variant stated before and changes only the count; a name with its memory changes it', async () => {
    const turns = await converse([
      'We have 4x A100 40GB and Llama 3.1 70B, 800 labelled examples, data stays on-prem. Task: draft discharge summaries.',
      "correction - it's 8 A100s in total, 4 per server",
      'actually they are A100 80GB',
    ]);
    expect(turns[1]?.state.profile).toMatchObject({ gpuName: 'NVIDIA A100 40GB', gpuCount: 8 });
    expect(turns[2]?.state.profile).toMatchObject({ gpuName: 'NVIDIA A100 80GB' });
  });
});

describe('follow-ups that got "I can\'t answer that one" (new-user trial 5)', () => {
  const hospital =
    "We're a hospital. We want to draft discharge summaries from clinical notes. Data must stay on-prem. We have 2 L40S and 8,000 notes with summaries doctors wrote. Just recommend.";

  it.each([
    ['what is QLoRA and would it be better for us than LoRA?', /QLoRA \(.*\): LoRA adapters trained/],
    ['So is it still LoRA or does the plan change?', /Aim for LoRA/],
    [
      'can the model memorise and leak patient names it saw in training? Should we de-identify first?',
      /^On memorisation: my knowledge base has no sourced figures/,
    ],
    ['obrigada! thanks!', /^Glad to help/],
  ])('answers %j', async (message, answer) => {
    const turns = await converse([hospital, message]);
    expect(turns[1]?.reply).toMatch(answer);
    expect(turns[1]?.reply).not.toMatch(/can't answer that one/);
  });

  it('"do we need 40 separate LoRAs, one per brand?" is the per-task question', () => {
    expect(
      extractProfile('do we need 40 separate LoRAs, one per brand, or is there a smarter way?', { knowledge }).intents
        .asksPerTask,
    ).toBe('brand');
  });
});

describe('two questions in one message (new-user trial 5)', () => {
  it('"what would change your answer? and what should we do first?" answers both', async () => {
    const turns = await converse([
      'We run Llama 3.1 8B on one RTX 4090 and have 2,000 labeled support tickets. Replies must follow our JSON format. Just recommend.',
      'what would change your answer? and what should we do first?',
    ]);
    expect(turns[1]?.reply).toMatch(/First: Prompt engineering/);
    expect(turns[1]?.reply).toMatch(/Not known yet|would change/);
  });
});
