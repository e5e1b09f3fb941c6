/**
 * What the PostgreSQL session store guarantees beyond the shared contract (contract/): migrations that instances
 * starting together apply once, per-session order across instances (row locks, not an in-process mutex), pruning that
 * two instances run at once without double work, and the outage behaviour of a real server: down, full, slow.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/store/postgres/migrate.ts';
import {
  createPostgresSessionStore,
  type PostgresSessionStoreOptions,
} from '../../src/store/postgres-session-store.ts';
import type { SessionStore } from '../../src/store/session-store.ts';
import { StoreUnavailableError } from '../../src/store/store-errors.ts';
import {
  type PostgresServer,
  type PostgresTestDatabase,
  postgresTestsSkipped,
  startPostgresServer,
} from '../support/postgres-server.ts';
import { snapshotSession } from './contract/postgres-storage-hooks.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.skipIf(postgresTestsSkipped())('PostgreSQL session store', () => {
  let server: PostgresServer;
  let database: PostgresTestDatabase;
  const stores: SessionStore[] = [];

  beforeAll(async () => {
    server = await startPostgresServer();
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    database = await server.createDatabase('pgstore');
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.stop().catch(() => undefined);
    await database.drop().catch(() => undefined);
  });

  /** One "instance": a store with its own pool. Not initialised. */
  function instance(options: Partial<PostgresSessionStoreOptions> = {}) {
    const store = createPostgresSessionStore({ connectionString: database.url, ...options });
    stores.push(store);
    return store;
  }

  async function openInstance(options: Partial<PostgresSessionStoreOptions> = {}) {
    const store = instance(options);
    await store.init();
    return store;
  }

  describe('migrations', () => {
    it('are applied once when several instances start at the same moment, and not again on restart', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, () => instance().init()));
      const files = (await loadMigrations()).map((migration) => migration.name);
      expect(files[0]).toBe('001_chat_sessions.sql');
      // Exactly one instance applied them; the others waited for the advisory lock and found nothing to do.
      expect(results.flatMap((result) => result.migrations.applied).sort()).toEqual(files);
      expect(results.every((result) => result.migrations.version === files.length)).toBe(true);
      const { rows } = await server.query<{ name: string }>(
        'SELECT name FROM schema_migrations ORDER BY version',
        [],
        database.name,
      );
      expect(rows.map((row) => row.name)).toEqual(files);
      const again = await instance().init();
      expect(again.migrations.applied).toEqual([]);
    });

    it('refuse to run when the database records another migration under a version this code has', async () => {
      await openInstance();
      await server.query("UPDATE schema_migrations SET name = '001_something_else.sql'", [], database.name);
      await expect(instance().init()).rejects.toThrow(/recorded as 001_something_else\.sql/);
    });

    it('report versions the database has and this code does not (a newer release ran here)', async () => {
      await openInstance();
      await server.query(
        "INSERT INTO schema_migrations (version, name) VALUES (999, '999_future.sql')",
        [],
        database.name,
      );
      expect((await instance().init()).migrations.unknown).toEqual([999]);
    });
  });

  describe('several instances on one database', () => {
    it('serialise writes to one session across instances: no lost update, each write sees the one before', async () => {
      const [first, second, third] = await Promise.all([openInstance(), openInstance(), openInstance()]);
      const instances = [first!, second!, third!];
      const { session, token } = await first!.create();
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          instances[index % 3]!.update(session.id, token, async (draft) => {
            // A turn's work between reading and writing: without the row lock, instances would overwrite each other.
            await new Promise((resolve) => setTimeout(resolve, index % 4));
            draft.messages.push({ id: `m${index}`, role: 'user', text: `${index}`, createdAt: draft.updatedAt });
            draft.questionsAsked += 1;
          }),
        ),
      );
      const lengths = results.map((result) => result?.messages.length ?? 0).sort((left, right) => left - right);
      expect(lengths).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
      const order = (await first!.get(session.id, token))!.messages.map((message) => Number(message.id.slice(1)));
      expect([...order].sort((left, right) => left - right)).toEqual(Array.from({ length: 60 }, (_, index) => index));
      // Each instance's calls keep the order they were made in, inside the global order.
      for (let position = 0; position < 3; position++) {
        const own = order.filter((index) => index % 3 === position);
        expect(own).toEqual([...own].sort((left, right) => left - right));
      }
      for (const store of instances) expect((await store.get(session.id, token))?.questionsAsked).toBe(60);
    });

    it('see each other’s sessions at once: has, get, count and delete', async () => {
      const [writer, reader] = await Promise.all([openInstance(), openInstance()]);
      const { session, token } = await writer!.create({ messages: [{ role: 'user', text: 'from the writer' }] });
      expect(await reader!.has(session.id)).toBe(true);
      expect((await reader!.get(session.id, token))?.messages[0]?.text).toBe('from the writer');
      await reader!.appendMessages(session.id, token, [{ role: 'assistant', text: 'from the reader' }]);
      expect((await writer!.get(session.id, token))?.messages.map((message) => message.text)).toEqual([
        'from the writer',
        'from the reader',
      ]);
      expect(await reader!.count()).toBe(1);
      expect(await reader!.delete(session.id, token)).toBe(true);
      expect(await writer!.has(session.id)).toBe(false);
      expect(await writer!.get(session.id, token)).toBeUndefined();
    });

    it('refuse a second create of one chosen id from another instance (one chat id, two first turns)', async () => {
      const [left, right] = await Promise.all([openInstance(), openInstance()]);
      const id = 'SameChatIdAAAAAAAAAAAA';
      const outcomes = await Promise.allSettled([left!.create({ id }), right!.create({ id })]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ name: 'SessionExistsError' });
    });

    it('prune at the same time without double work, and skip a session another instance is writing', async () => {
      const start = Date.parse('2025-01-01T00:00:00.000Z');
      let clock = start;
      const options = { now: () => new Date(clock), ttlMs: DAY_MS, pruneBatchSize: 7 };
      const [left, right] = await Promise.all([openInstance(options), openInstance(options)]);
      const created = [];
      for (let index = 0; index < 120; index++) created.push(await left!.create());
      clock = start + 2 * DAY_MS;

      // `right` holds one expired session's row lock (a slow turn) while both instances prune.
      const busy = created[0]!;
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked: () => void = () => undefined;
      const lockTaken = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const slowUpdate = right!.update(busy.session.id, busy.token, async (draft) => {
        locked();
        await held;
        draft.questionsAsked += 1;
      });
      await lockTaken;
      const [removedLeft, removedRight] = await Promise.all([left!.pruneExpired(), right!.pruneExpired()]);
      release();
      expect((await slowUpdate)?.questionsAsked).toBe(1);

      expect(removedLeft! + removedRight!).toBe(119); // each expired session removed exactly once
      expect(await left!.count()).toBe(1);
      expect(await left!.get(busy.session.id, busy.token)).toBeDefined();
    });

    it('wait at most PG_LOCK_TIMEOUT_MS for a session another instance holds, then 503 (nothing written)', async () => {
      const holder = await openInstance();
      const impatient = await openInstance({ lockTimeoutMs: 300 });
      const { session, token } = await holder.create();
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked: () => void = () => undefined;
      const lockTaken = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holding = holder.update(session.id, token, async (draft) => {
        locked();
        await held;
        draft.messages.push({ id: 'slow', role: 'user', text: 'slow turn', createdAt: draft.updatedAt });
      });
      await lockTaken;
      const started = performance.now();
      const error = await impatient
        .appendMessages(session.id, token, [{ role: 'user', text: 'too late' }])
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).code).toBe('ETIMEDOUT');
      expect(performance.now() - started).toBeLessThan(3_000);
      release();
      await holding;
      expect((await impatient.get(session.id, token))?.messages.map((message) => message.text)).toEqual(['slow turn']);
    });
  });

  describe('outages', () => {
    it('a database that goes down: 503-class errors and a failing readiness probe, then recovery with nothing lost', async () => {
      const store = await openInstance({ connectTimeoutMs: 1_000 });
      const { session, token } = await store.create({ messages: [{ role: 'user', text: 'acknowledged' }] });
      await server.kill();
      try {
        const error = await store
          .appendMessages(session.id, token, [{ role: 'user', text: 'refused' }])
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect(['ECONNREFUSED', 'ECONNRESET', 'PG_SHUTDOWN']).toContain((error as StoreUnavailableError).code);
        await expect(store.create()).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.get(session.id, token)).rejects.toBeInstanceOf(StoreUnavailableError);
        const check = await store.checkWritable();
        expect(check).toMatchObject({ ok: false, code: 'ECONNREFUSED' });
        expect(check.reason).toMatch(/cannot write to PostgreSQL 127\.0\.0\.1:\d+\/pgstore_\w+: ECONNREFUSED/);
      } finally {
        await server.restart();
      }
      expect(await store.checkWritable()).toEqual({ ok: true });
      const after = await store.appendMessages(session.id, token, [{ role: 'user', text: 'after recovery' }]);
      expect(after?.messages.map((message) => message.text)).toEqual(['acknowledged', 'after recovery']);
    });

    it('a full database (SQLSTATE 53100) gives ENOSPC like a full disk, and writes nothing', async () => {
      const store = await openInstance();
      const { session, token } = await store.create({ messages: [{ role: 'user', text: 'kept' }] });
      const before = await snapshotSession(server, database.name, session.id);
      // The server itself raises disk_full on every insert, as PostgreSQL does when it cannot extend a file.
      await server.query(
        `CREATE FUNCTION disk_is_full() RETURNS trigger LANGUAGE plpgsql AS
           $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$;
         CREATE TRIGGER full_messages BEFORE INSERT ON chat_session_messages FOR EACH ROW EXECUTE FUNCTION disk_is_full();
         CREATE TRIGGER full_probes BEFORE INSERT OR UPDATE ON store_probes FOR EACH ROW EXECUTE FUNCTION disk_is_full();`,
        [],
        database.name,
      );
      const error = await store
        .appendMessages(session.id, token, [{ role: 'user', text: 'no room' }])
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ code: 'ENOSPC' });
      expect((error as Error).message).toContain('no space left on device');
      expect(await store.checkWritable()).toMatchObject({ ok: false, code: 'ENOSPC' });
      expect(await snapshotSession(server, database.name, session.id)).toBe(before);
      expect((await store.get(session.id, token))?.messages).toHaveLength(1);
    });

    it('a turn that holds its session past PG_LOCK_TIMEOUT_MS loses its transaction: 503, the lock is free', async () => {
      const store = await openInstance({ lockTimeoutMs: 300 });
      const other = await openInstance();
      const { session, token } = await store.create();
      const error = await store
        .update(session.id, token, async (draft) => {
          await new Promise((resolve) => setTimeout(resolve, 1_000)); // a hung extraction
          draft.questionsAsked = 5;
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(['ETIMEDOUT', 'ECONNRESET']).toContain((error as StoreUnavailableError).code);
      // Nothing was written, and another instance can write the session right away.
      expect((await other.get(session.id, token))?.questionsAsked).toBe(0);
      expect((await other.appendMessages(session.id, token, [{ role: 'user', text: 'next' }]))?.messages).toHaveLength(
        1,
      );
      // The instance whose connection was dropped carries on with a fresh one.
      expect((await store.get(session.id, token))?.messages).toHaveLength(1);
    });

    it('a statement past PG_STATEMENT_TIMEOUT_MS is cancelled: ETIMEDOUT, nothing written', async () => {
      const store = await openInstance({ statementTimeoutMs: 200 });
      const { session, token } = await store.create();
      await server.query(
        `CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS
           $$ BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$;
         CREATE TRIGGER slow BEFORE INSERT ON chat_session_messages FOR EACH ROW EXECUTE FUNCTION slow_insert();`,
        [],
        database.name,
      );
      const error = await store
        .appendMessages(session.id, token, [{ role: 'user', text: 'slow' }])
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'StoreUnavailableError', code: 'ETIMEDOUT' });
      expect((await store.get(session.id, token))?.messages).toEqual([]);
    });

    it('init fails with StoreUnavailableError naming the database, without its password', async () => {
      const url = `postgres://advisor:very-secret-password@127.0.0.1:${server.port}/no_such_database`;
      const store = createPostgresSessionStore({ connectionString: url });
      stores.push(store);
      const error = await store.init().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain('127.0.0.1');
      expect((error as Error).message).not.toContain('very-secret-password');
    });
  });

  it('stores only the sha256 of the token, and one row per message', async () => {
    const store = await openInstance();
    const { session, token } = await store.create();
    await store.appendMessages(session.id, token, [
      { role: 'user', text: 'one' },
      { role: 'assistant', text: 'two' },
    ]);
    const { rows } = await server.query<{ found: string }>(
      `SELECT concat(s::text, string_agg(m::text, '')) AS found
         FROM chat_sessions s JOIN chat_session_messages m ON m.session_id = s.id GROUP BY s.*`,
      [],
      database.name,
    );
    expect(rows[0]?.found).toContain(session.tokenHash);
    expect(rows[0]?.found).not.toContain(token);
    const { rows: messages } = await server.query<{ position: number }>(
      'SELECT position FROM chat_session_messages WHERE session_id = $1 ORDER BY position',
      [session.id],
      database.name,
    );
    expect(messages.map((row) => row.position)).toEqual([0, 1]);
  });
});
