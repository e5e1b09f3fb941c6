import { delay } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkExtractedValues, fieldGuideText, mergeExtractions } from '../../src/llm/extract.ts';
import { parseLlmConfig } from '../../src/llm/llm-config.ts';
import { createLlmLayer } from '../../src/llm/llm-layer.ts';
import { PROFILE_FIELDS } from '../../src/profile/profile-schema.ts';
import {
  completionJson,
  createOpenAiMock,
  errorResponse,
  HttpResponse,
  OPENAI_TEST_BASE_URL,
} from '../helpers/msw-openai.ts';
import { realPrompts } from './fixtures.ts';

const mock = createOpenAiMock();
beforeAll(() => mock.listen());
afterEach(() => mock.reset());
afterAll(() => mock.close());

const prompts = realPrompts();

function layer(overrides: Record<string, string> = {}) {
  const config = parseLlmConfig({
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: OPENAI_TEST_BASE_URL,
    OPENAI_MODEL: 'test-model',
    LLM_TIMEOUT_MS: '300',
    LLM_MAX_RETRIES: '1',
    LLM_RETRY_AFTER_MAX_MS: '200',
    ...overrides,
  });
  return createLlmLayer({ config, prompts, backoffBaseMs: 10 });
}

/** A full strict-mode answer: every field present, null unless given. */
function answer(values: Record<string, unknown>) {
  return JSON.stringify(Object.fromEntries(PROFILE_FIELDS.map((field) => [field, values[field] ?? null])));
}

describe('extractProfileWithLlm', () => {
  it('sends a strict json_schema response format with every field nullable and returns the valid values', async () => {
    mock.respond(() =>
      completionJson(
        answer({
          modelName: 'Llama 3.1 8B',
          modelAccess: 'open-weights',
          gpuName: 'A100',
          gpuCount: 2,
          labeledExamples: 10000,
        }),
      ),
    );
    const result = await layer().extractProfileWithLlm('We fine-tune Llama 3.1 8B on two A100s with 10k pairs', {
      history: [{ role: 'assistant', content: 'Which GPUs do you have?' }],
      requestedField: 'gpuCount',
    });
    expect(result).toEqual({
      fields: {
        modelName: 'Llama 3.1 8B',
        modelAccess: 'open-weights',
        gpuName: 'A100',
        gpuCount: 2,
        labeledExamples: 10000,
      },
      rejected: [],
      notes: [],
      usage: { promptTokens: 900, completionTokens: 60, totalTokens: 960 },
    });

    const body = mock.requests[0]!.body;
    expect(body.model).toBe('test-model');
    expect(body.stream).toBeUndefined();
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.name).toBe('profile_extraction');
    expect(body.response_format.json_schema.strict).toBe(true);
    const schema = body.response_format.json_schema.schema;
    expect(schema.additionalProperties).toBe(false);
    expect([...schema.required].sort()).toEqual([...PROFILE_FIELDS].sort());
    expect(schema.properties.gpuCount.type).toEqual(['number', 'null']);
    expect(JSON.stringify(schema.properties.modelAccess)).toContain('api-with-finetuning');

    const messages = body.messages as { role: string; content: string }[];
    expect(messages.map((message) => message.role)).toEqual(['system', 'assistant', 'user']);
    expect(messages[0]!.content).toContain('asked for "gpuCount"');
    expect(messages[0]!.content).toContain('- labeledExamples (number): Number of input/output example pairs');
    expect(messages[0]!.content).not.toContain('{{');
    expect(messages[2]!.content).toBe('We fine-tune Llama 3.1 8B on two A100s with 10k pairs');
  });

  it('drops out-of-range values and reports them', async () => {
    mock.respond(() =>
      completionJson(
        answer({ gpuCount: 2.5, modelParamsB: -8, labeledExamples: 500, timelineWeeks: 0, modelName: '  ' }),
      ),
    );
    const result = await layer().extractProfileWithLlm('half a GPU, a -8B model, 500 examples');
    expect(result.fields).toEqual({ labeledExamples: 500 });
    expect(result.rejected.map((entry) => entry.field).sort()).toEqual([
      'gpuCount',
      'modelName',
      'modelParamsB',
      'timelineWeeks',
    ]);
    expect(result.notes).toHaveLength(4);
    expect(result.notes.join('\n')).toContain("Dropped the LLM's gpuCount = 2.5");
    expect(result.fallbackReason).toBeUndefined();
  });

  const faults = [
    {
      name: 'refusal',
      respond: () => completionJson(null, { refusal: "I can't help with that." }),
      reason: 'refusal',
      requests: 1,
    },
    {
      name: 'malformed JSON content',
      respond: () => completionJson('{"gpuCount": 2,'),
      reason: 'malformed-response',
      requests: 1,
    },
    {
      name: 'JSON not matching the schema',
      respond: () => completionJson(JSON.stringify({ gpuCount: 'two' })),
      reason: 'malformed-response',
      requests: 1,
    },
    {
      name: 'a body that is not JSON',
      respond: () => new HttpResponse('{"id": "chatcmpl', { headers: { 'content-type': 'application/json' } }),
      reason: 'malformed-response',
      requests: 1,
    },
    { name: '5xx', respond: () => errorResponse(500), reason: 'upstream-error', requests: 2 },
    {
      name: '429 beyond the Retry-After bound',
      respond: () => errorResponse(429, { 'retry-after': '60' }),
      reason: 'rate-limited',
      requests: 1,
    },
    {
      name: 'timeout',
      respond: async () => {
        await delay(2_000);
        return completionJson(answer({}));
      },
      reason: 'timeout',
      requests: 2,
    },
  ];

  it.each(faults)('$name → no fields, fallbackReason $reason, never throws', async ({ respond, reason, requests }) => {
    mock.respond(respond);
    const result = await layer().extractProfileWithLlm('two A100s');
    expect(result.fields).toEqual({});
    expect(result.fallbackReason).toBe(reason);
    expect(result.notes.length).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(requests);
  });

  it('LLM off → empty with llm-off, no request', async () => {
    const off = createLlmLayer({ config: parseLlmConfig({}), prompts });
    expect(await off.extractProfileWithLlm('two A100s')).toMatchObject({ fields: {}, fallbackReason: 'llm-off' });
    expect(mock.requests).toHaveLength(0);
  });
});

describe('checkExtractedValues', () => {
  it('keeps valid values, trims strings, skips nulls', () => {
    expect(checkExtractedValues({ gpuName: ' RTX 4090 ', gpuCount: null, needsCitations: true })).toEqual({
      fields: { gpuName: 'RTX 4090', needsCitations: true },
      rejected: [],
    });
  });

  it('rejects wrong enum values and non-integers', () => {
    const { fields, rejected } = checkExtractedValues({ deployment: 'moon', tasksCount: 0, gpuMemoryGB: 80 });
    expect(fields).toEqual({ gpuMemoryGB: 80 });
    expect(rejected.map((entry) => entry.field)).toEqual(['deployment', 'tasksCount']);
  });
});

describe('fieldGuideText', () => {
  it('lists every profile field with its type', () => {
    const guide = fieldGuideText();
    for (const field of PROFILE_FIELDS) expect(guide).toContain(`- ${field} (`);
    expect(guide).toContain('- deployment (one of cloud-api | cloud-self-hosted | on-prem | edge | mobile)');
  });
});

describe('mergeExtractions', () => {
  it('rule values win, the LLM fills gaps, and contributions are marked', () => {
    const merged = mergeExtractions(
      { gpuCount: 2, gpuName: 'A100' },
      { gpuCount: 4, gpuName: 'a100', labeledExamples: 10_000 },
    );
    expect(merged.fields).toEqual({ gpuCount: 2, gpuName: 'A100', labeledExamples: 10_000 });
    expect(merged.contributedBy).toEqual({ gpuCount: 'rules', gpuName: 'rules', labeledExamples: 'llm' });
    expect(merged.disagreements).toEqual([{ field: 'gpuCount', kept: 2, keptFrom: 'rules', llmValue: 4 }]);
  });

  it("the user's explicit corrections are never overridden, by the LLM or by the rules", () => {
    const merged = mergeExtractions(
      { gpuCount: 2 },
      { gpuCount: 8, monthlyBudgetUSD: 500 },
      {
        explicitCorrections: { gpuCount: 3 },
      },
    );
    expect(merged.fields).toEqual({ gpuCount: 3, monthlyBudgetUSD: 500 });
    expect(merged.contributedBy).toEqual({ gpuCount: 'rules', monthlyBudgetUSD: 'llm' });
    expect(merged.disagreements).toEqual([{ field: 'gpuCount', kept: 3, keptFrom: 'correction', llmValue: 8 }]);
  });

  it('an empty LLM result leaves the rule extraction unchanged', () => {
    expect(mergeExtractions({ needsCitations: true }, {})).toEqual({
      fields: { needsCitations: true },
      contributedBy: { needsCitations: 'rules' },
      disagreements: [],
    });
  });
});
