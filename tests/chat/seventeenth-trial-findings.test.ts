/**
 * Found by the seventeenth new-user trial (newuser17: six personas, 80 turns over both chat APIs): questions and
 * asides saved as facts ("will lora even fit on one L4 24gb" set one GPU, "the qwen 7b was a question" set the model,
 * a date read as a latency), the knowledge goal missed in plain words ("must KNOW the lore"), meta-talk taken as the
 * task ("i need to present it to the chief physician"), and continued pre-training timed on the labelled examples.
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
const fields = (message: string) => extractProfile(message, { knowledge, today: '2026-12-05' }).fields;

const LAB = [
  'hi, materials science lab at a university. we have ~4B tokens of domain text (papers, theses, lab notebooks) and want a model that actually understands our field. plan was continued pretraining of qwen2.5 7b base, then instruction tuning. we get 8x H100 80GB on the uni cluster for 2 weeks in january.',
  'grad students wrote ~3k q/a pairs about our field. use case: a research assistant that answers questions about synthesis routes, phase diagrams etc and can point to the paper it got it from',
  'yes any open model with a permissive license is ok. citations to the source paper are a must btw, reviewers will ask. the corpus grows by a few hundred papers per month',
];

describe('continued pre-training asked about while the plan does something else', () => {
  it("times it on the corpus, over the team's GPUs, not on the labelled examples", async () => {
    const turns = await converse([
      ...LAB,
      'how many hours would continued pretraining on 4B tokens take on the 8 h100s, roughly? we only have them for 2 weeks',
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/^Continued pre-training on your GPUs: about [\d,.]+ GPU-hours/);
    expect(reply).toMatch(/h on your 8 GPUs/);
    expect(reply).toContain('one pass over your corpus of 4,000,000,000 tokens');
    expect(reply).not.toMatch(/500 tokens per example/);
  });

  it('answers the "how long" asked beside a "why not"', async () => {
    const turns = await converse([
      ...LAB,
      'nothing tried yet. why no continued pretraining on the 4B tokens? how long would CPT take on our 8 H100s?',
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(turns.at(-1)?.kind).toBe('why');
    expect(reply).toMatch(/Continued pre-training on your GPUs: about [\d,.]+ GPU-hours/);
  });

  it('does not read how fast the corpus grows as its size', async () => {
    const turns = await converse(LAB);
    expect(turns.at(-1)?.state.profile.unlabeledCorpus).toBe('large');
  });
});

describe('questions and asides are not facts', () => {
  const CALLS = [
    'hi, we run a call center for a swiss insurer. we transcribe calls with whisper large-v3 on 2x L4 gpus and the WER is bad on swiss german accents + our product names. we have about 90k segments with human-corrected transcripts.',
    'also will lora on large-v3 even fit on one L4 24gb',
  ];

  it('a fit question without its question mark keeps the GPU count and sizes for one GPU', async () => {
    const turns = await converse(CALLS);
    expect(turns.at(-1)?.state.profile.gpuCount).toBe(2);
    expect(turns.at(-1)?.reply).toMatch(/^Yes: LoRA needs about [\d.]+ GB and you have 24 GB\./);
  });

  it('"the qwen 7b was a question" keeps the model the team names', () => {
    expect(
      fields(
        "wait i didnt switch, we're on llama 3.2 3b instruct, the qwen 7b was a question. so does the llama 3b fit in the 5gb or not?",
      ).modelName,
    ).toBe('Llama 3.2 3B');
  });

  it("a model tried and found not good enough is not the team's model", () => {
    expect(fields('we tried claude haiku 3.5 with the same prompt and got ~89%, not enough').modelName).toBeUndefined();
  });

  it('a student asked about in a "why not distill" is not the team\'s model', () => {
    expect(
      fields("why not distill sonnet's 2M outputs into qwen2.5 7b, and host it ourselves?").modelName,
    ).toBeUndefined();
  });

  it('a date is no latency target, even as the answer to the latency question', async () => {
    const extraction = extractProfile(
      'wait, earlier you said gpt-4o mini shuts down 2027-01-14, thats 6 weeks from now. so we have to migrate anyway.',
      { knowledge, today: '2026-12-05', requestedField: 'latencyTargetMs' },
    );
    expect(extraction.fields.latencyTargetMs).toBeUndefined();
  });

  it.each([
    'ok, whats the final plan? i need to present it to the chief physician on monday',
    'recap please, i need to send this to our cfo',
  ])('%j is no task', (message) => {
    expect(fields(message).task).toBeUndefined();
  });

  it("running locally on the players' PCs is where the model runs, not a data-residency rule", () => {
    const found = fields('it has to run locally on the players pc');
    expect(found.dataMustStayOnPrem).toBeUndefined();
    expect(found.deployment).toBe('edge');
  });
});

describe('the knowledge goal in plain words', () => {
  it.each([
    'ok let me be explicit: missing knowledge is a goal. the lore facts are knowledge the model doesnt have.',
    'the npcs must KNOW the lore, not just sound right',
    'we want NPCs in our rpg to talk in character and know the lore',
  ])('%j', (message) => {
    expect(fields(message).goals).toContain('knowledge');
  });

  it("puts retrieval for the lore in the games studio's plan", async () => {
    const turns = await converse([
      'yo. indie studio, 14 ppl. we want NPCs in our rpg to talk in character and know the lore. it has to run locally on the players pc, min spec is a RTX 3060 with 8gb vram (and the game itself eats ~3gb of that). we have 2x rtx 4090 in the office for training. lore bible is ~300k tokens, writers have written ~8k example dialogue lines',
      'we prototyped with llama 3.2 3b instruct q4 in llama.cpp + a long system prompt with lore excerpts. tone is meh, it breaks character and mixes up factions. thats where we are',
      'just recommend',
    ]);
    const plan = turns.at(-1)?.recommendation?.plan.flatMap((step) => step.methods) ?? [];
    expect(plan).toContain('rag');
  });

  it('"why isnt RAG in the plan?" is a why-not question', async () => {
    const extraction = extractProfile('why isnt RAG in the plan? 2 msgs ago you said both rag and lora', {
      knowledge,
      today: '2026-12-05',
    });
    expect(extraction.intents.whyNot).toBe('rag');
  });
});

describe('the hospital conversation', () => {
  const HOSPITAL = [
    'hello. im the only ml engineer at a regional hospital (germany). we want to draft discharge summaries (entlassbriefe) from the patient record notes. everything must stay on-prem, we have a single A100 40GB in our server room. thinking about llama 3.1 8b instruct. we have ~6000 old letters paired with the notes they were written from',
    'mostly style and structure - our letters have a fixed structure (anamnese, befund, therapie, procedere) and the doctors hate the generic tone of the base model.',
    "sure if its open weights and runs here. and to be clear it IS the instruct version, by 'base model' i meant the untuned one. each training example (notes + letter) is around 15k tokens btw",
    'just recommend',
  ];

  it('keeps the instruct model through "the generic tone of the base model" and a quoted \'base model\', and reads the example length', async () => {
    const turns = await converse(HOSPITAL);
    expect(turns[1]?.state.profile.modelStage).toBe('instruct');
    expect(turns[2]?.state.profile.modelStage).toBe('instruct');
    expect(turns[2]?.state.profile.exampleTokens).toBe(15_000);
  });

  it('never offers renting to a team whose data may not leave the building', async () => {
    const reply = (await converse(HOSPITAL)).at(-1)?.reply ?? '';
    // (QLoRA fits the same GPUs: that is the way out before a smaller model.)
    expect(reply).toMatch(/^Cost: .*no rental; otherwise QLoRA on the same GPUs\.$/m);
    expect(reply).not.toMatch(/otherwise rented/);
  });

  it('answers how to stop invented diagnoses', async () => {
    const turns = await converse([
      ...HOSPITAL,
      'biggest worry from the chief physician: the model must never invent a diagnosis or medication that isnt in the notes. how do we handle that?',
    ]);
    expect(turns.at(-1)?.reply).toMatch(/^(?:Noted: [^\n]*\. )?Keep it to its source/);
  });

  it('judges the subset asked about ("is 2000 letters enough?") against the 6,000 held', async () => {
    const reply = (await converse([...HOSPITAL, 'and is 2000 letters enough for the lora?'])).at(-1)?.reply ?? '';
    expect(reply).toMatch(/^2,000 examples is plenty/);
    expect(reply).toMatch(/about 33% of the hours for all 6,000/);
  });

  it('"what\'s the final plan? i need to present it … on monday" gets the whole answer, and no new task', async () => {
    const turns = await converse([
      ...HOSPITAL,
      'ok, whats the final plan? i need to present it to the chief physician on monday',
    ]);
    expect(turns.at(-1)?.reply).toMatch(/\*\*Aim for LoRA/);
    expect(turns.at(-1)?.state.profile.task).toMatch(/^draft discharge summaries/);
  });

  it('"the task is still discharge letters" saves the task without "still"', () => {
    expect(fields('no, the task is still discharge letters. give me a full recap please').task).toBe(
      'discharge letters',
    );
  });
});

describe('the 300-tenant SaaS on a retiring API model', () => {
  const SAAS = [
    'hi! b2b saas (sales email assistant). ~300 tenants, each wants emails in their own brand voice. today we use gpt-4o-mini with a per-tenant style guide in the prompt. tenants have between 50 and 3000 sent emails we could use as examples (~400k total). should we fine-tune per tenant??',
    'yes open models are fine if they are good enough. we have no gpus, everything is on aws. volume is ~250k emails/day across tenants',
    'we tried the style guide in the prompt and 3 examples, it plateaued. just recommend',
  ];

  it('reads the total beside the per-tenant counts, and no open weights for GPT-4o mini', async () => {
    const turns = await converse(SAAS);
    expect(turns[0]?.state.profile.labeledExamples).toBe(400_000);
    expect(turns[1]?.state.profile.modelAccess).toBeUndefined();
    expect(turns[1]?.state.profile.canSwitchModel).toBe(true);
  });

  it('plans adapters per tenant on one open base, not 300 provider-tuned copies', async () => {
    const destination = (await converse(SAAS)).at(-1)?.recommendation?.destination;
    expect(destination?.method).toBe('lora');
    expect(destination?.model.name).not.toBe('GPT-4o mini');
    expect(destination?.why).toMatch(/300 custom models to train, re-tune and host/);
  });

  it('costs "training 300 adapters" as the plan\'s LoRA, not adapter layers', async () => {
    const reply =
      (await converse([...SAAS, 'how much would it cost all in: training 300 adapters on the 400k emails?'])).at(-1)
        ?.reply ?? '';
    expect(reply).toMatch(
      /LoRA on Llama 3.1 8B \(the plan's model, not the GPT-4o mini you named\): about [\d.]+ GPU-hours/,
    );
    expect(reply).not.toMatch(/Adapter layers/);
  });
});

describe('the API bill (Claude Sonnet, 120k claims a day)', () => {
  const BILL = [
    "we're an insurtech. we extract ~25 fields from claim pdfs (already ocr'd to text) into json using claude sonnet 4 via the anthropic api. volume 120k claims/day, avg 3.5k input tokens + 600 output. bill is around $38k/month and finance wants it cut in half. accuracy today is great (~96% field-level). we have no gpus.",
    'yes can switch, but accuracy cant drop below ~95%. we have about 2M past claims with the sonnet outputs + ~20k human-verified ones.',
    'no, cloud is fine. one-time budget for this project ~30k',
    'prompting on sonnet is good enough quality-wise, the only problem is cost. we tried claude haiku 3.5 with the same prompt and got ~89%, not enough',
  ];

  it('keeps Claude Sonnet as the model and one destination through the questions about others', async () => {
    const turns = await converse([
      ...BILL,
      'now its gemini 2.0 flash?? a turn ago it was nova lite and nothing changed. and you didnt answer about qwen2.5 7b self-hosted.',
    ]);
    expect(turns.at(-1)?.state.profile.modelName).toBe('Claude Sonnet (3.5, 3.7, 4 and later)');
    expect(turns[3]?.recommendation?.destination.method).toBe(turns.at(-1)?.recommendation?.destination.method);
  });

  it('answers "wouldn\'t the batch api + prompt caching cut the bill?" with the levers, not a token re-costing', async () => {
    const reply =
      (
        await converse([
          ...BILL,
          'before any fine-tuning: wouldnt the batch api + prompt caching already cut the bill a lot? the instructions+schema part of the prompt is ~2k tokens and identical for every claim',
        ])
      ).at(-1)?.reply ?? '';
    expect(reply).toMatch(/Yes, try those first/);
    expect(reply).not.toMatch(/the bill assumed about/);
  });

  it('starts by cutting the bill on the prompt that already meets the bar', async () => {
    const firstStep = (await converse(BILL)).at(-1)?.recommendation?.firstStep;
    expect(firstStep?.methods).toEqual(['prompt-engineering']);
    expect(firstStep?.why).toMatch(/cache the instructions every request shares/);
  });
});

describe('training estimates say what they rest on', () => {
  it('a cost before any example count says which count it assumed', async () => {
    const reply =
      (
        await converse([
          'we transcribe calls with whisper large-v3 on 2x L4 gpus and the WER is bad on accents. just recommend',
        ])
      ).at(-1)?.reply ?? '';
    expect(reply).toMatch(/Cost: [^\n]*\(for 1,000 examples, until you say how many you have\)\./);
  });

  it('speech examples are costed as a floor', async () => {
    const reply =
      (
        await converse([
          'we transcribe calls with whisper large-v3 on 2x L4 gpus and the WER is bad on accents. we have 90k segments with corrected transcripts.',
          'how much would the training cost and how long on our 2 L4s',
        ])
      ).at(-1)?.reply ?? '';
    expect(reply).toMatch(/treat the hours as a floor/);
  });
});

describe('several questions in one message', () => {
  it('says which questions it cannot answer instead of passing over them', async () => {
    const turns = await converse([
      'we transcribe calls with whisper large-v3 on 2x L4 gpus and the WER is bad on accents. we have 90k segments with corrected transcripts. just recommend',
      'ok last two things: we serve with faster-whisper (ctranslate2), can we merge the lora into the weights for that? and is training on dialect audio -> standard german text a problem?',
    ]);
    expect(turns.at(-1)?.reply).toContain(
      "I can't answer “can we merge the lora into the weights for that?” or “is training on dialect audio -> standard german text a problem?” from what I know.",
    );
  });

  it('adds nothing when every question is answered', async () => {
    const turns = await converse([
      'we transcribe calls with whisper large-v3 on 2x L4 gpus and the WER is bad on accents. we have 90k segments with corrected transcripts. just recommend',
      'why not full fine-tuning? how much would the lora cost?',
    ]);
    expect(turns.at(-1)?.reply).not.toMatch(/I can't answer/);
  });
});
