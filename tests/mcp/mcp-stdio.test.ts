/**
 * MCP over stdio: the `adaptation-advisor-mcp` bin spawned with the project's Node (node_modules/.bin/node) from
 * another working directory, as Claude Desktop or Cursor would start it, and through `npm run --silent mcp:stdio`
 * (the README's command), driven by the SDK's own stdio client.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport, type StdioServerParameters } from '@modelcontextprotocol/client/stdio';
import { afterEach, describe, expect, it } from 'vitest';
import { ERAS, type Era, firstText } from './mcp-client.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const BIN = join(ROOT, 'bin/adaptation-advisor-mcp.mjs');
const elsewhere = () => mkdtempSync(join(tmpdir(), 'advisor-mcp-cwd-'));

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

async function connectStdio(server: StdioServerParameters, era: Era): Promise<Client> {
  const connected = new Client({ name: 'advisor-tests', version: '1.0.0' }, { versionNegotiation: { mode: era } });
  await connected.connect(new StdioClientTransport({ stderr: 'pipe', ...server }));
  await connected.listTools();
  return connected;
}

describe.each(ERAS)('MCP over stdio (%s era)', (era) => {
  it('serves the tools and resources from the bin, started in another directory', async () => {
    client = await connectStdio({ command: NODE, args: [BIN], cwd: elsewhere() }, era);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'recommend_adaptation',
      'estimate_memory_and_cost',
      'compare_options',
      'list_methods',
      'provider_facts',
    ]);
    const result = await client.callTool({
      name: 'recommend_adaptation',
      arguments: { profile: { modelName: 'GPT-4o mini', knowledgeChanges: 'weekly', needsCitations: true } },
    });
    expect(result.isError).not.toBe(true);
    expect((result.structuredContent as { destination: { method: string } }).destination.method).toBe('rag');
    expect(firstText(result)).toMatch(/^Destination: rag /);
    const bad = await client.callTool({ name: 'estimate_memory_and_cost', arguments: { modelName: 'Llama 3.1 8B' } });
    expect(bad.isError).toBe(true);
    expect(firstText(bad)).toContain('workload');
    const source = await client.readResource({ uri: 'advisor://sources/qlora' });
    expect(JSON.parse((source.contents[0] as { text: string }).text).id).toBe('qlora');
  });
});

describe('starting the stdio server', () => {
  it('works as printed in the README: npm run --silent mcp:stdio keeps stdout for the protocol', async () => {
    client = await connectStdio(
      { command: 'npm', args: ['--prefix', ROOT, 'run', '--silent', 'mcp:stdio'], cwd: elsewhere() },
      'legacy',
    );
    const result = await client.callTool({ name: 'list_methods', arguments: { family: 'retrieval' } });
    expect((result.structuredContent as { methods: { id: string }[] }).methods.map((method) => method.id)).toEqual([
      'rag',
    ]);
  });

  it('exits 1 with a message on stderr (and nothing on stdout) when the knowledge cannot be loaded', () => {
    const run = spawnSync(NODE, [BIN], {
      cwd: elsewhere(),
      env: { PATH: process.env.PATH, KNOWLEDGE_DIR: join(elsewhere(), 'missing') },
      input: '',
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^adaptation-advisor-mcp: cannot start: /);
  });

  // The machine's own Node (v20 here) cannot run the TypeScript sources; the bin must say which Node to use.
  const systemNode = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
  const oldSystemNode = systemNode.error === undefined && Number(systemNode.stdout.slice(1).split('.')[0]) < 22;
  it.skipIf(!oldSystemNode)('on a Node without type stripping, exits 1 naming the Node to use', () => {
    const run = spawnSync('/usr/bin/node', [BIN], { input: '', encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('node_modules/.bin/node');
  });
});
