import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRouteModules, type RunningServer } from '../../../src/index.ts';
import { firstHead, type LogLine, rawExchange, startLoopbackServer, statusCodes } from './loopback.ts';

// Item 3 of "Hardening, round 2": a reply that leaves the request body unread must say `Connection: close` (and close
// gracefully), so the client's next request on a keep-alive connection does not die with a socket error.

const BODY_LIMIT = 1024 * 1024;
const LARGE = BODY_LIMIT / 2; // under the limit, too large to arrive with the headers
let server: RunningServer & { logs: LogLine[] };
let countedCalls = 0;

beforeAll(async () => {
  server = await startLoopbackServer(
    { BODY_LIMIT_BYTES: BODY_LIMIT },
    {
      routeModules: [
        ...defaultRouteModules(),
        (app) =>
          app.get('/counted', (c) => {
            countedCalls += 1;
            return c.json({ counted: countedCalls });
          }),
      ],
    },
  );
});
afterAll(() => server.close());

const head = (method: string, path: string, contentType: string, length: number) =>
  `${method} ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: ${contentType}\r\nContent-Length: ${length}\r\n\r\n`;

describe('undici keep-alive pool (Node fetch) after a reply to an unread body', () => {
  // Node's fetch is undici: one keep-alive Agent per process that reuses the connection of the previous request.
  it.each([
    ['413 from Content-Length', '/v1/recommendations', 'application/json', 2 * BODY_LIMIT, 413],
    ['404 unknown route', '/v1/nope', 'application/json', LARGE, 404],
    ['405 wrong method', '/v1/methods', 'application/json', LARGE, 405],
    ['415 not JSON', '/v1/chat/completions', 'text/plain', LARGE, 415],
  ])('%s says Connection: close and the next request on the pool succeeds', async (_name, path, type, size, status) => {
    const first = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: 'a'.repeat(size),
    });
    expect(first.status).toBe(status);
    expect(first.headers.get('connection')).toBe('close');
    expect((await first.json()) as unknown).toMatchObject({ error: { code: expect.any(String) } });
    // Before the fix the reply said keep-alive, the pool reused the socket and this failed with "other side closed".
    const second = await fetch(`${server.url}/healthz`);
    expect(second.status).toBe(200);
  });

  it('a chunked upload cut off by the body limit says Connection: close', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 32; index += 1) controller.enqueue(new Uint8Array(64 * 1024).fill(97));
        controller.close();
      },
    });
    const first = await fetch(`${server.url}/v1/recommendations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(first.status).toBe(413);
    expect(first.headers.get('connection')).toBe('close');
    await first.arrayBuffer();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('node:http keep-alive Agent after a reply to an unread body', () => {
  it('413 then a request on the same agent succeeds', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const request = (method: string, path: string, body?: Buffer) =>
        new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
          const outgoing = http.request(
            `${server.url}${path}`,
            { method, agent, headers: body ? { 'content-type': 'application/json' } : {} },
            (response) => {
              response.resume();
              response.on('end', () =>
                resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }),
              );
            },
          );
          outgoing.on('error', reject);
          outgoing.end(body);
        });
      const first = await request('POST', '/v1/estimates', Buffer.alloc(2 * BODY_LIMIT, 97));
      expect(first).toEqual({ status: 413, connection: 'close' });
      expect((await request('GET', '/healthz')).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});

describe('raw socket', () => {
  it('a client that writes its whole body (and a next request) before reading gets the 413 and no reset', async () => {
    // Larger than loopback's socket buffers: the client is still writing when the reply goes out. Destroying the socket
    // at once (Node's plain close) would reset the connection under the client (EPIPE) and could lose the reply; the
    // lingering close keeps reading until the client has seen the reply and the FIN.
    const size = 6 * BODY_LIMIT;
    const chunks = Array.from({ length: size / (64 * 1024) }, () => Buffer.alloc(64 * 1024, 97));
    const exchange = await rawExchange(
      server.port,
      [
        head('POST', '/v1/recommendations', 'application/json', size),
        ...chunks,
        'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n',
      ],
      { keepWritingAfterEnd: true, timeoutMs: 1500 },
    );
    expect(exchange.error).toBeUndefined();
    expect(statusCodes(exchange.text)).toEqual([413]);
    expect(firstHead(exchange.text).connection).toBe('close');
    const body = exchange.text.slice(exchange.text.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(exchange.endedAtMs).toBeDefined();
  });

  it('a request pipelined after a Connection: close reply is not served', async () => {
    const size = LARGE;
    const before = countedCalls;
    const exchange = await rawExchange(
      server.port,
      [
        head('POST', '/v1/nope', 'application/json', size),
        300, // the 404 is sent now, before the body
        Buffer.alloc(size, 97),
        'GET /counted HTTP/1.1\r\nHost: x\r\n\r\n',
        300,
      ],
      { timeoutMs: 1000, keepWritingAfterEnd: true },
    );
    expect(statusCodes(exchange.text)).toEqual([404]);
    expect(firstHead(exchange.text).connection).toBe('close');
    expect(countedCalls).toBe(before);
  });

  it('a reply after the body was read in full keeps the connection alive', async () => {
    const body = '{"profile": not json';
    const exchange = await rawExchange(
      server.port,
      [
        head('POST', '/v1/estimates', 'application/json', body.length),
        body,
        'GET /counted HTTP/1.1\r\nHost: x\r\n\r\n',
      ],
      { timeoutMs: 800 },
    );
    expect(statusCodes(exchange.text)).toEqual([400, 200]);
    expect(firstHead(exchange.text).connection).toBe('keep-alive');
  });

  it('a small unread body that arrived with its headers keeps the connection alive', async () => {
    const body = '{"a":1}';
    const exchange = await rawExchange(
      server.port,
      [`${head('POST', '/v1/nope', 'application/json', body.length)}${body}GET /counted HTTP/1.1\r\nHost: x\r\n\r\n`],
      { timeoutMs: 800 },
    );
    expect(statusCodes(exchange.text)).toEqual([404, 200]);
  });
});
