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
 * POST /v1/recommendations. The engine decides; with `explain: "llm"` only the explanation comes from
 * `deps.explainWithLlm`. Without it, or when it throws, the answer keeps the template explanation and says why
 * in `explanation.fallbackReason` ("llm-not-configured" / "llm-error").
 */
export function registerRecommendationRoutes(app: App, deps: AppDeps, recommend: RecommendFunction): void {
  app.openapi(route, async (c) => {
    const { profile, options } = c.req.valid('json');
    const explain = options?.explain ?? 'template';
    const recommendation = recommend(profile, deps.knowledge, { explain: explain === 'none' ? 'none' : 'template' });
    if (explain !== 'llm' || !recommendation.explanation) return c.json(recommendation, 200);

    const template = recommendation.explanation;
    if (!deps.explainWithLlm) {
      return c.json({ ...recommendation, explanation: { ...template, fallbackReason: 'llm-not-configured' } }, 200);
    }
    try {
      const explanation = await deps.explainWithLlm({
        recommendation,
        knowledge: deps.knowledge,
        signal: c.req.raw.signal,
      });
      return c.json({ ...recommendation, explanation }, 200);
    } catch (error) {
      c.get('logger').warn('llm explanation failed; using the template', { error });
      return c.json({ ...recommendation, explanation: { ...template, fallbackReason: 'llm-error' } }, 200);
    }
  });
}
