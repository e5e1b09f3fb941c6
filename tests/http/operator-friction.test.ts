/**
 * Operator friction from a new-user trial ("Hardening, round 2", item 9): `.env` is loaded, the default bind is
 * 127.0.0.1, `GET /` points to /docs, a busy port names the variable to change, and the OpenAPI document describes the
 * API-key schemes and the 401/403/409/429 refusals.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { envFileName, loadEnvFile } from '../../src/config/env-file.ts';
import { ConfigError } from '../../src/errors.ts';
import { chatRoutes } from '../../src/http/routes/chat.ts';
import { openAiCompatibleRoutes } from '../../src/http/routes/openai-compatible.ts';
import { hashApiKey } from '../../src/http/security/index.ts';
import { listenError } from '../../src/index.ts';
import { createFileSessionStore } from '../../src/store/session-store.ts';
import { buildTestApp } from '../helpers/build-test-app.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs `node src/index.ts` (by absolute path) in `cwd` with only `env` (plus PATH); collects its output. */
function runServer(cwd: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [join(ROOT, 'src/index.ts')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = async (): Promise<Record<string, unknown>> => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const line = stdout.split('\n').find((text) => text.includes('"msg":"listening"'));
      if (line !== undefined) return JSON.parse(line) as Record<string, unknown>;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`not listening; stdout ${stdout} stderr ${stderr}`);
  };
  return { child, exited, listening, stdout: () => stdout, stderr: () => stderr };
}

describe('.env', () => {
  it('is loaded from the working directory at start-up; HOST defaults to 127.0.0.1', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'advisor-dotenv-'));
    mkdirSync(join(cwd, 'data'));
    writeFileSync(
      join(cwd, '.env'),
      [
        '# as copied from .env.example',
        'PORT=0',
        `KNOWLEDGE_DIR=${join(ROOT, 'knowledge')}`,
        'DATA_DIR=./data',
        'LOG_LEVEL=info',
        'LLM_MODE=off',
        '',
      ].join('\n'),
    );
    const server = runServer(cwd, {});
    const listening = await server.listening();
    expect(listening.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(listening.reachableFrom).toContain('HOST=0.0.0.0');
    await expect.poll(() => server.stdout()).toContain('"msg":"loaded .env"');
    const health = await fetch(`${listening.url as string}/healthz`);
    expect(health.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('does not override variables the environment already sets', () => {
    const directory = mkdtempSync(join(tmpdir(), 'advisor-dotenv-unit-'));
    const file = join(directory, '.env');
    writeFileSync(file, 'PORT=4000\nLOG_LEVEL=debug\nQUOTED="a b"\n');
    const target: Record<string, string | undefined> = { PORT: '5000' };
    const result = loadEnvFile(file, target);
    expect(target).toEqual({ PORT: '5000', LOG_LEVEL: 'debug', QUOTED: 'a b' });
    expect(result).toEqual({ path: file, applied: ['LOG_LEVEL', 'QUOTED'], overridden: ['PORT'] });
  });

  it('a missing file is fine; ENV_FILE names another file or turns loading off', () => {
    const target: Record<string, string | undefined> = {};
    expect(loadEnvFile(join(tmpdir(), 'advisor-no-such-dir', '.env'), target)).toEqual({
      path: undefined,
      applied: [],
      overridden: [],
    });
    expect(target).toEqual({});
    expect(envFileName({})).toBe('.env');
    expect(envFileName({ ENV_FILE: 'config/advisor.env' })).toBe('config/advisor.env');
    expect(envFileName({ ENV_FILE: 'none' })).toBeUndefined();
  });

  it('an unreadable .env stops start-up with a ConfigError', () => {
    const directory = mkdtempSync(join(tmpdir(), 'advisor-dotenv-dir-'));
    mkdirSync(join(directory, '.env'));
    expect(() => loadEnvFile(join(directory, '.env'), {})).toThrow(ConfigError);
  });
});

describe('default bind address', () => {
  it('is 127.0.0.1 (this machine only); containers set HOST=0.0.0.0', () => {
    expect(parseEnv({}).HOST).toBe('127.0.0.1');
    expect(parseEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });
});

describe('a port that is already in use', () => {
  it('stops start-up with a message naming PORT, no stack trace', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const server = runServer(ROOT, {
        ENV_FILE: 'none',
        PORT: String(port),
        HOST: '127.0.0.1',
        LLM_MODE: 'off',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-busy-')),
      });
      expect(await server.exited).toBe(1);
      expect(server.stderr()).toContain(`PORT: port ${port} on 127.0.0.1 is already in use`);
      expect(server.stderr()).toContain('set PORT to a free port');
      expect(server.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });

  it('privileged ports and foreign addresses name PORT and HOST', () => {
    const config = { PORT: 80, HOST: '10.255.255.1' };
    const privileged = listenError(Object.assign(new Error('listen EACCES'), { code: 'EACCES' }), config);
    expect(privileged).toBeInstanceOf(ConfigError);
    expect(privileged.message).toContain('PORT:');
    const foreign = listenError(Object.assign(new Error('listen EADDRNOTAVAIL'), { code: 'EADDRNOTAVAIL' }), config);
    expect(foreign.message).toContain('HOST: 10.255.255.1 is not an address of this machine');
    const other = Object.assign(new Error('boom'), { code: 'EOTHER' });
    expect(listenError(other, config)).toBe(other);
  });
});

describe('GET /', () => {
  it('tells API clients (no text/html in Accept) where things are', async () => {
    const { app } = buildTestApp();
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ docs: '/docs', openapi: '/openapi.json', widget: '/widget.js' });
  });
});

describe('OpenAPI security', () => {
  interface Operation {
    security?: Record<string, string[]>[];
    responses: Record<string, { headers?: Record<string, unknown> }>;
  }
  async function documentOf(apiKeys: string[]) {
    const store = createFileSessionStore({
      dataDir: mkdtempSync(join(tmpdir(), 'advisor-openapi-')),
      syncToDisk: false,
    });
    await store.init();
    const { app } = buildTestApp({
      config: { API_KEYS: apiKeys.map(hashApiKey) },
      sessionStore: store,
      routeModules: [chatRoutes(), openAiCompatibleRoutes()],
    });
    const document = (await (await app.request('/openapi.json')).json()) as {
      components: { securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }> };
      paths: Record<string, Record<string, Operation>>;
    };
    await store.stop();
    return document;
  }

  it('declares the API-key schemes and requires one on the API routes when API_KEYS is set', async () => {
    const document = await documentOf(['operator-key-0123456789abcdef']);
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.securitySchemes.apiKeyHeader).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'x-api-key',
    });
    const recommendations = document.paths['/v1/recommendations']!.post!;
    expect(recommendations.security).toEqual([{ apiKey: [] }, { apiKeyHeader: [] }]);
    expect(Object.keys(recommendations.responses)).toEqual(expect.arrayContaining(['401', '429']));
    expect(Object.keys(recommendations.responses['429']!.headers ?? {})).toEqual(
      expect.arrayContaining(['Retry-After', 'RateLimit-Remaining']),
    );
    const chat = document.paths['/v1/chat']!.post!;
    // An API key, a widget token, or (with a small budget) an allowed browser Origin alone.
    expect(chat.security).toEqual([{ apiKeyHeader: [] }, { widgetToken: [] }, {}]);
    expect(Object.keys(chat.responses)).toEqual(expect.arrayContaining(['401', '403', '409', '429']));
    expect(document.paths['/v1/chat/completions']!.post!.responses['401']).toBeDefined();
    expect(document.paths['/healthz']!.get!.security).toEqual([]);
  });

  it('makes the key optional when the server has no API_KEYS', async () => {
    const document = await documentOf([]);
    expect(document.paths['/v1/estimates']!.post!.security).toEqual([{ apiKey: [] }, { apiKeyHeader: [] }, {}]);
  });
});
