import type { LlmCallEvent } from '../../src/llm/llm-client.ts';
import { parseLlmConfig } from '../../src/llm/llm-config.ts';
import { createLlmLayer, type LlmLayer } from '../../src/llm/llm-layer.ts';
import { loadPrompts, type Prompts } from '../../src/llm/prompt-templates.ts';

/**
 * An enabled LLM layer against `baseURL` (the msw mock's https://llm.test/v1 or a loopback fake server) with the
 * real prompts/ and short timeouts, for HTTP-level tests of the LLM wiring.
 */

let prompts: Promise<Prompts> | undefined;

/** The real prompts/ directory, loaded once per test file. */
export function realPromptsOnce(): Promise<Prompts> {
  prompts ??= loadPrompts('prompts');
  return prompts;
}

export async function testLlmLayer(
  baseURL: string,
  overrides: Record<string, string> = {},
  events?: LlmCallEvent[],
): Promise<LlmLayer> {
  const config = parseLlmConfig({
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: baseURL,
    OPENAI_MODEL: 'test-model',
    LLM_TIMEOUT_MS: '2000',
    LLM_MAX_RETRIES: '0',
    LLM_STALL_TIMEOUT_MS: '2000',
    ...overrides,
  });
  return createLlmLayer({
    config,
    prompts: await realPromptsOnce(),
    backoffBaseMs: 10,
    ...(events ? { onEvent: (event: LlmCallEvent) => events.push(event) } : {}),
  });
}

/** Parse a text/event-stream body into `{ event, data }` records (data JSON-parsed when possible). */
export function parseSse(body: string): { event: string; data: unknown }[] {
  return body
    .split(/\n\n+/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      const text = data.join('\n');
      try {
        return { event, data: JSON.parse(text) as unknown };
      } catch {
        return { event, data: text };
      }
    });
}
