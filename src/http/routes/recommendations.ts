import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonResponse } from '../openapi-helpers.ts';
import { RecommendationRequest, RecommendationResponse } from '../schemas.ts';
import type { App, AppDeps, RecommendFunction } from '../types.ts';

const route = createRoute({
  method: 'post',
  path: '/v1/recommendations',
  tags: ['advice'],
  summary: 'Rank every adaptation method for a profile',
  description:
    'Deterministic: the same profile gives byte-identical output (apart from an LLM-written explanation). ' +
    'Unknown profile keys are rejected by name.',
  request: { body: { required: true, content: { 'application/json': { schema: RecommendationRequest } } } },
  responses: {
    200: jsonResponse(RecommendationResponse, 'Ranked methods, plan, questions, assumptions and sources'),
    ...errorResponses(400, 413, 415, 500),
  },
});

/**
 * POST /v1/recommendations. `explain: "llm"` currently answers with the template explanation and
 * `explanation.fallbackReason: "llm-not-configured"` (the LLM layer replaces this when configured).
 */
export function registerRecommendationRoutes(app: App, deps: AppDeps, recommend: RecommendFunction): void {
  app.openapi(route, (c) => {
    const { profile, options } = c.req.valid('json');
    const explain = options?.explain ?? 'template';
    const recommendation = recommend(profile, deps.knowledge, { explain: explain === 'none' ? 'none' : 'template' });
    if (explain === 'llm' && recommendation.explanation) {
      return c.json(
        { ...recommendation, explanation: { ...recommendation.explanation, fallbackReason: 'llm-not-configured' } },
        200,
      );
    }
    return c.json(recommendation, 200);
  });
}
