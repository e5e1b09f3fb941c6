/**
 * Secrets by value (issue 11, item 6): an upstream LLM that echoes the API key it was sent, or dumps the request
 * headers, must not put the key into a log line or an error string, and its text is cut short. Driven through the
 * real server (`startServer`, stdout captured) against a loopback upstream; plus the pieces on their own.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APIError } from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type RunningServer, startServer } from '../../src/index.ts';
import { MAX_UPSTREAM_MESSAGE_CHARS, toLlmCallError, upstreamMessage } from '../../src/llm/llm-client.ts';

const OPENAI_API_KEY = 'test-only-upstream-key-3f9a1c7e5b';
const API_KEY = 'test-only-advisor-api-key-8d2e6f0a4c';
const METRICS_TOKEN = 'test-only-metrics-token-1b5d9f3a7e';

/** A loopback upstream that answers 401 quoting the key, or 500 dumping the request headers (and a lot of text). */
async function echoingUpstream(mode: '401' | '500'): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = (request.headers.authorization ?? '').replace('Bearer ', '');
      if (mode === '401') {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            error: {
              message: `Incorrect API key provided: ${key}.`,
              type: 'invalid_request_error',
              code: 'invalid_api_key',
            },
          }),
        );
        return;
      }
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`upstream crashed; request headers were ${JSON.stringify(request.headers)} ${'trace '.repeat(500)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(['401', '500'] as const)('an upstream that answers %s with the key in its text', (mode) => {
  it('keeps every configured secret out of the logs and the responses', async () => {
    const upstream = await echoingUpstream(mode);
    cleanups.push(() => new Promise<void>((resolve) => upstream.server.close(() => resolve())));
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-upstream-secrets-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    cleanups.push(() => spy.mockRestore());
    let running: RunningServer | undefined;
    const bodies: string[] = [];
    try {
      running = await startServer({
        env: {
          OPENAI_API_KEY,
          OPENAI_BASE_URL: upstream.url,
          LLM_MAX_RETRIES: '0',
          API_KEYS: API_KEY,
          METRICS_TOKEN,
        },
        config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'debug' },
      });
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` };
      const completion = await fetch(`${running.url}/v1/chat/completions`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          model: 'adaptation-advisor',
          messages: [{ role: 'user', content: 'Llama 3.1 8B on 2 A100s, 5000 labeled examples. Just recommend.' }],
        }),
      });
      bodies.push(await completion.text());
      const explained = await fetch(`${running.url}/v1/recommendations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ profile: { modelName: 'Llama 3.1 8B' }, options: { explain: 'llm' } }),
      });
      bodies.push(await explained.text());
      expect(completion.status).toBe(200);
      expect(explained.status).toBe(200);
    } finally {
      await running?.close();
      spy.mockRestore();
    }

    const log = lines.join('');
    // Positive control: the upstream failure was logged, with the upstream's words, cut short.
    const failures = lines.filter((line) => line.includes('"llm call failed"'));
    expect(failures.length).toBeGreaterThan(0);
    for (const line of failures) {
      const message = (JSON.parse(line) as { message?: string }).message ?? '';
      expect(message).toMatch(mode === '401' ? /Incorrect API key provided: \[redacted\]/ : /upstream crashed/);
      expect(message.length).toBeLessThan(MAX_UPSTREAM_MESSAGE_CHARS + 80);
    }
    for (const secret of [OPENAI_API_KEY, API_KEY, METRICS_TOKEN]) {
      expect(log, `log contains ${secret}`).not.toContain(secret);
      for (const body of bodies) expect(body).not.toContain(secret);
    }
  }, 30_000);
});

describe('upstreamMessage and toLlmCallError', () => {
  it('scrub the key and cut the upstream text short, keeping the original as the cause', () => {
    const upstream = new APIError(
      401,
      { message: `Incorrect API key provided: ${OPENAI_API_KEY}. ${'More text. '.repeat(100)}` },
      undefined,
      new Headers(),
    );
    const failure = toLlmCallError(upstream, undefined, [OPENAI_API_KEY]);
    expect(failure.message).not.toContain(OPENAI_API_KEY);
    expect(failure.message).toContain('Incorrect API key provided: [redacted]');
    expect(failure.message.length).toBeLessThanOrEqual(
      'The LLM returned an error: '.length + MAX_UPSTREAM_MESSAGE_CHARS,
    );
    expect(failure.cause).toBe(upstream);
    expect(upstreamMessage(new Error(`a\n\n  b ${OPENAI_API_KEY}`), [OPENAI_API_KEY])).toBe('a b [redacted]');
  });
});
