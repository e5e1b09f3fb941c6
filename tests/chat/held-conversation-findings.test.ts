/**
 * Found by holding the three README-style conversations again as a new user (2026-12-05): a plan that moves a
 * provider's tuning job to another vendor's model assumed a rented GPU, and a region said on the first turn was
 * forgotten on the next answer.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatService } from '../../src/chat/chat-service.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { createFileSessionStore, type SessionStore } from '../../src/store/session-store.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});

let store: SessionStore | undefined;
afterEach(async () => {
  await store?.stop();
  store = undefined;
});

/** Holds a conversation through the chat service (the path both chat APIs take) and returns the replies. */
async function hold(messages: readonly string[]): Promise<string[]> {
  store = createFileSessionStore({ dataDir: await mkdtemp(join(tmpdir(), 'held-')), syncToDisk: false });
  await store.init();
  const service = createChatService({ store, knowledge });
  const credentials = await service.openSession();
  const replies: string[] = [];
  for (const text of messages) replies.push((await service.runTurn({ credentials, text })).turn.reply);
  return replies;
}

const LEGAL =
  "hi! we're a 5 person legal-tech startup. we use Claude Sonnet through the API to review NDAs and suggest redlines in our house style. some clients say their contracts may not leave the EU. what should we do?";
const PLATEAU =
  'we already use a long prompt with a few examples, it works ok but the redlines dont match our house style. we have about 400 contracts our lawyers redlined by hand';

describe('a provider tuning job moved to another vendor’s model', () => {
  it('assumes the data goes to that vendor’s API, not to a rented GPU, and keeps the region said a turn before', async () => {
    const [first, second] = await hold([LEGAL, PLATEAU]);
    expect(first).toMatch(/Data kept in the EU: I can't check regions/);
    // (The live model nearest the named one's price tier: Gemini 2.5 Pro for Claude Sonnet.)
    expect(second).toMatch(/Aim for Managed fine-tuning on Gemini [\d.]+ Pro/);
    expect(second).toMatch(
      /\*\*Assumed:\*\* Your data may be sent to the Gemini [\d.]+ Pro API, processed in the EU\./,
    );
    expect(second).not.toMatch(/rented cloud GPU|MI300X/);
    // What the region means is said once, not on every answer.
    expect(second).not.toMatch(/Data kept in the EU/);
  });

  it('"start over" forgets the region', async () => {
    const [, , fresh] = await hold([
      LEGAL,
      'start over',
      'We call GPT-4o mini through the API to tag support tickets; 2,000 labelled tickets, no GPUs. Just recommend.',
    ]);
    expect(fresh).toMatch(/Your data may be sent to the GPT-4o mini API/);
    expect(fresh).not.toMatch(/processed in the EU/);
  });
});

describe('data that may not leave the hospital', () => {
  it('assumes no rented GPU in the answer', async () => {
    const [, , answer] = await hold([
      'Hospital IT. We want discharge summaries as strict JSON from clinical notes of about 9,000 tokens each. Patient data cannot leave the hospital. One RTX 3090 (24 GB). We were thinking Llama 3.3 70B. We have 1,200 notes with the summary the doctor wrote.',
      'yes a different model is ok',
      'nothing tried yet',
    ]);
    expect(answer).toMatch(/Aim for LoRA on Llama 3\.1 8B/);
    expect(answer).not.toMatch(/renting AMD Instinct MI300X/);
  });
});

describe('an answer to "how many examples?" that names who approved them', () => {
  it('"5k replies users thumbs-upped" is five thousand examples', async () => {
    const [, answer] = await hold([
      'our gpt-4o bill is killing us. we classify ~400k support emails a day into 20 intents and draft a short reply. paying about 38k USD/month to openai. any model is fine if quality holds',
      'we log everything, so millions of gpt-4o outputs, and 5k replies users thumbs-upped',
    ]);
    expect(answer).toMatch(/Noted: 5,000 labeled examples/);
  });
});
