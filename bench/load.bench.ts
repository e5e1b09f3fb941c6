/**
 * Load: the real server as a child process on loopback, a fixed number of virtual users holding a mixed load for a
 * bounded time — chat turns (each user keeps its session and goes through a realistic conversation, sending the
 * history like `DefaultChatTransport`), recommendations and history reads — and the server's memory sampled from
 * GET /metrics every second.
 *
 * The server runs with `--trace-gc`: the heap left after each full (mark-compact) collection is read from its log.
 * That is the figure a leak makes grow; heap-used samples follow the collector's sawtooth and RSS follows what V8
 * keeps reserved.
 *
 * Env: LOAD_SECONDS (default 30), LOAD_USERS (default 16), LOAD_WARMUP_SECONDS (default 5; latency, throughput and
 * the memory slope count only after it; errors count throughout), LOAD_TRACE=1 (print every memory sample),
 * LOAD_SERVER_HEAP_MB (caps the server's old generation with `--max-old-space-size`: a leak then ends in a crash the
 * bench reports, instead of a slope to interpret).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_PROFILE } from './http.bench.ts';
import { spawnServer, stop } from './process-helpers.ts';
import { report, summarize } from './stats.ts';

type Kind = 'chat-turn' | 'recommendation' | 'history-read';

/** What a team tells the advisor, one answer per turn; a user starts a new session after the last one. */
const CONVERSATION: readonly string[] = [
  'We want a support assistant that answers questions from our product documentation.',
  'We plan to use Llama 3.1 8B.',
  'We have one RTX 4090.',
  'About 2000 labeled question and answer pairs.',
  'The documentation changes every week.',
  'Answers must follow our support style and cite the page they come from.',
  'Our budget is about 500 dollars a month.',
  'What if we had two A100 80GB instead?',
  'Why not full fine-tuning?',
  'Latency should stay under two seconds.',
];

/** The order of requests of each user: two chat turns for every recommendation and history read. */
const CYCLE: readonly Kind[] = ['chat-turn', 'recommendation', 'chat-turn', 'history-read'];

/** The server's limits raised or off (0 = off): one loopback address sends everything here. */
const SERVER_ENV: Record<string, string> = {
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_MINUTE: '0',
  RATE_LIMIT_LLM_PER_MINUTE: '0',
  MAX_SESSIONS_PER_CLIENT: '0',
  MAX_MESSAGES_PER_SESSION: '100000',
};

interface Sample {
  kind: Kind;
  at: number;
  ms: number;
  ok: boolean;
}

interface UiMessage {
  id: string;
  role: 'user' | 'assistant';
  parts: { type: 'text'; text: string }[];
}

interface VirtualUser {
  index: number;
  session?: { id: string; token: string };
  messages: UiMessage[];
  turn: number;
  sessionsStarted: number;
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/** One chat turn: sends the conversation so far; ok only for a 200 whose stream ends with `finish` and `[DONE]`. */
async function chatTurn(url: string, user: VirtualUser): Promise<boolean> {
  if (user.turn % CONVERSATION.length === 0 && user.turn > 0) {
    user.session = undefined; // conversation over: the user starts a new one
    user.messages = [];
  }
  const text = CONVERSATION[user.turn % CONVERSATION.length] as string;
  const userMessage: UiMessage = { id: `u${user.index}-${user.turn}`, role: 'user', parts: [{ type: 'text', text }] };
  user.turn += 1;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (user.session) {
    headers['x-session-id'] = user.session.id;
    headers['x-session-token'] = user.session.token;
  }
  const response = await fetch(`${url}/v1/chat`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      id: `chat-${user.index}-${user.sessionsStarted}`,
      trigger: 'submit-message',
      messages: [...user.messages, userMessage],
    }),
  });
  const body = await response.text();
  if (response.status !== 200) return false;
  const sessionId = response.headers.get('x-session-id');
  const token = response.headers.get('x-session-token');
  if (!user.session && sessionId && token) {
    user.session = { id: sessionId, token };
    user.sessionsStarted += 1;
  }
  let reply = '';
  let assistantId = '';
  let finished = false;
  for (const line of body.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const chunk = JSON.parse(line.slice('data: '.length)) as { type: string; delta?: string; messageId?: string };
    if (chunk.type === 'text-delta') reply += chunk.delta ?? '';
    else if (chunk.type === 'start') assistantId = chunk.messageId ?? '';
    else if (chunk.type === 'finish') finished = true;
  }
  if (!finished || !body.includes('data: [DONE]')) return false;
  user.messages.push(userMessage, { id: assistantId, role: 'assistant', parts: [{ type: 'text', text: reply }] });
  return true;
}

/** A recommendation for a profile that varies per request (labelled examples), like different teams asking. */
async function recommendation(url: string, user: VirtualUser): Promise<boolean> {
  const response = await fetch(`${url}/v1/recommendations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      profile: { ...BENCH_PROFILE, labeledExamples: 500 + ((user.index * 997 + user.turn * 131) % 20_000) },
      options: { explain: 'template' },
    }),
  });
  await response.arrayBuffer();
  return response.status === 200;
}

async function historyRead(url: string, user: VirtualUser): Promise<boolean> {
  if (!user.session) return chatTurn(url, user);
  const response = await fetch(`${url}/v1/chat/${user.session.id}`, {
    headers: { 'x-session-token': user.session.token },
  });
  await response.arrayBuffer();
  return response.status === 200;
}

/** Least-squares slope of `values` over `times` (ms), in units per minute. */
function slopePerMinute(times: readonly number[], values: readonly number[]): number {
  const count = times.length;
  if (count < 2) return Number.NaN;
  const meanTime = times.reduce((sum, value) => sum + value, 0) / count;
  const meanValue = values.reduce((sum, value) => sum + value, 0) / count;
  let numerator = 0;
  let denominator = 0;
  for (let index = 0; index < count; index++) {
    const dt = (times[index] as number) - meanTime;
    numerator += dt * ((values[index] as number) - meanValue);
    denominator += dt * dt;
  }
  return (numerator / denominator) * 60_000;
}

/**
 * The heap after each major collection: samples where heap-used fell by more than 25% from the previous sample. Raw
 * heap samples follow the collector's sawtooth; what survives collections is what a leak would make grow.
 */
function heapAfterCollections(points: readonly { at: number; heapMB: number }[]): { at: number; heapMB: number }[] {
  return points.filter((point, index) => index > 0 && point.heapMB < (points[index - 1]?.heapMB ?? 0) * 0.75);
}

/**
 * The heap left after each mark-compact collection, from `--trace-gc` lines such as
 * `[123:0x5a]    30123 ms: Mark-Compact 95.3 (130.1) -> 70.2 (125.0) MB, ...`; `atMs` counts from process start.
 */
export function markCompactsFromTrace(log: string): { atMs: number; heapAfterMB: number }[] {
  const points: { atMs: number; heapAfterMB: number }[] = [];
  for (const match of log.matchAll(/ (\d+) ms: Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/g)) {
    points.push({ atMs: Number(match[1]), heapAfterMB: Number(match[2]) });
  }
  return points;
}

function metricValue(text: string, name: string): number | undefined {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

/** Runs the load and prints one line per request kind plus one line of totals and memory. */
export async function benchLoad(
  options: { seconds?: number; users?: number; warmupSeconds?: number } = {},
): Promise<Record<string, string | number>[]> {
  const seconds = options.seconds ?? positiveNumber(process.env.LOAD_SECONDS, 30);
  const users = options.users ?? Math.round(positiveNumber(process.env.LOAD_USERS, 16));
  const warmupSeconds = Math.min(
    options.warmupSeconds ?? positiveNumber(process.env.LOAD_WARMUP_SECONDS, 5),
    seconds / 2,
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'advisor-load-'));
  const heapCapMB = positiveNumber(process.env.LOAD_SERVER_HEAP_MB, 0);
  const nodeFlags = ['--trace-gc', ...(heapCapMB > 0 ? [`--max-old-space-size=${Math.round(heapCapMB)}`] : [])];
  const server = await spawnServer([...nodeFlags, 'src/index.ts'], { ...SERVER_ENV, DATA_DIR: dataDir });
  const samples: Sample[] = [];
  const memory: { at: number; rssMB: number; heapMB: number }[] = [];
  const errorsByKind: Record<Kind, number> = { 'chat-turn': 0, recommendation: 0, 'history-read': 0 };
  let networkErrors = 0;
  let lastMetrics = '';
  const trace = process.env.LOAD_TRACE === '1';
  let serverExit: string | undefined;
  let serverOutputTail = '';
  const keepTail = (chunk: Buffer) => {
    serverOutputTail = (serverOutputTail + chunk.toString()).slice(-4000);
  };
  server.child.stderr?.on('data', keepTail);
  server.child.once('exit', (code, signal) => {
    serverExit = `server exited during the load (code ${code}, signal ${signal})`;
  });
  const running = () => performance.now() < deadline && serverExit === undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const warmupEnd = started + warmupSeconds * 1000;

  const sampler = (async () => {
    for (let next = started; running(); ) {
      try {
        lastMetrics = await (await fetch(`${server.url}/metrics`)).text();
        const rss = metricValue(lastMetrics, 'process_resident_memory_bytes');
        const heap = metricValue(lastMetrics, 'nodejs_heap_used_bytes');
        if (rss !== undefined && heap !== undefined) {
          memory.push({ at: performance.now(), rssMB: rss / 2 ** 20, heapMB: heap / 2 ** 20 });
          if (trace) {
            const mb = (name: string) => ((metricValue(lastMetrics, name) ?? Number.NaN) / 2 ** 20).toFixed(1);
            console.log(
              `  t=${((performance.now() - started) / 1000).toFixed(0)}s rss=${mb('process_resident_memory_bytes')} ` +
                `heapUsed=${mb('nodejs_heap_used_bytes')} heapTotal=${mb('nodejs_heap_total_bytes')} ` +
                `external=${mb('nodejs_external_memory_bytes')} sessions=${metricValue(lastMetrics, 'sessions_stored')}`,
            );
          }
        }
      } catch {
        networkErrors += 1;
      }
      next += 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  })();

  const virtualUser = async (index: number) => {
    const user: VirtualUser = { index, messages: [], turn: 0, sessionsStarted: 0 };
    for (let step = index % CYCLE.length; running(); step++) {
      const kind = CYCLE[step % CYCLE.length] as Kind;
      const at = performance.now();
      let ok = false;
      try {
        if (kind === 'chat-turn') ok = await chatTurn(server.url, user);
        else if (kind === 'recommendation') ok = await recommendation(server.url, user);
        else ok = await historyRead(server.url, user);
      } catch {
        networkErrors += 1;
      }
      if (!ok) errorsByKind[kind] += 1;
      samples.push({ kind, at, ms: performance.now() - at, ok });
    }
  };

  let gcTrace = '';
  try {
    await Promise.all([sampler, ...Array.from({ length: users }, (_, index) => virtualUser(index))]);
  } finally {
    try {
      gcTrace = readFileSync(server.logFile, 'utf8');
    } catch {
      // the log is gone only if the server died early, which is reported below
    }
    await stop(server.child);
    await rm(dataDir, { recursive: true, force: true });
  }
  if (serverExit !== undefined && performance.now() < deadline) {
    throw new Error(`${serverExit}; last server stderr:\n${serverOutputTail}`);
  }

  const measuredSeconds = (deadline - warmupEnd) / 1000;
  const steady = samples.filter((sample) => sample.at >= warmupEnd && sample.ok);
  const records: Record<string, string | number>[] = [];
  for (const kind of ['chat-turn', 'recommendation', 'history-read'] as const) {
    const latencies = summarize(steady.filter((sample) => sample.kind === kind).map((sample) => sample.ms));
    records.push(
      report(`load: ${kind}`, {
        requests: latencies.n,
        rps: latencies.n / measuredSeconds,
        p50Ms: latencies.p50,
        p99Ms: latencies.p99,
        maxMs: latencies.max,
        errors: errorsByKind[kind],
      }),
    );
  }
  const afterWarmup = memory.filter((point) => point.at >= warmupEnd);
  const first = afterWarmup[0];
  const last = afterWarmup.at(-1);
  const afterGc = heapAfterCollections(afterWarmup);
  // --trace-gc counts from the server's start, which came `startedMs` before the load began
  const warmupEndServerMs = server.startedMs + warmupSeconds * 1000;
  const compactions = markCompactsFromTrace(gcTrace).filter((point) => point.atMs >= warmupEndServerMs);
  const half = Math.floor(compactions.length / 2);
  const meanOf = (points: readonly { heapAfterMB: number }[]) =>
    points.reduce((sum, point) => sum + point.heapAfterMB, 0) / Math.max(1, points.length);
  const errors = Object.values(errorsByKind).reduce((sum, count) => sum + count, 0) + networkErrors;
  records.push(
    report('load: total', {
      users,
      seconds,
      warmupSeconds,
      rps: steady.length / measuredSeconds,
      errors,
      errorTarget: 0,
      rssAfterWarmupMB: first?.rssMB ?? Number.NaN,
      rssEndMB: last?.rssMB ?? Number.NaN,
      rssSlopeMBPerMin: slopePerMinute(
        afterWarmup.map((point) => point.at),
        afterWarmup.map((point) => point.rssMB),
      ),
      heapAfterWarmupMB: first?.heapMB ?? Number.NaN,
      heapEndMB: last?.heapMB ?? Number.NaN,
      heapSlopeMBPerMin: slopePerMinute(
        afterWarmup.map((point) => point.at),
        afterWarmup.map((point) => point.heapMB),
      ),
      heapDropsSeen: afterGc.length,
      markCompacts: compactions.length,
      heapAfterMarkCompactFirstMB: compactions[0]?.heapAfterMB ?? Number.NaN,
      heapAfterMarkCompactLastMB: compactions.at(-1)?.heapAfterMB ?? Number.NaN,
      heapAfterMarkCompactMaxMB: Math.max(...compactions.map((point) => point.heapAfterMB)),
      heapAfterMarkCompactMeanFirstHalfMB: meanOf(compactions.slice(0, half)),
      heapAfterMarkCompactMeanSecondHalfMB: meanOf(compactions.slice(half)),
      heapAfterMarkCompactSlopeMBPerMin: slopePerMinute(
        compactions.map((point) => point.atMs),
        compactions.map((point) => point.heapAfterMB),
      ),
      serverHeapCapMB: heapCapMB > 0 ? heapCapMB : 'none',
      sessionsStored: metricValue(lastMetrics, 'sessions_stored') ?? Number.NaN,
      eventLoopLagP99Ms: (metricValue(lastMetrics, 'nodejs_eventloop_lag_p99_seconds') ?? Number.NaN) * 1000,
      memoryTarget: 'flat after warm-up',
    }),
  );
  return records;
}
