import { afterEach, describe, expect, it } from 'vitest';
import { templateExplanation } from '../../src/explainer/template-explanation.ts';
import type { ExplanationEvent } from '../../src/llm/explain.ts';
import { parseLlmConfig } from '../../src/llm/llm-config.ts';
import { createLlmLayer } from '../../src/llm/llm-layer.ts';
import {
  type FakeOpenAiServer,
  type FakeOpenAiServerOptions,
  startFakeOpenAiServer,
} from '../helpers/fake-openai-server.ts';
import { fixtureKnowledge, fixtureRecommendation, GOOD_EXPLANATION, realPrompts } from './fixtures.ts';

/**
 * Client disconnects, stalls and socket cuts, against a real loopback server (msw 3 crashes the process when a
 * client aborts a body an msw handler is streaming, so none of these may use msw).
 */

const knowledge = fixtureKnowledge();
const prompts = realPrompts();
const pieces = GOOD_EXPLANATION.match(/[\s\S]{1,20}/g) ?? [];

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<FakeOpenAiServerOptions> = {}) {
  server = await startFakeOpenAiServer({ chunks: pieces, intervalMs: 15, ...options });
  const config = parseLlmConfig({
    OPENAI_API_KEY: 'local',
    OPENAI_BASE_URL: server.url,
    LLM_MAX_RETRIES: '0',
    LLM_STALL_TIMEOUT_MS: '250',
  });
  return { server, llm: createLlmLayer({ config, prompts }) };
}

type Final = Extract<ExplanationEvent, { type: 'final' }>;

describe('streamExplanation against a loopback server', () => {
  it('streams at the server pace and accepts the checked text', async () => {
    const { server, llm } = await start();
    const deltas: string[] = [];
    let final: Final | undefined;
    for await (const event of llm.streamExplanation({ recommendation: fixtureRecommendation(), knowledge }))
      if (event.type === 'delta') deltas.push(event.text);
      else final = event;
    expect(deltas).toEqual(pieces);
    expect(final?.explanation).toEqual({ text: GOOD_EXPLANATION, source: 'llm' });
    expect(final?.usage).toEqual({
      promptTokens: 1200,
      completionTokens: pieces.length,
      totalTokens: 1200 + pieces.length,
    });
    expect(server.requests[0]?.completed).toBe(true);
  });

  it('the caller aborting (client disconnect) aborts the upstream request → aborted', async () => {
    const { server, llm } = await start({ intervalMs: 40 });
    const controller = new AbortController();
    const deltas: string[] = [];
    let final: Final | undefined;
    for await (const event of llm.streamExplanation({
      recommendation: fixtureRecommendation(),
      knowledge,
      signal: controller.signal,
    })) {
      if (event.type === 'delta') {
        deltas.push(event.text);
        if (deltas.length === 2) controller.abort();
      } else final = event;
    }
    const request = server.requests[0]!;
    await request.closed;
    expect(request.aborted).toBe(true);
    expect(request.completed).toBe(false);
    expect(request.chunksSent).toBeLessThan(pieces.length);
    expect(final?.explanation.fallbackReason).toBe('aborted');
    expect(final?.replacesStreamedText).toBe(true);
    expect(llm.status().breaker).toEqual({ state: 'closed', consecutiveFailures: 0, openUntil: null });
  });

  it('the consumer stopping early (breaking out of the loop) aborts the upstream request', async () => {
    const { server, llm } = await start({ intervalMs: 40 });
    let seen = 0;
    for await (const event of llm.streamExplanation({ recommendation: fixtureRecommendation(), knowledge })) {
      if (event.type === 'delta') seen += 1;
      if (seen === 2) break;
    }
    const request = server.requests[0]!;
    await request.closed;
    expect(request.aborted).toBe(true);
    expect(request.chunksSent).toBeLessThan(pieces.length);
    expect(llm.status().breaker.consecutiveFailures).toBe(0);
  });

  it('a stream that stalls is cut after LLM_STALL_TIMEOUT_MS → stream-stalled, upstream aborted', async () => {
    const { server, llm } = await start({ stallAfter: 3 });
    const started = performance.now();
    const deltas: string[] = [];
    let final: Final | undefined;
    for await (const event of llm.streamExplanation({ recommendation: fixtureRecommendation(), knowledge }))
      if (event.type === 'delta') deltas.push(event.text);
      else final = event;
    const elapsed = performance.now() - started;
    expect(deltas).toEqual(pieces.slice(0, 3));
    expect(final?.explanation).toEqual({
      text: templateExplanation(fixtureRecommendation(), knowledge),
      source: 'template',
      fallbackReason: 'stream-stalled',
    });
    expect(final?.replacesStreamedText).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2_000);
    const request = server.requests[0]!;
    await request.closed;
    expect(request.aborted).toBe(true);
    expect(llm.status().breaker.consecutiveFailures).toBe(1);
  });

  it('a socket destroyed mid-stream → stream-cut', async () => {
    const { llm } = await start({ cutAfter: 3 });
    const deltas: string[] = [];
    let final: Final | undefined;
    for await (const event of llm.streamExplanation({ recommendation: fixtureRecommendation(), knowledge }))
      if (event.type === 'delta') deltas.push(event.text);
      else final = event;
    expect(deltas).toEqual(pieces.slice(0, 3));
    expect(final?.explanation.source).toBe('template');
    expect(final?.explanation.fallbackReason).toBe('stream-cut');
    expect(final?.replacesStreamedText).toBe(true);
  });

  it('explainOnce against the loopback server', async () => {
    const { llm } = await start({ intervalMs: 1 });
    expect(await llm.explainOnce({ recommendation: fixtureRecommendation(), knowledge })).toEqual({
      text: GOOD_EXPLANATION,
      source: 'llm',
    });
  });
});
