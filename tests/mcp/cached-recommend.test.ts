import { describe, expect, it, vi } from 'vitest';
import { recommend } from '../../src/engine/recommend.ts';
import { cachedRecommend } from '../../src/mcp/cached-recommend.ts';
import { buildTestApp, fixtureKnowledge } from '../helpers/build-test-app.ts';
import { connectInProcess } from './mcp-client.ts';

describe('cachedRecommend', () => {
  it('runs the engine once for identical calls, whatever the key order, and gives every caller its own copy', () => {
    const knowledge = fixtureKnowledge();
    const engine = vi.fn(recommend);
    const cached = cachedRecommend(engine, 10);
    const first = cached({ modelName: 'Llama 3.1 8B', gpuCount: 1 }, knowledge, { explain: 'template' });
    first.destination.method = 'rag';
    const second = cached({ gpuCount: 1, modelName: 'Llama 3.1 8B' }, knowledge, { explain: 'template' });
    expect(engine).toHaveBeenCalledTimes(1);
    expect(second).toEqual(recommend({ modelName: 'Llama 3.1 8B', gpuCount: 1 }, knowledge, { explain: 'template' }));
    cached({ modelName: 'Llama 3.1 8B', gpuCount: 1 }, knowledge, { explain: 'none' });
    expect(engine).toHaveBeenCalledTimes(2);
  });

  it('is the engine itself with a size of 0', () => {
    expect(cachedRecommend(recommend, 0)).toBe(recommend);
  });

  it('serves repeated MCP calls of the HTTP route from one cache across the per-request server instances', async () => {
    const engine = vi.fn(recommend);
    const { app } = buildTestApp({ recommend: engine });
    const client = await connectInProcess(app, 'legacy');
    const profile = { modelName: 'Llama 3.1 8B', labeledExamples: 500 };
    for (let i = 0; i < 3; i++) await client.callTool({ name: 'recommend_adaptation', arguments: { profile } });
    await client.close();
    expect(engine.mock.calls.filter(([called]) => called.labeledExamples === 500)).toHaveLength(1);
  });
});
