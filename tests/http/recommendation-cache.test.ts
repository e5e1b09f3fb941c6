import { describe, expect, it } from 'vitest';
import { canonicalJson, createRecommendationCache } from '../../src/http/recommendation-cache.ts';
import { buildTestApp, jsonRequest } from '../helpers/build-test-app.ts';

const profile = { modelParamsB: 8, modelAccess: 'open-weights', gpuCount: 1, gpuMemoryGB: 24, labeledExamples: 500 };
const reordered = { labeledExamples: 500, gpuMemoryGB: 24, gpuCount: 1, modelAccess: 'open-weights', modelParamsB: 8 };

describe('POST /v1/recommendations response cache', () => {
  it('answers a repeated request with the identical bytes and says it was a hit', async () => {
    const { app } = buildTestApp();
    const first = await app.request('/v1/recommendations', jsonRequest('POST', { profile }));
    const second = await app.request('/v1/recommendations', jsonRequest('POST', { profile: reordered }));
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('miss');
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(await first.text());
  });

  it('keeps explain modes apart', async () => {
    const { app } = buildTestApp();
    const withText = await app.request('/v1/recommendations', jsonRequest('POST', { profile }));
    const without = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile, options: { explain: 'none' } }),
    );
    expect(without.headers.get('x-cache')).toBe('miss');
    expect((await withText.json()).explanation).toBeDefined();
    expect((await without.json()).explanation).toBeUndefined();
  });

  it('RECOMMENDATION_CACHE_SIZE=0 computes every time', async () => {
    const { app } = buildTestApp({ config: { RECOMMENDATION_CACHE_SIZE: 0 } });
    await app.request('/v1/recommendations', jsonRequest('POST', { profile }));
    const again = await app.request('/v1/recommendations', jsonRequest('POST', { profile }));
    expect(again.headers.get('x-cache')).toBe('miss');
  });
});

describe('createRecommendationCache', () => {
  it('evicts the least recently used entry beyond its size', () => {
    const cache = createRecommendationCache(2);
    let computed = 0;
    const compute = () => {
      computed += 1;
      return { computed } as never;
    };
    cache.get('a', compute);
    cache.get('b', compute);
    cache.get('a', compute); // a is now the most recent
    cache.get('c', compute); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.get('a', compute).hit).toBe(true);
    expect(cache.get('b', compute).hit).toBe(false);
    expect(computed).toBe(4);
  });

  it('canonicalJson sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
});
