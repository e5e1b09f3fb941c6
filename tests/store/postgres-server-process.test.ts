/**
 * The real server process with `DATABASE_URL` (issue 13, item 1, end to end): two instances on one PostgreSQL serve
 * one conversation; when the database goes down, /readyz says so (503, reason without the password), chat writes get
 * 503 JSON and nothing is acknowledged; once it is back, both instances carry on with every acknowledged message.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONVERSATION,
  killIfRunning,
  readHistory,
  type ServerProcess,
  sendChatTurn,
  startServerProcess,
} from '../faults/process-harness.ts';
import { type PostgresServer, postgresTestsSkipped, startPostgresServer } from '../support/postgres-server.ts';

interface Readiness {
  status: string;
  checks: { name: string; ok: boolean; reason?: string }[];
}

const PASSWORD = 'pg-password-never-logged';

describe.skipIf(postgresTestsSkipped())('server processes with DATABASE_URL', () => {
  let postgres: PostgresServer;
  let dataDir: string;

  beforeAll(async () => {
    postgres = await startPostgresServer();
    dataDir = await mkdtemp(join(tmpdir(), 'advisor-pg-process-'));
  }, 600_000);
  afterAll(async () => {
    await postgres?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  it('share sessions, report a database outage in /readyz and 503s, and recover with nothing lost', async () => {
    const database = await postgres.createDatabase('process');
    // Trust authentication ignores the password; it is there to prove it never reaches a log line or a response.
    const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${postgres.port}/${database.name}`;
    const env = { DATABASE_URL: url, DATA_DIR: dataDir, PG_CONNECT_TIMEOUT_MS: '1000' };
    let first: ServerProcess | undefined;
    let second: ServerProcess | undefined;
    try {
      [first, second] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      expect(first.stdout()).toMatch(/"msg":"session store opened".*"store":"postgresql 127\.0\.0\.1:\d+\/process_/);
      // Started together, the two instances migrated the new database once: one applied, the other found it done.
      const applied = [first, second].map((instance) =>
        instance.stdout().includes('"migrationsApplied":["001_chat_sessions.sql"]'),
      );
      expect(applied.sort()).toEqual([false, true]);
      expect(first.stdout() + second.stdout()).toContain('"migrationsApplied":[]');
      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);

      const opening = await sendChatTurn(first.url, { userMessageId: 'u-1', text: CONVERSATION[0] as string });
      expect(opening.acknowledged).toBe(true);
      const session = opening.session;
      if (session === undefined) throw new Error('no session');
      // The other instance continues the same conversation.
      const next = await sendChatTurn(second.url, { session, userMessageId: 'u-2', text: CONVERSATION[1] as string });
      expect(next.acknowledged).toBe(true);

      await postgres.kill();
      try {
        const ready = await fetch(`${first.url}/readyz`);
        expect(ready.status).toBe(503);
        const readiness = (await ready.json()) as Readiness;
        const failing = readiness.checks.find((check) => !check.ok);
        expect(failing?.name).toBe('session-store-writable');
        expect(failing?.reason).toMatch(/PostgreSQL .*ECONNREFUSED/);

        const refused = await sendChatTurn(second.url, {
          session,
          userMessageId: 'u-3',
          text: CONVERSATION[2] as string,
        });
        expect(refused.status).toBe(503);
        expect(refused.acknowledged).toBe(false);
        expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'store_unavailable' } });
        for (const text of [JSON.stringify(readiness), refused.body]) expect(text).not.toContain(PASSWORD);
      } finally {
        await postgres.restart();
      }

      expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      const after = await sendChatTurn(first.url, { session, userMessageId: 'u-4', text: CONVERSATION[3] as string });
      expect(after.acknowledged).toBe(true);
      for (const instance of [first, second]) {
        const history = await readHistory(instance.url, session);
        expect(history.status).toBe(200);
        expect(history.messages.filter((message) => message.role === 'user').map((message) => message.id)).toEqual([
          'u-1',
          'u-2',
          'u-4',
        ]);
      }
      for (const instance of [first, second]) {
        expect(instance.stdout() + instance.stderr()).not.toContain(PASSWORD);
      }
    } finally {
      await killIfRunning(first);
      await killIfRunning(second);
      await database.drop();
    }
  });
});
