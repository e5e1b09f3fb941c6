/**
 * @module store/seed: fills a session store with realistic sessions for benchmarks. Deterministic (seeded PRNG), so two
 * runs store the same content. The shape matches the measurement in shared/stack-notes.md §6: 20 messages per session,
 * 10 user messages of about 200 characters and 10 assistant messages of about 800 characters, each assistant message
 * with a `data-recommendation` part (about 17 KB per session file, pretty-printed; the seed test checks the range).
 */
import type { Profile } from '../profile/profile-schema.ts';
import type { NewMessage, SessionStore } from './session-store.ts';

/** Options of {@link seedSessions}. */
export interface SeedOptions {
  /** Sessions created at the same time. Default 16. */
  concurrency?: number;
  /** PRNG seed. Default 1. */
  seed?: number;
}

/** The id and owner token of a seeded session (the token is needed to read or update it). */
export interface SeededSession {
  id: string;
  token: string;
}

const USER_SENTENCES = [
  'We have two A100 80GB cards in our own rack and about 5k labeled support tickets from the last year.',
  'Our budget is around $500 a month for inference and maybe 10k one-off for training if it clearly pays off.',
  'The model has to cite the policy paragraph it used, because the compliance team checks every answer.',
  'Docs change weekly, mostly pricing tables and product limits, so answers go stale fast if we bake them in.',
  'Customer data cannot leave our datacenter, so anything hosted by a provider is out for the first phase.',
  'We are looking at Llama 3 8B or Mistral 7B; GPT-4o via Azure works but fine-tuning is not enabled for us.',
  'Answers need to be in Spanish and German as well as English, and the tone must match our style guide.',
  'Latency should stay under two seconds at about 20k requests a day, with peaks during business hours.',
  'Nobody on the team has trained a model before, but two engineers are comfortable with Python and Docker.',
  'We need something running in about six weeks; a rough first version in two weeks would already help.',
];

const ASSISTANT_SENTENCES = [
  'Retrieval-augmented generation fits best here: your documents change weekly, and retrieval lets answers cite the exact passage they came from without retraining.',
  'With about 5,000 labeled examples, a LoRA adapter on an 8B model is feasible on one A100 80GB, and it mainly helps with format and tone rather than with facts.',
  'Full fine-tuning of the 8B model needs far more memory than LoRA because gradients and optimizer states are kept for every weight, so it is not the first step.',
  'Start with careful prompting and a handful of in-context examples to set a baseline, then add retrieval, and only then consider an adapter if the format still drifts.',
  'Because data must stay on premises, a managed fine-tuning service is ruled out, and an open-weights model served on your own GPUs is required.',
  'The monthly budget covers serving an 8B model on the hardware you already own; the one-off budget leaves room for a few LoRA training runs with evaluation.',
  'Multilingual answers work with the same retrieval index if the embedding model is multilingual; check retrieval quality per language before launch.',
  'I assumed your tickets are reasonably clean and de-duplicated; if not, plan a week for cleaning before any training, since noisy labels hurt small datasets most.',
];

// Each of these method ids is also the id of its paper in knowledge/sources.json.
const METHODS = ['rag', 'lora', 'qlora'] as const;

/** Mulberry32: a small, fast, seedable PRNG (deterministic output for a given seed). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Sentences drawn from `pool` until the text reaches `targetLength` characters. */
function paragraph(pool: readonly string[], targetLength: number, random: () => number): string {
  let text = '';
  while (text.length < targetLength) text += (text === '' ? '' : ' ') + pick(pool, random);
  return text;
}

/** A compact `data-recommendation` part (the top method), sized like the measurement's "data part". */
function recommendationPart(random: () => number): unknown {
  const method = pick(METHODS, random);
  return {
    type: 'data-recommendation',
    data: { method, verdict: 'recommended', score: Math.round(70 + random() * 25), sources: [method] },
  };
}

function seededProfile(random: () => number): Profile {
  return {
    modelName: pick(['Llama 3 8B', 'Mistral 7B', 'Llama 3 70B', 'Qwen2 7B'], random),
    modelAccess: 'open-weights',
    gpuName: pick(['A100 80GB', 'H100 80GB', 'RTX 4090', 'L4'], random),
    gpuCount: 1 + Math.floor(random() * 4),
    labeledExamples: Math.floor(random() * 10_000),
    monthlyBudgetUSD: 100 * (1 + Math.floor(random() * 20)),
    knowledgeChanges: pick(['weekly', 'monthly', 'rarely'] as const, random),
    needsCitations: random() < 0.5,
    dataMustStayOnPrem: random() < 0.5,
  };
}

function seededMessages(random: () => number): NewMessage[] {
  const messages: NewMessage[] = [];
  for (let turn = 0; turn < 10; turn++) {
    messages.push({ role: 'user', text: paragraph(USER_SENTENCES, 200, random) });
    messages.push({
      role: 'assistant',
      text: paragraph(ASSISTANT_SENTENCES, 800, random),
      parts: [recommendationPart(random)],
    });
  }
  return messages;
}

/**
 * Creates `count` sessions in `store` (20 messages and a filled profile each), `concurrency` at a time, one write per
 * session. The store must be initialised. Returns the ids and tokens in creation order.
 * @example
 * const store = createFileSessionStore({ dataDir });
 * await store.init();
 * const seeded = await seedSessions(store, 10_000);
 */
export async function seedSessions(
  store: SessionStore,
  count: number,
  options: SeedOptions = {},
): Promise<SeededSession[]> {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const random = createRandom(options.seed ?? 1);
  const seeded = new Array<SeededSession>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const position = next++;
      // Content is generated synchronously before the await, so the PRNG sequence does not depend on timing.
      const initial = { profile: seededProfile(random), questionsAsked: 3, messages: seededMessages(random) };
      const { session, token } = await store.create(initial);
      seeded[position] = { id: session.id, token };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return seeded;
}
