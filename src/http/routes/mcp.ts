/**
 * @module http/routes/mcp: the MCP server over Streamable HTTP at `/mcp`, stateless. Every request gets a fresh
 * server instance from `createAdvisorMcpServer` (`createMcpHandler`: the 2026-07-28 per-request protocol, and the
 * 2025 `initialize` handshake served statelessly), so no session lives in memory and any instance behind a load
 * balancer can answer any request; GET and DELETE (2025 session streams) answer 405.
 *
 * The route sits behind the app's middleware like every `/v1` route: the API key when API_KEYS is set, the
 * per-client rate limit with its RateLimit headers, the body limit (src/http/security/route-access.ts classifies
 * `/mcp` as an API route). Against DNS rebinding (the MCP transport spec: servers must validate Origin), a request
 * that carries an Origin — only browsers send one — is refused unless CORS_ORIGINS lists it.
 */
import { createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { recommend as engineRecommend } from '../../engine/recommend.ts';
import { createAdvisorMcpServer } from '../../mcp/advisor-mcp-server.ts';
import { cachedRecommend } from '../../mcp/cached-recommend.ts';
import { errorBody } from '../error-body.ts';
import { errorResponses } from '../openapi-helpers.ts';
import { createOriginPolicy } from '../security/cors.ts';
import type { App, AppDeps } from '../types.ts';

/** The path of the MCP endpoint. */
export const MCP_PATH = '/mcp';

/** Mounts `/mcp` (POST; GET and DELETE answer 405 in stateless mode). */
export function registerMcpRoute(app: App, deps: AppDeps, options: { version: string }): void {
  // One cache for the process (the server instances are per request), sized like the REST route's.
  const recommend = cachedRecommend(deps.recommend ?? engineRecommend, deps.config.RECOMMENDATION_CACHE_SIZE ?? 0);
  const handler = createMcpHandler(
    () =>
      createAdvisorMcpServer({
        knowledge: deps.knowledge,
        version: options.version,
        recommend,
        ...(deps.estimate === undefined ? {} : { estimate: deps.estimate }),
        logger: deps.logger,
      }),
    {
      // Default response mode: a 2026-07-28 request gets one JSON body (the tools send nothing before their result);
      // the stateless 2025 leg answers with a one-event SSE stream, as its transport does.
      maxRequestBodySize: deps.config.BODY_LIMIT_BYTES,
      onerror: (error) => deps.logger.warn('mcp request refused or failed', { error: error.message }),
    },
  );
  const origins = createOriginPolicy(deps.config.CORS_ORIGINS);
  app.all(MCP_PATH, async (c): Promise<Response> => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.allows(origin)) {
      const message = `The origin ${JSON.stringify(origin.slice(0, 200))} may not call /mcp: requests from web pages are refused unless CORS_ORIGINS lists their origin (a guard against DNS rebinding)`;
      return c.json(
        errorBody('origin_not_allowed', message, [{ path: 'headers.origin', message }], c.get('requestId')),
        403,
      );
    }
    return handler.fetch(c.req.raw);
  });
  // Documented in /openapi.json for discovery; the contract itself is MCP's (tools/list describes every tool).
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: MCP_PATH,
    tags: ['advice'],
    summary: 'MCP server for agents (Streamable HTTP, stateless)',
    description:
      'The Model Context Protocol endpoint: JSON-RPC 2.0 messages, answered as JSON or server-sent events. Tools: ' +
      '`recommend_adaptation`, `estimate_memory_and_cost`, `compare_options`, `list_methods`, `provider_facts` (each ' +
      'with input and output JSON Schemas in `tools/list`); resources: `advisor://sources/{id}`, `advisor://methods`, ' +
      '`advisor://methods/{id}`. Use an MCP client (e.g. the official SDK `StreamableHTTPClientTransport`) rather ' +
      'than raw requests. Stateless: no session id; GET and DELETE answer 405.',
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: z.object({ jsonrpc: z.literal('2.0'), method: z.string() }).loose() },
        },
      },
    },
    responses: {
      200: {
        description: 'The JSON-RPC response (a tool error has `result.isError: true` and names the field)',
        content: { 'application/json': { schema: z.object({}).loose() }, 'text/event-stream': { schema: z.string() } },
      },
      ...errorResponses(403, 413, 415),
    },
  });
}
