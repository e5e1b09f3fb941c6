/**
 * The MCP tools and resources through the SDK's own client over Streamable HTTP (in-process, fixture knowledge), in
 * both protocol eras. The client validates every structuredContent against the tool's advertised output schema, so a
 * passing call also proves the output schema describes what the tool returns.
 */
import type { Client } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, jsonRequest } from '../helpers/build-test-app.ts';
import { connectInProcess, ERAS, firstText } from './mcp-client.ts';

const PROFILE = { modelName: 'Llama 3.1 8B', gpuName: 'RTX 4090', gpuCount: 1, labeledExamples: 2000 };
const TOOLS = ['recommend_adaptation', 'estimate_memory_and_cost', 'compare_options', 'list_methods', 'provider_facts'];

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe.each(ERAS)('MCP tools over Streamable HTTP (%s era)', (era) => {
  it('lists the five tools, each with an input and an output schema, read-only', async () => {
    const { app } = buildTestApp();
    client = await connectInProcess(app, era);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      // Arguments at the root, not behind a $ref: some clients read only the root properties.
      expect(tool.inputSchema.properties, tool.name).toBeDefined();
      expect(tool.inputSchema).not.toHaveProperty('$ref');
      expect(tool.outputSchema).toBeDefined();
      expect(tool.outputSchema).not.toHaveProperty('$ref');
      expect(tool.annotations?.readOnlyHint).toBe(true);
      expect(tool.description?.length).toBeGreaterThan(50);
    }
  });

  it('recommend_adaptation answers exactly what POST /v1/recommendations answers, plus one line of text', async () => {
    const { app } = buildTestApp();
    client = await connectInProcess(app, era);
    const result = await client.callTool({ name: 'recommend_adaptation', arguments: { profile: PROFILE } });
    expect(result.isError).not.toBe(true);
    const rest = await app.request('/v1/recommendations', jsonRequest('POST', { profile: PROFILE }));
    expect(rest.status).toBe(200);
    expect(result.structuredContent).toEqual(await rest.json());
    expect(firstText(result)).toMatch(/^Destination: lora \(sft, self-run\) on Llama 3\.1 8B\. First step: /);
    expect(firstText(result).length).toBeLessThan(400);
  });

  it('recommend_adaptation says in its text which names the catalogs do not know, with close matches', async () => {
    const { app } = buildTestApp();
    client = await connectInProcess(app, era);
    const result = await client.callTool({
      name: 'recommend_adaptation',
      arguments: { profile: { modelName: 'Lama 3.1 8B', gpuCount: 1 } },
    });
    expect(result.isError).not.toBe(true);
    expect(firstText(result)).toContain('modelName "Lama 3.1 8B": Not found in the model catalog');
    expect(firstText(result)).toContain('Did you mean "Llama 3.1 8B"');
  });

  it('recommend_adaptation refuses an unknown profile key by name, as a tool error', async () => {
    const { app } = buildTestApp();
    client = await connectInProcess(app, era);
    const result = await client.callTool({ name: 'recommend_adaptation', arguments: { profile: { gpuCout: 2 } } });
    expect(result.isError).toBe(true);
    expect(firstText(result)).toContain('profile: Unrecognized key: "gpuCout"');
  });

  it('recommend_adaptation names a field of the wrong type, and a missing profile', async () => {
    const { app } = buildTestApp();
    client = await connectInProcess(app, era);
    const wrongType = await client.callTool({
      name: 'recommend_adaptation',
      arguments: { profile: { gpuCount: 'two' } },
    });
    expect(wrongType.isError).toBe(true);
    expect(firstText(wrongType)).toContain('profile.gpuCount');
    const missing = await client.callTool({ name: 'recommend_adaptation', arguments: {} });
    expect(missing.isError).toBe(true);
    expect(firstText(missing)).toContain('profile');
  });

  it('turns an unexpected failure into a tool error that leaks nothing, and logs it', async () => {
    const { app, logLines } = buildTestApp({
      recommend: () => {
        throw new Error('internal detail /srv/secret');
      },
    });
    client = await connectInProcess(app, era);
    const result = await client.callTool({ name: 'recommend_adaptation', arguments: { profile: {} } });
    expect(result.isError).toBe(true);
    expect(firstText(result)).toBe('The tool recommend_adaptation failed unexpectedly; nothing was changed.');
    expect(logLines.some((line) => line.msg === 'mcp tool failed' && line.tool === 'recommend_adaptation')).toBe(true);
  });

  it('estimate_memory_and_cost answers what POST /v1/estimates answers, wall-clock hours on two GPUs included', async () => {
    const { app } = buildTestApp();
    client = await connectInProcess(app, era);
    const request = { modelName: 'Llama 3.1 8B', workload: 'lora', gpuName: 'A100', gpuCount: 2, trainingTokens: 1e7 };
    const result = await client.callTool({ name: 'estimate_memory_and_cost', arguments: request });
    expect(result.isError).not.toBe(true);
    const rest = await app.request('/v1/estimates', jsonRequest('POST', request));
    expect(rest.status).toBe(200);
    const body = await rest.json();
    expect(result.structuredContent).toEqual(body);
    expect(body.compute.wallClockHours).toBeGreaterThan(0);
    expect(firstText(result)).toMatch(/^Llama 3\.1 8B lora: [\d.]+ GB in total \([\d.]+ GB per GPU\), fits, /);
  });

  it('estimate_memory_and_cost names an unknown model and a conflicting GPU memory', async () => {
    const { app } = buildTestApp();
    client = await connectInProcess(app, era);
    const result = await client.callTool({
      name: 'estimate_memory_and_cost',
      arguments: { modelName: 'Llama 3.1 8', workload: 'qlora', gpuName: 'RTX 4090', gpuMemoryGB: 80 },
    });
    expect(result.isError).toBe(true);
    expect(firstText(result)).toContain('modelName: unknown model "Llama 3.1 8"; did you mean "Llama 3.1 8B"?');
    expect(firstText(result)).toContain('gpuMemoryGB: 80 GB conflicts');
    const badWorkload = await client.callTool({
      name: 'estimate_memory_and_cost',
      arguments: { modelParamsB: 7, workload: 'pretraining' },
    });
    expect(badWorkload.isError).toBe(true);
    expect(firstText(badWorkload)).toContain('workload');
  });

  it('compare_options lines up a base and a hardware variant and lists only what differs', async () => {
    const { app } = buildTestApp();
    client = await connectInProcess(app, era);
    const result = await client.callTool({
      name: 'compare_options',
      arguments: {
        base: { modelName: 'Llama 3.1 8B', labeledExamples: 2000, needsStyleOrFormat: true },
        baseLabel: 'no GPU named',
        variants: [
          { label: 'one RTX 4090', overrides: { gpuName: 'RTX 4090', gpuCount: 1 } },
          { label: 'GPT-4o', overrides: { modelName: 'GPT-4o' } },
        ],
      },
    });
    expect(result.isError).not.toBe(true);
    const compared = result.structuredContent as {
      options: { label: string; profile: Record<string, unknown>; destination: { method: string } }[];
      differences: { aspect: string; kind: string; values: { label: string; value: unknown }[] }[];
      summary: string;
    };
    expect(compared.options.map((option) => option.label)).toEqual(['no GPU named', 'one RTX 4090', 'GPT-4o']);
    expect(compared.options[1]?.profile).toMatchObject({ modelName: 'Llama 3.1 8B', gpuName: 'RTX 4090', gpuCount: 1 });
    expect(compared.options[2]?.profile.modelName).toBe('GPT-4o');
    const inputs = compared.differences.filter((difference) => difference.kind === 'input').map((d) => d.aspect);
    expect(inputs).toEqual(['modelName', 'gpuName', 'gpuCount']);
    expect(compared.differences.some((difference) => difference.aspect === 'labeledExamples')).toBe(false);
    expect(firstText(result)).toBe(compared.summary);
    expect(compared.summary).toContain('one RTX 4090 → ');
  });

  it('compare_options needs at least one variant and distinct labels, and names the field', async () => {
    const { app } = buildTestApp();
    client = await connectInProcess(app, era);
    const none = await client.callTool({ name: 'compare_options', arguments: { base: PROFILE, variants: [] } });
    expect(none.isError).toBe(true);
    expect(firstText(none)).toContain('variants: give at least one variant');
    const twice = await client.callTool({
      name: 'compare_options',
      arguments: { base: PROFILE, variants: [{ label: 'base', overrides: { gpuCount: 2 } }] },
    });
    expect(twice.isError).toBe(true);
    expect(firstText(twice)).toContain('variants: labels must be distinct');
    const typo = await client.callTool({
      name: 'compare_options',
      arguments: { base: PROFILE, variants: [{ label: 'x', overrides: { gpuCout: 2 } }] },
    });
    expect(typo.isError).toBe(true);
    expect(firstText(typo)).toContain('variants.0.overrides: Unrecognized key: "gpuCout"');
  });

  it('list_methods gives the methods table, filtered by family', async () => {
    const { app, knowledge } = buildTestApp();
    client = await connectInProcess(app, era);
    const all = await client.callTool({ name: 'list_methods', arguments: {} });
    const methods = (all.structuredContent as { methods: { id: string; resource: string }[] }).methods;
    expect(methods.map((method) => method.id)).toEqual(knowledge.methods.map((method) => method.id));
    expect(methods[0]?.resource).toBe('advisor://methods/prompt-engineering');
    const peft = await client.callTool({ name: 'list_methods', arguments: { family: 'parameter-efficient' } });
    expect((peft.structuredContent as { methods: { id: string }[] }).methods.map((method) => method.id)).toEqual([
      'lora',
      'qlora',
      'adapters',
      'prefix-tuning',
      'prompt-tuning',
    ]);
  });

  it('provider_facts gives dated facts with their sources', async () => {
    const { app } = buildTestApp();
    client = await connectInProcess(app, era);
    const result = await client.callTool({ name: 'provider_facts', arguments: { query: 'GPT-4o' } });
    const facts = result.structuredContent as {
      referenceDate: string;
      facts: { kind: string; asOf: string | null; statement: string; sources: string[] }[];
    };
    expect(facts.referenceDate).toBe('2026-11-20');
    expect(facts.facts).toEqual([
      expect.objectContaining({
        kind: 'tuning-offer',
        asOf: '2026-11-01',
        statement: 'OpenAI API offers supervised-fine-tuning for GPT-4o — as of 2026-11-01.',
        sources: ['vendor-doc'],
      }),
    ]);
    const gpus = await client.callTool({ name: 'provider_facts', arguments: { kinds: ['gpu-price'] } });
    expect((gpus.structuredContent as { facts: { subject: string }[] }).facts.map((fact) => fact.subject)).toEqual([
      'NVIDIA GeForce RTX 4090',
    ]);
  });

  it('serves every knowledge source and the methods table as resources', async () => {
    const { app, knowledge } = buildTestApp();
    client = await connectInProcess(app, era);
    const { resources } = await client.listResources();
    const uris = resources.map((resource) => resource.uri);
    for (const source of knowledge.sources) expect(uris).toContain(`advisor://sources/${source.id}`);
    expect(uris).toContain('advisor://methods');
    expect(uris).toContain('advisor://methods/lora');
    const read = await client.readResource({ uri: 'advisor://sources/lora-paper' });
    const content = read.contents[0] as { mimeType?: string; text: string };
    expect(content.mimeType).toBe('application/json');
    expect(JSON.parse(content.text)).toMatchObject({ id: 'lora-paper', url: 'https://arxiv.org/abs/2106.09685' });
    const table = await client.readResource({ uri: 'advisor://methods' });
    expect(JSON.parse((table.contents[0] as { text: string }).text).methods).toHaveLength(13);
    await expect(client.readResource({ uri: 'advisor://sources/no-such-source' })).rejects.toThrow(/no-such-source/);
  });
});
