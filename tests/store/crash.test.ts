import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Session } from '../../src/store/session-schema.ts';
import { createFileSessionStore } from '../../src/store/session-store.ts';
import { makeTempDir, removeDir } from './store-test-helpers.ts';

const WRITER = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));

let dataDir: string;

beforeEach(async () => {
  dataDir = await makeTempDir();
});

afterEach(async () => {
  await removeDir(dataDir);
});

/** Runs the writer, SIGKILLs it ~300 ms after its first acknowledged append, returns everything it printed. */
function runAndKill(): Promise<{ lines: string[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const safetyTimer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (killTimer === undefined && stdout.includes('\nack ')) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), 300);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(safetyTimer);
      clearTimeout(killTimer);
      // A partial last line (cut by the kill) is not an acknowledgement.
      const lines = stdout.split('\n');
      lines.pop();
      resolve({ lines, signal, stderr });
    });
  });
}

it('keeps every acknowledged message readable after a SIGKILL mid-write, and every session file parses', async () => {
  const { lines, signal, stderr } = await runAndKill();
  expect(stderr).toBe('');
  expect(signal).toBe('SIGKILL');

  const tokens = new Map<string, string>();
  const acknowledged = new Map<string, string[]>();
  for (const line of lines) {
    const [kind, sessionId, value] = line.split(' ');
    if (kind === 'session' && sessionId && value) tokens.set(sessionId, value);
    if (kind === 'ack' && sessionId && value)
      acknowledged.set(sessionId, [...(acknowledged.get(sessionId) ?? []), value]);
  }
  const acknowledgedCount = [...acknowledged.values()].reduce((sum, ids) => sum + ids.length, 0);
  expect(tokens.size).toBe(3);
  console.info(`acknowledged ${acknowledgedCount} appends before SIGKILL`);
  // The kill must land while the writer is busy, or the test proves nothing.
  expect(acknowledgedCount).toBeGreaterThanOrEqual(10);

  // Every session file on disk parses and validates (temp files may be left behind; they are not session files).
  const sessionsDir = path.join(dataDir, 'sessions');
  const sessionFiles = (await readdir(sessionsDir)).filter((name) => !name.startsWith('.'));
  expect(sessionFiles).toHaveLength(3);
  for (const name of sessionFiles) {
    const text = await readFile(path.join(sessionsDir, name), 'utf8');
    expect(() => Session.parse(JSON.parse(text))).not.toThrow();
  }

  const store = createFileSessionStore({ dataDir });
  expect(await store.init()).toEqual({ sessions: 3, corrupt: [] });
  for (const [sessionId, token] of tokens) {
    const session = await store.get(sessionId, token);
    const storedIds = session?.messages.map((message) => message.id) ?? [];
    const acked = acknowledged.get(sessionId) ?? [];
    // Every acknowledged message is there, in order; at most one more (written but not yet acknowledged) follows.
    expect(storedIds.slice(0, acked.length)).toEqual(acked);
    expect(storedIds.length - acked.length).toBeLessThanOrEqual(1);
  }
  // The store still accepts writes after the crash.
  const [firstId, firstToken] = [...tokens][0]!;
  expect(await store.appendMessages(firstId, firstToken, [{ role: 'user', text: 'after the crash' }])).toBeDefined();
}, 30_000);
