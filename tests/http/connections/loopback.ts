import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../src/config/env.ts';
import { type RunningServer, type StartServerOptions, startServer } from '../../../src/index.ts';
import { createLogger, type LogFields } from '../../../src/logger.ts';
import { fixtureKnowledge } from '../../helpers/build-test-app.ts';

/** One parsed log line. */
export interface LogLine extends LogFields {
  level: string;
  msg: string;
}

/** A real server on 127.0.0.1 (port 0) with the fixture knowledge, a temp DATA_DIR and its log lines collected. */
export async function startLoopbackServer(
  config: Partial<Config> = {},
  deps: StartServerOptions['deps'] = {},
): Promise<RunningServer & { logs: LogLine[] }> {
  const logs: LogLine[] = [];
  const running = await startServer({
    env: {},
    config: {
      PORT: 0,
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-loopback-')),
      SHUTDOWN_GRACE_MS: 1000,
      ...config,
    },
    knowledge: fixtureKnowledge(),
    logger: createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogLine) }),
    deps,
  });
  return Object.assign(running, { logs });
}

/** What a raw socket received: the bytes, whether and when the server closed, and any socket error. */
export interface RawExchange {
  text: string;
  /** Milliseconds from connect to the server's FIN (or the socket closing), undefined if it stayed open. */
  endedAtMs: number | undefined;
  error: string | undefined;
}

/**
 * Opens a TCP connection to `port` on 127.0.0.1, writes `steps` in order (a number waits that many ms), and collects
 * what the server sends until it closes the connection or `timeoutMs` passes. With `keepWritingAfterEnd`, the
 * server's FIN does not stop the steps (the socket is half-open; only a close or the timeout ends the exchange).
 */
export function rawExchange(
  port: number,
  steps: ReadonlyArray<string | Buffer | number>,
  options: { timeoutMs?: number; keepWritingAfterEnd?: boolean } = {},
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const chunks: Buffer[] = [];
    let endedAtMs: number | undefined;
    let error: string | undefined;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), endedAtMs, error });
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 3000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      endedAtMs ??= performance.now() - started;
      if (options.keepWritingAfterEnd !== true) finish();
    });
    socket.on('close', () => {
      endedAtMs ??= performance.now() - started;
      finish();
    });
    socket.on('error', (cause: NodeJS.ErrnoException) => {
      error = cause.code ?? cause.message;
    });
    socket.on('connect', async () => {
      for (const step of steps) {
        if (typeof step === 'number') {
          await new Promise((wait) => setTimeout(wait, step));
          continue;
        }
        if (socket.destroyed || !socket.writable) break;
        // Respect backpressure, as a real client does: a body larger than the socket buffers is written as the server reads.
        if (!socket.write(step)) await new Promise((drained) => socket.once('drain', drained).once('close', drained));
      }
    });
  });
}

/** The status codes of the HTTP/1.1 responses in `text`, in order. */
export function statusCodes(text: string): number[] {
  return [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => Number(match[1]));
}

/** The head (status line and headers, lowercased names) of the first response in `text`. */
export function firstHead(text: string): Record<string, string> {
  const head = text.split('\r\n\r\n')[0] ?? '';
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
