/**
 * @module http/routes/openai-compatible: the advisor as an OpenAI-compatible "model", so any OpenAI client or chat UI
 * can talk to it. `POST /v1/chat/completions` (streaming and not) and `GET /v1/models`. Stateless: every call replays
 * the user messages of the history it is sent (src/chat/replay-history.ts), so resending the history continues the
 * conversation. Errors use OpenAI's shape: `{ error: { message, type, param, code } }`.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ExtractFunction, RunTurnFunction } from '../../chat/chat-service.ts';
import { profilePartData, turnCarriesRecommendation } from '../../chat/chat-service.ts';
import { createReplayExtract, llmReplyEvents, turnGetsLlmExplanation } from '../../chat/llm-turn.ts';
import { replayHistory } from '../../chat/replay-history.ts';
import { replySections } from '../../chat/reply-data.ts';
import { type ReplyEnvelope, replyEvents } from '../../chat/reply-events.ts';
import type { TurnOptions, TurnResult } from '../../chat/run-turn.ts';
import { completionBody, completionChunkFrames, estimateTokens } from '../encoders/openai-chunks.ts';
import { sseResponse } from '../encoders/sse.ts';
import type { App, AppDeps, AppEnv, RouteModule } from '../types.ts';
import {
  ADVISOR_MODEL_ID,
  type ChatCompletionRequest,
  contentText,
  conversationOf,
  documentRoutes,
  MAX_USER_MESSAGES,
  modelNotFoundMessage,
  OpenAiRequestError,
  parseRequest,
  readJson,
  userTexts,
} from './openai-compatible-contract.ts';

export {
  ADVISOR_MODEL_ID,
  AdvisorExtra,
  ChatCompletionRequest,
  MAX_USER_MESSAGES,
} from './openai-compatible-contract.ts';
export { estimateTokens };

export interface OpenAiCompatibleOptions {
  /** Extraction of each user message; default the rule-only extractor. */
  extract?: ExtractFunction;
  runTurn?: RunTurnFunction;
  turnOptions?: TurnOptions;
}

/** The OpenAI-compatible route module: POST /v1/chat/completions, GET /v1/models, GET /v1/models/{id}. */
export function openAiCompatibleRoutes(options: OpenAiCompatibleOptions = {}): RouteModule {
  return (app, deps) => registerOpenAiCompatibleRoutes(app, deps, options);
}

/** Mounts the OpenAI-compatible routes and documents them in the OpenAPI registry. */
export function registerOpenAiCompatibleRoutes(app: App, deps: AppDeps, options: OpenAiCompatibleOptions = {}): void {
  documentRoutes(app);
  const created = modelCreatedAt(deps);
  const model = { id: ADVISOR_MODEL_ID, object: 'model' as const, created, owned_by: 'adaptation-advisor' };

  app.get('/v1/models', (c) => c.json({ object: 'list', data: [model] }, 200));
  app.get('/v1/models/:id', (c) => {
    if (c.req.param('id') === ADVISOR_MODEL_ID) return c.json(model, 200);
    return openAiError(
      c,
      new OpenAiRequestError(404, modelNotFoundMessage(c.req.param('id')), 'model', 'model_not_found'),
    );
  });

  app.post('/v1/chat/completions', async (c) => {
    let request: ChatCompletionRequest;
    let userMessages: string[];
    try {
      request = parseRequest(await readJson(c));
      userMessages = userTexts(request, deps.config.MAX_MESSAGE_CHARS, deps.config.REPLAY_MAX_CHARS);
    } catch (error) {
      if (error instanceof OpenAiRequestError) return openAiError(c, error);
      throw error;
    }

    const llm = deps.llm?.enabled && options.extract === undefined ? deps.llm : undefined;
    const signal = c.req.raw.signal;
    let turn: TurnResult;
    try {
      const extract = llm
        ? await createReplayExtract(llm, conversationOf(request), {
            signal,
            onFailure: (reason) => deps.metrics?.llmFallback(`extraction-${reason}`),
          })
        : options.extract;
      ({ lastTurn: turn } = await replayHistory(userMessages, deps.knowledge, {
        ...options,
        ...(extract ? { extract } : {}),
        limits: { maxMessages: MAX_USER_MESSAGES, maxCharacters: deps.config.REPLAY_MAX_CHARS },
        signal,
        today: new Date().toISOString().slice(0, 10),
      }));
    } catch (error) {
      // A client that left while its replay waited or ran is not a server fault (nobody reads this reply).
      if (signal.aborted) c.get('logger').info('chat completion abandoned by the client');
      else c.get('logger').error('chat completion failed', { error });
      return c.json(
        {
          error: {
            message: 'The advisor failed to process the conversation',
            type: 'server_error',
            param: null,
            code: null,
          },
        },
        500,
      );
    }

    const envelope: ReplyEnvelope = {
      kind: turn.kind,
      provisional: turn.provisional,
      profile: profilePartData(turn),
      ...(turnCarriesRecommendation(turn.kind) ? { recommendation: turn.recommendation } : {}),
      ...(turn.question === undefined ? {} : { question: turn.question }),
      ...(turn.replyData.sources === undefined ? {} : { sources: turn.replyData.sources }),
      suggestions: turn.replyData.suggestions,
    };
    const logger = c.get('logger');
    const events =
      llm !== undefined && turnGetsLlmExplanation(turn.kind)
        ? replyEvents(envelope, {
            events: llmReplyEvents(llm, turn, deps.knowledge, {
              history: conversationOf(request).map((message) => ({ role: message.role, content: message.text })),
              signal,
            }),
            onFinal: (final) => {
              if (final.explanation.fallbackReason === undefined) return;
              deps.metrics?.llmFallback(final.explanation.fallbackReason);
              logger.info('chat completion explanation fell back to the template', {
                reason: final.explanation.fallbackReason,
                detail: final.detail,
              });
            },
          })
        : replyEvents(envelope, { sections: replySections(turn.replyData) });
    const encoding = {
      id: `chatcmpl-${randomUUID().replaceAll('-', '')}`,
      created: Math.floor(Date.now() / 1000),
      model: ADVISOR_MODEL_ID,
      promptChars: request.messages.reduce((total, message) => total + contentText(message.content).length, 0),
      includeUsage: request.stream_options?.include_usage === true,
    };
    const failure = { requestId: c.get('requestId'), logger, signal };
    if (request.stream === true) return sseResponse(completionChunkFrames(events, encoding, failure));
    const result = await completionBody(events, encoding, failure);
    if ('error' in result) {
      return c.json(
        { error: { message: result.error, type: 'server_error', param: null, code: 'stream_failed' } },
        500,
      );
    }
    return c.json(result.completion, 200);
  });
}

function openAiError(c: Context<AppEnv>, error: OpenAiRequestError): Response {
  return c.json(
    { error: { message: error.message, type: 'invalid_request_error', param: error.param, code: error.code } },
    error.status,
  );
}

/** A fixed `created` time for the model: the knowledge base's reference date (so responses stay deterministic). */
function modelCreatedAt(deps: AppDeps): number {
  const time = Date.parse(deps.knowledge.manifest.referenceDate);
  return Number.isFinite(time) ? Math.floor(time / 1000) : 0;
}
