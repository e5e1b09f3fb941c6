/** The PostgreSQL test harness itself: a real server on loopback, isolated databases, restart, clean stop. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type PostgresServer, postgresTestsSkipped, startPostgresServer } from './postgres-server.ts';

describe.skipIf(postgresTestsSkipped())('startPostgresServer', () => {
  let server: PostgresServer;

  beforeAll(async () => {
    server = await startPostgresServer();
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('serves a real PostgreSQL on 127.0.0.1 only, with one fresh database per call', async () => {
    expect(server.host).toBe('127.0.0.1');
    const { rows } = await server.query<{ version: string; listen: string }>(
      "SELECT version() AS version, current_setting('listen_addresses') AS listen",
    );
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
    expect(rows[0]?.listen).toBe('127.0.0.1');

    const first = await server.createDatabase('harness');
    const second = await server.createDatabase('harness');
    expect(first.name).not.toBe(second.name);
    await server.query('CREATE TABLE only_here (id int)', [], first.name);
    const tables = await server.query("SELECT 1 FROM pg_tables WHERE tablename = 'only_here'", [], second.name);
    expect(tables.rowCount).toBe(0);
    await first.drop();
    await second.drop();
  });

  it('keeps its data across restart() on the same port, and refuses connections while killed', async () => {
    const database = await server.createDatabase('restart');
    await server.query('CREATE TABLE kept (value text); INSERT INTO kept VALUES ($$still here$$)', [], database.name);
    const port = server.port;
    await server.kill();
    await expect(server.query('SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    await server.restart();
    expect(server.port).toBe(port);
    const { rows } = await server.query<{ value: string }>('SELECT value FROM kept', [], database.name);
    expect(rows).toEqual([{ value: 'still here' }]);
  });

  it('stops and removes a cluster left by a test process that was killed, when the next one starts', async () => {
    // A child process starts a server and is SIGKILLed before it can stop it (a crashed test worker).
    const script = `
      import { startPostgresServer } from ${JSON.stringify(new URL('./postgres-server.ts', import.meta.url).href)};
      const server = await startPostgresServer();
      console.log(JSON.stringify({ dataDir: server.dataDir }));
      process.kill(process.pid, 'SIGKILL');`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const { dataDir } = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { dataDir: string };
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(postmaster, 0)).not.toThrow(); // orphaned, still running

    const next = await startPostgresServer();
    await next.stop();
    expect(existsSync(dataDir)).toBe(false);
    await vi.waitFor(() => expect(() => process.kill(postmaster, 0)).toThrow(), { timeout: 10_000 });
  });

  it('stop() shuts the server down and removes its directory', async () => {
    const other = await startPostgresServer();
    expect(existsSync(other.dataDir)).toBe(true);
    await other.stop();
    expect(existsSync(other.dataDir)).toBe(false);
    await expect(other.query('SELECT 1')).rejects.toThrow();
    await other.stop(); // idempotent
  });
});
