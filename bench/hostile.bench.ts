/**
 * Hostile chat load (issue 11, item 1): one client sends the heaviest `POST /v1/chat/completions` bodies the server
 * accepts — pathological 4,000-character messages (repeated GPU names, digit runs, repeated words, trigger words
 * followed by runs of spaces) replayed in full on every call — while a bystander on another loopback address reads
 * `GET /v1/methods` every 50 ms. The real server runs as a child process.
 *
 * Figures: each attack body alone (the worst single request), then, with the rate limit off and with the default
 * limits (the attacker then waits out each 429), the attacker's statuses and latency and the bystanders' p50/p99/max.
 *
 * Env: HOSTILE_SECONDS (each of the two load phases, default 10), HOSTILE_ATTACKERS (concurrent attacker
 * connections, default 4).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, stop } from './process-helpers.ts';
import { report, summarize } from './stats.ts';

const ATTACKER_ADDRESS = '127.0.0.1';
const MESSAGE_CHARS = 4000;

const fill = (unit: string, length = MESSAGE_CHARS) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** User-message contents of the attack bodies: each a history the server accepts (within REPLAY_MAX_CHARS). */
const ATTACKS: Record<string, readonly string[]> = {
  'a100 x800, 8 messages': Array(8).fill(fill('a100 ')),
  'digit run, 8 messages': Array(8).fill(fill('1')),
  'dash run, 8 messages': Array(8).fill(fill('-')),
  '2 a100s, 8 messages': Array(8).fill(fill('2 a100s ')),
  'rtx prefix run, 8 messages': Array(8).fill(fill('rtx ')),
  'newlines, 8 messages': Array(8).fill(`x${'\n'.repeat(MESSAGE_CHARS - 2)}x`),
  'cite + spaces, 8 messages': Array(8).fill(`cite${' '.repeat(MESSAGE_CHARS - 5)}x`),
  '$1 repeated, 8 messages': Array(8).fill(fill('$1 ')),
  'mixed facts, 8 messages': Array(8).fill(
    fill('we have 2 a100 80gb gpus and 5k examples, budget $2k/month, docs change weekly, need citations. '),
  ),
  '100 short messages': Array.from({ length: 100 }, (_, index) => `we have ${index} a100s and weekly docs`),
};

function body(userMessages: readonly string[]): string {
  return JSON.stringify({
    model: 'adaptation-advisor',
    messages: userMessages.map((content) => ({ role: 'user', content })),
  });
}

function send(
  url: URL,
  localAddress: string,
  method: string,
  path: string,
  payload?: string,
): Promise<{ status: number | 'error'; ms: number; retryAfterSeconds: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        localAddress,
        agent: false,
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      },
      (response) => {
        response.resume();
        const retryAfterSeconds = Number(response.headers['retry-after'] ?? 1);
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, retryAfterSeconds }),
        );
      },
    );
    request.on('error', () => resolve({ status: 'error', ms: performance.now() - started, retryAfterSeconds: 1 }));
    request.end(payload);
  });
}

/**
 * One attack phase: attackers cycle through the bodies from one address; bystanders (a new loopback address each
 * time, as many separate users would be) read every 50 ms. With `withinLimit`, an attacker refused with 429 waits
 * for `Retry-After` (it uses its whole budget and no more), as in the finding.
 */
async function underLoad(
  url: URL,
  label: string,
  seconds: number,
  attackers: number,
  withinLimit: boolean,
): Promise<void> {
  const payloads = Object.values(ATTACKS).map(body);
  const end = Date.now() + seconds * 1000;
  const attack: number[] = [];
  const statuses: Record<string, number> = {};
  const bystander: number[] = [];
  const bystanderStatuses: Record<string, number> = {};
  let next = 0;
  const attackLoops = Array.from({ length: attackers }, async () => {
    while (Date.now() < end) {
      const payload = payloads[next++ % payloads.length] as string;
      const result = await send(url, ATTACKER_ADDRESS, 'POST', '/v1/chat/completions', payload);
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      if (result.status === 200) attack.push(result.ms);
      if (withinLimit && result.status === 429) {
        const wait = Math.min(result.retryAfterSeconds * 1000, end - Date.now());
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  });
  let bystanderIndex = 0;
  const bystanderLoop = (async () => {
    while (Date.now() < end) {
      const address = `127.0.${1 + (bystanderIndex >> 8)}.${bystanderIndex++ & 255}`;
      const result = await send(url, address, 'GET', '/v1/methods');
      bystanderStatuses[result.status] = (bystanderStatuses[result.status] ?? 0) + 1;
      bystander.push(result.ms);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await Promise.all([...attackLoops, bystanderLoop]);
  const attacked = summarize(attack);
  report(`hostile ${label}: attacker`, {
    seconds,
    connections: attackers,
    served: attacked.n,
    p50_ms: attacked.p50,
    max_ms: attacked.max,
    statuses: JSON.stringify(statuses),
  });
  const victim = summarize(bystander);
  report(`hostile ${label}: bystander GET /v1/methods`, {
    n: victim.n,
    p50_ms: victim.p50,
    p99_ms: victim.p99,
    max_ms: victim.max,
    statuses: JSON.stringify(bystanderStatuses),
  });
}

async function withServer(env: Record<string, string>, run: (url: URL) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'advisor-bench-hostile-'));
  const server = await spawnServer(['src/index.ts'], {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    ...env,
  });
  try {
    await run(new URL(server.url));
  } finally {
    await stop(server.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchHostile(): Promise<void> {
  const seconds = Number(process.env.HOSTILE_SECONDS ?? 10);
  const attackers = Number(process.env.HOSTILE_ATTACKERS ?? 4);
  console.log(`\n# Hostile chat load: one client's heaviest accepted /v1/chat/completions bodies vs a bystander`);

  // Rate limit off: the work one request may do, and how the event loop is shared when nothing refuses the attacker.
  await withServer({ RATE_LIMIT_PER_MINUTE: '0' }, async (url) => {
    // Each body alone, on an idle server: the worst single request. Best of 3, after one warm-up call.
    let worst = { name: '', ms: 0 };
    for (const [name, messages] of Object.entries(ATTACKS)) {
      const payload = body(messages);
      await send(url, ATTACKER_ADDRESS, 'POST', '/v1/chat/completions', payload);
      let best = Number.POSITIVE_INFINITY;
      let status: number | 'error' = 0;
      for (let round = 0; round < 3; round++) {
        const result = await send(url, ATTACKER_ADDRESS, 'POST', '/v1/chat/completions', payload);
        best = Math.min(best, result.ms);
        status = result.status;
      }
      report(`hostile single: ${name}`, { status, ms: best, kb: Math.round(payload.length / 1024) });
      if (best > worst.ms) worst = { name, ms: best };
    }
    report('hostile single: worst request', { ms: worst.ms, body: worst.name });
    await underLoad(url, 'rate limit off', seconds, attackers, false);
  });

  // Default limits (RATE_LIMIT_PER_MINUTE 120, a replayed history charged by its size), the attacker within them.
  await withServer({}, (url) => underLoad(url, 'default limits', seconds, attackers, true));
}
