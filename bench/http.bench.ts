import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { spawnServer, stop } from './process-helpers.ts';
import { median, report } from './stats.ts';

/** The README's first example: a self-hosted team with one 24 GB GPU. */
export const BENCH_PROFILE = {
  modelName: 'Llama 3.1 8B',
  gpuName: 'RTX 4090',
  gpuCount: 1,
  labeledExamples: 2000,
  needsStyleOrFormat: true,
  knowledgeChanges: 'rarely',
};

type Mode = 'cached' | 'uncached';

/**
 * (b) HTTP throughput of POST /v1/recommendations as a ratio to a bare Hono route returning a static JSON body of
 * the same size, both as separate processes, rounds alternating so both see the same machine state. Two modes:
 * - cached: the same request repeated (the default server; after the first request the response cache answers);
 * - uncached: RECOMMENDATION_CACHE_SIZE=0 and the requests cycle through every scenario profile, so every request
 *   runs the full engine (resolution, estimator, rules, questions analysis) and serialises ~40 KB.
 */
export async function benchHttp(options: { rounds?: number; seconds?: number; connections?: number } = {}) {
  const results = [];
  for (const mode of ['cached', 'uncached'] as const) results.push(await benchMode(mode, options));
  return results;
}

async function benchMode(mode: Mode, options: { rounds?: number; seconds?: number; connections?: number }) {
  const rounds = options.rounds ?? 3;
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 16;
  const dataDir = await mkdtemp(join(tmpdir(), 'advisor-bench-'));
  // Production defaults, except: the per-client rate limit is raised so the limiter still runs but never rejects
  // the single load-generating client (a cheap 429 would flatter the ratio); uncached mode turns the cache off.
  const advisor = await spawnServer(['src/index.ts'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    RECOMMENDATION_CACHE_SIZE: mode === 'cached' ? '1000' : '0',
  });
  const bodies =
    mode === 'cached'
      ? [JSON.stringify({ profile: BENCH_PROFILE })]
      : (
          JSON.parse(await readFile(new URL('../tests/scenarios/scenarios.json', import.meta.url), 'utf8')) as {
            scenarios: { profile: unknown }[];
          }
        ).scenarios.map((scenario) => JSON.stringify({ profile: scenario.profile }));
  const sample = await fetch(`${advisor.url}/v1/recommendations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ profile: BENCH_PROFILE }),
  });
  const responseText = await sample.text();
  if (sample.status !== 200) throw new Error(`advisor answered ${sample.status}: ${responseText.slice(0, 300)}`);
  const staticFile = join(dataDir, 'static-body.json');
  await writeFile(staticFile, responseText);
  const bare = await spawnServer(['bench/fixtures/bare-server.ts', staticFile]);

  const load = (url: string) =>
    autocannon({
      url: `${url}/v1/recommendations`,
      connections,
      duration: seconds,
      requests: bodies.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
    });
  const advisorRps: number[] = [];
  const bareRps: number[] = [];
  const advisorP99: number[] = [];
  let errors = 0;
  try {
    await load(advisor.url); // warm-up both
    await load(bare.url);
    for (let round = 0; round < rounds; round++) {
      const a = await load(advisor.url);
      const b = await load(bare.url);
      advisorRps.push(a.requests.average);
      bareRps.push(b.requests.average);
      advisorP99.push(a.latency.p99);
      errors += a.errors + a.non2xx + a.timeouts + b.errors + b.non2xx + b.timeouts;
    }
  } finally {
    await stop(advisor.child);
    await stop(bare.child);
    await rm(dataDir, { recursive: true, force: true });
  }
  if (errors > 0) throw new Error(`${errors} failed or non-2xx responses during the HTTP benchmark (${mode})`);
  return report(`http (${mode}): POST /v1/recommendations vs bare`, {
    bodyBytes: Buffer.byteLength(responseText),
    profiles: bodies.length,
    connections,
    advisorRps: Math.round(median(advisorRps)),
    bareRps: Math.round(median(bareRps)),
    advisorP99Ms: median(advisorP99),
    ratio: median(advisorRps) / median(bareRps),
    target: mode === 'cached' ? 'ratio >= 0.6' : 'informational',
  });
}
