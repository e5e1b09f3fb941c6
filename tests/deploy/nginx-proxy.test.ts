/**
 * The topology of compose.yaml without Docker (no daemon or image registry on the machines this suite runs on): a real
 * PostgreSQL on loopback (tests/support/postgres-server.ts), two advisor instances started through the project's
 * start-up path with the environment compose.yaml gives them (DATABASE_URL pointed at the test database, loopback
 * instead of 0.0.0.0), and deploy/nginx.conf run by Debian's nginx in front of them. The compose service names
 * (advisor-1, advisor-2) and the container port are replaced by the instances' loopback addresses, the only change
 * made to the file (nginx -t resolves upstream names, which exist only inside the compose network). Checked: the
 * configuration passes `nginx -t`; requests are spread over both instances; a chat conversation continues across
 * them; a server-sent event stream is passed on as it is written (an event arrives long before the stream ends), and
 * the same check catches a buffering proxy; /mcp works through the proxy and /metrics is hidden.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type RunningServer, startServer } from '../../src/index.ts';
import { createLogger } from '../../src/logger.ts';
import { type PostgresServer, startPostgresServer } from '../support/postgres-server.ts';
import { findNginx } from './nginx-binary.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
const nginx = findNginx();
const EXPLANATION_DELAY_MS = 1500;

/**
 * The advisor environment of compose.yaml, interpolated as compose would with an empty shell environment
 * (`${NAME:-default}` → default) except `given` (which also replaces whole variables, e.g. DATABASE_URL).
 */
function composeAdvisorEnvironment(given: Record<string, string>): Record<string, string> {
  const compose = parseYaml(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as {
    services: Record<string, { environment: Record<string, string> }>;
  };
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(compose.services['advisor-1']?.environment ?? {})) {
    environment[name] = String(value).replace(/\$\{(\w+)(?::[-?]([^}]*))?\}/g, (_, variable: string, fallback = '') =>
      variable in given ? (given[variable] as string) : fallback,
    );
  }
  return { ...environment, ...given };
}

/** deploy/nginx.conf with the upstreams and the listen address on loopback, and temp paths under `prefix`. */
function localConfig(upstreams: readonly string[], port: number, prefix: string, edit = (text: string) => text) {
  const replacements: [string, string][] = [
    ['server advisor-1:3000', `server ${upstreams[0]}`],
    ['server advisor-2:3000', `server ${upstreams[1]}`],
    ['listen 80;', `listen 127.0.0.1:${port};`],
    ['access_log /dev/stdout;', 'access_log off;'],
    [
      'http {',
      `http {\n    client_body_temp_path ${prefix}/body;\n    proxy_temp_path ${prefix}/proxy;\n` +
        `    fastcgi_temp_path ${prefix}/fastcgi;\n    uwsgi_temp_path ${prefix}/uwsgi;\n    scgi_temp_path ${prefix}/scgi;`,
    ],
  ];
  let text = CONFIG;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}"`);
    text = text.replace(from, to);
  }
  return edit(text);
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

interface RunningNginx {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function nginxArgs(prefix: string, file: string) {
  return ['-e', 'stderr', '-p', prefix, '-c', file, '-g', `pid ${prefix}/nginx.pid;`];
}

async function startNginx(binary: string, upstreams: readonly string[], edit?: (text: string) => string) {
  const prefix = mkdtempSync(join(tmpdir(), 'advisor-nginx-'));
  mkdirSync(join(prefix, 'logs'));
  const port = await freePort();
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, localConfig(upstreams, port, prefix, edit));
  const test = spawnSync(binary, ['-t', ...nginxArgs(prefix, file)], { encoding: 'utf8' });
  const child = spawn(binary, [...nginxArgs(prefix, file), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (attempt > 100 || child.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
  const running: RunningNginx = {
    url,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
  return { running, test };
}

/** Streams POST /v1/recommendations (LLM explanation, SSE) and times the first complete event and the end. */
async function timeEventStream(url: string) {
  const started = performance.now();
  const response = await fetch(`${url}/v1/recommendations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ profile: { modelName: 'Llama 3.1 8B', gpuName: 'RTX 4090' }, options: { explain: 'llm' } }),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let firstEventMs: number | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (firstEventMs === undefined && /event: recommendation\ndata: [^\n]*\n\n/.test(text))
      firstEventMs = performance.now() - started;
  }
  return {
    status: response.status,
    text,
    firstEventMs: firstEventMs ?? Number.NaN,
    totalMs: performance.now() - started,
  };
}

describe.skipIf('missing' in nginx)('deploy/nginx.conf in front of two instances', () => {
  const binary = 'path' in nginx ? nginx.path : '';
  const logs: Record<string, unknown>[][] = [[], []];
  const instances: RunningServer[] = [];
  const proxies: RunningNginx[] = [];
  let proxy: RunningNginx;
  let syntaxCheck: ReturnType<typeof spawnSync>;
  let postgres: PostgresServer | undefined;

  beforeAll(async () => {
    postgres = await startPostgresServer();
    const database = await postgres.createDatabase('compose');
    const environment = composeAdvisorEnvironment({
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: '0',
      POSTGRES_PASSWORD: 'unused',
    });
    expect(environment.TRUST_PROXY).toBe('true');
    for (const lines of logs) {
      instances.push(
        await startServer({
          env: { ...environment, DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-proxied-')) },
          logger: createLogger({ level: 'info', write: (line) => lines.push(JSON.parse(line)) }),
          deps: {
            // A slow "LLM" explanation: the stream's first event is written at once, its last one 1.5 s later.
            explainWithLlm: async ({ recommendation }) => {
              await new Promise((wait) => setTimeout(wait, EXPLANATION_DELAY_MS));
              return { text: recommendation.explanation?.text ?? 'explanation', source: 'llm' };
            },
          },
        }),
      );
    }
    const started = await startNginx(
      binary,
      instances.map((instance) => instance.url.replace('http://', '')),
    );
    proxy = started.running;
    syntaxCheck = started.test;
    proxies.push(proxy);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(proxies.map((running) => running.stop()));
    await Promise.all(instances.map((instance) => instance.close()));
    await postgres?.stop();
  });

  it('passes nginx -t', () => {
    expect(String(syntaxCheck.stderr)).toContain('syntax is ok');
    expect(syntaxCheck.status).toBe(0);
  });

  it('spreads requests over both instances', async () => {
    for (let i = 0; i < 6; i++) expect((await fetch(`${proxy.url}/v1/methods`)).status).toBe(200);
    for (const lines of logs) {
      const served = lines.filter((line) => line.msg === 'request' && line.path === '/v1/methods');
      expect(served.length).toBeGreaterThan(0);
    }
  });

  it('continues one chat conversation across both instances (sessions in PostgreSQL)', async () => {
    const turn = (id: string, text: string, token?: string) =>
      fetch(`${proxy.url}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { 'x-session-token': token }) },
        body: JSON.stringify({
          id: 'compose-chat',
          trigger: 'submit-message',
          messages: [{ id, role: 'user', parts: [{ type: 'text', text }] }],
        }),
      });
    const before = logs.map((lines) => lines.filter((line) => line.path === '/v1/chat').length);
    const first = await turn('m1', 'We want a support bot that answers from our product docs.');
    expect(first.status).toBe(200);
    const token = first.headers.get('x-session-token') as string;
    await first.text();
    for (const [i, text] of ['We use Llama 3.1 8B on one RTX 4090.', 'Our docs change every week.'].entries()) {
      const next = await turn(`m${i + 2}`, text, token);
      expect(next.status).toBe(200);
      await next.text();
    }
    const after = logs.map((lines) => lines.filter((line) => line.path === '/v1/chat').length);
    expect(after.map((count, i) => count - (before[i] ?? 0)).every((served) => served > 0)).toBe(true);
    const history = await fetch(`${proxy.url}/v1/chat/compose-chat`, { headers: { 'x-session-token': token } });
    expect(history.status).toBe(200);
    const { messages } = (await history.json()) as { messages: { role: string }[] };
    expect(messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  it('passes server-sent events on as they are written (no response buffering)', async () => {
    const direct = await timeEventStream(instances[0]?.url as string);
    const proxied = await timeEventStream(proxy.url);
    expect(proxied.status).toBe(200);
    expect(proxied.text).toContain('event: explanation');
    expect(proxied.totalMs).toBeGreaterThanOrEqual(EXPLANATION_DELAY_MS - 50);
    expect(proxied.firstEventMs).toBeLessThan(direct.firstEventMs + 500);
    expect(proxied.firstEventMs).toBeLessThan(EXPLANATION_DELAY_MS / 2);
  });

  it('the same check catches a buffering proxy (control)', async () => {
    const { running } = await startNginx(
      binary,
      instances.map((instance) => instance.url.replace('http://', '')),
      (text) => {
        const edited = text.replace(
          'proxy_buffering off;',
          'proxy_buffering on;\n            proxy_ignore_headers X-Accel-Buffering;',
        );
        if (edited === text) throw new Error('no proxy_buffering off; to replace');
        return edited;
      },
    );
    proxies.push(running);
    const buffered = await timeEventStream(running.url);
    expect(buffered.firstEventMs).toBeGreaterThanOrEqual(EXPLANATION_DELAY_MS - 50);
  });

  it('serves /mcp through the proxy and hides /metrics', async () => {
    const response = await fetch(`${proxy.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });
    expect(response.status).toBe(200);
    expect((await fetch(`${proxy.url}/metrics`)).status).toBe(404);
  });
});
