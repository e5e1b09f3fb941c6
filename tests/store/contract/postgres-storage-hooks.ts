/** Storage-level hooks for the PostgreSQL store's tests: a raw snapshot of one session, and a read-only database. */
import type { PostgresServer } from '../../support/postgres-server.ts';

/**
 * Everything stored for one session (its row and its message rows, in order) as one string, or undefined when
 * there is no row. The `corrupt` flag is left out: it is the store's note about the data, not the data.
 */
export async function snapshotSession(
  server: PostgresServer,
  database: string,
  id: string,
): Promise<string | undefined> {
  const { rows } = await server.query<{ stored: string }>(
    `SELECT concat_ws(E'\\n', s.id, s.token_hash, s.head, s.updated_at::text, s.messages::text, s.bytes::text,
              (SELECT string_agg(m.position || ':' || m.message, E'\\n' ORDER BY m.position)
                 FROM chat_session_messages m WHERE m.session_id = s.id)) AS stored
       FROM chat_sessions s WHERE s.id = $1`,
    [id],
    database,
  );
  return rows[0]?.stored;
}

/** Ends every other connection to `database`, and waits a moment for pools to notice and drop them. */
export async function disconnectClients(server: PostgresServer, database: string): Promise<void> {
  await server.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/**
 * Makes `database` read-only for new transactions (as a hot standby or an operator's `default_transaction_read_only`
 * is): writes fail with SQLSTATE 25006, which the store reports as EROFS. Existing connections are ended so that
 * pooled ones pick the setting up.
 */
export async function refuseWrites(
  server: PostgresServer,
  database: string,
): Promise<{ code: string; reasonPattern: RegExp; restore: () => Promise<void> }> {
  await server.query(`ALTER DATABASE "${database}" SET default_transaction_read_only = on`);
  await disconnectClients(server, database);
  return {
    code: 'EROFS',
    reasonPattern: /read-only/,
    async restore() {
      await server.query(`ALTER DATABASE "${database}" RESET default_transaction_read_only`);
      await disconnectClients(server, database);
    },
  };
}
