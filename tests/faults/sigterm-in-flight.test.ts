/**
 * Fault (c): SIGTERM while responses are streaming. A stream that ends within SHUTDOWN_GRACE_MS completes; one that
 * would run longer is cut at the grace period; new connections are refused as soon as shutdown starts; chat turns
 * caught by the signal either complete (and are stored) or are refused outright, never half-answered; exit code 0.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CONVERSATION,
  killIfRunning,
  ResponseCutError,
  readHistory,
  type ServerProcess,
  sendChatTurn,
  sleep,
  startServerProcess,
  type TurnResult,
} from './process-harness.ts';

const GRACE_MS = 1500;

const directories: string[] = [];
afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

interface StreamRecord {
  events: string[];
  ended: boolean;
  error?: string;
  finishedAt?: number;
  firstEvent: Promise<void>;
  done: Promise<void>;
}

/** Reads a server-sent event stream, recording each `data:` line and whether `event: end` arrived. */
function readStream(url: string): StreamRecord {
  let markFirst: () => void = () => undefined;
  const record = {
    events: [] as string[],
    ended: false,
    firstEvent: new Promise<void>((resolve) => {
      markFirst = resolve;
    }),
  } as StreamRecord;
  record.done = (async () => {
    try {
      const response = await fetch(url);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let boundary = buffer.indexOf('\n\n');
        while (boundary !== -1) {
          const event = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          if (event.includes('event: end')) record.ended = true;
          else {
            const data = /^data: (.*)$/m.exec(event)?.[1];
            if (data !== undefined) record.events.push(data);
          }
          markFirst();
          boundary = buffer.indexOf('\n\n');
        }
      }
    } catch (error) {
      record.error = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
    } finally {
      record.finishedAt = performance.now();
      markFirst();
    }
  })();
  return record;
}

describe('SIGTERM with streams in flight', () => {
  it('finishes short streams, cuts long ones after the grace period, refuses new connections, exits 0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'advisor-sigterm-'));
    directories.push(dataDir);
    let server: ServerProcess | undefined;
    try {
      server = await startServerProcess(
        { DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: String(GRACE_MS) },
        'tests/faults/fixtures/slow-stream-server.ts',
      );
      const { url } = server;
      const opening = await sendChatTurn(url, { userMessageId: 'u-0', text: CONVERSATION[0] as string });
      const session = opening.session;
      if (session === undefined) throw new Error('no session');

      const short = readStream(`${url}/test/slow-stream?chunks=8&intervalMs=100`); // ~0.8 s: inside the grace
      const long = readStream(`${url}/test/slow-stream?chunks=100&intervalMs=100`); // ~10 s: beyond it
      await Promise.all([short.firstEvent, long.firstEvent]);

      // Chat turns racing the signal.
      const turns: Promise<TurnResult | Error>[] = [];
      for (let index = 1; index <= 5; index++) {
        turns.push(
          sendChatTurn(url, {
            session,
            userMessageId: `u-${index}`,
            text: CONVERSATION[index] as string,
          }).catch((error: unknown) => error as Error),
        );
      }
      const signalledAt = performance.now();
      server.child.kill('SIGTERM');
      await sleep(150);

      // New connections are refused once shutdown has started.
      const late = await fetch(`${url}/healthz`).then(
        (response) => `status ${response.status}`,
        (error: unknown) => String((error as Error).cause ?? error),
      );
      expect(late).toMatch(/ECONNREFUSED/);

      const { code } = await server.exit;
      const exitMs = performance.now() - signalledAt;
      await Promise.all([short.done, long.done]);
      expect(code).toBe(0);

      expect(short.error).toBeUndefined();
      expect(short.ended).toBe(true);
      expect(short.events).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);

      expect(long.ended).toBe(false);
      expect(long.error).toBeDefined();
      expect(long.events.length).toBeGreaterThan(5);
      expect(long.events.length).toBeLessThan(100);
      const cutMs = (long.finishedAt ?? 0) - signalledAt;
      expect(cutMs).toBeGreaterThanOrEqual(GRACE_MS - 100);
      expect(cutMs).toBeLessThan(GRACE_MS + 2000);
      expect(exitMs).toBeLessThan(GRACE_MS + 3000);
      expect(server.stdout()).toContain('"msg":"shutting down"');
      expect(server.stdout()).toContain('"msg":"closed"');

      // Each racing turn completed or was refused before any byte of an answer: never half-answered.
      const results = await Promise.all(turns);
      for (const result of results) expect(result).not.toBeInstanceOf(ResponseCutError);
      const acknowledged = results.filter((result): result is TurnResult => !(result instanceof Error));
      for (const result of acknowledged) expect(result.acknowledged).toBe(true);

      const restarted = await startServerProcess({ DATA_DIR: dataDir });
      try {
        const history = await readHistory(restarted.url, session);
        const storedIds = history.messages.map((message) => message.id);
        for (const result of acknowledged) expect(storedIds).toContain(result.userMessageId);
      } finally {
        await killIfRunning(restarted);
      }
    } finally {
      await killIfRunning(server);
    }
  });
});
