import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../src/config/env.ts';
import { ConfigError } from '../../../src/errors.ts';
import {
  connectionLimitsFromConfig,
  DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
  serverTimeoutOptions,
} from '../../../src/http/connection-limits.ts';
import type { RunningServer } from '../../../src/index.ts';
import { type LogLine, rawExchange, startLoopbackServer, statusCodes } from './loopback.ts';

// Item 2 of "Hardening, round 2": header, request and keep-alive timeouts, and connection caps, on real sockets.

type Running = RunningServer & { logs: LogLine[] };

/** A TCP connection from `localAddress` (any 127.0.0.0/8 address works on loopback) and when the server closed it. */
function connect(port: number, localAddress = '127.0.0.1') {
  const started = performance.now();
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  socket.on('error', () => {});
  socket.resume(); // read what the server sends (a 408), so its FIN is seen
  const closed = new Promise<number>((resolve) => {
    socket.once('end', () => resolve(performance.now() - started));
    socket.once('close', () => resolve(performance.now() - started));
  });
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, connected, closed };
}

/** Resolves `promise`, or "open" when it is still pending after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'open'> {
  return Promise.race([promise, new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms))]);
}

/** A GET over a fresh connection from `localAddress`; the status, or the socket error code. */
function getFrom(port: number, localAddress: string, path = '/healthz'): Promise<number | string> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1', localAddress });
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const status = statusCodes(text)[0];
      if (status !== undefined && text.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(status);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    socket.on('close', () => resolve(statusCodes(text)[0] ?? 'closed'));
    socket.on('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
  });
}

describe('timeouts', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startLoopbackServer(
      { HEADERS_TIMEOUT_MS: 300, REQUEST_TIMEOUT_MS: 600, KEEP_ALIVE_TIMEOUT_MS: 200 },
      {
        routeModules: [
          (app) =>
            app.get('/stream', () => {
              let sent = 0;
              const body = new ReadableStream<Uint8Array>({
                async pull(controller) {
                  await new Promise((resolve) => setTimeout(resolve, 150));
                  controller.enqueue(new TextEncoder().encode(`data: ${sent}\n\n`));
                  sent += 1;
                  if (sent === 10) controller.close();
                },
              });
              return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
            }),
        ],
      },
    );
  });
  afterAll(() => server.close());

  it('closes a connection that sends nothing after HEADERS_TIMEOUT_MS', async () => {
    const { connected, closed } = connect(server.port);
    await connected;
    const after = await within(closed, 2000);
    expect(after).not.toBe('open');
    expect(after as number).toBeGreaterThanOrEqual(250);
  });

  it('answers 408 and closes when the headers do not arrive within HEADERS_TIMEOUT_MS', async () => {
    const exchange = await rawExchange(server.port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n', 1800], {
      timeoutMs: 2000,
    });
    expect(statusCodes(exchange.text)).toEqual([408]);
    expect(exchange.endedAtMs).toBeGreaterThanOrEqual(250);
    expect(exchange.endedAtMs).toBeLessThan(1500);
  });

  it('answers 408 and closes a body trickled past REQUEST_TIMEOUT_MS', async () => {
    const trickle = Array.from({ length: 20 }, () => ['a', 100] as const).flat();
    const exchange = await rawExchange(
      server.port,
      [
        'POST /v1/estimates HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n',
        ...trickle,
      ],
      { timeoutMs: 2500 },
    );
    expect(statusCodes(exchange.text)).toEqual([408]);
    expect(exchange.endedAtMs).toBeGreaterThanOrEqual(550);
    expect(exchange.endedAtMs).toBeLessThan(1800);
  });

  it('closes an idle keep-alive connection after KEEP_ALIVE_TIMEOUT_MS (plus Node’s 1 s grace)', async () => {
    const exchange = await rawExchange(server.port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'], {
      timeoutMs: 3000,
    });
    expect(statusCodes(exchange.text)).toEqual([200]);
    expect(exchange.text).toMatch(/Keep-Alive: timeout=0/i);
    expect(exchange.endedAtMs).toBeLessThan(2000);
  });

  it('does not cut a streamed reply that lasts longer than REQUEST_TIMEOUT_MS', async () => {
    const started = performance.now();
    const response = await fetch(`${server.url}/stream`);
    const text = await response.text();
    expect(performance.now() - started).toBeGreaterThan(1000);
    expect(text.match(/data: /g)).toHaveLength(10);
  });
});

describe('connection caps', () => {
  it('closes connections over MAX_CONNECTIONS_PER_ADDRESS on accept; other addresses are served', async () => {
    const server = await startLoopbackServer({ MAX_CONNECTIONS_PER_ADDRESS: 3 });
    try {
      const held = [connect(server.port), connect(server.port), connect(server.port)];
      await Promise.all(held.map((connection) => connection.connected));
      const extra = connect(server.port);
      // Closed at once, long before the 10 s headers timeout.
      expect(await within(extra.closed, 1000)).not.toBe('open');
      expect(await getFrom(server.port, '127.0.0.2')).toBe(200);
      expect(await within(held[0]!.closed, 100)).toBe('open');

      held[0]!.socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await getFrom(server.port, '127.0.0.1')).toBe(200);

      expect(server.connections.refused()['max-connections-per-address']).toBe(1);
      expect(server.logs.some((line) => line.msg === 'connection refused' && line.level === 'warn')).toBe(true);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toContain('connections_refused_total{reason="max-connections-per-address"} 1');
      for (const connection of held) connection.socket.destroy();
    } finally {
      await server.close();
    }
  });

  it('closes connections over MAX_CONNECTIONS on accept and serves again once one closes', async () => {
    const server = await startLoopbackServer({ MAX_CONNECTIONS: 4, MAX_CONNECTIONS_PER_ADDRESS: 0 });
    try {
      const held = [1, 2, 3, 4].map((host) => connect(server.port, `127.0.0.${host}`));
      await Promise.all(held.map((connection) => connection.connected));
      const extra = connect(server.port, '127.0.0.5');
      expect(await within(extra.closed, 1000)).not.toBe('open');
      expect(server.connections.refused()['max-connections']).toBe(1);

      held[0]!.socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await getFrom(server.port, '127.0.0.5')).toBe(200);
      for (const connection of held) connection.socket.destroy();
    } finally {
      await server.close();
    }
  });
});

describe('configuration', () => {
  it('defaults: 10 s headers, 30 s request, 5 s keep-alive, 1000 connections, 50 per address', () => {
    const limits = connectionLimitsFromConfig(parseEnv({}));
    expect(limits).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1000,
      maxConnectionsPerAddress: DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
    });
    // Node's 30 s check interval would let a 10 s headers timeout last up to 40 s.
    expect(serverTimeoutOptions(limits).connectionsCheckingInterval).toBeLessThanOrEqual(1000);
  });

  it('turns the per-address cap off behind a trusted proxy unless it is set', () => {
    expect(connectionLimitsFromConfig(parseEnv({ TRUST_PROXY: 'true' })).maxConnectionsPerAddress).toBe(0);
    expect(
      connectionLimitsFromConfig(parseEnv({ TRUST_PROXY: 'true', MAX_CONNECTIONS_PER_ADDRESS: '200' }))
        .maxConnectionsPerAddress,
    ).toBe(200);
  });

  it('refuses a headers timeout longer than the request timeout, naming the variable', () => {
    expect(() => parseEnv({ HEADERS_TIMEOUT_MS: '40000', REQUEST_TIMEOUT_MS: '30000' })).toThrow(ConfigError);
    expect(() => parseEnv({ HEADERS_TIMEOUT_MS: '40000', REQUEST_TIMEOUT_MS: '30000' })).toThrow(
      /HEADERS_TIMEOUT_MS: must not exceed REQUEST_TIMEOUT_MS/,
    );
  });
});
