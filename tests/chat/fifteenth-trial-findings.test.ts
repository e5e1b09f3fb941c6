/**
 * Found by the fifteenth new-user trial (newuser15: five personas, 76 turns over both chat APIs): asked which model
 * to move to from a retiring GPT-4.1 mini, the reply said "no provider offers supervised tuning of them" right after
 * naming Gemini models that Vertex AI does tune; "800 gold JSONs" was not read as labelled examples.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse as converseWith } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const converse = (messages: string[]) => converseWith(messages, knowledge);

const CLAIMS = [
  "We extract 25 fields from OCR'd insurance claim PDFs into JSON with GPT-4.1 mini on Azure. We have 800 gold JSONs. Our prompt plateaued at 8% errors.",
  'Does it make sense to fine-tune it at all? Which model would you pick instead?',
];

describe('moving off a retiring API model', () => {
  it('reads "800 gold JSONs" as labelled examples', async () => {
    const [first] = await converse(CLAIMS.slice(0, 1));
    expect(first?.state.profile.labeledExamples).toBe(800);
  });

  it('says which of the named replacements a provider tunes, not "no provider" for all of them', async () => {
    const turns = await converse(CLAIMS);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toContain('2027-01-14');
    expect(reply).toMatch(/Gemini 2\.5 Flash[^.]*have a provider's tuning job/);
    expect(reply).not.toMatch(/no provider offers supervised tuning of them/);
  });
});

const RENTING_EXTRACTION = [
  "We extract 25 fields from OCR'd insurance claim PDFs into JSON. We have 800 gold JSONs. Our prompt plateaued at 8% errors. We use Qwen2.5 14B, no GPUs of our own, we would rent.",
  'just recommend',
];

describe('an answer whose parts agree with each other', () => {
  it('names in "Assumed" the rented GPU the cost line prices, not the reference GPU of the estimates', async () => {
    const reply = (await converse(RENTING_EXTRACTION)).at(-1)?.reply ?? '';
    // The cost line's $0.79 is one billed hour of an L40S.
    expect(reply).toMatch(/Cost: LoRA ≈ [\d.]+ GPU-hours for three runs, ≈ \$0\.79/);
    expect(reply).not.toMatch(/Assumed:[^\n]*MI300X/);
    expect(reply).toMatch(/Assumed:[^\n]*renting 1 × NVIDIA L40S/);
  });

  it('with no GPUs at all, the answer does not hinge on "which GPUs you have"', async () => {
    const reply = (await converse(RENTING_EXTRACTION)).at(-1)?.reply ?? '';
    expect(reply).toMatch(/\*\*Aim for LoRA, depending on your one-time budget/);
    expect(reply).not.toMatch(/which GPUs you have/);
  });

  it('does not list documents, their churn or citations as unknown for an extraction task', async () => {
    const reply = (await converse(RENTING_EXTRACTION)).at(-1)?.reply ?? '';
    const unknown = /\*\*Still unknown:\*\*([^\n]*)/.exec(reply)?.[1] ?? '';
    expect(unknown).not.toMatch(/documents|cite|change/);
  });
});

const RENTED_H100S = [
  'We draft replies to helpdesk tickets with Llama 3.1 70B on 2 H100s that we rent, they cost us about $9,000 a month. 5k tickets a day. We have 60k sent replies as examples. We want it cheaper.',
  'how much would we save per month?',
];

describe('GPUs the team rents are a bill, not free', () => {
  it('reads the rented GPUs, the bill and the examples from the first message', async () => {
    const [first] = await converse(RENTED_H100S.slice(0, 1));
    expect(first?.state.profile).toMatchObject({
      gpusRented: true,
      gpuCount: 2,
      currentMonthlySpendUSD: 9000,
      labeledExamples: 60_000,
    });
  });

  it('never promises "no rent" after a cost cut on rented GPUs', async () => {
    const reply = (await converse(RENTED_H100S)).at(-1)?.reply ?? '';
    expect(reply).toMatch(/^Today: serving Llama 3\.1 70B costs \$9,000 a month \(your figure\); after, /);
    expect(reply).not.toMatch(/GPUs you own|no rent\b|no monthly bill/);
    expect(reply).toMatch(/no extra rent while the GPUs you rent have idle hours/);
  });

  it('bills serving on rented GPUs by the month in the engine, and holds it against the monthly budget', () => {
    const profile = {
      modelName: 'Llama 3.1 70B',
      gpuName: 'H100',
      gpuCount: 2,
      requestsPerDay: 5000,
      labeledExamples: 60_000,
    };
    const owned = recommend(profile, knowledge, { explain: 'none' });
    const rented = recommend({ ...profile, gpusRented: true }, knowledge, { explain: 'none' });
    const monthly = (result: typeof owned) =>
      result.recommendations.find((entry) => entry.method === 'prompt-engineering')?.estimates?.monthlyUSD;
    expect(monthly(owned)).toBe(0);
    expect(monthly(rented)).toBeGreaterThan(3000);
    expect(rented.assumptions.find((item) => item.field === 'estimates.servingGpus')?.why).toMatch(
      /of your rented NVIDIA H100 SXM[^.]*a month/,
    );
    const cheap = recommend({ ...profile, gpusRented: true, monthlyBudgetUSD: 500 }, knowledge, { explain: 'none' });
    const ownedCheap = recommend({ ...profile, monthlyBudgetUSD: 500 }, knowledge, { explain: 'none' });
    expect(JSON.stringify(cheap.recommendations)).not.toBe(JSON.stringify(ownedCheap.recommendations));
  });
});

describe('expert questions in the words people use', () => {
  const LAB =
    'University lab: we have Qwen2.5 7B base, 4x A100 40GB, and 2B tokens of unlabeled papers in our field. The base model rambles. We want it to answer questions about our field.';

  it('answers "why not just take X and put RAG over the papers?" as a why-not about RAG', async () => {
    const turns = await converse([
      LAB,
      "Why not just take Qwen2.5 7B Instruct and put RAG over the papers? Wouldn't that get us most of the way?",
    ]);
    expect(turns.at(-1)?.kind).toBe('why');
    expect(turns.at(-1)?.reply).toMatch(/Retrieval-augmented generation/);
    expect(turns.at(-1)?.reply).not.toMatch(/can't answer that one/);
  });

  it('answers "DPO after SFT?" as the order SFT, then DPO, and reads "thumbs pairs"', async () => {
    const turns = await converse([LAB, 'how do the 4,000 thumbs pairs fit in - DPO after SFT?']);
    expect(turns.at(-1)?.state.profile.preferencePairs).toBe(4000);
    expect(turns.at(-1)?.reply).toMatch(/Instruction tuning[^.]*first, then preference tuning/);
  });

  it('answers "will the LoRA fix X, or do we need RAG for Y?" as a comparison', async () => {
    const turns = await converse([
      'Indie game studio: NPC dialogue generated on players PCs with Llama 3.2 3B, we have 3,000 dialogue lines written by our writers and a 150k-token lore bible. One RTX 4090 for training.',
      'will the LoRA fix lore mistakes, or do we need RAG for the lore?',
    ]);
    expect(turns.at(-1)?.reply).toMatch(/^Both, for different things/);
  });

  it('says where the corpus size would change the answer (no hidden cliff)', async () => {
    const turns = await converse([LAB, 'what would change your answer?']);
    expect(turns.at(-1)?.reply).toMatch(/corpus[^;.]* under 1B → /i);
  });
});

describe('a distillation student', () => {
  it('is an 8B-class model for a 70B teacher (Llama 3.1 8B has 8.03B parameters), not a 3B', () => {
    const result = recommend(
      {
        modelName: 'Llama 3.1 70B',
        gpuName: 'H100',
        gpuCount: 2,
        requestsPerDay: 5000,
        labeledExamples: 60_000,
        goals: ['cost'],
      },
      knowledge,
      { explain: 'none' },
    );
    expect(result.destination.method).toBe('distillation');
    expect(result.destination.student).toBe('Llama 3.1 8B');
  });
});

describe('"is an instruct model better than our base checkpoint?"', () => {
  const LAB =
    'University lab: we have Qwen2.5 7B base, 4x A100 40GB, and 2B tokens of unlabeled papers in our field. The base model rambles. We want it to answer questions about our field.';

  it('is answered (the instruct version for answers; the base only for continued pre-training), with sources', async () => {
    const turns = await converse([LAB, 'is an instruct model better for this than our base checkpoint?']);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/^For answering questions or following instructions, yes: start from the instruct version/);
    expect(reply).toMatch(/continued pre-training/);
    expect(reply).toMatch(/\[1\] LIMA/);
    expect(turns.at(-1)?.state.profile.modelStage).toBe('base');
  });

  it('a question weighing the two checkpoints states neither', async () => {
    const turns = await converse([LAB, 'base or instruct?']);
    expect(turns.at(-1)?.state.profile.modelStage).toBe('base');
  });
});

describe('training fit on a laptop GPU (game studio)', () => {
  const GAME =
    "Indie game studio: NPC dialogue generated on players' PCs with Llama 3.2 3B. We have 3,000 dialogue lines written by our writers and a 150k-token lore bible. Our dev laptops have an RTX 4070 Laptop GPU with 8 GB.";

  it('reads the laptop GPU memory and the lore bible, and answers the training fit against 8 GB', async () => {
    const turns = await converse([GAME, 'will the LoRA training fit on that?']);
    expect(turns[0]?.state.profile).toMatchObject({ gpuMemoryGB: 8, gpuCount: 1, corpusTokens: 150_000 });
    expect(turns.at(-1)?.reply).toMatch(/^No: LoRA needs about \d+ GB and you have 8 GB/);
  });

  it('answers both "does training fit?" and "what is QLoRA?" in one message', async () => {
    const turns = await converse([
      GAME,
      "no, I mean TRAINING the LoRA on my laptop's 8 GB GPU, not running it. does training fit? and what is QLoRA, would that be better here?",
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/^QLoRA \(LoRA on a 4-bit base\)/);
    expect(reply).toMatch(/LoRA needs about \d+ GB and you have 8 GB/);
  });
});

describe('data that may be made later, and a deadline taken back (government agency)', () => {
  const GOV =
    'We need a summarizer for 25k-token case files, Qwen2.5 32B on 2 L40S on-prem, we need it in 9 weeks. No ML staff.';

  it('"caseworkers could write maybe 300 summaries over the next two months" is neither data nor a deadline', async () => {
    const turns = await converse([
      GOV,
      'Our caseworkers could write maybe 300 good example summaries over the next two months. What would we do with those?',
    ]);
    expect(turns.at(-1)?.state.profile.labeledExamples).toBeUndefined();
    expect(turns.at(-1)?.state.profile.timelineWeeks).toBe(9);
  });

  it('"there is no 9-week deadline, forget that" removes the deadline and does not ask for it again', async () => {
    const turns = await converse([GOV, 'there is no 9-week deadline, forget that.', 'just recommend']);
    expect(turns[1]?.state.profile.timelineWeeks).toBeUndefined();
    expect(turns.at(-1)?.question?.field).not.toBe('timelineWeeks');
  });

  it('"it only summarizes the file it is given" says nothing it needs goes stale', async () => {
    const turns = await converse([GOV, "There's no 'knowledge' changing - it only summarizes the file it's given."]);
    expect(turns.at(-1)?.state.profile.knowledgeChanges).toBe('never');
  });
});

describe('"does few-shot fit in the context window?"', () => {
  const GOV =
    'Benefits agency: we need to summarize case files of about 25,000 tokens each into a one-page summary for the caseworker. We run Qwen2.5 32B on 2 L40S on-prem; data may not leave our servers.';

  it('answers with the model’s window, the prompt asked about and its KV cache on the team’s GPUs', async () => {
    const turns = await converse([
      GOV,
      "Two examples plus the actual file would be 75k tokens. Does that even fit Qwen's context?",
    ]);
    const reply = turns.at(-1)?.reply ?? '';
    expect(reply).toMatch(/^Qwen2\.5 32B reads up to 131,072 tokens/);
    // 75,000 tokens × 2 (K and V) × 64 layers × 8 KV heads × 128 × 2 bytes ≈ 19.7 GB.
    expect(reply).toMatch(/75,000 tokens fit the window\. One such request holds about 20 GB of KV cache/);
    expect(reply).toMatch(/against your 96 GB/);
    // The prompt's size is no corpus and no count of examples.
    expect(turns.at(-1)?.state.profile.corpusTokens).toBeUndefined();
    expect(turns.at(-1)?.state.profile.labeledExamples).toBeUndefined();
  });

  it('sizes "files this long" from the stated example length: two examples and the input', async () => {
    const turns = await converse([GOV, 'does few-shot fit in the context window with files this long?']);
    expect(turns.at(-1)?.reply).toMatch(/Two examples and the input \(about 75,000 tokens\) fit the window/);
  });
});

describe('thanks said beside other words', () => {
  it('is acknowledged, not answered with "that doesn\'t change my answer"', async () => {
    const turns = await converse([
      'We draft replies to helpdesk tickets with Llama 3.1 70B on 2 H100s we own. 5k tickets a day. We have 60k sent replies as examples. We want it cheaper.',
      'just recommend',
      'the plan is fine I guess. anyway, thanks, this helped',
    ]);
    expect(turns.at(-1)?.reply).toMatch(/^You're welcome\. The answer stands: Distillation/);
  });
});
