import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { recommend as engineRecommend } from './engine/recommend.ts';
import { estimate as estimatorEstimate } from './estimator/index.ts';
import { closeUnreadBody } from './http/close-unread-body.ts';
import { errorBody } from './http/error-body.ts';
import { handleError, handleNotFound, methodNotAllowedResponse, STATUS_BY_CODE } from './http/error-handler.ts';
import { addSecurityToDocument, registerApiKeySchemes } from './http/openapi-security.ts';
import { requestContext } from './http/request-context.ts';
import { registerCatalogRoutes } from './http/routes/catalog.ts';
import { registerDocsRoutes } from './http/routes/docs.ts';
import { registerEstimateRoutes } from './http/routes/estimates.ts';
import { registerHealthRoutes } from './http/routes/health.ts';
import { registerMcpRoute } from './http/routes/mcp.ts';
import { registerMethodRoutes } from './http/routes/methods.ts';
import { registerMetricsRoute } from './http/routes/metrics.ts';
import { registerRecommendationRoutes } from './http/routes/recommendations.ts';
import { registerWidgetRoutes } from './http/routes/widget.ts';
import { registerWidgetTokenRoute } from './http/routes/widget-tokens.ts';
import { createAppSecurity, createWidgetTokens, SECURITY_ERROR_STATUS } from './http/security/index.ts';
import { securityHeaders } from './http/security-headers.ts';
import type { App, AppDeps, AppEnv } from './http/types.ts';
import { validationHook } from './http/validation-hook.ts';
import { createAppMetrics } from './observability/app-metrics.ts';
import { httpMetrics } from './observability/http-metrics.ts';

export type { App, AppDeps, AppEnv, LlmExplainFunction, ReadinessCheck, RouteModule } from './http/types.ts';

/** Version of the HTTP API, shown in the OpenAPI document. */
export const API_VERSION = '0.1.0';

/**
 * Builds the Hono app: request id + one log line per request, secure headers, body limit, the REST routes,
 * `deps.routeModules` (chat, LLM, ...), /openapi.json (OpenAPI 3.1 from the zod schemas), /docs, and JSON
 * errors everywhere (400/404/405/413/415/500). No I/O at construction; tests call `app.request()`.
 */
export function createApp(input: AppDeps): App {
  const metrics = input.metrics ?? createAppMetrics();
  const deps: AppDeps = { ...input, metrics };
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  // Outermost, so it sees the final response of every route, refusal and error (src/http/close-unread-body.ts).
  app.use(closeUnreadBody());
  app.use(requestContext(deps.logger));
  app.use(httpMetrics(metrics));
  app.use(securityHeaders({ trustProxy: deps.config.TRUST_PROXY, hstsAlways: deps.config.HSTS_ALWAYS }));
  // API keys, CORS for the chat widget, rate limits (src/http/security/); see .env.example "security".
  const security = createAppSecurity(deps);
  Object.assign(STATUS_BY_CODE, SECURITY_ERROR_STATUS);
  app.use(security.gate);
  app.use(methodNotAllowed({ app, onMethodNotAllowed: methodNotAllowedResponse }));
  app.use(
    bodyLimit({
      maxSize: deps.config.BODY_LIMIT_BYTES,
      onError: (c) =>
        c.json(
          errorBody(
            'payload_too_large',
            `The request body is larger than ${deps.config.BODY_LIMIT_BYTES} bytes`,
            [],
            c.get('requestId'),
          ),
          413,
        ),
    }),
  );
  app.use(security.usage);

  registerHealthRoutes(app, deps);
  registerMetricsRoute(app, metrics, deps.config.METRICS_TOKEN, {
    closedWithoutToken: deps.config.API_KEYS.length > 0,
  });
  registerRecommendationRoutes(app, deps, deps.recommend ?? engineRecommend);
  registerEstimateRoutes(app, deps, deps.estimate ?? estimatorEstimate);
  registerMethodRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  // MCP for agents (Streamable HTTP, stateless), behind the same key, rate-limit and body-limit middleware.
  registerMcpRoute(app, deps, { version: API_VERSION });
  registerWidgetTokenRoute(app, deps, createWidgetTokens(deps.config.API_KEYS));
  for (const routeModule of deps.routeModules ?? []) routeModule(app, security.deps);

  registerApiKeySchemes(app);
  // Generated once, on the first request (after every route module has registered), then served from memory.
  let document: string | undefined;
  app.get('/openapi.json', (c) => {
    document ??= JSON.stringify(
      addSecurityToDocument(
        app.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: 'Adaptation Advisor API',
            version: API_VERSION,
            description:
              'How to adapt a foundation model (prompting, RAG, LoRA/QLoRA, fine-tuning, distillation, managed tuning): ' +
              `feasibility, cost, order and sourced reasons. Knowledge version ${deps.knowledge.version}.`,
          },
          tags: [
            { name: 'advice', description: 'Recommendations and estimates' },
            { name: 'knowledge', description: 'The methods table, catalogs and sources' },
            { name: 'operations', description: 'Health, readiness and metrics' },
          ],
        }),
        {
          apiKeysRequired: deps.config.API_KEYS.length > 0,
          originOnlyAccepted: deps.config.ORIGIN_ONLY_PER_MINUTE !== 0,
        },
      ),
    );
    return c.body(document, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  registerDocsRoutes(app);
  registerWidgetRoutes(app);

  app.onError(handleError);
  app.notFound(handleNotFound);
  return app;
}
