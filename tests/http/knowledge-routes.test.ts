import { describe, expect, it } from 'vitest';
import { METHOD_IDS } from '../../src/profile/profile-schema.ts';
import { buildTestApp } from '../helpers/build-test-app.ts';

describe('knowledge routes', () => {
  const { app, knowledge } = buildTestApp();

  it('get /v1/methods lists the 13 methods in the stable id order', async () => {
    const response = await app.request('/v1/methods');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { methods: { id: string }[]; knowledgeVersion: string };
    expect(body.methods.map((method) => method.id)).toEqual([...METHOD_IDS]);
    expect(body.knowledgeVersion).toBe(knowledge.version);
  });

  it('get /v1/methods/{id} returns one method', async () => {
    const response = await app.request('/v1/methods/qlora');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe('qlora');
  });

  it('get /v1/methods/{id} returns 404 JSON for an unknown id, listing the valid ids', async () => {
    const response = await app.request('/v1/methods/fine-tuning');
    expect(response.status).toBe(404);
    const body = (await response.json()) as {
      error: { code: string; message: string; details: { message: string }[] };
    };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain('fine-tuning');
    expect(body.error.details[0]?.message).toContain('full-fine-tuning');
  });

  it('get /v1/catalog/models returns every model, and filters by q, access and modality', async () => {
    const all = (await (await app.request('/v1/catalog/models')).json()) as { models: { id: string }[] };
    expect(all.models.map((model) => model.id)).toEqual(knowledge.models.map((model) => model.id));

    const byQuery = (await (await app.request('/v1/catalog/models?q=meta-llama/Llama-3.1-8B-Instruct')).json()) as {
      models: { id: string }[];
    };
    expect(byQuery.models.map((model) => model.id)).toEqual(['llama-3.1-8b']);

    const byVendor = (await (await app.request('/v1/catalog/models?q=openai')).json()) as { models: { id: string }[] };
    expect(byVendor.models.map((model) => model.id)).toEqual(['gpt-4o']);

    const byAccess = (await (await app.request('/v1/catalog/models?access=open-weights&modality=code')).json()) as {
      models: { id: string }[];
    };
    expect(byAccess.models.map((model) => model.id)).toEqual(['tiny-coder-1b']);

    const none = (await (await app.request('/v1/catalog/models?q=nothing-like-this')).json()) as { models: unknown[] };
    expect(none.models).toEqual([]);
  });

  it('get /v1/catalog/models rejects an unknown access value with 400 naming query.access', async () => {
    const response = await app.request('/v1/catalog/models?access=public');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details[0]?.path).toBe('query.access');
  });

  it('get /v1/catalog/gpus, /v1/catalog/providers and /v1/sources return the catalogs', async () => {
    const gpus = (await (await app.request('/v1/catalog/gpus')).json()) as { gpus: { id: string }[] };
    expect(gpus.gpus.map((gpu) => gpu.id)).toEqual(['rtx-4090', 'a100-80gb']);
    const providers = (await (await app.request('/v1/catalog/providers')).json()) as { providers: { id: string }[] };
    expect(providers.providers.map((provider) => provider.id)).toEqual(['openai']);
    const sources = (await (await app.request('/v1/sources')).json()) as { sources: { id: string; url: string }[] };
    expect(sources.sources.map((source) => source.id)).toEqual(['lora-paper', 'vendor-doc']);
  });

  it('filters the GPU and provider catalogs with ?q=, and rejects an empty q', async () => {
    const ids = async (path: string, key: 'gpus' | 'providers') =>
      ((await (await app.request(path)).json()) as Record<string, { id: string }[]>)[key]?.map((item) => item.id);
    expect(await ids('/v1/catalog/gpus?q=4090', 'gpus')).toEqual(['rtx-4090']);
    expect(await ids('/v1/catalog/gpus?q=zzz', 'gpus')).toEqual([]);
    expect(await ids('/v1/catalog/providers?q=OpenAI', 'providers')).toEqual(['openai']);
    expect(await ids('/v1/catalog/providers?q=zzz', 'providers')).toEqual([]);
    expect((await app.request('/v1/catalog/gpus?q=')).status).toBe(400);
  });
});
