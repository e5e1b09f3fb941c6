import { describe, expect, it } from 'vitest';
import { extractModel } from '../../../../src/chat/extract/extractors/model.ts';
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
});
