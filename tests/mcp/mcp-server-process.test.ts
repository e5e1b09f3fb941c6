/**
 * MCP over real HTTP: servers started through the project's start-up path (`startServer`, loopback, the real
 * knowledge), the SDK client over Streamable HTTP. Two instances behind a client-side round-robin answer one client's
 * successive requests alternately, which works only because `/mcp` keeps no session in memory.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/index.ts';
import { connectHttp, ERAS, firstText } from './mcp-client.ts';

const README_PROFILE = {
  modelName: 'Llama 3.1 8B',
  gpuName: 'RTX 4090',
  gpuCount: 1,
  labeledExamples: 2000,
  needsStyleOrFormat: true,
  knowledgeChanges: 'rarely',
};

function start(env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer({
    env: { LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'advisor-mcp-')), ...env },
    config: { PORT: 0, HOST: '127.0.0.1' },
  });
}

const servers: RunningServer[] = [];
let client: Client | undefined;
beforeAll(async () => {
  servers.push(await start(), await start());
});
afterEach(async () => {
  await client?.close();
  client = undefined;
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe.each(ERAS)('MCP over Streamable HTTP on loopback (%s era)', (era) => {
  it('answers recommend_adaptation with the README example destination', async () => {
    const [server] = servers as [RunningServer];
    client = await connectHttp(`${server.url}/mcp`, era);
    const result = await client.callTool({ name: 'recommend_adaptation', arguments: { profile: README_PROFILE } });
    expect(result.isError).not.toBe(true);
    const recommendation = result.structuredContent as { destination: { method: string }; knowledgeVersion: string };
    expect(recommendation.destination.method).toBe('lora');
    const rest = await fetch(`${server.url}/v1/recommendations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ profile: README_PROFILE }),
    });
    expect(result.structuredContent).toEqual(await rest.json());
  });

  it('serves one client from two instances in turn (no session held in memory)', async () => {
    const urls = servers.map((server) => server.url);
    const served: string[] = [];
    let turn = 0;
    const roundRobin: typeof fetch = (input, init) => {
      const target = urls[turn++ % urls.length] as string;
      served.push(target);
      return fetch(String(input).replace(/^http:\/\/[^/]+/, target), init);
    };
    client = await connectHttp(`${urls[0]}/mcp`, era, { fetch: roundRobin });
    for (const name of ['list_methods', 'provider_facts', 'list_methods'])
      expect((await client.callTool({ name, arguments: {} })).isError).not.toBe(true);
    const { resources } = await client.listResources();
    expect(resources.length).toBeGreaterThan(100);
    expect(new Set(served)).toEqual(new Set(urls));
  });

  it('provider_facts gives dated facts from the real catalog', async () => {
    const [server] = servers as [RunningServer];
    client = await connectHttp(`${server.url}/mcp`, era);
    const result = await client.callTool({ name: 'provider_facts', arguments: { query: 'GPT-4o mini' } });
    const { facts } = result.structuredContent as { facts: { kind: string; asOf: string | null }[] };
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) if (fact.kind !== 'model-end-of-life') expect(fact.asOf).toMatch(/^\d{4}-\d{2}/);
    expect(firstText(result)).toMatch(/^\d+ dated facts \(judged at \d{4}-\d{2}-\d{2}\)/);
  });
});

describe('MCP on a server with API_KEYS', () => {
  it('refuses a client without the key and serves one with it', async () => {
    const key = 'mcp-process-test-key-0123456789';
    const secured = await start({ API_KEYS: key });
    try {
      await expect(connectHttp(`${secured.url}/mcp`, 'legacy')).rejects.toThrow();
      client = await connectHttp(`${secured.url}/mcp`, 'legacy', { headers: { authorization: `Bearer ${key}` } });
      expect((await client.callTool({ name: 'list_methods', arguments: {} })).isError).not.toBe(true);
    } finally {
      await client?.close();
      client = undefined;
      await secured.close();
    }
  });
});
