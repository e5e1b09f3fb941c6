import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChatService, type OpenedSession } from '../src/chat/chat-service.ts';
import type { Knowledge } from '../src/knowledge/knowledge.ts';
import { seedSessions } from '../src/store/seed.ts';
import { createFileSessionStore } from '../src/store/session-store.ts';
import { report, summarize } from './stats.ts';

/** A realistic rule-only conversation: vague start, two answers, a fact change, a why-not and a what-if. */
const CONVERSATION = [
  'We want to build a support bot on our docs',
  'about 300',
  'weekly',
  'We use Llama 3.1 8B and have no GPUs',
  'actually we have 2 A100s',
  'why not full fine-tuning?',
  'what if we had 8 GPUs?',
  'just recommend',
];

/**
 * The conversation's message for a round, made different per session (the first one says the session's own volume,
 * "about 1,000 questions a day", "about 1,001"…): every
 * session then holds its own profile, so no session is answered from an answer computed for another one.
 */
function messageFor(round: number, session: number): string {
  const text = CONVERSATION[round % CONVERSATION.length]!;
  return round % CONVERSATION.length === 0 ? `${text}; about ${1000 + session} questions a day` : text;
}

/**
 * One rule-only chat turn (extraction + dialogue turn + engine + one fsynced session write), timed end to end
 * through the chat service: `sessions` sessions each run the conversation, all sessions' turns concurrently.
 */
async function timeTurns(knowledge: Knowledge, dataDir: string, sessions: number, rounds: number): Promise<number[]> {
  const store = createFileSessionStore({ dataDir, verifyOnInit: false });
  await store.init();
  const service = createChatService({ store, knowledge });
  const opened: OpenedSession[] = [];
  for (let index = 0; index < sessions; index += 1) opened.push(await service.openSession());
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    await Promise.all(
      opened.map(async (credentials, session) => {
        const started = performance.now();
        await service.runTurn({ credentials, text: messageFor(round, session) });
        samples.push(performance.now() - started);
      }),
    );
  }
  await store.stop();
  return samples;
}

/**
 * The same conversation with people's pace: each of `sessions` sessions sends its next message a random 0-2 s after
 * its previous reply arrived (typing and reading time), so turns arrive spread out as in a live chat rather than all
 * at the same instant. Returns each turn's latency.
 */
async function timePacedTurns(
  knowledge: Knowledge,
  dataDir: string,
  sessions: number,
  rounds: number,
  maxThinkMs: number,
): Promise<number[]> {
  const store = createFileSessionStore({ dataDir, verifyOnInit: false });
  await store.init();
  const service = createChatService({ store, knowledge });
  const samples: number[] = [];
  // A fixed-seed generator: the same pauses on every run.
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await Promise.all(
    Array.from({ length: sessions }, async (_unused, session) => {
      const credentials = await service.openSession();
      for (let round = 0; round < rounds; round += 1) {
        await pause(random() * maxThinkMs);
        const started = performance.now();
        await service.runTurn({ credentials, text: messageFor(round, session) });
        samples.push(performance.now() - started);
      }
    }),
  );
  await store.stop();
  return samples;
}

/** Chat turn latency with persistence, and its independence from the number of stored sessions. */
export async function benchChat(knowledge: Knowledge): Promise<Record<string, string | number>[]> {
  const results: Record<string, string | number>[] = [];
  const root = await mkdtemp(join(tmpdir(), 'advisor-bench-chat-'));
  try {
    // Warm-up (JIT, catalog alias index).
    await timeTurns(knowledge, join(root, 'warm'), 5, CONVERSATION.length);

    const concurrent = summarize(await timeTurns(knowledge, join(root, 'concurrent'), 50, 2 * CONVERSATION.length));
    results.push(
      report('chat: rule-only turn + fsynced write, 50 sessions sending at the same instant (burst) (ms)', {
        samples: concurrent.n,
        p50: concurrent.p50,
        p99: concurrent.p99,
        max: concurrent.max,
      }),
    );

    const paced = summarize(await timePacedTurns(knowledge, join(root, 'paced'), 50, 2 * CONVERSATION.length, 2000));
    results.push(
      report("chat: rule-only turn + fsynced write, 50 sessions at people's pace (0-2 s between turns) (ms)", {
        samples: paced.n,
        p50: paced.p50,
        p99: paced.p99,
        max: paced.max,
        target: 'p99 < 50',
      }),
    );

    const byStoredSessions: Record<number, number> = {};
    for (const stored of [10, 10_000]) {
      const dataDir = join(root, `stored-${stored}`);
      const seeder = createFileSessionStore({ dataDir, syncToDisk: false });
      await seeder.init();
      await seedSessions(seeder, stored, { concurrency: 32 });
      await seeder.stop();
      const stats = summarize(await timeTurns(knowledge, dataDir, 10, 2 * CONVERSATION.length));
      byStoredSessions[stored] = stats.p50;
      results.push(
        report(`chat: turn with ${stored} stored sessions (ms)`, { samples: stats.n, p50: stats.p50, p99: stats.p99 }),
      );
    }
    const ratio = (byStoredSessions[10_000] ?? Number.NaN) / (byStoredSessions[10] ?? Number.NaN);
    results.push(report('chat: p50 ratio 10,000 / 10 stored sessions', { ratio, target: '< 1.5' }));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return results;
}
