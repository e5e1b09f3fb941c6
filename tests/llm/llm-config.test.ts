import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { LLM_ENV_DOCS, LlmConfigError, parseLlmConfig } from '../../src/llm/llm-config.ts';

describe('parseLlmConfig', () => {
  it('defaults: auto mode, but off without a key', () => {
    expect(parseLlmConfig({})).toEqual({
      enabled: false,
      mode: 'auto',
      apiKey: undefined,
      baseURL: undefined,
      model: 'gpt-4o-mini',
      timeoutMs: 20_000,
      maxRetries: 1,
      retryAfterMaxMs: 5_000,
      stallTimeoutMs: 8_000,
      breakerThreshold: 3,
      breakerCooldownMs: 60_000,
    });
  });

  it('auto + key → enabled; the base URL loses its trailing slash', () => {
    const config = parseLlmConfig({
      OPENAI_API_KEY: 'local',
      OPENAI_BASE_URL: 'http://localhost:11434/v1/',
      OPENAI_MODEL: 'llama3.1:8b',
      LLM_TIMEOUT_MS: '5000',
      LLM_MAX_RETRIES: '0',
    });
    expect(config).toMatchObject({
      enabled: true,
      baseURL: 'http://localhost:11434/v1',
      model: 'llama3.1:8b',
      timeoutMs: 5000,
      maxRetries: 0,
    });
  });

  it('LLM_MODE=off wins over a key; empty strings mean unset', () => {
    expect(parseLlmConfig({ LLM_MODE: 'OFF', OPENAI_API_KEY: 'sk-x' }).enabled).toBe(false);
    expect(parseLlmConfig({ OPENAI_API_KEY: '  ', LLM_TIMEOUT_MS: '' })).toMatchObject({
      enabled: false,
      timeoutMs: 20_000,
    });
  });

  it('accepts the Azure OpenAI v1 base URL form', () => {
    const config = parseLlmConfig({
      OPENAI_API_KEY: 'azure-key',
      OPENAI_BASE_URL: 'https://my-resource.openai.azure.com/openai/v1',
      OPENAI_MODEL: 'my-gpt-4o-mini-deployment',
    });
    expect(config.baseURL).toBe('https://my-resource.openai.azure.com/openai/v1');
  });

  it.each([
    ['LLM_MODE', 'on', 'LLM_MODE must be "off" or "auto" (got "on")'],
    ['LLM_TIMEOUT_MS', 'fast', 'LLM_TIMEOUT_MS must be a whole number between 100 and 600000 (got "fast")'],
    ['LLM_MAX_RETRIES', '-1', 'LLM_MAX_RETRIES must be a whole number between 0 and 10'],
    ['LLM_BREAKER_THRESHOLD', '0', 'LLM_BREAKER_THRESHOLD'],
    ['OPENAI_BASE_URL', 'localhost:11434', 'OPENAI_BASE_URL must be an http(s) URL'],
  ])('%s=%s → a ConfigError naming the variable', (name, value, message) => {
    let error: unknown;
    try {
      parseLlmConfig({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LlmConfigError);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(message);
    expect((error as LlmConfigError).details.map((detail) => detail.path)).toEqual([name]);
  });

  it('reports every bad variable at once', () => {
    expect(() => parseLlmConfig({ LLM_TIMEOUT_MS: 'x', LLM_STALL_TIMEOUT_MS: '5' })).toThrow(
      /LLM_TIMEOUT_MS .*; LLM_STALL_TIMEOUT_MS/,
    );
  });

  it('documents every variable it reads, with defaults that parse to the defaults', () => {
    const names = LLM_ENV_DOCS.map((doc) => doc.name);
    expect(names.sort()).toEqual(
      [
        'LLM_BREAKER_COOLDOWN_MS',
        'LLM_BREAKER_THRESHOLD',
        'LLM_MAX_RETRIES',
        'LLM_MODE',
        'LLM_RETRY_AFTER_MAX_MS',
        'LLM_STALL_TIMEOUT_MS',
        'LLM_TIMEOUT_MS',
        'OPENAI_API_KEY',
        'OPENAI_BASE_URL',
        'OPENAI_MODEL',
      ].sort(),
    );
    const fromDocs = parseLlmConfig(Object.fromEntries(LLM_ENV_DOCS.map((doc) => [doc.name, doc.default])));
    expect(fromDocs).toEqual(parseLlmConfig({}));
    expect(LLM_ENV_DOCS.find((doc) => doc.name === 'OPENAI_BASE_URL')?.description).toContain('/openai/v1');
  });
});
