import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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

/**
 * (b) HTTP throughput of POST /v1/recommendations as a ratio to a bare Hono route returning a static JSON body of
 * the same size. Both servers run as separate processes; rounds alternate so both see the same machine state.
 */
export async function benchHttp(options: { rounds?: number; seconds?: number; connections?: number } = {}) {
  const rounds = options.rounds ?? 3;
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 16;
  const dataDir = await mkdtemp(join(tmpdir(), 'advisor-bench-'));
  const advisor = await spawnServer(['src/index.ts'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  });
  const body = JSON.stringify({ profile: BENCH_PROFILE, options: { explain: 'template' } });
  const sample = await fetch(`${advisor.url}/v1/recommendations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const responseText = await sample.text();
  if (sample.status !== 200) throw new Error(`advisor answered ${sample.status}: ${responseText.slice(0, 300)}`);
  const staticFile = join(dataDir, 'static-body.json');
  await writeFile(staticFile, responseText);
  const bare = await spawnServer(['bench/fixtures/bare-server.ts', staticFile]);

  const load = (url: string) =>
    autocannon({
      url: `${url}/v1/recommendations`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections,
      duration: seconds,
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
      errors += a.errors + a.non2xx + b.errors + b.non2xx;
    }
  } finally {
    await stop(advisor.child);
    await stop(bare.child);
    await rm(dataDir, { recursive: true, force: true });
  }
  const ratio = median(advisorRps) / median(bareRps);
  return report('http: POST /v1/recommendations vs bare Hono', {
    bodyBytes: Buffer.byteLength(responseText),
    connections,
    advisorRps: median(advisorRps),
    bareRps: median(bareRps),
    advisorP99Ms: median(advisorP99),
    ratio,
    errors,
    target: 'ratio >= 0.6',
  });
}
