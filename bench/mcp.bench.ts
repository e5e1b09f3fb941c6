import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { BENCH_PROFILE } from './http.bench.ts';
import { spawnServer, stop } from './process-helpers.ts';
import { report, summarize } from './stats.ts';

type Mode = 'cached' | 'uncached';

/**
 * MCP `recommend_adaptation` vs POST /v1/recommendations, one request at a time against the server as a child
 * process (the target: MCP adds under 5 ms at p50). Per iteration, in turn on the same profile:
 * - rest: POST /v1/recommendations, body read and parsed;
 * - mcp-raw: one JSON-RPC `tools/call` POST to /mcp (no session: the stateless 2025 leg), response read and parsed;
 * - mcp-sdk: the SDK client's `callTool` over Streamable HTTP on the 2026-07-28 protocol, which also validates the
 *   structured result against the advertised output schema on the client side.
 * Modes: `uncached` (RECOMMENDATION_CACHE_SIZE=0, the scenario profiles in turn: every call runs the engine on both
 * surfaces) and `cached` (the default server, one profile: both answer from their response caches).
 */
export async function benchMcp(options: { iterations?: number; warmup?: number } = {}) {
  const results = [];
  for (const mode of ['uncached', 'cached'] as const) results.push(await benchMode(mode, options));
  return results;
}

async function benchMode(mode: Mode, options: { iterations?: number; warmup?: number }) {
  const iterations = options.iterations ?? Number(process.env.MCP_BENCH_ITERATIONS ?? 300);
  const warmup = options.warmup ?? 30;
  const dataDir = await mkdtemp(join(tmpdir(), 'advisor-bench-mcp-'));
  const server = await spawnServer(['src/index.ts'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info', // spawnServer waits for the "listening" line
    RATE_LIMIT_PER_MINUTE: '1000000000',
    RECOMMENDATION_CACHE_SIZE: mode === 'cached' ? '1000' : '0',
  });
  const profiles =
    mode === 'cached'
      ? [BENCH_PROFILE]
      : (
          JSON.parse(await readFile(new URL('../tests/scenarios/scenarios.json', import.meta.url), 'utf8')) as {
            scenarios: { profile: Record<string, unknown> }[];
          }
        ).scenarios.map((scenario) => scenario.profile);
  const client = new Client({ name: 'advisor-bench', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  const times = { rest: [] as number[], mcpRaw: [] as number[], mcpSdk: [] as number[] };
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
    await client.listTools(); // so callTool validates the structured result, as an agent's client would

    const rest = async (profile: unknown) => {
      const response = await fetch(`${server.url}/v1/recommendations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ profile }),
      });
      const body = JSON.parse(await response.text()) as { destination?: unknown };
      if (response.status !== 200 || body.destination === undefined)
        throw new Error(`REST answered ${response.status}`);
    };
    const mcpRaw = async (profile: unknown) => {
      const response = await fetch(`${server.url}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'recommend_adaptation', arguments: { profile } },
        }),
      });
      const text = await response.text();
      const json = text.startsWith('{') ? text : (/^data: (.*)$/m.exec(text)?.[1] ?? '');
      const message = JSON.parse(json) as { result?: { structuredContent?: unknown; isError?: boolean } };
      if (message.result?.structuredContent === undefined) throw new Error(`MCP answered ${text.slice(0, 300)}`);
    };
    const mcpSdk = async (profile: unknown) => {
      const result = await client.callTool({ name: 'recommend_adaptation', arguments: { profile } });
      if (result.isError === true || result.structuredContent === undefined) throw new Error('MCP tool error');
    };
    const timed = async (samples: number[] | undefined, call: () => Promise<void>) => {
      const started = performance.now();
      await call();
      samples?.push(performance.now() - started);
    };

    for (let i = 0; i < warmup + iterations; i++) {
      const profile = profiles[i % profiles.length];
      const record = i >= warmup;
      await timed(record ? times.rest : undefined, () => rest(profile));
      await timed(record ? times.mcpRaw : undefined, () => mcpRaw(profile));
      await timed(record ? times.mcpSdk : undefined, () => mcpSdk(profile));
    }
  } finally {
    await client.close();
    await stop(server.child);
  }
  const restStats = summarize(times.rest);
  const rawStats = summarize(times.mcpRaw);
  const sdkStats = summarize(times.mcpSdk);
  return report(`mcp ${mode} (${iterations} calls each, ms)`, {
    restP50: restStats.p50,
    mcpRawP50: rawStats.p50,
    mcpSdkP50: sdkStats.p50,
    addedRawP50: rawStats.p50 - restStats.p50,
    addedSdkP50: sdkStats.p50 - restStats.p50,
    restP99: restStats.p99,
    mcpRawP99: rawStats.p99,
    mcpSdkP99: sdkStats.p99,
  });
}
