import { describe, expect, it } from 'vitest';
import { LlmConfigError } from '../../src/llm/llm-config.ts';
import { createLlmFromEnv, recordLlmEvents } from '../../src/llm/llm-from-env.ts';
import { PromptTemplateError } from '../../src/llm/prompt-templates.ts';
import { fixtureKnowledge, fixtureRecommendation } from './fixtures.ts';

describe('createLlmFromEnv', () => {
  it('without a key returns a disabled layer: template explanations flagged "llm-off", no prompts read', async () => {
    const llm = await createLlmFromEnv({ PROMPTS_DIR: '/nonexistent' });
    expect(llm.enabled).toBe(false);
    expect(llm.status()).toMatchObject({ mode: 'auto', enabled: false, model: null, endpoint: null });
    const explanation = await llm.explainOnce({
      recommendation: fixtureRecommendation(),
      knowledge: fixtureKnowledge(),
    });
    expect(explanation).toMatchObject({ source: 'template', fallbackReason: 'llm-off' });
    expect(explanation.text.length).toBeGreaterThan(0);
    expect(await llm.extractProfileWithLlm('we have 3 GPUs')).toMatchObject({ fields: {}, fallbackReason: 'llm-off' });
  });

  it('LLM_MODE=off with a key is disabled too', async () => {
    const llm = await createLlmFromEnv({ LLM_MODE: 'off', OPENAI_API_KEY: 'k' });
    expect(llm.status()).toMatchObject({ mode: 'off', enabled: false });
  });

  it('rejects a bad variable even when the LLM would be off', async () => {
    await expect(createLlmFromEnv({ LLM_MAX_RETRIES: '-1' })).rejects.toBeInstanceOf(LlmConfigError);
  });

  it('with a key, reads and checks the prompts (a missing directory stops start-up)', async () => {
    await expect(createLlmFromEnv({ OPENAI_API_KEY: 'k', PROMPTS_DIR: '/nonexistent' })).rejects.toBeInstanceOf(
      PromptTemplateError,
    );
    const llm = await createLlmFromEnv({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(llm.status()).toMatchObject({ enabled: true, endpoint: 'http://127.0.0.1:9', model: 'gpt-4o-mini' });
  });
});

describe('recordLlmEvents', () => {
  it('counts every upstream attempt by outcome and ignores attempt starts', () => {
    const calls: string[] = [];
    const warnings: string[] = [];
    const record = recordLlmEvents({
      metrics: { llmCall: (outcome: string) => calls.push(outcome) } as never,
      logger: { warn: (message: string) => warnings.push(message) } as never,
    });
    record({ type: 'attempt', operation: 'explain', attempt: 1 });
    record({ type: 'retry', operation: 'explain', attempt: 1, delayMs: 250, reason: 'rate-limited', status: 429 });
    record({ type: 'failure', operation: 'explain', attempt: 2, reason: 'timeout', message: 'slow' });
    record({ type: 'success', operation: 'extract', attempt: 1, durationMs: 12 });
    expect(calls).toEqual(['rate-limited', 'timeout', 'success']);
    expect(warnings).toEqual(['llm call retried', 'llm call failed']);
  });
});
