import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractModel, UNTUNABLE_API_FAMILIES } from '../../../../src/chat/extract/extractors/model.ts';
import { loadKnowledge } from '../../../../src/knowledge/load-knowledge.ts';
import { run } from '../extract-helpers.ts';

describe('extractModel', () => {
  it.each([
    ['Llama 3 70B', { modelName: 'Llama 3 70B' }],
    ['llama3 8b', { modelName: 'Llama 3 8B' }],
    ['Mistral 7B', { modelName: 'Mistral 7B v0.1' }],
    ['meta-llama/Llama-3.1-8B-Instruct', { modelName: 'Llama 3.1 8B' }],
    ["GPT-4o via Azure, fine-tuning isn't enabled", { modelName: 'GPT-4o', modelAccess: 'api-only' }],
    ['we can fine-tune it on Azure', { modelAccess: 'api-with-finetuning' }],
    ['open weights only', { modelAccess: 'open-weights' }],
    ['a self-hosted model', { modelAccess: 'open-weights' }],
    ['a 13B model', { modelParamsB: 13 }],
    ['a 350M parameter model', { modelParamsB: 0.35 }],
    ['Falcon 40B', { modelName: 'Falcon 40B', modelParamsB: 40 }],
  ])('reads %j', (message, expected) => {
    expect(run(extractModel, message)).toEqual(expected);
  });

  it('takes the parameter count from the catalog, not the name, for a known model', () => {
    expect(run(extractModel, 'Llama 3.1 70B')).toEqual({ modelName: 'Llama 3.1 70B' });
  });

  it.each(['Llama 3 came out in 2024', 'GPT models are popular', 'it is not open weights', 'we want to fine-tune'])(
    'invents nothing from %j',
    (message) => {
      expect(run(extractModel, message)).toEqual({});
    },
  );

  it.each([
    ['We use Claude via the API.', { modelAccess: 'api-only' }],
    ["We're on Claude today", { modelAccess: 'api-only' }],
  ])('reads a bare untunable family %j as api-only', (message, expected) => {
    expect(run(extractModel, message)).toEqual(expected);
  });

  it.each([
    ['we moved off Claude to Llama 3.1 8B', { modelName: 'Llama 3.1 8B' }],
    ['we compared GPT-4o and Claude', { modelName: 'GPT-4o' }],
    ['not Claude', {}],
  ])('does not give a bare family access when another model is named or it is negated: %j', (message, expected) => {
    expect(run(extractModel, message)).toEqual(expected);
  });

  it('agrees with knowledge/providers.json: no offering still open today tunes a model of an untunable family', async () => {
    const knowledge = await loadKnowledge(fileURLToPath(new URL('../../../../knowledge/', import.meta.url)));
    const today = new Date().toISOString().slice(0, 10);
    const families = new Set<string>(UNTUNABLE_API_FAMILIES);
    const familyModels = new Set(
      knowledge.models.filter((model) => families.has(model.family)).map((model) => model.id),
    );
    expect(familyModels.size).toBeGreaterThan(0);
    const open = knowledge.providers.flatMap((provider) =>
      provider.offerings
        .filter(
          (offering) =>
            offering.status !== 'discontinued' && !(offering.endsOn !== undefined && offering.endsOn < today),
        )
        .filter((offering) => offering.models.some((id) => familyModels.has(id)))
        .map((offering) => `${provider.id}/${offering.service}`),
    );
    expect(open).toEqual([]);
  });
});
