/**
 * Found by the twenty-ninth new-user trial (six personas, 90 turns over both chat APIs, on 4711216) and by the x33
 * extraction batch on arrival: a question quoting the advisor's rental that made a team with no GPUs own an MI300X; "it
 * doesn't have to stay on-prem, but it has to stay in our AWS account" read as on-premises; an exchange rate at a
 * sentence's end taken as the budget; "Then the whole 70B fits on one card" after "why not QLoRA?" taken as one GPU;
 * "casual speech" read as audio; an amount set beside a known one ("against our $18,000", "our $200 ceiling") saved
 * as a new budget; and intake misses (a model's share of a device's memory, "three hundred thousand", "which of two
 * drafts was better", languages in parentheses or counted as "30+").
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const fields = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' }).fields;

describe('questions and quotes state no facts', () => {
  it('a rental the advisor assumed, asked back, is no GPU of the team', () => {
    const read = fields(
      'Your cost assumes renting an AMD MI300X. Why would we rent an MI300X? We can only use AWS. What does training and serving cost on AWS instances?',
    );
    expect(read.gpuName).toBeUndefined();
    expect(read.gpuCount).toBeUndefined();
  });

  it('what would follow from an option weighed ("Then the whole 70B fits on one card") is no GPU count', () => {
    expect(fields('Why not QLoRA? Then the whole 70B fits on one card and we run 4 experiments in parallel.')).toEqual(
      {},
    );
    // (A fact after the question is still the team's.)
    expect(fields('Why not QLoRA? We have 2 A100 80GB.').gpuCount).toBe(2);
  });

  it('an amount set beside a known one is not a new budget', () => {
    const read = fields(
      'What would it cost per month to serve that Llama 3.1 8B for 200,000 tickets a day on AWS, against our $18,000?',
    );
    expect(read.oneTimeBudgetUSD).toBeUndefined();
    expect(read.requestsPerDay).toBe(200000);
    expect(
      fields('$165 is too close to our $200 ceiling once the rainy season peaks. Which model would you pick?'),
    ).toEqual({});
    expect(fields('our budget is $500 a month').monthlyBudgetUSD).toBe(500);
  });
});

describe('residency', () => {
  it('premises waived, the team’s cloud account is not the premises', () => {
    expect(
      fields(
        "No, it doesn't have to stay on-prem, but it has to stay in our AWS account (LGPD). Sending it to Anthropic is already approved via our contract.",
      ).dataMustStayOnPrem,
    ).toBe(false);
    expect(fields('Data has to stay in our AWS account, no third-party APIs.').dataMustStayOnPrem).toBe(true);
  });

  it.each(['Everything stays on-prem, we have 4 L40S.', "we'd rather not send it out, it's patient data"])(
    '%s keeps the data in',
    (text) => {
      expect(fields(text).dataMustStayOnPrem).toBe(true);
    },
  );
});

describe('money and counts', () => {
  it('an exchange rate at the end of a sentence converts the amount, and is no budget itself', () => {
    expect(fields('Management budgeted ₹15 lakh for the whole pilot, 1 USD is about 84 rupees.').oneTimeBudgetUSD).toBe(
      17857,
    );
  });

  it.each([
    ['Maybe three hundred thousand questions per day.', 300000],
    ['two hundred thousand tickets a day', 200000],
    ['around 500 episodes a day', 500],
  ])('%s is a daily volume of %i', (text, value) => {
    expect(fields(text).requestsPerDay).toBe(value);
  });

  it('cases where someone marked which of two drafts was better are preference pairs', () => {
    expect(
      fields("We've logged 40k cases where the agent marked which of two drafts was better.").preferencePairs,
    ).toBe(40000);
  });
});

describe('device memory', () => {
  it.each([
    ['Runs fully offline on android phones. The model can use max 1.5 GB of RAM.', 1.5],
    ['voice commands transcribed on the device itself, a small ARM chip with 512 MB available for the model', 0.5],
    ['a vision model on a Jetson Orin inside our warehouse robots. It can use 8 GB.', 8],
  ])('%s', (text, value) => {
    expect(fields(text).deviceMemoryGB).toBe(value);
  });

  it('"model can take 3 gigs max" on phones is a phone deployment', () => {
    expect(fields('the phones are mid range, model can take 3 gigs max')).toMatchObject({
      deviceMemoryGB: 3,
      deployment: 'mobile',
    });
  });
});

describe('what the model is and what the task is', () => {
  it('"casual speech" is a register, not audio', () => {
    expect(
      fields('I worry a 1.5B model will be dumb, especially in Japanese keigo vs casual speech. Why not the 3B?')
        .modality,
    ).toBeUndefined();
    expect(fields('speech recognition for our call center').modality).toBe('audio');
  });

  it('"the pretrained one, no IT" is a base checkpoint, and a chat model it should become is no stage', () => {
    expect(
      fields(
        'Quick context: model is Gemma 2 9B, the pretrained one, no IT. We want it to become a customer-support chat model.',
      ).modelStage,
    ).toBe('base');
  });

  it('video comments are text to classify', () => {
    expect(fields('We classify video comments by sentiment in 30+ languages.')).toMatchObject({
      taskType: 'classify',
      multilingual: true,
    });
  });

  it.each([
    ['Want a chatbot in Arabic (Egyptian dialect) and English', true],
    ['farmer questions in Yoruba, Hausa, Igbo and English', true],
    ['Polish only, the audio quality is poor', false],
  ])('%s → multilingual %s', (text, value) => {
    expect(fields(text).multilingual).toBe(value);
  });
});

describe('a cheaper model asked about', () => {
  it('"would it cut the bill?" gives the other model’s bill beside the plan’s own', async () => {
    const { converse } = await import('../helpers/converse.ts');
    const turns = await converse(
      [
        "We're an agritech NGO in Kenya. Farmers ask our extension officers questions by SMS; we want an assistant that answers from our 3 million tokens of extension manuals. We use Gemini 2.5 Flash through the API, no GPUs. Monthly budget $200, one-time budget $0, about 5,000 questions a day.",
        'What about Gemini 2.5 Flash-Lite instead, would it cut the bill?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/If you had Gemini 2\.5 Flash-Lite as the model.*about \$\d+ a month of API calls/);
    expect(reply).toMatch(/On Gemini 2\.5 Flash, the plan costs about \$\d+ a month at the same volume/);
    expect(turns[1]?.state.profile.modelName).toBe('Gemini 2.5 Flash');
  });
});

describe('questions the trial got "I can\'t answer" for', () => {
  const intents = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' }).intents;

  it.each([
    ['after tuning, how do we quantize it and ship it inside the game on Windows?', 'asksOnDeviceRuntime'],
    [
      'How do we guarantee the generated code is at least syntactically valid? We have a formal grammar of the DSL.',
      'asksFormatGuarantee',
    ],
    ['Do we need the SFT step first or can we go straight to DPO?', 'asksSftBeforePreference'],
    ['What about Gemini 2.5 Flash-Lite instead, would it cut the bill?', 'asksCost'],
  ])('%s → %s', (text, key) => {
    expect((intents(text) as unknown as Record<string, unknown>)[key]).toBeDefined();
  });

  it('supervised tuning before DPO is answered from the vendors, with the team’s own counts', async () => {
    const { converse } = await import('../helpers/converse.ts');
    const turns = await converse(
      [
        'Indie studio: NPC dialogue in character on Qwen2.5 7B Instruct, one RTX 4090. 800 written examples and 3,000 preference pairs (chosen vs rejected). Prompting plateaued.',
        'Do we need the SFT step first or can we go straight to DPO?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/Do the supervised step first/);
    expect(turns[1]?.reply).toMatch(/Tune on your 800 examples first, then the 3,000 pairs/);
    expect(turns[1]?.reply).toMatch(/About preference tuning for Gemini models/);
  });
});

describe('a fit spread over several GPUs', () => {
  it('says the per-GPU figure needs the weights sharded, and that plain data parallelism does not fit', async () => {
    const { converse } = await import('../helpers/converse.ts');
    const turns = await converse(
      [
        'Radiology group: we run Llama 3.1 70B on 4 A100 80GB on-prem, data must stay on-prem. We have 25,000 past reports with the signed impression. We want the impressions drafted in our style.',
        'Will LoRA on the 70B actually fit on our 4 cards?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/on each GPU/);
    expect(turns[1]?.reply).toMatch(/sharded across the GPUs \(FSDP or DeepSpeed ZeRO-3\); plain data parallelism/);
  });
});

describe('x34 on arrival', () => {
  it.each([
    ['monthly we can do €900, so roughly $1,000', { monthlyBudgetUSD: 1000 }],
    ['budget AUD 3,000 (~US$2,000) a month', { monthlyBudgetUSD: 2000 }],
    [
      'Monthly budget SGD 4,000 (≈ US$3,000) for inference, one-time SGD 20k (≈ US$15k) for any training.',
      { monthlyBudgetUSD: 3000, oneTimeBudgetUSD: 15000 },
    ],
  ])('a dollar gloss of another currency is the budget, with its period: %s', (text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('"p99 must stay below 1.5 seconds" is a latency target', () => {
    expect(fields('p99 must stay below 1.5 seconds').latencyTargetMs).toBe(1500);
  });

  it('"why did you say MI300X?" asks about the advice, it owns no GPU', () => {
    expect(fields('why did you say MI300X?')).toEqual({});
  });
});

describe('answers to the question asked', () => {
  it('"Does that still fit $200?" is the bill against the budget, with the prompt and answer sizes said', async () => {
    const { converse } = await import('../helpers/converse.ts');
    const turns = await converse(
      [
        "We're an agritech NGO in Kenya. Farmers ask questions by SMS; we want an assistant that answers from our 3 million tokens of extension manuals. We use Gemini 2.5 Flash through the API, no GPUs. Monthly budget $200, one-time budget $0, about 5,000 questions a day.",
        "With the retrieved manual passages, prompts will be about 3,000 tokens, and answers are SMS so only about 80 tokens. Does that still fit $200? If not, what's cheaper?",
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(/Yes, it fits your \$200 monthly budget/);
    expect(reply).toMatch(/At about 3,000 input and 80 output tokens a request/);
    expect(reply).not.toMatch(/GPU memory/);
  });

  it('"Where would we run that fine-tuning job, on OpenAI\'s platform?" asks the channel, not a fit', () => {
    const { intents } = extractProfile(
      "Where would we run that fine-tuning job, on OpenAI's platform? I read they closed fine-tuning to organisations that never used it.",
      { knowledge, today: '2026-12-05' },
    );
    expect(intents.asksTuningChannel).toEqual({ provider: 'openai' });
    expect(intents.asksFit).toBeUndefined();
  });
});

describe('found by the thirtieth trial', () => {
  it('a "what if" sentence keeps everything in it hypothetical: the 70B asked about is not saved', async () => {
    const { converse } = await import('../helpers/converse.ts');
    const turns = await converse(
      [
        'We run Llama 3.1 8B Instruct on two A100 80GB, on-prem. 41,000 labeled examples for routing claim e-mails into 23 categories with JSON output. Prompting plateaued. Just recommend.',
        'What if we had 8 H100s instead, would you recommend full fine-tuning or a bigger model like the 70B?',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.modelParamsB).toBeUndefined();
    expect(turns[1]?.state.profile.gpuCount).toBe(2);
  });

  it.each([
    ['Budget ₩20,000,000 one-time, 1 USD is about 1,380 KRW.', 14493],
    ['Budget for the tuning project is R$ 40.000, and 1 USD is about 5.4 BRL.', 7407],
  ])('an exchange rate with thousands separators or in reais converts the budget: %s', (text, value) => {
    expect(fields(text).oneTimeBudgetUSD).toBe(value);
  });

  it.each(['Budget for the tuning project is R$ 40.000.', 'budget 5,000 CHF'])(
    'an amount in a currency without a rate is not read as dollars: %s',
    (text) => {
      expect(fields(text).oneTimeBudgetUSD).toBeUndefined();
    },
  );

  it.each([
    ['Our budget is 300k pesos, 1 USD is about 17 MXN.', 17_647],
    ['Our one-time budget is ₦30 million (at about ₦1,550 to the US dollar).', 19_355],
    ['we can spend 2 million naira, about 1,500 naira per dollar', 1_333],
  ])('an amount in another currency is converted at the rate the message states: %s', (text, dollars) => {
    expect(fields(text).oneTimeBudgetUSD).toBe(dollars);
  });

  it('"Can we have the tuned model in production by then?" asks the calendar', () => {
    const { intents } = extractProfile(
      'Black Friday is in 9 weeks. Can we have the tuned model in production by then?',
      {
        knowledge,
        today: '2026-12-05',
      },
    );
    expect(intents.asksTimeline).toBe(true);
  });

  it('continued pre-training that does not fit and cannot be rented says so, not "I need the model\'s size"', async () => {
    const { converse } = await import('../helpers/converse.ts');
    const turns = await converse(
      [
        'UK water utility: we run Llama 3.1 8B on two L40S on-prem, data must stay on-prem. We have 350 million tokens of maintenance manuals and work orders. Engineers ask questions about assets.',
        'How long would continued pre-training on our 350 million tokens take on the two L40S?',
      ],
      knowledge,
    );
    expect(turns[1]?.reply).toMatch(/does not fit your GPUs: it needs about \d+ GB and you have 96 GB/);
    expect(turns[1]?.reply).not.toMatch(/I need the model's size/);
  });

  it('a team with no GPUs gets CPU speed figures scaled from llama.cpp CPU measurements, not GPU ones', async () => {
    const { converse } = await import('../helpers/converse.ts');
    const turns = await converse(
      [
        'Water utility, CPU servers only, no GPUs, data stays on-prem. We want Llama 3.1 8B to answer questions from our manuals.',
        'How fast will it generate on our Xeon CPU servers?',
      ],
      knowledge,
    );
    const reply = turns[1]?.reply ?? '';
    expect(reply).toMatch(
      /On your CPU servers at 4 bits \(llama\.cpp\), scaled from a 7B measured on a workstation CPU/,
    );
    expect(reply).toMatch(/reads about \d+ prompt tokens a second and writes about \d+ a second/);
    expect(reply).not.toMatch(/822/);
  });
});
