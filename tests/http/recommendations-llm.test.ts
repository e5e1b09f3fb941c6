import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Recommendation } from '../../src/engine/recommendation-schema.ts';
import { buildTestApp, fixtureKnowledge, jsonRequest } from '../helpers/build-test-app.ts';
import { parseSse, testLlmLayer } from '../helpers/llm-test-layer.ts';
import {
  completionEvents,
  createOpenAiMock,
  errorResponse,
  OPENAI_TEST_BASE_URL,
  sseResponse,
} from '../helpers/msw-openai.ts';

const mock = createOpenAiMock();
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

const knowledge = fixtureKnowledge();
/** API-only model: the fixture rule makes LoRA, QLoRA and full fine-tuning not viable. */
const profile = { modelName: 'GPT-4o', knowledgeChanges: 'weekly', needsCitations: true };

async function templateAnswer(): Promise<Recommendation> {
  const { app } = buildTestApp({ knowledge });
  const response = await app.request('/v1/recommendations', jsonRequest('POST', { profile }));
  return (await response.json()) as Recommendation;
}

function topName(recommendation: Recommendation): string {
  const top = recommendation.recommendations[0]!;
  return knowledge.methodById.get(top.method)!.name;
}

async function appWithLlm() {
  const llm = await testLlmLayer(OPENAI_TEST_BASE_URL);
  const metrics = { fallbacks: [] as string[] };
  const { app } = buildTestApp({
    knowledge,
    llm,
    metrics: {
      httpRequest: () => undefined,
      llmCall: () => undefined,
      llmFallback: (reason: string) => metrics.fallbacks.push(reason),
      rateLimited: () => undefined,
      storeWrite: () => undefined,
      storeWriteFailed: () => undefined,
      observeSessions: () => undefined,
      render: () => '',
      stop: () => undefined,
    },
  });
  return { app, metrics };
}

describe('POST /v1/recommendations with explain "llm" and an LLM configured', () => {
  it('returns the LLM explanation; everything but the explanation is the engine result', async () => {
    const expected = await templateAnswer();
    const prose = `I recommend starting with ${topName(expected)}: your knowledge changes weekly [vendor-doc].`;
    mock.respond(() => sseResponse(completionEvents([prose.slice(0, 20), prose.slice(20)])));
    const { app } = await appWithLlm();

    const response = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile, options: { explain: 'llm' } }),
    );

    expect(response.status).toBe(200);
    const body = (await response.json()) as Recommendation;
    expect(body.explanation).toEqual({ text: prose, source: 'llm' });
    const { explanation: _a, ...engine } = body;
    const { explanation: _b, ...expectedEngine } = expected;
    expect(engine).toEqual(expectedEngine);
    // The prompt sent carries the engine's result: the top method and the cited source ids.
    const sent = JSON.stringify(mock.requests[0]?.body.messages);
    expect(sent).toContain(expected.recommendations[0]!.method);
    expect(sent).toContain('vendor-doc');
  });

  it('a 500 from the LLM keeps the template explanation with fallbackReason "upstream-error" and counts it', async () => {
    const expected = await templateAnswer();
    mock.respond(() => errorResponse(500));
    const { app, metrics } = await appWithLlm();

    const response = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile, options: { explain: 'llm' } }),
    );

    expect(response.status).toBe(200);
    const body = (await response.json()) as Recommendation;
    expect(body.explanation).toEqual({ ...expected.explanation, fallbackReason: 'upstream-error' });
    expect(body.recommendations).toEqual(expected.recommendations);
    expect(metrics.fallbacks).toEqual(['upstream-error']);
  });

  it('with Accept: text/event-stream streams recommendation, deltas, then the checked explanation', async () => {
    const expected = await templateAnswer();
    const pieces = ['I recommend ', `${topName(expected)} `, 'because your knowledge changes weekly [vendor-doc].'];
    mock.respond(() => sseResponse(completionEvents(pieces)));
    const { app } = await appWithLlm();

    const response = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile, options: { explain: 'llm' } }, { accept: 'text/event-stream' }),
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).toEqual(['recommendation', 'delta', 'delta', 'delta', 'explanation']);
    const { explanation: _explanation, ...engine } = expected;
    expect(events[0]?.data).toEqual(engine);
    expect(events.slice(1, 4).map((event) => (event.data as { text: string }).text)).toEqual(pieces);
    expect(events[4]?.data).toEqual({
      explanation: { text: pieces.join(''), source: 'llm' },
      replacesStreamedText: false,
    });
  });

  it('streams a contradicting LLM text, then replaces it with the flagged template', async () => {
    const expected = await templateAnswer();
    const pieces = [`${topName(expected)} is fine, but `, 'you should use full fine-tuning of GPT-4o.'];
    mock.respond(() => sseResponse(completionEvents(pieces)));
    const { app, metrics } = await appWithLlm();

    const response = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile, options: { explain: 'llm' } }, { accept: 'text/event-stream' }),
    );

    const events = parseSse(await response.text());
    expect(events.at(-1)).toEqual({
      event: 'explanation',
      data: {
        explanation: { ...expected.explanation, fallbackReason: 'llm-contradicted-engine' },
        replacesStreamedText: true,
      },
    });
    expect(metrics.fallbacks).toEqual(['llm-contradicted-engine']);
  });

  it('without an LLM, the event stream still ends with the template explanation flagged "llm-off"', async () => {
    const expected = await templateAnswer();
    const { app } = buildTestApp({ knowledge });

    const response = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile, options: { explain: 'llm' } }, { accept: 'text/event-stream' }),
    );

    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).toEqual(['recommendation', 'explanation']);
    expect(events[1]?.data).toEqual({
      explanation: { ...expected.explanation, fallbackReason: 'llm-off' },
      replacesStreamedText: false,
    });
    expect(mock.requests).toHaveLength(0);
  });
});
