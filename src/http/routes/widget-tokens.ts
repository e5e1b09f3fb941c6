/**
 * @module http/routes/widget-tokens: POST /v1/widget-tokens, where a site's backend exchanges its API key for a
 * short-lived token that its web page sends to the chat widget routes (src/http/security/widget-tokens.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError, ValidationError } from '../../errors.ts';
import { errorResponses, jsonResponse } from '../openapi-helpers.ts';
import { createApiKeyVerifier, presentedApiKeys } from '../security/api-keys.ts';
import { WIDGET_TOKEN_HEADER, type WidgetTokens } from '../security/widget-tokens.ts';
import type { App, AppDeps } from '../types.ts';

const WidgetTokenRequest = z
  .object({
    origin: z
      .string()
      .min(1)
      .max(300)
      .describe('The page origin the token is for, exactly as the browser sends it; must be listed in CORS_ORIGINS')
      .openapi({ example: 'https://www.example.com' }),
    ttlSeconds: z
      .number()
      .int()
      .min(60)
      .optional()
      .describe('Lifetime in seconds (60 to WIDGET_TOKEN_TTL_SECONDS, the default)'),
  })
  .strict()
  .meta({ id: 'WidgetTokenRequest' });

const WidgetTokenResponse = z
  .object({
    token: z.string().describe('Send it from the page as the x-widget-token header on the chat widget routes'),
    header: z.literal(WIDGET_TOKEN_HEADER),
    origin: z.string(),
    expiresAt: z.string().describe('ISO 8601; mint a new token before then'),
  })
  .meta({ id: 'WidgetTokenResponse' });

const route = createRoute({
  method: 'post',
  path: '/v1/widget-tokens',
  tags: ['operations'],
  summary: 'Mint a short-lived widget token (site backends, with an API key)',
  description:
    "A site's backend calls this with its API key (never exposed to browsers), after its own checks on the visitor, " +
    'and hands the token to its page. The page sends it as `x-widget-token` on POST /v1/chat and GET/DELETE ' +
    '/v1/chat/{id}; it is valid only from `origin`, until `expiresAt`, and only while the minting key stays in ' +
    'API_KEYS. Browser traffic with a token gets the normal per-client budget; traffic with only an allowed Origin ' +
    'gets the much smaller ORIGIN_ONLY_PER_MINUTE budget.',
  request: { body: { content: { 'application/json': { schema: WidgetTokenRequest } }, required: true } },
  responses: {
    201: jsonResponse(WidgetTokenResponse, 'The token'),
    ...errorResponses(400, 409, 413, 415, 500),
  },
});

/** Mounts POST /v1/widget-tokens. */
export function registerWidgetTokenRoute(app: App, deps: AppDeps, widgetTokens: WidgetTokens): void {
  const verifier = createApiKeyVerifier(deps.config.API_KEYS);
  const allowedOrigins = new Set(deps.config.CORS_ORIGINS);
  app.openapi(route, (c) => {
    if (!widgetTokens.enabled) {
      throw new AppError(
        'conflict',
        'This server has no API_KEYS, so its chat widget routes need no token; widget tokens are minted with an API key',
      );
    }
    // The security gate has already refused requests without a valid key; this finds which key it was.
    let keyHash: string | undefined;
    for (const candidate of presentedApiKeys(c.req.raw.headers)) keyHash ??= verifier.verify(candidate);
    if (keyHash === undefined) throw new AppError('unauthorized', 'This route needs an API key');
    const { origin, ttlSeconds } = c.req.valid('json');
    const maxTtl = deps.config.WIDGET_TOKEN_TTL_SECONDS;
    if (!allowedOrigins.has(origin)) {
      throw new ValidationError(`The request is invalid: origin: ${JSON.stringify(origin)} is not in CORS_ORIGINS`, [
        {
          path: 'origin',
          message: `must be one of the server's CORS_ORIGINS (${[...allowedOrigins].join(', ') || 'none configured'})`,
        },
      ]);
    }
    if (ttlSeconds !== undefined && ttlSeconds > maxTtl) {
      throw new ValidationError(`The request is invalid: ttlSeconds: at most ${maxTtl}`, [
        { path: 'ttlSeconds', message: `Too big: expected number to be <=${maxTtl} (WIDGET_TOKEN_TTL_SECONDS)` },
      ]);
    }
    const { token, expiresAt } = widgetTokens.mint(keyHash, origin, ttlSeconds ?? maxTtl);
    return c.json(
      { token, header: WIDGET_TOKEN_HEADER as typeof WIDGET_TOKEN_HEADER, origin, expiresAt: expiresAt.toISOString() },
      201,
      // A bearer credential: never cached.
      { 'cache-control': 'no-store' },
    );
  });
}
