/**
 * @module http/security/deny-response: the JSON bodies of the security layer's refusals (401, 403, 429), in the
 * design's error shape, or OpenAI's on the OpenAI-compatible routes so OpenAI clients show the message.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorBody } from '../error-body.ts';
import type { AppEnv } from '../types.ts';
import { usesOpenAiErrors } from './route-access.ts';

/** One refusal. `code` is the design's error code; `openAiType`/`openAiCode` what OpenAI sends for the same case. */
export interface Denial {
  status: ContentfulStatusCode;
  code: string;
  message: string;
  openAiType: string;
  openAiCode: string;
  headers?: Record<string, string>;
}

/** Builds the refusal response for `c`'s route. The message never contains what the client sent as a credential. */
export function denyResponse(c: Context<AppEnv>, denial: Denial): Response {
  const headers = { 'cache-control': 'no-store', ...denial.headers };
  if (usesOpenAiErrors(c.req.path)) {
    return c.json(
      { error: { message: denial.message, type: denial.openAiType, param: null, code: denial.openAiCode } },
      denial.status,
      headers,
    );
  }
  return c.json(errorBody(denial.code, denial.message, [], c.get('requestId') ?? 'unknown'), denial.status, headers);
}
