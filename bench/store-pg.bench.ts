/**
 * PostgreSQL session store write latency with few and with many stored sessions (issue 13 target: p99 at 10,000
 * sessions within 1.5x of p99 at 10). Starts its own crash-safe PostgreSQL on loopback (tests/support/
 * postgres-server.ts, fsync on), fills one database with 10 and another with 10,000 realistic sessions (20 messages,
 * about 17 KB each: the first 10 through the store, the rest copied from them in SQL, so seeding takes seconds), then
 * times chat-turn writes (a user and an assistant message plus the profile patch) through the store: sequentially, and
 * with 8 writes in flight. Each block of writes starts from the seeded 20-message histories. The rounds alternate 10 / 10,000 / 10 / 10,000 so drift on the
 * machine (checkpoints, other processes) hits both sizes alike.
 *
 * `npm run bench -- store-pg`. Env: STORE_PG_WRITES (per round, default 600), STORE_PG_SESSIONS (default 10000).
 */
import { seedSessions } from '../src/store/seed.ts';
import { createPostgresSessionStore, type SessionStore } from '../src/store/session-store.ts';
import { type PostgresServer, startPostgresServer } from '../tests/support/postgres-server.ts';
import { report, summarize } from './stats.ts';

interface Target {
  id: string;
  token: string;
}

/** Copies the seeded sessions (rows and messages) under new ids until the database holds `total` sessions. */
async function copySessions(server: PostgresServer, database: string, total: number): Promise<void> {
  const { rows } = await server.query<{ sessions: number }>(
    'SELECT count(*)::integer AS sessions FROM chat_sessions',
    [],
    database,
  );
  const missing = total - (rows[0]?.sessions ?? 0);
  if (missing <= 0) return;
  await server.query(
    `CREATE TEMP TABLE copies AS
       SELECT substr(translate(encode(sha256(('copy' || n)::bytea), 'base64'), '+/=', '-_x'), 1, 22) AS id,
              (SELECT id FROM chat_sessions ORDER BY id OFFSET (n % 10) LIMIT 1) AS source
         FROM generate_series(1, $1::integer) AS n;
     INSERT INTO chat_sessions (id, token_hash, head, updated_at, messages, bytes)
       SELECT c.id, s.token_hash, s.head, s.updated_at, s.messages, s.bytes FROM copies c JOIN chat_sessions s ON s.id = c.source;
     INSERT INTO chat_session_messages (session_id, position, message)
       SELECT c.id, m.position, m.message FROM copies c JOIN chat_session_messages m ON m.session_id = c.source;`.replace(
      '$1::integer',
      String(missing),
    ),
    [],
    database,
  );
}

/**
 * Brings a freshly seeded database to a steady state before timing: VACUUM sets the hint bits a bulk load leaves
 * unset (else the first reads dirty every page) and ANALYZE gives the planner real statistics; CHECKPOINT flushes
 * the seeding's dirty pages now instead of in the middle of a timed round.
 */
async function settle(server: PostgresServer, database: string): Promise<void> {
  await server.query('VACUUM (ANALYZE)', [], database);
  await server.query('CHECKPOINT', [], database);
}

/** One chat turn's write: two messages and the profile patch, as the chat service stores a turn. */
function turn(store: SessionStore, target: Target, index: number) {
  return store.appendMessages(
    target.id,
    target.token,
    [
      { role: 'user', text: `We now have ${index % 8} A100 80GB cards and about ${index * 10} labeled examples.` },
      {
        role: 'assistant',
        text: 'With that budget a LoRA adapter on an 8B model is feasible; retrieval keeps answers current. '.repeat(3),
        parts: [{ type: 'data-recommendation', data: { method: 'lora', verdict: 'recommended', score: 82 } }],
      },
    ],
    { profile: { gpuCount: index % 8, gpuName: 'A100 80GB', labeledExamples: index * 10 }, questionsAsked: 3 },
  );
}

/**
 * Times `writes` turns over `targets`, `inFlight` at a time. The targets are first cut back to their 20 seeded
 * messages (untimed), so every block starts from the same realistic history at both sizes: with the default 600
 * writes over 10 targets a conversation grows from 20 to 140 messages, under MAX_MESSAGES_PER_SESSION (200).
 */
async function timeWrites(store: SessionStore, targets: Target[], writes: number, inFlight: number) {
  for (const target of targets) {
    await store.update(target.id, target.token, (draft) => {
      draft.messages.splice(20);
    });
  }
  const samples: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < writes) {
      const index = next++;
      const started = performance.now();
      const written = await turn(store, targets[index % targets.length]!, index);
      samples.push(performance.now() - started);
      if (written === undefined) throw new Error('a bench write found no session');
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { ...summarize(samples), samples };
}

/** Rounds of timed writes per size, alternating sizes. */
const ROUNDS = 3;

export async function benchStorePostgres(): Promise<void> {
  const writes = Number(process.env.STORE_PG_WRITES ?? 600);
  const many = Number(process.env.STORE_PG_SESSIONS ?? 10_000);
  console.log(`\n# PostgreSQL session store: chat-turn write latency with 10 and with ${many} stored sessions`);
  const server = await startPostgresServer({ durable: true });
  try {
    report('store-pg: server', { postgres: server.version, fsync: 'on', synchronous_commit: 'on' });
    const setups: { sessions: number; store: SessionStore; targets: Target[] }[] = [];
    for (const sessions of [10, many]) {
      const database = await server.createDatabase(`bench_${sessions}`);
      const store = createPostgresSessionStore({ connectionString: database.url });
      await store.init();
      const seeded = await seedSessions(store, 10, { seed: 3 });
      const started = performance.now();
      await copySessions(server, database.name, sessions);
      await settle(server, database.name);
      const { rows } = await server.query<{ size: string }>(
        'SELECT pg_size_pretty(pg_database_size(current_database())) AS size',
        [],
        database.name,
      );
      report(`store-pg: seeded ${sessions}`, {
        sessions: await store.count(),
        database: rows[0]?.size ?? '?',
        seed_ms: Math.round(performance.now() - started),
      });
      // Writes go to the 10 seeded sessions (whose tokens are known): the same targets and history at both sizes.
      await timeWrites(store, seeded, 60, 1); // warm-up: connections, plans, caches
      setups.push({ sessions, store, targets: seeded });
    }
    // Every timed write of a size, over all rounds: its p99 is the figure the target is about.
    const sequential = new Map<number, number[]>();
    const concurrent = new Map<number, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const { sessions, store, targets } of setups) {
        const one = await timeWrites(store, targets, writes, 1);
        const eight = await timeWrites(store, targets, writes, 8);
        sequential.set(sessions, [...(sequential.get(sessions) ?? []), ...one.samples]);
        concurrent.set(sessions, [...(concurrent.get(sessions) ?? []), ...eight.samples]);
        report(`store-pg: round ${round + 1}, ${sessions} sessions, ms`, {
          p50: one.p50,
          p99: one.p99,
          max: one.max,
          p99_8_in_flight: eight.p99,
          writes_per_s_8_in_flight: Math.round((1000 * 8) / eight.mean),
        });
      }
    }
    const p99 = (samples: number[] | undefined) => summarize(samples ?? []).p99;
    for (const sessions of [10, many]) {
      report(`store-pg: all rounds, ${sessions} sessions, ms`, {
        writes: sequential.get(sessions)?.length ?? 0,
        p50: summarize(sequential.get(sessions) ?? []).p50,
        p99: p99(sequential.get(sessions)),
        p99_8_in_flight: p99(concurrent.get(sessions)),
      });
    }
    const ratio = p99(sequential.get(many)) / p99(sequential.get(10));
    const ratioConcurrent = p99(concurrent.get(many)) / p99(concurrent.get(10));
    report(`store-pg: p99 ratio ${many} / 10 sessions`, {
      sequential: Number(ratio.toFixed(2)),
      eight_in_flight: Number(ratioConcurrent.toFixed(2)),
      target: '< 1.5',
      verdict: ratio < 1.5 && ratioConcurrent < 1.5 ? 'met' : 'NOT met',
    });
    for (const { store } of setups) await store.stop();
  } finally {
    await server.stop();
  }
}
