/**
 * Multi-instance (issue 13, item 4): chat throughput and latency with 1 and with 3 server processes over one
 * PostgreSQL (a throw-away, crash-safe cluster from tests/support/postgres-server.ts; Debian's postgresql is installed
 * with apt-get when missing, which needs root). Each instance is the real entry (`node src/index.ts`) with
 * `DATABASE_URL` set and a DATA_DIR of its own; the shared rate limits are on but set high enough never to refuse,
 * so every request pays its rate-limit round trip to the database as it would in production.
 *
 * Virtual users chat through a round-robin of the instances, each request to the next one, going through a
 * realistic 10-turn conversation and then starting a new chat. A turn counts when its stream is complete (HTTP 200,
 * `finish`, `[DONE]`); its latency is until the last byte.
 *
 * Everything runs on this machine: the load generator, PostgreSQL and the instances share its cores, so 3 instances
 * show what one more process costs or gains here, not what 3 machines would give.
 *
 * Env: MULTI_SECONDS (per phase, default 20), MULTI_USERS (default 30), MULTI_WARMUP_SECONDS (default 3).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChatSession, CONVERSATION, sendChatTurn } from '../tests/faults/process-harness.ts';
import { startPostgresServer } from '../tests/support/postgres-server.ts';
import { spawnServer, stop } from './process-helpers.ts';
import { report, summarize } from './stats.ts';

const SERVER_ENV: Record<string, string> = {
  PORT: '0',
  HOST: '127.0.0.1',
  ENV_FILE: 'none',
  LOG_LEVEL: 'info', // the "listening" line is at info; the log goes to a file, not through this process
  // Shared limits on (one loopback address sends everything), high enough never to refuse.
  RATE_LIMIT_PER_MINUTE: '1000000',
  RATE_LIMIT_LLM_PER_MINUTE: '0',
  MAX_SESSIONS_PER_CLIENT: '1000000',
  MAX_MESSAGES_PER_SESSION: '100000',
};

interface PhaseResult {
  turns: number;
  errors: number;
  latencies: number[];
  seconds: number;
}

/** `users` virtual users chat through `urls` round-robin for `seconds` (after `warmupSeconds`). */
async function drive(urls: readonly string[], users: number, seconds: number, warmupSeconds: number) {
  const warmupEnds = performance.now() + warmupSeconds * 1000;
  const ends = warmupEnds + seconds * 1000;
  const result: PhaseResult = { turns: 0, errors: 0, latencies: [], seconds };
  let next = 0;
  async function user(index: number): Promise<void> {
    let session: ChatSession | undefined;
    let chat = 0;
    for (let turn = 0; performance.now() < ends; turn++) {
      const conversationTurn = turn % CONVERSATION.length;
      if (conversationTurn === 0) {
        session = undefined;
        chat += 1;
      }
      const url = urls[next++ % urls.length] as string;
      const started = performance.now();
      let ok = false;
      try {
        const outcome = await sendChatTurn(url, {
          session,
          userMessageId: `u${index}-c${chat}-t${conversationTurn}`,
          text: CONVERSATION[conversationTurn] as string,
          chatId: `bench-${process.pid}-${urls.length}-${index}-${chat}`,
        });
        if (outcome.session !== undefined) session = outcome.session;
        ok = outcome.acknowledged;
      } catch {
        ok = false;
      }
      const finished = performance.now();
      if (started < warmupEnds || finished > ends) continue;
      if (ok) {
        result.turns += 1;
        result.latencies.push(finished - started);
      } else result.errors += 1;
    }
  }
  await Promise.all(Array.from({ length: users }, (_, index) => user(index)));
  return result;
}

export async function benchMultiInstance(): Promise<Record<string, string | number>[]> {
  const seconds = Number(process.env.MULTI_SECONDS ?? 20);
  const users = Number(process.env.MULTI_USERS ?? 30);
  const warmupSeconds = Number(process.env.MULTI_WARMUP_SECONDS ?? 3);
  console.log(
    `\n# multi-instance: chat turns over one PostgreSQL, ${users} users, ${seconds} s per phase after ${warmupSeconds} s ` +
      `warm-up; this machine has ${availableParallelism()} cores shared by PostgreSQL, the instances and the load generator`,
  );
  const postgres = await startPostgresServer({ durable: true });
  const rows: Record<string, string | number>[] = [];
  const directories: string[] = [];
  try {
    const results = new Map<number, PhaseResult>();
    for (const instances of [1, 3]) {
      const database = await postgres.createDatabase(`bench_${instances}`);
      const servers = [];
      try {
        for (let index = 0; index < instances; index++) {
          const dataDir = await mkdtemp(join(tmpdir(), 'advisor-bench-multi-'));
          directories.push(dataDir);
          servers.push(
            await spawnServer(['src/index.ts'], { ...SERVER_ENV, DATABASE_URL: database.url, DATA_DIR: dataDir }),
          );
        }
        const phase = await drive(
          servers.map((server) => server.url),
          users,
          seconds,
          warmupSeconds,
        );
        results.set(instances, phase);
        const latency = summarize(phase.latencies);
        rows.push(
          report(`multi-instance ${instances} instance${instances === 1 ? '' : 's'}`, {
            turnsPerSecond: phase.turns / phase.seconds,
            p50Ms: latency.p50,
            p99Ms: latency.p99,
            maxMs: latency.max,
            turns: phase.turns,
            errors: phase.errors,
          }),
        );
      } finally {
        for (const server of servers) await stop(server.child);
        await database.drop().catch(() => undefined);
      }
    }
    const one = results.get(1);
    const three = results.get(3);
    if (one !== undefined && three !== undefined && one.turns > 0) {
      rows.push(
        report('multi-instance 3 vs 1', {
          throughputRatio: three.turns / three.seconds / (one.turns / one.seconds),
          p99Ratio: summarize(three.latencies).p99 / summarize(one.latencies).p99,
          cores: availableParallelism(),
        }),
      );
    }
  } finally {
    await postgres.stop();
    for (const directory of directories) await rm(directory, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.main) await benchMultiInstance();
