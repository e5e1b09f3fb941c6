/**
 * The SessionStore contract against PostgreSQL on a real server (tests/support/postgres-server.ts): a fresh database
 * per test, the store's own migrations applied by its init().
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { createPostgresSessionStore, type SessionStore } from '../../../src/store/session-store.ts';
import { type PostgresServer, postgresTestsSkipped, startPostgresServer } from '../../support/postgres-server.ts';
import { refuseWrites, snapshotSession } from './postgres-storage-hooks.ts';
import { describeSessionStoreContract, type StoreUnderTest } from './session-store-contract.ts';

let server: PostgresServer;

async function postgresStorage(): Promise<StoreUnderTest> {
  const database = await server.createDatabase('contract');
  const stores: SessionStore[] = [];
  return {
    create(options = {}) {
      const store = createPostgresSessionStore({ connectionString: database.url, ...options });
      stores.push(store);
      return store;
    },
    snapshot: (id) => snapshotSession(server, database.name, id),
    async damage(id, how) {
      const statement = {
        truncated: 'UPDATE chat_sessions SET head = left(head, length(head) / 2) WHERE id = $1',
        garbage: "UPDATE chat_session_messages SET message = 'not json' WHERE session_id = $1 AND position = 0",
        'wrong-shape': "UPDATE chat_sessions SET head = (head::jsonb - 'profile')::text WHERE id = $1",
      }[how];
      const { rowCount } = await server.query(statement, [id], database.name);
      if (rowCount !== 1) throw new Error(`damage(${how}) changed ${rowCount} rows`);
    },
    refuseWrites: () => refuseWrites(server, database.name),
    async dispose() {
      for (const store of stores.splice(0)) await store.stop();
      await database.drop();
    },
  };
}

describe.skipIf(postgresTestsSkipped())('PostgreSQL on a real server', () => {
  beforeAll(async () => {
    server = await startPostgresServer();
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });
  describeSessionStoreContract('PostgreSQL', postgresStorage);
});
