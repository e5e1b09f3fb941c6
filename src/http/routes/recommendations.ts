import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { withJobs } from '../../engine/advise-jobs.ts';
import type { Explanation, Recommendation } from '../../engine/recommendation-schema.ts';
import type { ExplanationEvent } from '../../llm/explain.ts';
import type { Logger } from '../../logger.ts';
import { jobsTogether } from '../../profile/job-schema.ts';
import { type NamedEvent, namedEventFrames } from '../encoders/plain-sse.ts';
import { sseResponse } from '../encoders/sse.ts';
import { errorResponses } from '../openapi-helpers.ts';
import { canonicalJson, createRecommendationCache } from '../recommendation-cache.ts';
import { RecommendationRequest, RecommendationResponse } from '../schemas.ts';
import type { App, AppDeps, LlmExplainFunction, RecommendFunction } from '../types.ts';

const route = createRoute({
  method: 'post',
  path: '/v1/recommendations',
  tags: ['advice'],
  summary: 'Rank every adaptation method for a profile',
  description:
    'Deterministic: the same profile gives byte-identical output (apart from an LLM-written explanation). ' +
    'Unknown profile keys are rejected by name.\n\n' +
    '`options.explain: "llm"` asks the configured LLM to write `explanation` (the engine still decides everything ' +
    'else). The LLM text is checked against the engine before it is returned: it must name the top method and must ' +
    'not present a not-viable method as recommended. Without an LLM, or on any LLM fault, the answer keeps the ' +
    'template explanation with `source: "template"` and a `fallbackReason` (`llm-off`, `timeout`, `rate-limited`, ' +
    '`upstream-error`, `malformed-response`, `refusal`, `stream-cut`, `stream-stalled`, `circuit-open`, ' +
    '`llm-contradicted-engine`, `aborted`).\n\n' +
    '**Streaming.** With `explain: "llm"` and `Accept: text/event-stream` the answer is a stream of server-sent ' +
    'events: first `event: recommendation` (the engine result, without `explanation`), then zero or more ' +
    '`event: delta` (`{ "text": "..." }`, explanation text as the LLM writes it), then exactly one ' +
    '`event: explanation` (`{ "explanation": { text, source, fallbackReason? }, "replacesStreamedText": boolean }`). ' +
    'When `replacesStreamedText` is true the deltas already shown failed the check (or the stream broke) and must ' +
    'be replaced by `explanation.text`. A failure after the stream started is one `event: error` ' +
    '(`{ "error": { code, message, requestId } }`, a generic message; the cause is logged with the request id). ' +
    'Closing the connection cancels the upstream LLM call.',
  request: { body: { required: true, content: { 'application/json': { schema: RecommendationRequest } } } },
  responses: {
    200: {
      description:
        'Ranked methods, plan, questions, assumptions and sources (JSON); or, for explain "llm" with ' +
        '`Accept: text/event-stream`, the SSE events described above',
      content: {
        'application/json': { schema: RecommendationResponse },
        'text/event-stream': { schema: z.string() },
      },
    },
    ...errorResponses(400, 413, 415, 500),
  },
});

/**
 * POST /v1/recommendations. The engine decides; with `explain: "llm"` only the explanation comes from the LLM
 * (`deps.explainWithLlm`, else `deps.llm.explainOnce`), streamed as SSE when the client accepts `text/event-stream`.
 * Without an LLM, or when the explainer fails, the answer keeps the template explanation and says why in
 * `explanation.fallbackReason` ("llm-off", or the LLM layer's reason).
 */
export function registerRecommendationRoutes(app: App, deps: AppDeps, recommend: RecommendFunction): void {
  const llm = deps.llm?.enabled ? deps.llm : undefined;
  const explainer: LlmExplainFunction | undefined = deps.explainWithLlm ?? llm?.explainOnce;
  const countFallback = (explanation: Explanation) => {
    if (explanation.fallbackReason !== undefined && explanation.fallbackReason !== 'llm-off')
      deps.metrics?.llmFallback(explanation.fallbackReason);
  };

  const cache = createRecommendationCache(deps.config.RECOMMENDATION_CACHE_SIZE ?? 0);

  app.openapi(route, async (c) => {
    const { profile: team, jobs, options } = c.req.valid('json');
    // (With jobs, the top level is the jobs together; each job is advised on its own in `jobs`.)
    const profile = jobsTogether(team, jobs);
    const explain = options?.explain ?? 'template';
    if (explain !== 'llm') {
      // Deterministic engine: identical requests get the identical bytes, computed once (x-cache says which).
      const key = `${deps.knowledge.version}|${explain}|${canonicalJson(profile)}|${jobs === undefined ? '' : canonicalJson(jobs)}`;
      const { body, hit } = cache.get(key, () =>
        withJobs(recommend(profile, deps.knowledge, { explain }), profile, jobs, deps.knowledge),
      );
      return c.body(body, 200, { 'content-type': 'application/json', 'x-cache': hit ? 'hit' : 'miss' }) as never;
    }
    const recommendation = withJobs(
      recommend(profile, deps.knowledge, { explain: 'template' }),
      profile,
      jobs,
      deps.knowledge,
    );
    if (!recommendation.explanation) return c.json(recommendation, 200);

    const template = recommendation.explanation;
    const input = { recommendation, knowledge: deps.knowledge, signal: c.req.raw.signal };
    if (acceptsEventStream(c.req.header('accept'))) {
      const events =
        deps.explainWithLlm === undefined && llm !== undefined
          ? llm.streamExplanation(input)
          : onceAsEvents(explainer, input, template, c.get('logger'));
      const failure = { requestId: c.get('requestId'), logger: c.get('logger'), signal: c.req.raw.signal };
      return sseResponse(namedEventFrames(explanationEvents(recommendation, events, countFallback), failure)) as never;
    }
    const explanation = await explainSafely(explainer, input, template, c.get('logger'));
    countFallback(explanation);
    return c.json({ ...recommendation, explanation }, 200);
  });
}

/** True when the Accept header lists text/event-stream. */
export function acceptsEventStream(accept: string | undefined): boolean {
  return accept !== undefined && /(^|,)\s*text\/event-stream\s*(;|,|$)/i.test(accept);
}

type ExplainInput = Parameters<LlmExplainFunction>[0];

/** The explainer's answer; the template flagged "llm-off" without one, "upstream-error" if it throws. */
async function explainSafely(
  explainer: LlmExplainFunction | undefined,
  input: ExplainInput,
  template: Explanation,
  logger: Logger,
): Promise<Explanation> {
  if (!explainer) return { ...template, fallbackReason: 'llm-off' };
  try {
    return await explainer(input);
  } catch (error) {
    logger.warn('llm explanation failed; using the template', { error });
    return { ...template, fallbackReason: 'upstream-error' };
  }
}

/** A non-streaming explainer as the event shape of `LlmLayer.streamExplanation` (a single `final`). */
async function* onceAsEvents(
  explainer: LlmExplainFunction | undefined,
  input: ExplainInput,
  template: Explanation,
  logger: Logger,
): AsyncGenerator<ExplanationEvent, void, undefined> {
  yield {
    type: 'final',
    explanation: await explainSafely(explainer, input, template, logger),
    replacesStreamedText: false,
  };
}

/**
 * The named events of the stream: `recommendation` (without explanation), `delta`s, then one `explanation`.
 * Stopping this generator (the client left) stops the explanation generator, which aborts the upstream call.
 */
async function* explanationEvents(
  recommendation: Recommendation,
  events: AsyncIterable<ExplanationEvent>,
  onFinal: (explanation: Explanation) => void,
): AsyncGenerator<NamedEvent, void, undefined> {
  const { explanation: _explanation, ...engineResult } = recommendation;
  yield { event: 'recommendation', data: engineResult };
  for await (const event of events) {
    if (event.type === 'delta') {
      yield { event: 'delta', data: { text: event.text } };
      continue;
    }
    onFinal(event.explanation);
    yield {
      event: 'explanation',
      data: { explanation: event.explanation, replacesStreamedText: event.replacesStreamedText },
    };
  }
}
