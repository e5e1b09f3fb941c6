/**
 * Found in the twentieth session (gaps the nineteenth left): "2 nos. of A100" as Indian English counts GPUs, code-mixed
 * languages ("Taglish") are two languages, "does RAG make fine-tuning pointless?" compares the two, and a message that
 * asks one question of the plan and one "what if" answers each on its own facts.
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
const extract = (text: string) => extractProfile(text, { knowledge, today: '2026-12-06' });
const read = (text: string) => extract(text).fields;

describe('abbreviations inside a sentence', () => {
  it.each([
    ['we have 2 nos. of A100 80GB in our lab', { gpuCount: 2, gpuName: 'NVIDIA A100 80GB' }],
    ['2 nos. A100 in the server room', { gpuCount: 2, gpuName: 'NVIDIA A100 80GB' }],
    ['no. of GPUs: 3 A100s', { gpuCount: 3 }],
    ['we use approx. 5k labeled examples', { labeledExamples: 5000 }],
  ])('reads %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it('still ends a sentence at the answer "no."', () => {
    // ("GPUs? no. We use the API only": the "no" answers the question; the next sentence is its own.)
    const fields = read('GPUs? no. We use the API only');
    expect(fields).toMatchObject({ modelAccess: 'api-only' });
    expect(fields).not.toHaveProperty('gpuCount');
  });
});

describe('code-mixed languages', () => {
  it.each([
    'discharge summaries in Taglish',
    'our users write in Hinglish mostly',
    'lots of code-switching between Swahili and English',
  ])('reads %j as multilingual', (text) => {
    expect(read(text).multilingual).toBe(true);
  });

  it('does not read a word that merely contains one', () => {
    expect(read('we publish an English newsletter')).not.toHaveProperty('multilingual', true);
  });
});

describe('whether one method makes the other unnecessary', () => {
  it.each([
    ['does RAG make fine-tuning pointless for us?', ['rag', 'full-fine-tuning']],
    ['can RAG replace fine-tuning for this?', ['rag', 'full-fine-tuning']],
    ['do we still need LoRA if we do RAG?', ['rag', 'lora']],
    ['would we even need QLoRA once we have RAG?', ['rag', 'qlora']],
  ])('reads %j as a comparison', (text, pair) => {
    expect(extract(text).intents.asksComparison).toEqual(pair);
  });

  it('is no comparison when nothing is asked about two methods', () => {
    expect(extract('RAG made our old search pointless').intents.asksComparison).toBeUndefined();
    expect(extract('we still need LoRA adapters for each client').intents.asksComparison).toBeUndefined();
  });

  it('answers it beside another question instead of saying it cannot', async () => {
    const [, turn] = await converse(
      [
        'We are a hospital in Manila. We want a model that drafts discharge summaries in Taglish from doctors notes. One L40S, data must stay on prem, about 2000 example summaries.',
        'Which model should we use? And does RAG make fine-tuning pointless for us?',
      ],
      knowledge,
    );
    expect(turn?.reply).not.toMatch(/can't answer/i);
    expect(turn?.reply).toMatch(/retrieval/i);
  });
});

describe('a question of the plan beside a "what if"', () => {
  it('answers the cost on the team facts and the fit on the model asked about', async () => {
    const [, turn] = await converse(
      [
        'We are a research lab with Qwen2.5 7B Instruct, 8000 preference pairs, 2 H100s for a week. Goal: align the assistant tone to our preferences.',
        'What would it cost to run DPO? Also would QLoRA on Qwen2.5 32B fit on one H100?',
      ],
      knowledge,
    );
    const reply = turn?.reply ?? '';
    const [plan, whatIf] = reply.split('If you had');
    // The cost comes first and is the 7B's on the team's two GPUs (no "if"); the fit is the 32B's.
    expect(plan).toMatch(/preference tuning/i);
    expect(plan).toMatch(/your 2 GPUs/);
    expect(whatIf).toMatch(/Qwen2\.5 32B/);
    expect(whatIf).toMatch(/QLoRA needs about \d+ GB/);
    expect(whatIf).not.toMatch(/GPU-hours/);
  });

  it('keeps the whole message a "what if" when every question varies something', async () => {
    const [, turn] = await converse(
      [
        'We are a research lab with Qwen2.5 7B Instruct, 8000 preference pairs, 2 H100s for a week. Goal: align the assistant tone to our preferences.',
        'Would QLoRA on Qwen2.5 32B fit on one H100? And what would it cost on Qwen2.5 32B?',
      ],
      knowledge,
    );
    expect(turn?.reply.startsWith('If you had')).toBe(true);
  });
});

describe('x46: corrections, form-like answers and facts said in passing', () => {
  it.each([
    ['Nobody from us did machine learning before.', { mlExpertise: 'none' }],
    ['ml experience: pretty basic tbh', { mlExpertise: 'basic' }],
    ['8x H100 SXM. 3 wks. 7 extraction tasks, one base.', { tasksCount: 7 }],
    ['total budget is 20 lakh rupees, roughly $24,000, one time', { oneTimeBudgetUSD: 24_000 }],
    ['total budget is 2000 euros, roughly $2,200, one time', { oneTimeBudgetUSD: 2200 }],
    ["we're on Llama 3 8B, oops I mean 3.1.", { modelName: 'Llama 3.1 8B' }],
    ['if the model gets a dosage wrong someone could get hurt.', { safetyCritical: true }],
    ['we ran a fine-tuning job and that fine-tuned model is what’s in prod now', { modelStage: 'fine-tuned' }],
    ['we generate product descriptions for ~5,000 new SKUs a day.', { requestsPerDay: 5000 }],
    [
      "it has to run on the sales reps' laptops, 16GB macbooks, and the model can take maybe half of that memory",
      { deviceMemoryGB: 8 },
    ],
    ['phones with 8GB, the model may use half of it', { deviceMemoryGB: 4 }],
    [
      'we collected ~8k thumbs up/down pairs and want the model to give the kind of answers people liked.',
      { goals: ['alignment'] },
    ],
    [
      'so basically our CEO saw a demo last week and now wants an assistant that answers questions about our pricing, which changes pretty much every day',
      { knowledgeChanges: 'daily' },
    ],
  ])('reads %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it('takes a budget corrected to the other period once, and keeps two budgets said as two', () => {
    const corrected = read("budget is 10k a month, no wait, that's the whole thing, 10k total, one-off");
    expect(corrected).toMatchObject({ oneTimeBudgetUSD: 10_000 });
    expect(corrected).not.toHaveProperty('monthlyBudgetUSD');
    expect(read('budget: 5k a month. Actually our one-time budget is 20k')).toMatchObject({
      monthlyBudgetUSD: 5000,
      oneTimeBudgetUSD: 20_000,
    });
  });

  it.each([
    ['we have 10k one-time and 2k a month', 'timelineWeeks'],
    ['it has to keep running on Azure’s API', 'deployment'],
    ['we train on 64GB macs', 'deviceMemoryGB'],
    ['nobody did ML on this dataset before us', 'mlExpertise'],
    ['if we ever did medical advice it would be different', 'safetyCritical'],
    ['is the fine-tuned model in prod better?', 'modelStage'],
    ['we sell 300 products a month', 'requestsPerDay'],
  ])('reads nothing of the kind from %j', (text, field) => {
    expect(read(text)).not.toHaveProperty(field);
  });
});

/** The newuser39 trial (twentieth session): four teams, 64 turns, 20 one-request repros. */
describe('newuser39: numbers that are not the facts asked', () => {
  const FARM =
    'We run Llama 3.1 8B on one RTX 3090 for an SMS farm-advice bot. We have 3,000 labeled Q&A pairs and the extension manuals as PDFs; pest bulletins change weekly. Answers are too long and give advice for the wrong country. Prompting has plateaued. Just recommend.';

  it('does not read an exchange rate as the corpus asked for, and takes a figure back when told what it was', async () => {
    const turns = await converse(
      [
        FARM,
        'We just got a small grant: KSh 150,000 for compute, at about 129 shillings to the dollar. Does that change the plan?',
      ],
      knowledge,
    );
    const profile = turns.at(-1)?.state.profile;
    expect(profile?.oneTimeBudgetUSD).toBe(1163);
    expect(profile?.corpusTokens).toBeUndefined();
    const taken = await converse(
      [FARM, 'our corpus is about 50000 tokens', 'No, 129 was the exchange rate, not the corpus!'],
      knowledge,
    );
    expect(taken.at(-1)?.state.profile.corpusTokens).toBeUndefined();
    expect(taken.at(-1)?.state.profile.labeledExamples).toBe(3000);
  });

  it('does not count the two answers of a preference pair as examples', () => {
    expect(
      read(
        'We have 4,000 tutor-written demonstration dialogues and 25,000 preference pairs where annotators picked the better of two tutor replies',
      ),
    ).toMatchObject({ labeledExamples: 4000, preferencePairs: 25_000 });
  });

  it('sizes a corpus said in pages, at about 400 tokens a page', async () => {
    const [turn] = await converse(
      [
        'We run Llama 3.1 8B on one RTX 3090 for a bot over our extension manuals, about 900 pages of PDFs. Just recommend.',
      ],
      knowledge,
    );
    expect(turn?.state.profile.corpusTokens).toBe(360_000);
    const [growth] = await converse(['We add about 20 pages of bulletins a week. Just recommend.'], knowledge);
    expect(growth?.state.profile.corpusTokens).toBeUndefined();
  });

  it('reads the volume of two kinds of work, and a deadline stated before "is that realistic?"', () => {
    expect(read('We handle about 30,000 complaints and emails a day.')).toMatchObject({ requestsPerDay: 30_000 });
    expect(read('We need this live in 3 weeks, is that realistic?')).toMatchObject({ timelineWeeks: 3 });
    expect(read('is 3 weeks realistic?')).not.toHaveProperty('timelineWeeks');
  });
});

describe('newuser39: questions answered on the right subject', () => {
  const BANK =
    'We classify customer complaints into 40 categories with GPT-4.1 mini through Azure OpenAI. 8,000 labeled examples; few-shot prompting plateaued at 78%. 30,000 requests per day, each 1,500 input tokens and 10 output tokens. Just recommend.';

  it('prices both models of a bill comparison and keeps the team on its own', async () => {
    const turn = (
      await converse([BANK, 'Compare the monthly bill for GPT-4.1 mini and Gemini 2.5 Flash, please.'], knowledge)
    ).at(-1);
    expect(turn?.state.profile.modelName).toBe('GPT-4.1 mini');
    expect(turn?.reply).toMatch(/\$428 a month/);
    expect(turn?.reply).toMatch(/GPT-4\.1 mini, your model today, costs about \$554 a month/);
  });

  it('averages the examples over the classes and judges the rare ones apart', async () => {
    const turn = (
      await converse(
        [
          'We classify customer complaints into 40 categories with Llama 3.1 8B on 2 L40S. 8,000 labeled examples; few-shot prompting plateaued. Just recommend.',
          'Is 8,000 enough for 40 categories? Some rare categories only have around 30 examples each.',
        ],
        knowledge,
      )
    ).at(-1);
    expect(turn?.reply).toMatch(/about 200 per class on average/);
    expect(turn?.reply).toMatch(/rare classes with about 30 examples each have far fewer than the average class/);
    expect(turn?.reply).not.toMatch(/about 1 per class/);
  });

  it('answers a licence question about the model it names, not the prototype named before it', () => {
    const intents = extract(
      'GPT-4o was only a prototype, we will never ship it, so forget the shutdown. Is the Qwen2.5 1.5B licence OK for a commercial game?',
    ).intents;
    expect(intents.asksLicence).toBe('Qwen2.5 1.5B');
  });

  it('asks "why X and not Y?" about Y without adopting it', () => {
    const extraction = extract('Why Llama 3.2 3B and not something bigger like Llama 3.1 8B?');
    expect(extraction.intents.asksWhyNotModel).toBe('Llama 3.1 8B');
    expect(extraction.fields).not.toHaveProperty('modelName');
  });

  it.each([
    [
      'What exactly is QLoRA? And should we use it instead of plain LoRA on the 3090?',
      'asksComparison',
      ['qlora', 'lora'],
    ],
    [
      "What does DPO actually change that plain SFT on the chosen replies wouldn't?",
      'asksComparison',
      ['preference-tuning', 'instruction-tuning'],
    ],
    ['Is there any point spending the grant on renting GPUs for the LoRA step?', 'asksWhyRent', true],
    ['How do we actually get the tuned Qwen onto Android — which format and runtime?', 'asksOnDeviceRuntime', true],
    [
      'Can we guarantee the model only ever outputs one of our 40 category codes and nothing else?',
      'asksLabelChoice',
      true,
    ],
    [
      'Why not skip all the training and just prompt Qwen2.5 14B Instruct with a good Korean system prompt?',
      'whyNot',
      'prompt-engineering',
    ],
    ['First words should appear within 300 ms. We have no model picked yet — what would you use?', 'asksModel', true],
    [
      "You said about $554 a month, but our Azure invoice is about €1,900 a month. Something's off — why the difference?",
      'asksBillMismatch',
      true,
    ],
    ['What if we rented 8 H100s for the DPO stage instead — how long and how much?', 'asksCost', 'preference-tuning'],
    ["Vielen Dank, that's all for today", 'thanks', true],
  ])('reads %j', (text, key, value) => {
    expect((extract(text).intents as unknown as Record<string, unknown>)[key]).toEqual(value);
  });

  it('prices GPUs rented for one job by the hour', async () => {
    const turn = (
      await converse(
        [
          'We are an NLP lab with Qwen2.5 14B, 4,000 demonstration dialogues and 25,000 preference pairs, on 4 A100 40GB. Just recommend.',
          'What if we rented 8 H100s for the DPO stage instead — how long and how much?',
        ],
        knowledge,
      )
    ).at(-1);
    expect(turn?.reply).toMatch(
      /on 8 rented NVIDIA H100 SXMs: about \d+ GPU-hours .*about \$\d[\d,.]* at .*\$2\.69 a GPU-hour/,
    );
    expect(turn?.reply).not.toMatch(/no extra rent|Renting instead|Serving it around the clock/);
  });

  it('says a 130k-token request does not run at all on one 24 GB card', async () => {
    const turn = (
      await converse(
        [
          'We run Llama 3.1 8B on one RTX 4090 for a farm-advice bot over about 900 pages of manuals. Just recommend.',
          'Could we skip RAG and just paste all 900 pages of the manuals into the prompt?',
        ],
        knowledge,
      )
    ).at(-1);
    expect(turn?.reply).toMatch(/not even one request runs there/);
    expect(turn?.reply).not.toMatch(/far fewer requests run at once/);
  });

  it('names the 40/80 GB choice it made for a bare "A100"', async () => {
    const [turn] = await converse(
      [
        'We use Llama 3.1 70B on 2 A100s and have 3,000 labeled examples; replies must follow our format. Just recommend.',
      ],
      knowledge,
    );
    expect(turn?.reply).toMatch(/I took your A100 as the 80 GB version; if yours are 40 GB, say so/);
    const [said] = await converse(['We use Llama 3.1 70B on 2 A100 40GB cards. Just recommend.'], knowledge);
    expect(said?.reply).not.toMatch(/I took your A100/);
  });

  it('times training on an RTX 3090 with its own throughput', async () => {
    const turn = (
      await converse(
        [
          'We run Llama 3.1 8B on one RTX 3090 and have 3,000 labeled examples. Replies must follow our SMS format. Prompting plateaued. Just recommend.',
          'How long would the LoRA training take on our 3090?',
        ],
        knowledge,
      )
    ).at(-1);
    const hours = Number(/about ([\d.]+) GPU-hours/.exec(turn?.reply ?? '')?.[1]);
    // 4 × 8.03e9 × (3,000 × 500 × 3) × 3 runs at 35% of 71 TFLOP/s ≈ 4.8 h.
    expect(hours).toBeGreaterThan(4);
    expect(hours).toBeLessThan(6);
    expect(turn?.reply).not.toMatch(/datacenter GPU/);
  });
});

describe('newuser39: languages', () => {
  it('says a language is not on the model card and where to look, without rating the model', async () => {
    const turn = (
      await converse(
        [
          'We run Llama 3.1 8B on one RTX 3090 for an SMS farm-advice bot. We have 3,000 labeled Q&A pairs. Just recommend.',
          'Half our farmers write in Swahili. Is Llama 3.1 8B any good in Swahili, or which model would you pick for that?',
        ],
        knowledge,
      )
    ).at(-1);
    expect(turn?.reply).toMatch(
      /Swahili is not among the eight languages Meta's card officially supports for Llama 3\.1 8B/,
    );
    expect(turn?.reply).toMatch(/No generative model in the catalog lists Swahili/);
    expect(turn?.reply).toMatch(/I can't rate how well a model handles Swahili/);
    expect(turn?.reply).not.toMatch(/works on it as described/);
  });

  it('points to the catalog models whose cards list the language', async () => {
    const turn = (
      await converse(
        ['We run Llama 3.1 8B on one RTX 3090 for a support bot. Just recommend.', 'is llama 3.1 8b good at korean?'],
        knowledge,
      )
    ).at(-1);
    expect(turn?.reply).toMatch(/Korean is not among the eight languages/);
    expect(turn?.reply).toMatch(/Catalog models whose cards list Korean: Qwen2\.5/);
  });
});

describe('levers on a full-parameter DPO fit', () => {
  it('takes 8-bit Adam and precomputed reference log-probs off the memory it answers', async () => {
    const turns = await converse(
      [
        'We are a lab with Qwen2.5 7B Instruct, 8000 preference pairs, 2 A100 40GB. Just recommend.',
        'will full-parameter DPO fit on our 2 A100 40GB?',
        'what if we used 8-bit Adam and precomputed the reference log-probs, would full DPO fit then?',
      ],
      knowledge,
    );
    const perGpu = (reply: string | undefined) => Number(/about (\d+) GB on each GPU/.exec(reply ?? '')?.[1]);
    const before = perGpu(turns[1]?.reply);
    const after = perGpu(turns[2]?.reply);
    // 6 bytes a parameter less for the optimizer and no 2-byte reference copy, sharded over two GPUs.
    expect(before - after).toBeGreaterThan(25);
    expect(turns[2]?.reply).toMatch(/8-bit Adam \(12 bytes a parameter instead of 18/);
    expect(turns[2]?.reply).toMatch(/no reference copy in memory/);
  });

  it.each([
    ['with paged adamw 8bit', { eightBitAdam: true }],
    ['if we cache the reference logprobs', { precomputedReference: true }],
  ])('reads %j', (text, levers) => {
    expect(extract(`would full-parameter DPO fit ${text}?`).intents.fitLevers).toEqual(levers);
  });
});

describe('x47: preference choices, shares of a device, other dollars and more', () => {
  it.each([
    ['our annotators picked the better of two answers for 12k prompts.', { preferencePairs: 12_000 }],
    [
      "our support agents clicked which of two drafted replies they'd actually send, about 800 times so far",
      { preferencePairs: 800 },
    ],
    ['we process about 3k invoices and 1k receipts per day, pulling vendor, total and date', { requestsPerDay: 4000 }],
    ['we need it live in 5 weeks, is that doable if we stick with gpt-4.1 plus retrieval?', { timelineWeeks: 5 }],
    ['can we realistically get a distilled model out in 8 weeks?', { timelineWeeks: 8 }],
    [
      "the app may use a quarter of the phone's 8GB, and it has to keep working with no signal.",
      { deviceMemoryGB: 2, deployment: 'mobile' },
    ],
    [
      "it runs inside a desktop app on our field engineers' laptops. we can give the model half of the laptop's 16 gigs",
      { deviceMemoryGB: 8, deployment: 'edge' },
    ],
    ['our gpus are some 24 gig cards, four of them, not sure what exact model', { gpuCount: 4, gpuMemoryGB: 24 }],
    [
      'we want to auto-write alt text for product photos, have ~20k photos that already have human-written alt text',
      { labeledExamples: 20_000, taskType: 'image-understand' },
    ],
    [
      'S$27k to spend once (1 USD ≈ 1.35 SGD) and then maybe 2 grand US a month after launch',
      { oneTimeBudgetUSD: 20_000, monthlyBudgetUSD: 2000 },
    ],
    ['budget 155 million rupiah one-time at 15,500 rupiah/usd', { oneTimeBudgetUSD: 10_000 }],
    ['support bot in bahasa indonesia + english', { multilingual: true }],
    ['our support bot replies in Hindi aur English, mostly mixed', { multilingual: true }],
  ])('reads %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it.each([
    ['can we get 8 GPUs in 2 weeks?', 'timelineWeeks'],
    ['volume is about 8k tickets and chats a day', 'unlabeledCorpus'],
    ['we have S$10k', 'oneTimeBudgetUSD'],
  ])('reads nothing of the kind from %j', (text, field) => {
    expect(read(text)).not.toHaveProperty(field);
  });
});

/** The code review of 2e3344f..42c040f (review20): patterns that fired on unrelated messages. */
describe('review20: no false positives from this session’s patterns', () => {
  it.each([
    [
      'Our app lets travellers compare prices of flights; we run Llama 3.1 8B on 2 A100s.',
      { modelName: 'Llama 3.1 8B', gpuCount: 2 },
    ],
    ['Why is latency over 2s with Qwen2.5 7B on one L4?', { modelName: 'Qwen2.5 7B' }],
    ['is our llama 3.1 8b setup good for english faq answering or do we need rag?', { modelName: 'Llama 3.1 8B' }],
    ['We have 2,000 contracts of about 12 pages each', { unlabeledCorpus: 'large' }],
    ['one-time budget of $8k to make it happen, then $400 a month', { oneTimeBudgetUSD: 8000, monthlyBudgetUSD: 400 }],
    ['8GB phones and it can take half a second per reply', { deviceMemoryGB: 8 }],
    ['ML experience: intermediate-ish.', { mlExpertise: 'intermediate' }],
  ])('keeps the facts of %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it.each([
    ['Our app lets travellers compare prices of flights; we run Llama 3.1 8B on 2 A100s.', 'whatIf', false],
    ['Why do you say LoRA and not QLoRA for Llama 3.1 70B?', 'asksWhyNotModel', undefined],
  ])('reads %j as no question of that kind', (text, key, value) => {
    expect((extract(text).intents as unknown as Record<string, unknown>)[key]).toEqual(value);
  });

  it.each([
    ['workers can get sick leave', 'safetyCritical'],
    ['Kids will die of boredom with this quiz', 'safetyCritical'],
    ['Nobody did AI labelling for us', 'mlExpertise'],
    ['ML experience - expert reviewers will label', 'mlExpertise'],
    ['How about a $20k budget, is that reasonable?', 'oneTimeBudgetUSD'],
    ['Our data scientists have 32GB laptops, the model is served from an A100', 'deviceMemoryGB'],
    ['code switching between Python and TypeScript', 'multilingual'],
    ['We ship 3,000 parcels a day', 'requestsPerDay'],
  ])('reads nothing of the kind from %j', (text, field) => {
    expect(read(text)).not.toHaveProperty(field);
  });

  it('takes back a figure only when the figure itself is said to be something else', async () => {
    const turns = await converse(
      [
        'We run Llama 3.1 8B on one RTX 3090, about 2,000 requests a day, 3,000 labeled examples. Just recommend.',
        'It is the latency, not the volume, that worries us.',
      ],
      knowledge,
    );
    expect(turns.at(-1)?.state.profile.requestsPerDay).toBe(2000);
  });

  it('answers a long prompt on a 24 GB card with the estimator’s 4-bit figure', async () => {
    const turn = (
      await converse(
        [
          'We run Llama 3.1 8B on one RTX 4090 for a farm-advice bot over about 900 pages of manuals. Just recommend.',
          'Could we skip RAG and just paste all 900 pages of the manuals into the prompt?',
        ],
        knowledge,
      )
    ).at(-1);
    expect(turn?.reply).toMatch(/with 4-bit weights it still takes about \d+ GB/);
  });

  it('does not say it took an A100 as 80 GB when the conversation holds the 40 GB card', async () => {
    const turn = (
      await converse(
        ['We have 2 A100 40GB and Llama 3.1 8B. Just recommend.', 'the A100s are busy on Mondays'],
        knowledge,
      )
    ).at(-1);
    expect(turn?.reply ?? '').not.toMatch(/I took your A100 as the 80 GB version/);
  });
});

/** The newuser40 trial (twentieth session): four teams, 62 turns, 27 one-request repros. */
describe('newuser40: facts read right', () => {
  it.each([
    ["we've only tried a plain instruction prompt so far, with no examples in it.", 'labeledExamples'],
    ['Our data scientists have 32GB laptops', 'deviceMemoryGB'],
  ])('reads nothing of the kind from %j', (text, field) => {
    expect(read(text)).not.toHaveProperty(field);
  });

  it.each([
    [
      "No no. We still have the 400 approved pairs — 'no examples' meant our current prompt has no examples inside it.",
      { labeledExamples: 400 },
    ],
    ['the four nodes are 8 × A100 80GB each, not H100', { gpuCount: 32, gpuName: 'NVIDIA A100 80GB' }],
    [
      'Not critical: a report within half a minute is fine. We have about 300 finished reports together with the original notes.',
      { latencyTargetMs: 30_000, labeledExamples: 300 },
    ],
    [
      'Correction on volume: 60 a day is the quiet season. From March to May it is closer to 600 sheets a day.',
      { requestsPerDay: 600 },
    ],
    [
      'New drilling results and assays land every week; the older survey notes never change.',
      { knowledgeChanges: 'weekly' },
    ],
    ['We could spend up to 900,000 Chilean pesos a month at 945 pesos to the dollar.', { monthlyBudgetUSD: 952 }],
    [
      'Finance approved 50 triệu đồng one-off and 30 triệu đồng per month, at about 25,400 VND to the dollar.',
      { oneTimeBudgetUSD: 1969, monthlyBudgetUSD: 1181 },
    ],
    ['The 950 dollars was our MONTHLY ceiling for API spend.', { monthlyBudgetUSD: 950 }],
  ])('reads %j', (text, fields) => {
    expect(read(text)).toMatchObject(fields);
  });

  it('keeps the training Mac apart from the device the model runs on', () => {
    const fields = read('For training we only have a MacBook Pro M3 Max with 36 GB; no NVIDIA GPUs.');
    expect(fields).not.toHaveProperty('deviceMemoryGB');
  });

  it('names the other dollar it left out', async () => {
    const [turn] = await converse(
      ['We run Llama 3.1 70B on 32 A100 80GB on-prem. Our annual budget for this is A$250,000.'],
      knowledge,
    );
    expect(turn?.reply).toMatch(/I left “A\$250,000” out/);
    expect(turn?.state.profile.oneTimeBudgetUSD).toBeUndefined();
  });
});

describe('newuser40: questions answered, nothing adopted', () => {
  it('answers which of two models suits a language without switching the team’s', async () => {
    const turn = (
      await converse(
        [
          'We run Qwen2.5 7B on one RTX 4090 for a Vietnamese marketplace assistant, 25,000 SFT examples. Just recommend.',
          'Someone on the team prefers Llama 3.1 8B. For Vietnamese, is that a better or worse base than our Qwen2.5 7B?',
        ],
        knowledge,
      )
    ).at(-1);
    expect(turn?.state.profile.modelName).toBe('Qwen2.5 7B');
    expect(turn?.state.profile.goals ?? []).not.toContain('alignment');
    expect(turn?.reply).toMatch(
      /Vietnamese is not among the eight languages Meta's card officially supports for Llama 3\.1 8B/,
    );
    expect(turn?.reply).toMatch(/Catalog models whose cards list Vietnamese: Qwen2\.5/);
  });

  it('reads "why not just tune GPT-4.1 mini on OpenAI?" as a why-not about tuning it', () => {
    const intents = extract(
      "Why not just tune GPT-4.1 mini on OpenAI's own platform? We already have the account there.",
    ).intents;
    expect(intents.whyNot).toBe('full-fine-tuning');
    expect(intents.genericFineTuning).toBe(true);
    expect(intents.asksWhyNotModel).toBeUndefined();
  });
});

describe('paraphrases of the documented questions (newuser39 and newuser40)', () => {
  it.each([
    ['What are the main ways this plan might blow up on us?', 'asksRisks', true],
    ['What are the main things likely to bite us with this plan?', 'asksRisks', true],
    ['Honestly, are 150 examples going to be enough to fine-tune anything?', 'asksEnoughData', 150],
    ['Honestly, would a hundred and fifty samples be sufficient for tuning?', 'asksEnoughData', true],
    ["How do we keep it from inventing answers that aren't true?", 'asksHallucination', true],
    ['Could we instead drop a few similar past tickets into each prompt as examples?', 'asksRetrievedExamples', true],
    [
      'Is there any way to make certain every single response parses against our JSON schema, with zero exceptions?',
      'asksFormatGuarantee',
      true,
    ],
    [
      'Tickets often quote part numbers like XK-4471-B. Will vector similarity actually match those?',
      'asksExactMatchRetrieval',
      true,
    ],
    ['Could my MacBook Pro handle the tuning itself instead of the 4090?', 'asksTrainOnMac', true],
    ["what's the toolchain to shrink it and run it inside our Android app offline?", 'asksOnDeviceRuntime', true],
    ["What's the damage in dollars and hours for that LoRA job?", 'asksCost', 'lora'],
    ['Is the 24 gigs on our 4090 actually enough for this?', 'asksFit', true],
    ['Can the 8 H100s in one node serve the 70B at 3,000 questions a day?', 'asksFitFor', 'serving'],
    ['Our launch is in 3 weeks. Can we make that?', 'asksTimeline', true],
    ["what exactly is 'in-context few-shot learning' in plain words?", 'asksDefinition', 'in-context-learning'],
  ])('reads %j', (text, key, value) => {
    expect((extract(text).intents as unknown as Record<string, unknown>)[key]).toEqual(value);
  });
});

describe('language answers cite the source that lists the languages (review20 M10)', () => {
  it('cites the Qwen2.5 README, not its configs, and lists no source it does not cite', async () => {
    const turn = (
      await converse(
        ['We run Llama 3.1 8B on one RTX 3090 for a support bot. Just recommend.', 'is llama 3.1 8b good at korean?'],
        knowledge,
      )
    ).at(-1);
    expect(turn?.reply).toMatch(/Catalog models whose cards list Korean: Qwen2\.5 \[2\]/);
    expect(turn?.reply).toMatch(/\[2\] Qwen2\.5 README/);
    expect(turn?.reply).not.toMatch(/Qwen2\.5 model configs|Oumi/);
  });
});

describe('a bill comparison in the first message (found trying the server as a new user)', () => {
  it('keeps the model the team uses and prices both', async () => {
    const [turn] = await converse(
      [
        'We use GPT-4.1 mini for 30,000 requests a day, 1,500 input and 10 output tokens each. Compare the monthly bill for GPT-4.1 mini and Gemini 2.5 Flash, please.',
      ],
      knowledge,
    );
    expect(turn?.state.profile.modelName).toBe('GPT-4.1 mini');
    expect(turn?.reply).toMatch(/\$428 a month/);
    expect(turn?.reply).toMatch(/\$554 a month/);
  });
});

describe('newuser40: EEA residency and a closing thank-you', () => {
  it('reads the EEA as a residency region, and a Norwegian data centre as no language', () => {
    const extraction = extract(
      "Our customers' contracts say inspection data may not leave the EEA. Can we rent a GPU in a Norwegian or Swedish data centre for the training?",
    );
    expect(extraction.intents.dataRegion).toBe('the EEA');
    expect(extraction.fields).not.toHaveProperty('multilingual');
  });

  it('takes "Cảm ơn! Thanks, that’s a plan we can take to finance" as thanks, not as the task', async () => {
    const turn = (
      await converse(
        [
          'We run Qwen2.5 7B on one RTX 4090 for a marketplace assistant. Just recommend.',
          "Cảm ơn! Thanks, that's a plan we can take to finance.",
        ],
        knowledge,
      )
    ).at(-1);
    expect(turn?.state.profile.task).toBeUndefined();
    expect(turn?.reply).toMatch(/^You're welcome/);
    expect(turn?.reply).not.toMatch(/provisional answer|\*\*Plan/);
  });
});
