/**
 * @module store/postgres/migrate: applies the versioned SQL files of `src/store/postgres/migrations/`
 * (`NNN_description.sql`, in version order), each in its own transaction, and records each in `schema_migrations`.
 *
 * Instances that start together take turns under a session-level advisory lock: the first applies what is missing,
 * the others wait for the lock, then find nothing left to do. A migration is never edited once released; a change is
 * a new file with the next number.
 */
import { readdir, readFile } from 'node:fs/promises';
import type pg from 'pg';

/** One migration file. */
export interface Migration {
  version: number;
  /** The file name, e.g. `001_chat_sessions.sql`. */
  name: string;
  sql: string;
}

/** Result of {@link migrate}. */
export interface MigrationResult {
  /** Names of the migrations this call applied (empty when the schema was up to date). */
  applied: string[];
  /** Highest version now recorded. */
  version: number;
  /** Versions recorded in the database that this code does not know (the database is newer than the code). */
  unknown: number[];
}

/** The migrations of this code and those recorded in the database disagree: a deployment problem, not an outage. */
export class MigrationHistoryError extends Error {
  override readonly name = 'MigrationHistoryError';
}

/** The directory holding the migration files of this version of the code. */
export const MIGRATIONS_DIRECTORY = new URL('./migrations/', import.meta.url);

/**
 * Advisory lock key of the migration runner ("advisor-migrations" as a number): every instance uses the same one. The
 * two-key form keeps it apart from locks taken with one bigint key (e.g. by other applications on the database).
 */
const MIGRATION_LOCK = [0x61647669, 0x6d696772] as const;

const MIGRATION_FILE = /^(\d{3,})_[a-z0-9_]+\.sql$/;

/** Reads and orders the migration files; throws on a badly named file or a duplicate version. */
export async function loadMigrations(directory: URL | string = MIGRATIONS_DIRECTORY): Promise<Migration[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const match = MIGRATION_FILE.exec(name);
    if (match === null) {
      throw new Error(`Migration file ${name} must be named NNN_description.sql (lower case, digits, underscores)`);
    }
    const version = Number(match[1]);
    if (migrations.some((migration) => migration.version === version)) {
      throw new Error(`Two migration files have version ${version}; give ${name} the next free number`);
    }
    const path = typeof directory === 'string' ? `${directory.replace(/\/$/, '')}/${name}` : new URL(name, directory);
    migrations.push({ version, name, sql: await readFile(path, 'utf8') });
  }
  return migrations.sort((left, right) => left.version - right.version);
}

/**
 * Brings the schema up to date on `client` (a dedicated connection: the advisory lock belongs to its session). Waits
 * for another instance's run to finish first. Throws when a recorded migration has another name than the file of the
 * same version (the code and the database disagree about history), and on any SQL error (that migration is rolled
 * back; the ones before it stay applied).
 */
export async function migrate(client: pg.ClientBase, migrations: readonly Migration[]): Promise<MigrationResult> {
  await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version    integer     PRIMARY KEY,
         name       text        NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    const recorded = new Map(rows.map((row) => [row.version, row.name]));
    for (const migration of migrations) {
      const name = recorded.get(migration.version);
      if (name !== undefined && name !== migration.name) {
        throw new MigrationHistoryError(
          `Migration ${migration.version} is recorded as ${name} in the database but is ${migration.name} here; ` +
            'released migrations must never be renamed or replaced',
        );
      }
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      if (recorded.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      recorded.set(migration.version, migration.name);
      applied.push(migration.name);
    }
    const known = new Set(migrations.map((migration) => migration.version));
    return {
      applied,
      version: Math.max(0, ...recorded.keys()),
      unknown: [...recorded.keys()].filter((version) => !known.has(version)).sort((left, right) => left - right),
    };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]).catch(() => undefined);
  }
}
