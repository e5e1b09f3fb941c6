import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractIntents } from '../../src/chat/extract/intents.ts';
import { replyText } from '../../src/chat/reply-data.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse as converseWith } from '../helpers/converse.ts';

const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));
let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(knowledgeDir);
});

const converse = (messages: string[]) => converseWith(messages, knowledge);

const intents = (text: string) => extractIntents({ original: text, lower: text.toLowerCase() });

describe('questions about the advice (intents)', () => {
  it.each<[string, Record<string, unknown>]>([
    ['how much would the LoRA training cost and how long?', { asksCost: 'lora' }],
    ['how long would it take?', { asksCost: true }],
    ['what would it cost per month after?', { asksCost: true, asksMonthlyCost: true }],
    ["what's the cost of distillation", { asksCost: 'distillation' }],
    ['will it fit on the 4090?', { asksFit: true }],
    ['how much memory does qlora need?', { asksFit: 'qlora' }],
    ['what is RAG?', { asksDefinition: 'rag' }],
    ['LoRA or RAG?', { asksComparison: ['lora', 'rag'] }],
    ['qlora vs full fine-tuning', { asksComparison: ['qlora', 'full-fine-tuning'] }],
    ['what would change your answer?', { asksWhatWouldChange: true }],
    ['what should we do first?', { asksFirstStep: true }],
    ['thanks!', { smallTalk: true }],
    ['why not fine-tuning?', { whyNot: 'full-fine-tuning', genericFineTuning: true }],
  ])('%s', (text, expected) => {
    expect(intents(text)).toMatchObject(expected);
  });

  it.each([
    'a total budget of $50k',
    'We previously had a budget of $10k/month; now it is $2k/month.',
    'We have 2000 examples and want JSON output.',
  ])('states facts, asks nothing: %s', (text) => {
    const found = intents(text);
    expect(found.asksCost ?? found.asksFit ?? found.asksComparison ?? found.smallTalk).toBeUndefined();
  });
});

describe('a conversation that answers instead of repeating the recommendation', () => {
  it('answers cost, fit, definitions, comparisons, the first step and thanks in a few sentences', async () => {
    const turns = await converse([
      'We run Llama 3.1 8B on one RTX 4090, 2000 examples, strict JSON output. Just recommend.',
      'how much would the LoRA training cost and how long?',
      'will it fit on the 4090?',
      'what is QLoRA?',
      'LoRA or RAG?',
      'what should we do first?',
      'thanks!',
    ]);
    const [answer, cost, fit, definition, comparison, first, thanks] = turns;
    expect(answer?.kind).toBe('recommendation');
    for (const turn of turns.slice(1)) {
      expect(turn.kind).toBe('info');
      // A few sentences before the footnotes (a definition cites its sources as numbered footnotes).
      expect(replyText({ ...turn.replyData, footnotes: undefined }).length).toBeLessThan(700);
      expect(turn.reply).not.toContain('Plan:');
    }
    expect(cost?.reply).toMatch(/GPU-hours for a three-run project, and no rental cost/);
    expect(cost?.reply).toMatch(/Renting instead: 1 × .* about \$[\d.]+/);
    expect(fit?.reply).toMatch(/^Yes: LoRA needs about [\d.]+ GB and you have 24 GB\./);
    expect(definition?.reply).toMatch(/^QLoRA .*: LoRA adapters trained while the frozen base/);
    // Sources as numbered footnotes with titles and links, never a list of raw ids.
    expect(definition?.reply).toMatch(/\[1\]\[2\]\[3\]\n\nSources:\n\[1\] .+ \(\d{4}\) https:\/\//);
    expect(definition?.reply).not.toMatch(/\[qlora, /);
    expect(definition?.replyData.sources?.map((source) => source.id)).toEqual(['qlora', 'qlora-repo', 'lora']);
    expect(comparison?.reply).toMatch(/^LoRA, not Retrieval-augmented generation\. /);
    expect(first?.reply).toMatch(/^First: Prompt engineering/);
    expect(thanks?.reply).toMatch(/^Glad to help/);
    // The state is untouched by questions about the advice.
    expect(thanks?.state.profile).toEqual(answer?.state.profile);
  });

  it('reads "fine-tuning" as the provider\'s tuning job for a GPT-4o user, not as full fine-tuning', async () => {
    const [, why] = await converse([
      'We use GPT-4o with 3000 examples and need strict JSON. Just recommend.',
      'why not fine-tuning?',
    ]);
    expect(why?.kind).toBe('why');
    expect(why?.reply).toMatch(/Managed fine-tuning/);
    expect(why?.reply).not.toMatch(/^Full fine-tuning/);
  });

  it('keeps a fact stated with the question and answers the question on the new facts', async () => {
    const [, info] = await converse([
      'We run Llama 3.1 8B with 2000 examples and strict JSON. Just recommend.',
      'we have one RTX 4090, will LoRA fit?',
    ]);
    expect(info?.kind).toBe('info');
    expect(info?.state.profile.gpuName).toBe('NVIDIA GeForce RTX 4090');
    expect(info?.reply).toMatch(/Yes: LoRA needs/);
  });
});

describe('"why not" when the plan moved to another model', () => {
  it('judges the method on the model the plan runs on, and says why the named model rules it out', async () => {
    const [answer, why, cost] = await converse([
      'We use GPT-4o and want an assistant that drafts patient discharge summaries from doctors notes. All patient data must stay in our datacenter; we have 2 L40S GPUs and 800 example summaries. Just recommend.',
      'why not RAG?',
      'how long would training take?',
    ]);
    const model = answer?.recommendation.destination.model;
    expect(model?.switched).toBe(true);
    expect(why?.reply).toMatch(/^On the model you named it is ruled out: /);
    expect(why?.reply).toContain(`On ${model?.name}, where the plan runs:`);
    expect(why?.reply).not.toMatch(/\*\*Retrieval-augmented generation is ruled out here/);
    expect(cost?.reply).toMatch(/GPU-hours for a three-run project \(about [\d.]+ h on your 2 GPUs\)/);
  });
});

describe('a cost fix by distillation', () => {
  it("gives today's API bill next to the training figures, and reads 'fine-tune Sonnet' as the vendor's job", async () => {
    const [answer, cost, why] = await converse([
      'Our app uses Claude Sonnet to turn voice-note transcripts into structured work orders, about 400k requests a day, and the bill is killing us. We could switch models if quality holds; we have 3 A100 80GB in our own cloud account and 150k Sonnet outputs that ops spot-checked. Just recommend.',
      'what would it cost per month after?',
      'why not fine-tune Sonnet?',
    ]);
    const answerText = answer?.reply ?? '';
    expect(cost?.reply).toMatch(/^Today: Claude Sonnet calls cost about \$[\d,]+ a month at your volume at list price/);
    expect(answerText).toMatch(
      /Aim for Distillation into [^(]+ \(a smaller model trained on Claude Sonnet's outputs\)/,
    );
    expect(cost?.reply).toMatch(/runs on GPUs you own, with no rent/);
    expect(why?.reply).toMatch(/^\*\*Managed fine-tuning is ruled out here\.\*\*/);
    expect(why?.reply).not.toMatch(/Against it:|For it:/);
  });
});

describe('cost questions on a plan that trains nothing', () => {
  it('says there is no training bill, gives the training figures of the method it would move to, and no "$0 a month"', async () => {
    const [answer, cost] = await converse([
      'We run Llama 3.1 8B on our own RTX 4090 for a support bot over our docs, which change weekly. We have 3,000 labeled Q&A pairs. Just recommend.',
      'how much would training cost and how long would it take?',
    ]);
    expect(answer?.recommendation.destination.method).toBe('rag');
    expect(cost?.kind).toBe('info');
    expect(cost?.reply).toMatch(/trains nothing, so there is no training bill/);
    expect(cost?.reply).toMatch(/If you tune later, \w+: about [\d.,]+ GPU-hours/);
    expect(cost?.reply).not.toMatch(/\$0 a month/);
  });
});

describe('cost questions on an API model', () => {
  it('a RAG plan on GPT-4o: no GPU bill, the API calls, and what the estimate needs (not the model size)', async () => {
    const [answer, cost, withVolume] = await converse([
      'We use GPT-4o through the API for a support bot over our docs. Just recommend.',
      'how much would it cost?',
      'We get about 2000 requests a day. how much would it cost?',
    ]);
    expect(answer?.recommendation.destination.method).toBe('rag');
    expect(cost?.kind).toBe('info');
    expect(cost?.reply).toMatch(/trains nothing, so there is no GPU bill/);
    expect(cost?.reply).toMatch(/GPT-4o API calls/);
    expect(cost?.reply).toMatch(/how many requests a day/);
    expect(cost?.reply).not.toMatch(/model's size|your GPUs/);
    expect(withVolume?.reply).toMatch(/about \$[\d,]+ a month of API calls/);
  });

  it('gives the API bill it already computed when the plan is a provider job and the volume is known', async () => {
    const [answer, cost] = await converse([
      'We use GPT-4o mini for tagging 40,000 support tickets a day into 30 categories, we have 5,000 labeled tickets and prompting plateaued. Just recommend.',
      'how much would that cost?',
    ]);
    expect(answer?.recommendation.destination.channel).toBe('managed');
    expect(cost?.reply).toMatch(/about \$[\d,]+ a month at your volume at list price/);
    expect(cost?.reply).not.toMatch(/how many requests a day/);
  });

  it("gives the team's own bill, not the list price, when it said what it pays", async () => {
    const [answer, cost] = await converse([
      'We use GPT-4o mini through the OpenAI API to tag support tickets into 30 categories, about 40k requests a day. The bill is $1,800 a month and we want it cheaper. We have 20,000 labeled tickets. Just recommend.',
      'how much would we save per month?',
    ]);
    expect(answer?.recommendation.assumptions.find((a) => a.field === 'estimates.apiMonthlyUSD')?.value).toBe(1800);
    expect(cost?.reply).toMatch(/\$1,800 a month \(your figure\)/);
    expect(cost?.reply).not.toMatch(/list price/);
  });
});

describe('the answer a chat reader sees', () => {
  it.each([
    'We run Llama 3.1 8B on one RTX 4090, 2000 examples, strict JSON output. Just recommend.',
    'We use GPT-4o mini; our docs change weekly and answers must cite them. Just recommend.',
    'We have Llama 3.1 70B and a single RTX 4090, 3000 examples of our house style. no budget for cloud. just recommend',
    'We want to adapt Llama 3.1 8B for support answers. We have one RTX 4090 and 2000 labeled examples. Just recommend.',
  ])('leads with one line, fits a screen, cites numbered sources, shows no scores or rule ids: %s', async (message) => {
    const [answer] = await converse([message]);
    const body = answer?.body ?? '';
    expect(body).toMatch(/^\*\*(?:Aim for|Nothing can be built)/);
    expect(body.length).toBeLessThanOrEqual(1200);
    expect(body).not.toContain('Sources:');
    expect(body).not.toMatch(/score \d+ of 100|\b[a-z]+(?:-[a-z]+){2,}\b.*\[/);
    expect(answer?.reply).toContain(body);
    // The whole reply with its notes fits one screen: the tails are short.
    const beforeFootnotes = (answer?.reply.length ?? 0) - (answer?.replyData.footnotes?.length ?? 0);
    expect(beforeFootnotes).toBeLessThanOrEqual(1400);
    // The sources the body's marks point to come last, after the notes.
    const footnotes = answer?.replyData.footnotes;
    if (/\[\d\]/.test(body)) expect(footnotes).toBeDefined();
    if (footnotes) {
      expect(answer?.reply.endsWith(`\n\n${footnotes}`)).toBe(true);
      const [heading, ...lines] = footnotes.split('\n');
      expect(heading).toBe('Sources:');
      for (const line of lines) expect(line).toMatch(/^\[\d\] .+ \(\d{4}\) https?:\/\//);
    }
  });

  it('"show details" gives the full reasoning with its rule sources', async () => {
    const [, details] = await converse([
      'We run Llama 3.1 8B on one RTX 4090, 2000 examples, strict JSON. Just recommend.',
      'show details',
    ]);
    expect(details?.kind).toBe('info');
    expect(details?.reply).toMatch(/^Top choice: LoRA/);
    expect(details?.reply).toMatch(/\[oai-acc/);
  });

  it('answers fit and cost on the model the answer runs on when it proposed one', async () => {
    const [answer, fit, cost] = await converse([
      'Our mobile app team wants offline note summaries on the phone. Phones have about 3 GB for the model, we have 3,000 example summaries and one RTX 4090. Just recommend.',
      'will it fit on the 4090?',
      'how much would it cost?',
    ]);
    expect(answer?.recommendation.destination.model.proposed).toBe(true);
    // On a phone the device comes first, then the training GPU, and the reply says which is which.
    expect(fit?.reply).toMatch(
      /^On the device: yes, .+ at 4 bits fits the 3 GB it may use \(its 4-bit weights take about [\d.]+ GB, the context cache of one request about [\d.]+ GB and the runtime about 0\.5 GB: about [\d.]+ of the 3 GB\)\. Yes: LoRA(?: on Gemma 2 2B)? needs about \d+ GB and you have 24 GB \(training runs on a GPU, not on the device\)\./,
    );
    expect(cost?.reply).toMatch(/GPU-hours for a three-run project, and no rental cost/);
  });

  it('compares two methods by what must get better, not by rank alone', async () => {
    const [, compare] = await converse([
      "We're a game studio. We want NPCs to generate dialogue in the voice of our game world, consistent with our lore and writing style.",
      'LoRA or RAG?',
    ]);
    expect(compare?.reply).toMatch(/^LoRA, not Retrieval-augmented generation\. /);
    expect(compare?.reply).toMatch(/Retrieval-augmented generation \((?:viable|conditional|possible)[^)]*here\)/);
  });
});

describe('"why not" memory figures agree with the verdict', () => {
  it('does not send data that must stay on the premises to rented GPUs, and says a possible 72B is served at 4 bits', async () => {
    const [, why] = await converse([
      'We use GPT-4o and want an assistant that drafts patient discharge summaries from doctors notes. All patient data must stay in our datacenter; we have 2 L40S GPUs and 800 example summaries. Just recommend.',
      'why not RAG?',
    ]);
    expect(why?.reply).not.toMatch(/rented GPUs/);
    expect(why?.reply).toMatch(
      /GB of GPU memory in 16-bit; you have 96 GB, so it is served quantized \(4-bit\) on them/,
    );
  });
});

describe('a startup cutting its GPT-4o bill (new-user trial 5)', () => {
  const opening =
    "we classify inbound sales emails into 14 intent categories using GPT-4o. it works great but we're paying ~$18k/month and it's killing our runway. about 60k emails a day. we have 50,000 hand-checked labeled examples, we can switch models, no GPUs. we want to be under 3k a month. Just recommend.";

  it('moves to a cheap live model (not the tier retiring with GPT-4o), and the monthly cost compares both bills', async () => {
    const [answer, cost] = await converse([
      opening,
      "how much would that cost per month? fine-tuned gpt-4o tokens are pricier than base 4o aren't they?",
    ]);
    // GPT-4o and GPT-4o mini both shut down on 2027-01-14: the work goes to the cheapest live model with a tuning job.
    expect(answer?.recommendation.destination).toMatchObject({
      method: 'managed-fine-tuning',
      model: { name: 'Gemini 2.5 Flash-Lite', switched: true },
    });
    expect(answer?.recommendation.destination.student).not.toBe('GPT-4o mini');
    expect(cost?.reply).toMatch(
      /^Today: GPT-4o calls cost \$18,000 a month \(your figure\); after, Gemini 2\.5 Flash-Lite calls cost about \$396 a month/,
    );
  });

  it('answers prompt caching and the Batch API as levers on the bill, with the cited caching figure', async () => {
    const turns = await converse([opening, 'what about using the Batch API or prompt caching to cut the bill?']);
    expect(turns[1]?.kind).toBe('info');
    // The sourced caching figure is Anthropic's: a GPT-4o team hears it as Claude's, not as OpenAI's discount.
    expect(turns[1]?.reply).toMatch(/up to 90% off the cached part for Claude \[1\]\. That figure is not OpenAI's/);
    expect(turns[1]?.reply).toMatch(/no sourced discount figure/);
  });

  it("gives a Claude team the caching figure as its own vendor's (newuser34)", async () => {
    const turns = await converse([
      'We answer support emails with Claude Sonnet 4, about 20k a day, and the bill is too high.',
      'would prompt caching cut the bill?',
    ]);
    expect(turns[1]?.reply).toMatch(/up to 90% off the cached part \[1\]\./);
    expect(turns[1]?.reply).not.toMatch(/That figure is not/);
  });
});

describe('fit questions about serving, some of the GPUs, and longer sequences (new-user trial 5)', () => {
  const hospital =
    'We run Llama 3.1 70B, 800 labelled pairs, two servers each with 4x A100 40GB, data stays on-prem. Task: draft discharge summaries. Just recommend.';

  it('answers serving on 4 of the 8 cards from the inference estimate, not the training one', async () => {
    const turns = await converse([
      hospital,
      'will the 70B fit on one of the servers for serving, i.e. 4 of those cards?',
    ]);
    expect(turns[1]?.reply).toMatch(
      /^Barely: serving Llama 3\.1 70B in 16-bit, with its KV cache, needs about \d+ GB of the 160 GB on 4 GPUs/,
    );
    expect(turns[1]?.reply).not.toMatch(/LoRA/);
  });

  it('sizes training again for the GPUs the question names', async () => {
    const turns = await converse([hospital, 'will qlora fit on 4 of those cards?']);
    const match = /QLoRA needs about (\d+) GB and you have 160 GB/.exec(turns[1]?.reply ?? '');
    expect(match).not.toBeNull();
    // Sized for 4 GPUs: well under the 8-GPU figure, which carries per-GPU overheads for twice as many cards.
    expect(Number(match?.[1])).toBeLessThan(100);
  });

  it('answers one A10G on its own memory and says what a longer sequence changes', async () => {
    const turns = await converse([
      'We extract 40 fields from loan applications into JSON with Mistral 7B, 12k labelled docs, 4x A10G in our AWS account. Just recommend.',
      'will it fit on one A10G with 6k-token sequences?',
    ]);
    expect(turns[1]?.reply).toMatch(/and you have 24 GB/);
    expect(turns[1]?.reply).toMatch(/assumes 2,048-token sequences; at 6,000 tokens/);
  });
});

describe('an image LoRA for 40 brands (new-user trial 5)', () => {
  const agency = [
    "We're a creative agency generating marketing images for about 40 client brands, each with its own look and mascots.",
    'maybe 300 images a day. per brand we have between 20 and 100 approved images. we have a workstation with an RTX 4090 and $2,000.',
    'a rented cloud GPU is fine. prompting midjourney plateaued, the mascots are never right. Just recommend.',
  ];

  it('times an image generator by its adapter runs, one per brand, not by a token formula, and says how', async () => {
    const turns = await converse([...agency, 'what would it cost?']);
    const answer = turns[2];
    expect(answer?.recommendation.destination).toMatchObject({
      method: 'lora',
      model: { name: 'Stable Diffusion XL 1.0' },
    });
    // 40 brands of 20 images each: 40 subject adapters of an hour, three runs each.
    expect(answer?.recommendation.destination.estimates?.trainingGpuHours).toBe(120);
    expect(answer?.reply).toMatch(/Cost: LoRA on your GPUs ≈ 120 GPU-hours for three runs, no rental/);
    expect(turns[3]?.reply).toMatch(/one adapter for each of 40/);
    expect(turns[3]?.reply).not.toMatch(/tokens per example/);
  });

  it('answers a question naming the model the plan proposes as a question, not a what-if', async () => {
    const turns = await converse([...agency, 'how long would that take for an SDXL LoRA?']);
    expect(turns[3]?.kind).toBe('info');
    expect(turns[3]?.reply).not.toMatch(/If you had/);
  });
});

describe('a student with a MacBook and no money (new-user trial 5)', () => {
  const student = [
    "hi! I'm a master's student, my thesis is about making a small LLM answer questions about Portuguese labour law. I don't have a GPU, just a MacBook Air M2 with 16GB, and basically no money.",
    'answer questions about Portuguese labour law, in Portuguese, pointing to the article number',
    "it's all public law texts, nothing private. around 500 pages, amended a few times a year. no labelled Q&A pairs yet.",
    'open weights, probably Qwen2.5 7B. Just recommend.',
  ];

  it('serves the model on the laptop it fits, with no monthly GPU bill', async () => {
    const turns = await converse(student);
    const answer = turns[3];
    expect(answer?.recommendation.destination.method).toBe('rag');
    expect(answer?.reply).not.toMatch(/a month of GPU time/);
    const served = answer?.recommendation.assumptions.find(
      (assumption) => assumption.field === 'estimates.servingGpus',
    );
    expect(served?.why).toMatch(/^Served on the device at 4 bits/);
  });

  it('answers "can\'t I just run the 7B on my MacBook?" as a fit question on the device, not a what-if', async () => {
    const turns = await converse([...student, "can't I just run the 7B on my MacBook (M2, 16GB) with ollama?"]);
    expect(turns[4]?.kind).toBe('info');
    expect(turns[4]?.reply).toMatch(/^On the device: yes, Qwen2\.5 7B at 4 bits fits the 16 GB/);
    expect(turns[4]?.state.profile.modelParamsB).toBeUndefined();
  });
});
