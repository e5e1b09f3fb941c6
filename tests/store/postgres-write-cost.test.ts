/**
 * The cost of one write to the PostgreSQL store does not depend on how many sessions exist or on how long the
 * session's history is (issue 13: append-only, one row per message). Asserted structurally, like write-cost.test.ts
 * for the file store: every statement one append sends is recorded (through `pg.Client.prototype.query`), and
 * - the statements are the same with 10 and with 2,000 stored sessions, and with 2 and with 120 earlier messages;
 * - the data written (parameters of INSERT/UPDATE/DELETE) is the new message and one session row, whatever the history;
 * - no statement's plan scans a whole table (EXPLAIN after ANALYZE), so none grows with the number of sessions.
 * bench/store-pg.bench.ts measures the same with a clock (`npm run bench -- store-pg`).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedSessions } from '../../src/store/seed.ts';
import { createPostgresSessionStore } from '../../src/store/session-store.ts';
import { type PostgresServer, postgresTestsSkipped, startPostgresServer } from '../support/postgres-server.ts';

const FIXED_NOW = new Date('2025-06-01T12:00:00.000Z');
const MESSAGE = {
  id: 'fixed-message',
  role: 'user' as const,
  text: 'actually 3 GPUs',
  createdAt: FIXED_NOW.toISOString(),
};

interface Statement {
  text: string;
  values: unknown[];
}

interface Measured {
  statements: Statement[];
  /** Bytes of parameters sent with statements that change data. */
  writtenBytes: number;
  plans: string[];
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const isWrite = (text: string) => /\b(INSERT|UPDATE|DELETE)\b/.test(text) && !/^SELECT set_config/.test(text);

describe.skipIf(postgresTestsSkipped())('one append to the PostgreSQL store', () => {
  let server: PostgresServer;
  const measured = new Map<string, Measured>();

  /** Seeds `storedSessions` sessions, then records one append to a session that has `history` messages. */
  async function measureAppend(storedSessions: number, history: number): Promise<Measured> {
    const database = await server.createDatabase('writecost');
    const store = createPostgresSessionStore({ connectionString: database.url, now: () => FIXED_NOW });
    try {
      await store.init();
      await seedSessions(store, storedSessions, { seed: 7 });
      const target = await store.create({
        messages: Array.from({ length: history }, (_, index) => ({
          role: index % 2 === 0 ? ('user' as const) : ('assistant' as const),
          text: `earlier message ${index} `.repeat(20),
          createdAt: FIXED_NOW.toISOString(),
          id: `h${index}`,
        })),
      });
      await server.query('ANALYZE', [], database.name);
      await store.get(target.session.id, target.token); // warm the pool: no connection set-up in the record

      const statements: Statement[] = [];
      const original = pg.Client.prototype.query;
      const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
        this: pg.Client,
        ...args: unknown[]
      ) {
        const [text, values] = args;
        if (typeof text === 'string') statements.push({ text: normalise(text), values: (values as unknown[]) ?? [] });
        return (original as (...parameters: unknown[]) => unknown).apply(this, args);
      } as typeof original);
      try {
        await store.appendMessages(target.session.id, target.token, [MESSAGE]);
      } finally {
        spy.mockRestore();
      }

      const writtenBytes = statements
        .filter((statement) => isWrite(statement.text))
        .flatMap((statement) => statement.values)
        .map((value) => Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value)))
        .reduce((sum, bytes) => sum + bytes, 0);
      const plans: string[] = [];
      for (const statement of statements) {
        if (statement.values.length === 0) continue; // BEGIN, COMMIT
        const { rows } = await server.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN ${statement.text}`,
          statement.values,
          database.name,
        );
        plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
      }
      return { statements, writtenBytes, plans };
    } finally {
      await store.stop();
      await database.drop();
    }
  }

  beforeAll(async () => {
    server = await startPostgresServer();
    measured.set('10 sessions, 2 messages', await measureAppend(10, 2));
    measured.set('2,000 sessions, 2 messages', await measureAppend(2_000, 2));
    measured.set('10 sessions, 120 messages', await measureAppend(10, 120));
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('sends the same statements whatever the number of sessions and the length of the history', () => {
    const texts = [...measured.values()].map((entry) => entry.statements.map((statement) => statement.text));
    expect(texts[0]!.length).toBeGreaterThanOrEqual(4); // positive control: the spy saw the store's statements
    expect(texts[0]!.some((text) => text.includes('FOR UPDATE'))).toBe(true);
    for (const other of texts.slice(1)) expect(other).toEqual(texts[0]);
    console.info('one append:', JSON.stringify(texts[0]));
  });

  it('writes only the new message and one session row: the same bytes with 2 and with 120 earlier messages', () => {
    const small = measured.get('10 sessions, 2 messages')!;
    const longHistory = measured.get('10 sessions, 120 messages')!;
    const manySessions = measured.get('2,000 sessions, 2 messages')!;
    expect(manySessions.writtenBytes).toBe(small.writtenBytes);
    // The head (profile, counters) is the same size; only the byte total and message count differ by a few digits.
    expect(Math.abs(longHistory.writtenBytes - small.writtenBytes)).toBeLessThanOrEqual(8);
    expect(small.writtenBytes).toBeLessThan(1_000);
    const insert = small.statements.find((statement) => statement.text.includes('INSERT INTO chat_session_messages'));
    expect(insert?.values).toContainEqual([JSON.stringify(MESSAGE)]);
  });

  it('never scans a whole table (index lookups only), so no statement grows with the number of sessions', () => {
    const { plans } = measured.get('2,000 sessions, 2 messages')!;
    expect(plans.length).toBeGreaterThanOrEqual(3);
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on chat_session/);
  });
});
