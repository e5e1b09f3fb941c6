/**
 * Fault (a): the server is killed with SIGKILL while 20 clients chat. After a restart on the same DATA_DIR, every turn
 * the server acknowledged (HTTP 200 and a complete stream with its `finish` chunk) is stored, in order, with its
 * reply, and every session the clients learned about loads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ChatSession,
  CONVERSATION,
  killIfRunning,
  readHistory,
  type ServerProcess,
  sendChatTurn,
  sleep,
  startServerProcess,
  type TurnResult,
} from './process-harness.ts';

const CLIENTS = 20;
const MIN_ACKNOWLEDGED = 80;
const MIN_CHAT_MS = 1500;

interface ClientLog {
  session?: ChatSession;
  acknowledged: TurnResult[];
  networkErrors: number;
  httpErrors: number[];
}

const directories: string[] = [];
afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

/** One client: turn after turn until `stop()` says so or the connection fails. */
async function chatLoop(url: string, index: number, log: ClientLog, stop: () => boolean): Promise<void> {
  for (let turn = 0; !stop(); turn++) {
    try {
      const result = await sendChatTurn(url, {
        session: log.session,
        userMessageId: `c${index}-t${turn}`,
        text: CONVERSATION[turn % CONVERSATION.length] as string,
        chatId: `chat-${index}`,
      });
      if (result.session !== undefined) log.session = result.session;
      if (result.acknowledged) log.acknowledged.push(result);
      else log.httpErrors.push(result.status);
    } catch {
      log.networkErrors += 1; // the server died mid-request: this turn was never acknowledged
      return;
    }
  }
}

describe('SIGKILL while 20 clients chat', () => {
  it('keeps every acknowledged message and every session after a restart', { timeout: 90_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'advisor-sigkill-'));
    directories.push(dataDir);
    let server: ServerProcess | undefined;
    let restarted: ServerProcess | undefined;
    try {
      server = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
      const logs: ClientLog[] = Array.from({ length: CLIENTS }, () => ({
        acknowledged: [],
        networkErrors: 0,
        httpErrors: [],
      }));
      let killed = false;
      const running = logs.map((log, index) => chatLoop((server as ServerProcess).url, index, log, () => killed));
      const started = Date.now();
      const acknowledgedCount = () => logs.reduce((sum, log) => sum + log.acknowledged.length, 0);
      while (
        (acknowledgedCount() < MIN_ACKNOWLEDGED || Date.now() - started < MIN_CHAT_MS) &&
        Date.now() - started < 60_000
      ) {
        await sleep(20);
      }
      server.child.kill('SIGKILL');
      const { signal } = await server.exit;
      killed = true;
      await Promise.all(running);
      expect(signal).toBe('SIGKILL');

      const acknowledged = logs.flatMap((log) => log.acknowledged);
      expect(acknowledged.length).toBeGreaterThanOrEqual(MIN_ACKNOWLEDGED);
      // The kill landed mid-traffic: some requests were cut, and no request failed before it.
      expect(logs.reduce((sum, log) => sum + log.networkErrors, 0)).toBeGreaterThan(0);
      expect(logs.flatMap((log) => log.httpErrors)).toEqual([]);

      restarted = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
      expect(restarted.stdout()).not.toContain('corrupt session file');
      for (const [index, log] of logs.entries()) {
        if (log.session === undefined) continue;
        const history = await readHistory(restarted.url, log.session);
        expect(history.status, `session of client ${index} loads`).toBe(200);
        const ids = history.messages.map((message) => message.id);
        let previousPosition = -1;
        for (const turn of log.acknowledged) {
          const position = ids.indexOf(turn.userMessageId);
          expect(position, `acknowledged ${turn.userMessageId} is stored`).toBeGreaterThan(previousPosition);
          expect(history.messages[position]).toMatchObject({ role: 'user', text: turn.text });
          // ...followed by the reply the client received
          expect(history.messages[position + 1]).toMatchObject({ id: turn.assistantMessageId, role: 'assistant' });
          previousPosition = position;
        }
      }
      const ready = await fetch(`${restarted.url}/readyz`);
      expect(ready.status).toBe(200);
    } finally {
      await killIfRunning(server);
      await killIfRunning(restarted);
    }
  });
});
