import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { type RunningServer, startServer } from '../../src/index.ts';
import { createLogger } from '../../src/logger.ts';
import { fixtureKnowledge } from '../helpers/build-test-app.ts';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../helpers/fake-openai-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const silent = createLogger({ level: 'silent' });

function runProcess(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['src/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ENV_FILE: 'none', // a developer's .env must not change the server under test
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-llm-process-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
}

describe('LLM configuration at start-up', () => {
  let running: RunningServer | undefined;
  let fake: FakeOpenAiServer | undefined;
  afterEach(async () => {
    await running?.close();
    await fake?.close();
    running = undefined;
    fake = undefined;
  });

  it('a bad LLM variable stops `node src/index.ts` with exit 1 and a message naming the variable', async () => {
    const { code, stderr } = await runProcess({ LLM_TIMEOUT_MS: 'fast', LLM_MODE: 'sometimes' });
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot start: Invalid LLM configuration');
    expect(stderr).toContain('LLM_TIMEOUT_MS must be a whole number between 100 and 600000 (got "fast")');
    expect(stderr).toContain('LLM_MODE must be "off" or "auto" (got "sometimes")');
  });

  it('with a key but a prompts directory that lacks the templates, start-up fails with a ConfigError', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-llm-'));
    await expect(
      startServer({
        env: { OPENAI_API_KEY: 'sk-secret-value', PROMPTS_DIR: dataDir },
        config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir },
        knowledge: fixtureKnowledge(),
        logger: silent,
      }),
    ).rejects.toBeInstanceOf(ConfigError);
  });

  it('without a key: /readyz is ready and shows the LLM disabled (mode auto)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-llm-'));
    running = await startServer({
      env: {},
      config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir },
      knowledge: fixtureKnowledge(),
      logger: silent,
    });
    const response = await fetch(`${running.url}/readyz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { llm: unknown };
    expect(body.llm).toEqual({
      mode: 'auto',
      enabled: false,
      model: null,
      breaker: { state: 'closed', consecutiveFailures: 0, openUntil: null },
    });
  });

  it('with OPENAI_BASE_URL and a key: /readyz shows the model and breaker, never the key; explain "llm" uses it', async () => {
    fake = await startFakeOpenAiServer({ chunks: ['Method prompt-engineering ', 'comes first.'], intervalMs: 1 });
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-llm-'));
    running = await startServer({
      env: { OPENAI_API_KEY: 'sk-secret-value', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'local-model' },
      config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir },
      knowledge: fixtureKnowledge(),
      logger: silent,
    });
    const ready = await fetch(`${running.url}/readyz`);
    const text = await ready.text();
    expect(ready.status).toBe(200);
    expect(text).not.toContain('sk-secret-value');
    expect(JSON.parse(text).llm).toMatchObject({ mode: 'auto', enabled: true, model: 'local-model' });

    const response = await fetch(`${running.url}/v1/recommendations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ profile: {}, options: { explain: 'llm' } }),
    });
    const body = (await response.json()) as { explanation: { source: string; fallbackReason?: string } };
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body.model).toBe('local-model');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-secret-value');
    // Either the text passed the engine check or it was flagged; never an unflagged template.
    if (body.explanation.source === 'template') expect(body.explanation.fallbackReason).toBeDefined();
  });

  it('started as in production, explain "llm" with Accept text/event-stream streams delta events (issue 12)', async () => {
    fake = await startFakeOpenAiServer({ chunks: ['Start with ', 'the prompt ', 'baseline.'], intervalMs: 1 });
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-llm-'));
    running = await startServer({
      env: { OPENAI_API_KEY: 'sk-secret-value', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'local-model' },
      config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir },
      knowledge: fixtureKnowledge(),
      logger: silent,
    });
    const response = await fetch(`${running.url}/v1/recommendations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ profile: {}, options: { explain: 'llm' } }),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
    expect(events[0]).toBe('recommendation');
    expect(events.filter((event) => event === 'delta').length).toBeGreaterThan(0);
    expect(events.at(-1)).toBe('explanation');
  });

  it('LLM_MODE=off with a key: no client, nothing sent, explain "llm" answers the template flagged "llm-off"', async () => {
    fake = await startFakeOpenAiServer({ chunks: ['x'], intervalMs: 1 });
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-llm-'));
    running = await startServer({
      env: { LLM_MODE: 'off', OPENAI_API_KEY: 'sk-secret-value', OPENAI_BASE_URL: fake.url },
      config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir },
      knowledge: fixtureKnowledge(),
      logger: silent,
    });
    const response = await fetch(`${running.url}/v1/recommendations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ profile: {}, options: { explain: 'llm' } }),
    });
    const body = (await response.json()) as { explanation: { source: string; fallbackReason?: string } };
    expect(body.explanation).toMatchObject({ source: 'template', fallbackReason: 'llm-off' });
    expect(fake.requests).toHaveLength(0);
    const ready = (await (await fetch(`${running.url}/readyz`)).json()) as { llm: { mode: string; enabled: boolean } };
    expect(ready.llm).toMatchObject({ mode: 'off', enabled: false });
  });
});
