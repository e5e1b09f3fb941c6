import { describe, expect, it } from 'vitest';
import { Recommendation } from '../../src/engine/recommendation-schema.ts';
import { EstimateResponse } from '../../src/http/schemas.ts';
import { buildTestApp, jsonRequest } from '../helpers/build-test-app.ts';

type ErrorJson = { error: { code: string; details: { path: string; message: string }[] } };

describe('post /v1/recommendations', () => {
  const { app, knowledge } = buildTestApp();
  const profile = { modelName: 'Llama-3.1-8B-Instruct', gpuName: 'rtx 4090', gpuCount: 1, knowledgeChanges: 'weekly' };

  it('returns a recommendation ranking every method, valid against the contract', async () => {
    const response = await app.request('/v1/recommendations', jsonRequest('POST', { profile }));
    expect(response.status).toBe(200);
    const body = Recommendation.parse(await response.json());
    expect(body.recommendations).toHaveLength(13);
    expect(body.knowledgeVersion).toBe(knowledge.version);
    expect(body.explanation?.source).toBe('template');
    expect(body.explanation?.fallbackReason).toBeUndefined();
  });

  it('is deterministic: the same request gives byte-identical output', async () => {
    const first = await (await app.request('/v1/recommendations', jsonRequest('POST', { profile }))).text();
    const second = await (await app.request('/v1/recommendations', jsonRequest('POST', { profile }))).text();
    expect(second).toBe(first);
  });

  it('explain "none" omits the explanation', async () => {
    const response = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile, options: { explain: 'none' } }),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { explanation?: unknown }).explanation).toBeUndefined();
  });

  it('explain "llm" without an LLM falls back to the template and says why', async () => {
    const response = await app.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile, options: { explain: 'llm' } }),
    );
    expect(response.status).toBe(200);
    const body = Recommendation.parse(await response.json());
    expect(body.explanation).toMatchObject({ source: 'template', fallbackReason: 'llm-off' });
  });

  it('explain "llm" uses deps.explainWithLlm for the text only; the ranking is the engine\'s', async () => {
    const seen: string[] = [];
    const { app: withLlm } = buildTestApp({
      explainWithLlm: async ({ recommendation }) => {
        seen.push(recommendation.recommendations[0]?.method ?? '');
        return { text: 'LLM says hi', source: 'llm' };
      },
    });
    const plain = Recommendation.parse(
      await (await app.request('/v1/recommendations', jsonRequest('POST', { profile }))).json(),
    );
    const response = await withLlm.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile, options: { explain: 'llm' } }),
    );
    const body = Recommendation.parse(await response.json());
    expect(body.explanation).toEqual({ text: 'LLM says hi', source: 'llm' });
    expect(body.recommendations).toEqual(plain.recommendations);
    expect(seen).toEqual([plain.recommendations[0]?.method]);
  });

  it('explain "llm" keeps the template with fallbackReason "upstream-error" when the explainer throws', async () => {
    const { app: failing } = buildTestApp({
      explainWithLlm: async () => {
        throw new Error('socket hang up');
      },
    });
    const response = await failing.request(
      '/v1/recommendations',
      jsonRequest('POST', { profile, options: { explain: 'llm' } }),
    );
    expect(response.status).toBe(200);
    const body = Recommendation.parse(await response.json());
    expect(body.explanation).toMatchObject({ source: 'template', fallbackReason: 'upstream-error' });
  });

  it('accepts an empty profile (everything optional)', async () => {
    const response = await app.request('/v1/recommendations', jsonRequest('POST', { profile: {} }));
    expect(response.status).toBe(200);
  });
});

describe('post /v1/estimates', () => {
  const { app, knowledge } = buildTestApp();

  it('resolves catalog names, uses the catalog architecture and prices the GPU hours', async () => {
    const response = await app.request(
      '/v1/estimates',
      jsonRequest('POST', {
        modelName: 'meta-llama/Llama-3.1-8B',
        workload: 'qlora',
        gpuName: '4090',
        trainingTokens: 20_000_000,
      }),
    );
    expect(response.status).toBe(200);
    const body = EstimateResponse.parse(await response.json());
    expect(body.model).toEqual({ id: 'llama-3.1-8b', name: 'Llama 3.1 8B', paramsB: 8.03, architecture: 'catalog' });
    expect(body.gpu).toMatchObject({ id: 'rtx-4090', memoryGB: 24, count: 1, price: { usdPerHour: 0.5 } });
    expect(body.fits).toBe(true);
    expect(body.compute?.gpuHours).toBeGreaterThan(0);
    expect(body.costUSD).toBeCloseTo((body.compute?.gpuHours ?? 0) * 0.5, 1); // the estimator rounds to cents
    // Hours are reported to 3 significant figures, not 7.178469678469678.
    const hours = body.compute?.gpuHours ?? 0;
    expect(Number(hours.toPrecision(3))).toBe(hours);
    expect(body.knowledgeVersion).toBe(knowledge.version);
  });

  it('with only modelParamsB and gpuMemoryGB reports an assumed architecture and no price', async () => {
    const response = await app.request(
      '/v1/estimates',
      jsonRequest('POST', { modelParamsB: 70, workload: 'inference', gpuMemoryGB: 24 }),
    );
    expect(response.status).toBe(200);
    const body = EstimateResponse.parse(await response.json());
    expect(body.model).toMatchObject({ id: null, architecture: 'assumed', paramsB: 70 });
    expect(body.gpu).toMatchObject({ id: null, memoryGB: 24, price: null });
    expect(body.fits).toBe(false);
    expect(body.costUSD).toBeUndefined();
    expect(body.assumptions.length).toBeGreaterThan(0);
  });

  it('without any GPU answers fits: null and gpu: null', async () => {
    const response = await app.request(
      '/v1/estimates',
      jsonRequest('POST', { modelName: 'Llama 3.1 8B', workload: 'lora' }),
    );
    expect(response.status).toBe(200);
    const body = EstimateResponse.parse(await response.json());
    expect(body.fits).toBeNull();
    expect(body.gpu).toBeNull();
  });

  it('an unknown model name is a 400 naming the field with close matches', async () => {
    const response = await app.request(
      '/v1/estimates',
      jsonRequest('POST', { modelName: 'Lama 3.1 8', workload: 'lora' }),
    );
    expect(response.status).toBe(400);
    const [detail] = ((await response.json()) as ErrorJson).error.details;
    expect(detail?.path).toBe('modelName');
    expect(detail?.message).toContain('Llama 3.1 8B');
  });

  it('an unknown GPU name is a 400 naming gpuName', async () => {
    const response = await app.request(
      '/v1/estimates',
      jsonRequest('POST', { modelName: 'Llama 3.1 8B', workload: 'lora', gpuName: 'A1000' }),
    );
    expect(response.status).toBe(400);
    const [detail] = ((await response.json()) as ErrorJson).error.details;
    expect(detail?.path).toBe('gpuName');
    expect(detail?.message).toContain('A100');
  });

  it('an API-only model without a parameter count is a 400 asking for modelParamsB', async () => {
    const response = await app.request(
      '/v1/estimates',
      jsonRequest('POST', { modelName: 'gpt-4o', workload: 'inference' }),
    );
    expect(response.status).toBe(400);
    const [detail] = ((await response.json()) as ErrorJson).error.details;
    expect(detail).toMatchObject({ path: 'modelName' });
    expect(detail?.message).toContain('modelParamsB');
  });

  it('contradicting the catalog is a 400 naming the explicit field', async () => {
    const response = await app.request(
      '/v1/estimates',
      jsonRequest('POST', {
        modelName: 'Llama 3.1 8B',
        modelParamsB: 70,
        workload: 'lora',
        gpuName: 'A100',
        gpuMemoryGB: 40,
      }),
    );
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as ErrorJson).error.details.map((detail) => detail.path);
    expect(paths).toEqual(['modelParamsB', 'gpuMemoryGB']);
  });

  it('neither modelName nor modelParamsB is a 400 naming modelName', async () => {
    const response = await app.request('/v1/estimates', jsonRequest('POST', { workload: 'lora' }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorJson).error.details[0]?.path).toBe('modelName');
  });

  it('bad workload, precision and negative numbers are 400s naming each field', async () => {
    const response = await app.request(
      '/v1/estimates',
      jsonRequest('POST', { modelParamsB: -1, workload: 'pretraining', precision: 'fp64', gpuCount: 0 }),
    );
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as ErrorJson).error.details.map((detail) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['modelParamsB', 'workload', 'precision', 'gpuCount']));
  });
});
