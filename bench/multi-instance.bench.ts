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
 * The two set-ups (1 instance; 3 instances) run side by side on two databases and are measured in alternating rounds,
 * so other work on a shared machine weighs on both; the ratio of each round is printed as well as the totals.
 *
 * Env: MULTI_SECONDS (measured seconds per set-up, split over the rounds; default 20), MULTI_ROUNDS (default 4),
 * MULTI_USERS (default 30), MULTI_WARMUP_SECONDS (before each round, default 2).
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
let drives = 0;

async function drive(urls: readonly string[], users: number, seconds: number, warmupSeconds: number) {
  const driveNumber = ++drives; // chat ids must not repeat across rounds: a known id needs its session token
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
          chatId: `bench-${process.pid}-${driveNumber}-${index}-${chat}`,
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
  const warmupSeconds = Number(process.env.MULTI_WARMUP_SECONDS ?? 2);
  const rounds = Math.max(1, Number(process.env.MULTI_ROUNDS ?? 4));
  console.log(
    `\n# multi-instance: chat turns over one PostgreSQL, ${users} users, ${seconds} s per set-up in ${rounds} ` +
      `alternating rounds (each after ${warmupSeconds} s warm-up); this machine has ${availableParallelism()} cores shared by PostgreSQL, the instances and the load generator`,
  );
  const postgres = await startPostgresServer({ durable: true });
  const rows: Record<string, string | number>[] = [];
  const directories: string[] = [];
  const clusters = new Map<number, { urls: string[]; stopAll: () => Promise<void> }>();
  try {
    // Both set-ups are started up front and measured in alternation (1, 3, 1, 3, …), so a burst of other work on a
    // shared machine weighs on both rather than on one of them.
    for (const instances of [1, 3]) {
      const database = await postgres.createDatabase(`bench_${instances}`);
      const children: Awaited<ReturnType<typeof spawnServer>>[] = [];
      clusters.set(instances, {
        urls: [],
        stopAll: async () => {
          for (const child of children) await stop(child.child);
        },
      });
      for (let index = 0; index < instances; index++) {
        const dataDir = await mkdtemp(join(tmpdir(), 'advisor-bench-multi-'));
        directories.push(dataDir);
        const server = await spawnServer(['src/index.ts'], {
          ...SERVER_ENV,
          DATABASE_URL: database.url,
          DATA_DIR: dataDir,
        });
        children.push(server);
        clusters.get(instances)?.urls.push(server.url);
      }
    }
    const totals = new Map<number, PhaseResult>([
      [1, { turns: 0, errors: 0, latencies: [], seconds: 0 }],
      [3, { turns: 0, errors: 0, latencies: [], seconds: 0 }],
    ]);
    const roundRatios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const perRound = new Map<number, number>();
      for (const instances of [1, 3]) {
        const phase = await drive(clusters.get(instances)?.urls ?? [], users, seconds / rounds, warmupSeconds);
        const total = totals.get(instances) as PhaseResult;
        total.turns += phase.turns;
        total.errors += phase.errors;
        total.seconds += phase.seconds;
        total.latencies.push(...phase.latencies);
        perRound.set(instances, phase.turns / phase.seconds);
      }
      roundRatios.push((perRound.get(3) ?? 0) / Math.max(1e-9, perRound.get(1) ?? 0));
    }
    for (const [instances, total] of totals) {
      const latency = summarize(total.latencies);
      rows.push(
        report(`multi-instance ${instances} instance${instances === 1 ? '' : 's'}`, {
          turnsPerSecond: total.turns / total.seconds,
          p50Ms: latency.p50,
          p99Ms: latency.p99,
          maxMs: latency.max,
          turns: total.turns,
          errors: total.errors,
        }),
      );
    }
    const one = totals.get(1) as PhaseResult;
    const three = totals.get(3) as PhaseResult;
    if (one.turns > 0) {
      rows.push(
        report('multi-instance 3 vs 1', {
          throughputRatio: three.turns / three.seconds / (one.turns / one.seconds),
          p99Ratio: summarize(three.latencies).p99 / summarize(one.latencies).p99,
          ratioPerRound: roundRatios.map((ratio) => ratio.toFixed(2)).join('/'),
          cores: availableParallelism(),
        }),
      );
    }
  } finally {
    for (const cluster of clusters.values()) await cluster.stopAll();
    await postgres.stop();
    for (const directory of directories) await rm(directory, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.main) await benchMultiInstance();
