/**
 * @module http/security/llm-budget: which requests will call the LLM (they cost money, so they draw on the tighter
 * RATE_LIMIT_LLM_PER_MINUTE budget as well as the general one).
 */
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../types.ts';

/**
 * The parsed JSON body, or undefined when there is none, it is not declared as JSON or it does not parse. Hono caches
 * the body text, so the route's own validator reads it again and reports malformed JSON itself. Mount after the body
 * limit so at most BODY_LIMIT_BYTES are read.
 */
export async function peekJsonBody(c: Context): Promise<unknown> {
  if (c.req.raw.body === null) return undefined;
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(contentType.trim())) return undefined;
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

/**
 * True when this request will call the LLM: `POST /v1/chat` and `POST /v1/chat/completions` when an LLM is configured
 * (`deps.llmEnabled`), and `POST /v1/recommendations` whose body asks for `options.explain: "llm"` when an LLM is
 * configured or `deps.explainWithLlm` is wired. Everything else is rule-only and free.
 */
export async function isLlmBacked(
  c: Context<AppEnv>,
  deps: Pick<AppDeps, 'llmEnabled' | 'explainWithLlm'>,
): Promise<boolean> {
  if (c.req.method !== 'POST') return false;
  const path = c.req.path;
  if (path === '/v1/chat' || path === '/v1/chat/completions') return deps.llmEnabled === true;
  if (path !== '/v1/recommendations' || (deps.explainWithLlm === undefined && deps.llmEnabled !== true)) return false;
  const body = await peekJsonBody(c);
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, 'options')) return false;
  const options = (body as { options?: unknown }).options;
  return (
    typeof options === 'object' &&
    options !== null &&
    Object.hasOwn(options, 'explain') &&
    (options as { explain?: unknown }).explain === 'llm'
  );
}
