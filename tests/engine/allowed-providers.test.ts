/**
 * `allowedProviders` (contract growth, newuser61 F02/F03 and newuser62 F01): a team that may use only some vendors or
 * clouds ("Azure is our only approved cloud") is never sent to another's tuning job, never moved to a model only
 * another serves, and rents a GPU only where an allowed cloud platform rents one.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  reachableUnderAllowedProviders,
  rentalWithinAllowedProviders,
  resolveProviderScope,
  withinAllowedProviders,
} from '../../src/engine/allowed-providers.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { Profile } from '../../src/profile/profile-schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const advise = (profile: object) => recommend(Profile.parse(profile), knowledge);

/** The bank of newuser61: a fine-tuned GPT-4o mini its vendor retires on 2027-01-14, 8,000 labels, no GPUs. */
const RETIRING_CLASSIFIER = {
  task: 'classify customer complaints into 18 regulatory categories',
  taskType: 'classify',
  modelName: 'GPT-4o mini',
  modelStage: 'fine-tuned',
  labeledExamples: 8000,
  deployment: 'cloud-api',
  gpuCount: 0,
  canSwitchModel: true,
} as const;

describe('the provider scope', () => {
  it('resolves ids, names and aliases, and keeps names the catalog does not know', () => {
    const scope = resolveProviderScope(
      ['Azure', 'aws-bedrock', 'Google Cloud Vertex AI', 'IBM watsonx'],
      knowledge.providers,
    );
    expect([...scope.ids].sort()).toEqual(['aws-bedrock', 'azure-openai', 'google-vertex']);
    expect(scope.unknown).toEqual(['IBM watsonx']);
  });

  it('narrows the providers and is the same object for the same names, whatever their order or spelling', () => {
    const view = withinAllowedProviders(knowledge, ['azure', 'AWS']);
    expect(view.providers.map((provider) => provider.id).sort()).toEqual(['aws-bedrock', 'azure-openai']);
    expect(withinAllowedProviders(knowledge, ['aws', 'Azure'])).toBe(view);
    // A view of a view is taken from the whole catalog.
    expect(withinAllowedProviders(view, ['openai']).providers.map((provider) => provider.id)).toEqual(['openai']);
    expect(withinAllowedProviders(view, undefined)).toBe(knowledge);
    expect(view.findModel('gpt-4o mini')?.name).toBe('GPT-4o mini');
  });

  it.each([
    [['azure-openai'], true],
    [['openai', 'anthropic'], false],
    [['CoreWeave'], true],
  ] as const)('rents a GPU under %j: %s', (allowed, rents) => {
    expect(rentalWithinAllowedProviders(withinAllowedProviders(knowledge, allowed))).toBe(rents);
    expect(rentalWithinAllowedProviders(knowledge)).toBe(true);
  });

  it('reaches an API model through its own vendor or an allowed provider that lists it', () => {
    const model = (name: string) => {
      const found = knowledge.findModel(name);
      if (!found) throw new Error(name);
      return found;
    };
    const azure = withinAllowedProviders(knowledge, ['azure']);
    expect(reachableUnderAllowedProviders(model('GPT-4o mini'), azure)).toBe(true);
    expect(reachableUnderAllowedProviders(model('Gemini 2.5 Flash-Lite'), azure)).toBe(false);
    expect(reachableUnderAllowedProviders(model('Llama 3.1 8B'), azure)).toBe(true);
    expect(reachableUnderAllowedProviders(model('Gemini 2.5 Flash-Lite'), knowledge)).toBe(true);
    expect(withinAllowedProviders(knowledge, ['GCP'])).toBe(withinAllowedProviders(knowledge, ['vertex']));
  });
});

describe('advice for a team limited to some providers', () => {
  it('moves a retiring fine-tune to another vendor only when that vendor is allowed', () => {
    // Unlimited, the provider-tuned move goes to the cheapest live tunable model, which is Google's.
    const open = advise(RETIRING_CLASSIFIER).destination;
    expect(open.model.switched).toBe(true);
    expect(open.providers?.map((provider) => provider.name).join(' ')).toMatch(/Google/);
    // Azure only: nothing Google; the tuning moves to a model that outlives January, on what Azure rents or tunes.
    const azure = advise({ ...RETIRING_CLASSIFIER, allowedProviders: ['azure'] });
    expect(azure.destination.model.name).not.toMatch(/Gemini/);
    expect(azure.destination.model.name).not.toBe('GPT-4o mini');
    expect(azure.destination.model.switched).toBe(true);
    for (const provider of azure.destination.providers ?? []) expect(provider.name).toMatch(/Azure/);
    for (const option of azure.computeOptions)
      if (option.kind === 'rent') expect(option.why).toMatch(/where Azure OpenAI \/ Microsoft Foundry lets you/);
    expect(JSON.stringify(azure.modelOptions)).not.toMatch(/Gemini/);
  });

  it('rents nothing and trains no open model on hired GPUs when only model vendors’ APIs are allowed', () => {
    const result = advise({
      task: 'route support tickets to 12 queues',
      taskType: 'classify',
      modelName: 'Llama 3.1 8B',
      labeledExamples: 8000,
      gpuCount: 0,
      allowedProviders: ['openai'],
    });
    expect(result.computeOptions.filter((option) => option.kind !== 'own')).toEqual([]);
    const lora = result.recommendations.find((entry) => entry.method === 'lora');
    expect(lora?.verdict).toBe('not-viable');
  });

  it('keeps the hosted trainers out unless one of them is allowed', () => {
    const profile = {
      task: 'answer questions in our house style',
      modelName: 'Llama 3.1 8B',
      labeledExamples: 3000,
      gpuCount: 0,
      goals: ['style'],
    };
    const hosted = (allowed?: string[]) =>
      advise(allowed ? { ...profile, allowedProviders: allowed } : profile)
        .computeOptions.filter((option) => option.kind === 'hosted')
        .map((option) => option.why)
        .join(' ');
    expect(hosted()).toMatch(/Together AI/);
    // (A cloud platform whose tuning job lists the model is a hosted trainer for it: Bedrock tunes Llama 3.1 8B.)
    expect(hosted(['aws'])).toMatch(/Amazon Bedrock tunes Llama 3\.1 8B/);
    expect(hosted(['aws'])).not.toMatch(/Together|Fireworks/);
    expect(hosted(['anthropic'])).toBe('');
    expect(hosted(['fireworks'])).toMatch(/Fireworks AI/);
    expect(hosted(['fireworks'])).not.toMatch(/Together/);
  });

  it('never offers a provider outside the allowed ones (property)', () => {
    const ids = knowledge.providers.map((provider) => provider.id);
    const names = new Map(knowledge.providers.map((provider) => [provider.id, provider.name]));
    fc.assert(
      fc.property(
        fc.subarray(ids, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(
          'GPT-4o mini',
          'GPT-4.1',
          'Gemini 2.5 Flash',
          'Claude 3 Haiku',
          'Llama 3.1 8B',
          'Amazon Nova Lite',
        ),
        fc.constantFrom(0, 2000, 20_000),
        fc.boolean(),
        (allowed, modelName, labeledExamples, canSwitchModel) => {
          const result = advise({
            modelName,
            labeledExamples,
            canSwitchModel,
            taskType: 'extract',
            gpuCount: 0,
            allowedProviders: allowed,
          });
          const allowedNames = new Set(allowed.map((id) => names.get(id)));
          for (const provider of result.destination.providers ?? []) expect(allowedNames.has(provider.name)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a model of the small class is not shrunk further (newuser63 F05)', () => {
  it('keeps a cost-cutting LoRA on Llama 3.2 3B (3.21B) instead of moving it to the 1B', () => {
    const result = advise({
      task: 'extract about 30 fields',
      taskType: 'extract',
      needsStyleOrFormat: true,
      goals: ['format', 'cost'],
      modelName: 'Llama 3.2 3B',
      deployment: 'on-prem',
      currentMonthlySpendUSD: 9000,
      allowedProviders: ['azure-openai'],
      exampleTokens: 26500,
      mlExpertise: 'intermediate',
      dataMustStayOnPrem: false,
      gpuCount: 8,
      gpuName: 'NVIDIA H100 SXM',
      canSwitchModel: true,
      requestsPerDay: 2000,
      inputTokensPerRequest: 25000,
      outputTokensPerRequest: 1500,
      labeledExamples: 18000,
      tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
    });
    expect(result.destination.model.name).toBe('Llama 3.2 3B');
  });
});
