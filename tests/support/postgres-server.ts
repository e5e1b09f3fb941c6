/**
 * A real, throw-away PostgreSQL server on loopback for tests and benchmarks (issue 13, item 2). Never a mock, never a
 * hosted service: Debian's `postgresql` package, installed with apt-get when missing, and a fresh cluster per server.
 *
 * API
 * ```ts
 * import { startPostgresServer } from '../support/postgres-server.ts';
 *
 * let server: PostgresServer;
 * beforeAll(async () => { server = await startPostgresServer(); }, 120_000); // apt-get install may take a while once
 * afterAll(() => server?.stop());
 *
 * const database = await server.createDatabase('contract');   // a fresh, empty database
 * const store = createPostgresSessionStore({ connectionString: database.url });
 * ...
 * await database.drop();                                        // optional: stop() removes everything anyway
 * ```
 * - `startPostgresServer(options?)`: finds the binaries under /usr/lib/postgresql/<version>/bin (newest version),
 *   or installs Debian's `postgresql` with `apt-get install -y` (as root, non-interactive; `apt-get update` and a
 *   retry when the first attempt fails), runs `initdb` into a new temporary directory owned by the `postgres` user
 *   (initdb and postgres refuse to run as root, so as root both are spawned with the `postgres` user's uid/gid; as
 *   another user they run as that user), and starts `postgres` on 127.0.0.1 with a free port, its Unix socket in the
 *   same temporary directory, trust authentication for the superuser `postgres`, and nothing listening elsewhere.
 *   Resolves once a connection succeeds.
 *   Options: `durable` (default false: `fsync=off`, `synchronous_commit=off`, `full_page_writes=off` for fast tests;
 *   true keeps PostgreSQL's crash-safe defaults, for benchmarks), `maxConnections` (default 200), `settings` (extra
 *   `-c name=value` server settings), `startTimeoutMs` (default 30 s).
 * - `server.url` / `server.urlFor(database)`: connection strings (`postgres://postgres@127.0.0.1:<port>/<database>`);
 *   `server.host`, `server.port`, `server.user`, `server.dataDir`, `server.version`.
 * - `server.createDatabase(prefix?)`: `CREATE DATABASE <prefix>_<random>`; returns `{ name, url, drop() }`. Use one
 *   per test file or per test for isolation (about 50 ms each).
 * - `server.query(sql, params?, database?)`: runs one statement as the superuser (set-up, fault injection, asserts).
 * - `server.restart()` / `server.kill()`: stop and start the same cluster on the same port (an outage and its end), or
 *   stop it without restarting; `server.stop()`: stops it (fast shutdown) and removes the temporary directory. Also
 *   done on process exit, and a cluster whose owning process died is stopped and removed by the next start.
 *
 * When PostgreSQL is missing and cannot be installed (not root, no network), `startPostgresServer` rejects with
 * {@link PostgresUnavailableError}, whose message says what to install: the PostgreSQL tests fail loudly, they are
 * never skipped silently. `ADVISOR_SKIP_POSTGRES_TESTS=1` is the one explicit opt-out (see {@link postgresTestsSkipped}),
 * for a developer machine without root; CI never sets it.
 */
import { type SpawnOptions, type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Options of {@link startPostgresServer}. */
export interface PostgresServerOptions {
  /** Keep fsync and synchronous commits (benchmarks). Default false: faster, not crash-safe (tests). */
  durable?: boolean;
  /** `max_connections`. Default 200 (three app instances with their pools, plus the test's own clients). */
  maxConnections?: number;
  /** Extra server settings, passed as `-c name=value`. */
  settings?: Record<string, string | number>;
  /** How long to wait for the server to accept connections. Default 30 s. */
  startTimeoutMs?: number;
}

/** A database created by {@link PostgresServer.createDatabase}. */
export interface PostgresTestDatabase {
  name: string;
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** A running throw-away PostgreSQL server. */
export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  /** Server version, e.g. "15". */
  version: string;
  dataDir: string;
  /** Connection string of the `postgres` database. */
  url: string;
  urlFor(database: string): string;
  createDatabase(prefix?: string): Promise<PostgresTestDatabase>;
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params?: unknown[],
    database?: string,
  ): Promise<pg.QueryResult<Row>>;
  /** Stops the server (fast shutdown) and starts it again on the same port with the same data. */
  restart(): Promise<void>;
  /** Stops the server and keeps its data (an outage); `restart()` brings it back. */
  kill(): Promise<void>;
  /** Stops the server and removes its temporary directory. Idempotent. */
  stop(): Promise<void>;
}

/** PostgreSQL is not installed and could not be installed here. The message says how to fix it. */
export class PostgresUnavailableError extends Error {
  override readonly name = 'PostgresUnavailableError';
}

/** True when the developer explicitly opted out of the PostgreSQL tests with ADVISOR_SKIP_POSTGRES_TESTS=1. */
export function postgresTestsSkipped(): boolean {
  return process.env.ADVISOR_SKIP_POSTGRES_TESTS === '1';
}

const POSTGRES_ROOT = '/usr/lib/postgresql';
const SUPERUSER = 'postgres';
const HOST = '127.0.0.1';
const DIRECTORY_PREFIX = 'advisor-pg-';
/** Written next to the cluster: the pid of the process that owns it, for stale-cluster clean-up. */
const OWNER_FILE = 'owner.pid';

/** The newest installed PostgreSQL's bin directory, or undefined. */
export function findPostgresBinDir(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(POSTGRES_ROOT, name, 'bin', 'postgres')))
    .sort((left, right) => Number(right) - Number(left));
  return versions[0] === undefined ? undefined : join(POSTGRES_ROOT, versions[0], 'bin');
}

let installAttempt: string | undefined;

/**
 * The bin directory of an installed PostgreSQL, installing Debian's `postgresql` package with apt-get when there is
 * none (root only). Throws {@link PostgresUnavailableError} with a how-to-fix message otherwise.
 */
export function ensurePostgresInstalled(): string {
  const found = findPostgresBinDir();
  if (found !== undefined) return found;
  if (installAttempt !== undefined) throw new PostgresUnavailableError(installAttempt);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    installAttempt =
      `PostgreSQL is not installed (no ${POSTGRES_ROOT}/<version>/bin/postgres) and this process is not root, so ` +
      'the tests cannot install it. Run `sudo apt-get install -y postgresql` once, or set ' +
      'ADVISOR_SKIP_POSTGRES_TESTS=1 to skip the PostgreSQL tests explicitly on this machine.';
    throw new PostgresUnavailableError(installAttempt);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Test files run in parallel workers: each may get here at once. apt waits for another's dpkg lock instead of failing.
  const waitForLock = ['-o', 'DPkg::Lock::Timeout=600'];
  const install = () =>
    spawnSync('apt-get', [...waitForLock, 'install', '-y', '--no-install-recommends', 'postgresql'], {
      env,
      encoding: 'utf8',
      timeout: 900_000,
    });
  let result = install();
  if (result.status !== 0) {
    // A bare machine often has no package lists yet.
    spawnSync('apt-get', [...waitForLock, 'update'], { env, encoding: 'utf8', timeout: 600_000 });
    result = install();
  }
  const installed = findPostgresBinDir();
  if (installed !== undefined) return installed;
  installAttempt =
    `PostgreSQL is not installed and \`apt-get install -y postgresql\` failed (${describeSpawn(result)}). ` +
    'Install it by hand (Debian/Ubuntu: apt-get install -y postgresql), or set ADVISOR_SKIP_POSTGRES_TESTS=1 to ' +
    'skip the PostgreSQL tests explicitly on this machine.';
  throw new PostgresUnavailableError(installAttempt);
}

function describeSpawn(result: SpawnSyncReturns<string>): string {
  if (result.error !== undefined) return result.error.message;
  const tail = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').slice(-3).join(' | ');
  return `exit ${result.status}${tail === '' ? '' : `: ${tail}`}`;
}

/** uid/gid of the `postgres` user when running as root (initdb and postgres refuse root); else undefined. */
function serverIdentity(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${SUPERUSER}:`));
  const fields = line?.split(':');
  if (fields === undefined || fields.length < 4) {
    throw new PostgresUnavailableError(
      `Running as root, but there is no '${SUPERUSER}' system user to run initdb and postgres as (the Debian ` +
        'postgresql package creates it: apt-get install -y postgresql).',
    );
  }
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** A TCP port that was free on loopback a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The postmaster's pid from `postmaster.pid`, if the file is there. */
function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Stops and removes clusters left by test processes that died without cleaning up. Best effort. */
async function removeStaleClusters(): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(DIRECTORY_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const directory = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(directory, OWNER_FILE), 'utf8'));
    } catch {
      continue; // being created right now, or not ours
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    const pid = postmasterPid(join(directory, 'data'));
    if (pid !== undefined && isAlive(pid)) {
      try {
        process.kill(pid, 'SIGQUIT'); // immediate shutdown: the data is thrown away anyway
      } catch {
        // already gone
      }
      // Removing the files under a server that is still shutting down can leave some behind: wait for it.
      const deadline = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < deadline) await sleep(25);
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    await rm(directory, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts a fresh PostgreSQL cluster on loopback. See the module comment for the API. */
export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const binDir = ensurePostgresInstalled();
  const version = binDir.split('/').at(-2) ?? 'unknown';
  const identity = serverIdentity();
  await removeStaleClusters();

  const baseDir = await mkdtemp(join(tmpdir(), DIRECTORY_PREFIX));
  await writeFile(join(baseDir, OWNER_FILE), String(process.pid));
  const dataDir = join(baseDir, 'data');
  const socketDir = baseDir;
  if (identity !== undefined) await chown(baseDir, identity.uid, identity.gid);
  const asServerUser: SpawnOptions = identity === undefined ? {} : { uid: identity.uid, gid: identity.gid };

  const initdb = spawnSync(
    join(binDir, 'initdb'),
    [
      '-D',
      dataDir,
      '-U',
      SUPERUSER,
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
      '--no-instructions',
    ],
    { ...asServerUser, encoding: 'utf8', timeout: 120_000, cwd: baseDir },
  );
  if (initdb.status !== 0) {
    rmSync(baseDir, { recursive: true, force: true });
    throw new Error(`initdb failed (${describeSpawn(initdb)})`);
  }

  const durable = options.durable ?? false;
  const settings: Record<string, string | number> = {
    listen_addresses: HOST,
    unix_socket_directories: socketDir,
    max_connections: options.maxConnections ?? 200,
    shared_buffers: '64MB',
    logging_collector: 'off',
    log_min_messages: 'warning',
    ...(durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    ...options.settings,
  };
  let port = 0;
  let stopped = false;
  let exitHook: (() => void) | undefined;

  async function launch(): Promise<void> {
    const args = ['-D', dataDir, '-p', String(port)];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    const child = spawn(join(binDir, 'postgres'), args, {
      ...asServerUser,
      cwd: baseDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true, // its own process group: a Ctrl-C meant for the test runner does not hit it first
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    let exited: string | undefined;
    child.once('exit', (code, signal) => {
      exited = `postgres exited (${signal ?? code}) while starting: ${stderr.trim()}`;
    });
    child.unref();
    (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
    for (;;) {
      if (exited !== undefined) throw new Error(exited);
      const client = new pg.Client({ host: HOST, port, user: SUPERUSER, database: 'postgres' });
      try {
        await client.connect();
        await client.end();
        return;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) {
          child.kill('SIGQUIT');
          throw new Error(`postgres did not accept connections on ${HOST}:${port}: ${String(error)}; ${stderr}`);
        }
        await sleep(50);
      }
    }
  }

  async function shutdown(signal: 'SIGINT' | 'SIGQUIT'): Promise<void> {
    const pid = postmasterPid(dataDir);
    if (pid === undefined || !isAlive(pid)) return;
    try {
      process.kill(pid, signal); // SIGINT: fast shutdown (rolls back open transactions, closes connections)
    } catch {
      return;
    }
    const deadline = Date.now() + 20_000;
    while (isAlive(pid) && Date.now() < deadline) await sleep(25);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }

  // A free port can be taken between the probe and postgres's bind: try a few.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('could not')) {
        rmSync(baseDir, { recursive: true, force: true });
        throw error;
      }
    }
  }

  exitHook = () => {
    const pid = postmasterPid(dataDir);
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        // already gone
      }
    }
    rmSync(baseDir, { recursive: true, force: true });
  };
  process.once('exit', exitHook);

  const urlFor = (database: string) => `postgres://${SUPERUSER}@${HOST}:${port}/${encodeURIComponent(database)}`;

  async function query<Row extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
    database = 'postgres',
  ): Promise<pg.QueryResult<Row>> {
    const client = new pg.Client({ connectionString: urlFor(database) });
    await client.connect();
    try {
      return await client.query<Row>(sql, params);
    } finally {
      await client.end();
    }
  }

  const server: PostgresServer = {
    host: HOST,
    get port() {
      return port;
    },
    user: SUPERUSER,
    version,
    dataDir,
    get url() {
      return urlFor('postgres');
    },
    urlFor,
    query,
    async createDatabase(prefix = 'test') {
      const name = `${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_${randomBytes(6).toString('hex')}`;
      await query(`CREATE DATABASE "${name}"`);
      return {
        name,
        url: urlFor(name),
        drop: async () => {
          if (stopped) return;
          await query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        },
      };
    },
    async restart() {
      await shutdown('SIGINT');
      await launch();
    },
    async kill() {
      await shutdown('SIGINT');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await shutdown('SIGINT');
      if (exitHook !== undefined) process.removeListener('exit', exitHook);
      rmSync(baseDir, { recursive: true, force: true });
    },
  };
  return server;
}
