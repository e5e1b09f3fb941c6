/**
 * @module http/routes/chat: the chat widget's endpoints. `POST /v1/chat` speaks the AI SDK UI-message-stream protocol
 * (the body `DefaultChatTransport` sends; the stream `useChat` / `readUIMessageStream` read); `GET` and `DELETE
 * /v1/chat/{id}` show or remove a session's history for its owner.
 */
import type { Context } from 'hono';
import {
  ChatSessionGoneError,
  ChatTurnFailedError,
  createChatService,
  type ExtractFunction,
  type RunTurnFunction,
  type SessionCredentials,
  SessionTokenInvalidError,
  SessionTokenRequiredError,
  turnCarriesRecommendation,
} from '../../chat/chat-service.ts';
import {
  chatHistory,
  createLlmAssistedExtract,
  type LlmReplyEvent,
  llmReplyEvents,
  persistFinalReply,
  turnGetsLlmExplanation,
} from '../../chat/llm-turn.ts';
import { replySections } from '../../chat/reply-data.ts';
import { failedReplyEvents, paragraphSections, type ReplyEvent, replyEvents } from '../../chat/reply-events.ts';
import { recommendationFor, storedRecommender, storedReplyEnvelope } from '../../chat/reply-stored.ts';
import type { TurnOptions } from '../../chat/run-turn.ts';
import { recommend as engineRecommend } from '../../engine/recommend.ts';
import { ValidationError } from '../../errors.ts';
import type { Session, StoredMessage } from '../../store/session-schema.ts';
import { sessionIdForChat } from '../../store/session-token.ts';
import { SessionCorruptError, StoreUnavailableError } from '../../store/store-errors.ts';
import { historyUIMessages } from '../encoders/ai-sdk-ui-history.ts';
import { uiMessageStreamResponse } from '../encoders/ai-sdk-ui-stream.ts';
import { errorBody } from '../error-body.ts';
import { withoutPaths } from '../redact-paths.ts';
import type { App, AppDeps, AppEnv, RouteModule } from '../types.ts';
import { type ChatRequest, deleteRoute, getRoute, postRoute, type SessionPartData } from './chat-contract.ts';

export {
  type AdvisorMessageMetadata,
  AdvisorMessageMetadataSchema,
  type AdvisorUIMessage,
  advisorDataPartSchemas,
  ChatHistoryResponse,
  ChatRequest,
  ExplanationPartSchema,
  ProfilePartSchema,
  type SessionPartData,
  SessionPartSchema,
  SuggestionsPartSchema,
} from './chat-contract.ts';
export { historyUIMessages };

export interface ChatRoutesOptions {
  /** Extraction of each message; default the rule-only extractor. */
  extract?: ExtractFunction;
  runTurn?: RunTurnFunction;
  turnOptions?: TurnOptions;
}

/**
 * The chat route module: POST /v1/chat, GET and DELETE /v1/chat/{id}. Needs `deps.sessionStore` (throws at mount
 * time without it, so a wiring mistake fails at start-up, not on the first chat).
 */
export function chatRoutes(options: ChatRoutesOptions = {}): RouteModule {
  return (app, deps) => registerChatRoutes(app, deps, options);
}

/** Mounts the chat routes on `app`; see {@link chatRoutes}. */
export function registerChatRoutes(app: App, deps: AppDeps, options: ChatRoutesOptions = {}): void {
  const store = deps.sessionStore;
  if (store === undefined) throw new Error('The chat routes need deps.sessionStore (create it in src/index.ts)');
  const recommend = deps.recommend ?? engineRecommend;
  // With the LLM on, it also reads each message (merged under the rule extractor) and writes the explanations.
  const llm = deps.llm?.enabled ? deps.llm : undefined;
  const onExtractionFailure = (reason: string) => deps.metrics?.llmFallback(`extraction-${reason}`);
  const service = createChatService({
    store,
    knowledge: deps.knowledge,
    extract: options.extract ?? (llm ? createLlmAssistedExtract(llm, { onFailure: onExtractionFailure }) : undefined),
    runTurn: options.runTurn,
    turnOptions: options.turnOptions,
  });

  app.openapi(postRoute, async (c) => {
    const body = c.req.valid('json');
    const credentials = requestCredentials(c, body);
    const last = lastUserMessage(body, deps.config.MAX_MESSAGE_CHARS);

    try {
      let session: Awaited<ReturnType<typeof service.openSession>>;
      try {
        session =
          credentials.kind === 'session'
            ? await service.openSession(credentials.session)
            : await service.openChatSession(credentials.chatId, credentials.token);
      } catch (error) {
        const refused = chatSessionRefusal(c, error);
        if (refused !== undefined) return refused as never;
        throw error;
      }
      const chatId = credentials.kind === 'chat' ? { chatId: credentials.chatId } : {};
      const sessionPart: SessionPartData = session.created
        ? { sessionId: session.sessionId, ...chatId, sessionToken: session.sessionToken }
        : { sessionId: session.sessionId, ...chatId };
      const headers: Record<string, string> = { 'x-session-id': session.sessionId, 'cache-control': 'no-store' };
      if (session.created) headers['x-session-token'] = session.sessionToken;

      const failure = { requestId: c.get('requestId'), logger: c.get('logger'), signal: c.req.raw.signal };
      const respond = (events: AsyncIterable<ReplyEvent>) => uiMessageStreamResponse(events, headers, failure);

      if (body.trigger === 'regenerate-message' && !session.created) {
        const previous = await lastAssistantMessage(store, session);
        if (previous !== undefined) {
          const recommendation = recommendationFor(previous, storedRecommender(deps.knowledge, recommend));
          const envelope = storedReplyEnvelope(previous, sessionPart, recommendation);
          return respond(replyEvents(envelope, { sections: paragraphSections(previous.text) })) as never;
        }
      }

      try {
        const outcome = await service.runTurn({
          credentials: session,
          text: last.text,
          userMessageId: last.id,
          signal: c.req.raw.signal,
        });
        const { turn } = outcome;
        const recommendation = turnCarriesRecommendation(turn.kind) ? turn.recommendation : undefined;
        const envelope = storedReplyEnvelope(outcome.assistantMessage, sessionPart, recommendation);
        if (llm === undefined || !turnGetsLlmExplanation(turn.kind)) {
          return respond(replyEvents(envelope, { sections: replySections(turn.replyData) })) as never;
        }
        const logger = c.get('logger');
        const events = llmReplyEvents(llm, turn, deps.knowledge, {
          history: chatHistory(outcome.session.messages.slice(0, -1)),
          signal: c.req.raw.signal,
        });
        const onFinal = async (final: Extract<LlmReplyEvent, { type: 'final' }>) => {
          if (final.explanation.fallbackReason !== undefined) {
            deps.metrics?.llmFallback(final.explanation.fallbackReason);
            logger.info('chat explanation fell back to the template', {
              reason: final.explanation.fallbackReason,
              detail: final.detail,
            });
          }
          if (final.explanation.fallbackReason === 'aborted') return; // the template reply is already stored
          try {
            await persistFinalReply(store, session, outcome.assistantMessage.id, final);
          } catch (error) {
            // The template reply stays stored: still a truthful answer.
            logger.error('could not store the final chat reply; the template reply stays stored', { error });
          }
        };
        return respond(replyEvents(envelope, { events, onFinal })) as never;
      } catch (error) {
        if (!(error instanceof ChatTurnFailedError)) throw error;
        c.get('logger').error('chat turn failed', { error: error.cause, sessionId: session.sessionId });
        const message = `${error.message} (request id ${failure.requestId})`;
        return respond(failedReplyEvents(sessionPart, message)) as never;
      }
    } catch (error) {
      return storeErrorResponse(c, error) as never;
    }
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      const session = await findSession(store, id, tokenFrom(c));
      if (session === undefined) return notFound(c) as never;
      return c.json(
        {
          id: session.id,
          createdAt: session.createdAt,
          updatedAt: session.updatedAt,
          profile: session.profile,
          messages: historyUIMessages(session.messages, storedRecommender(deps.knowledge, recommend)),
        },
        200,
      ) as never;
    } catch (error) {
      return storeErrorResponse(c, error) as never;
    }
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    try {
      const token = tokenFrom(c);
      const deleted = (await store.delete(sessionIdForChat(id), token)) || (await store.delete(id, token));
      if (!deleted) return notFound(c) as never;
      return c.body(null, 204);
    } catch (error) {
      return storeErrorResponse(c, error) as never;
    }
  });
}

async function lastAssistantMessage(
  store: NonNullable<AppDeps['sessionStore']>,
  credentials: SessionCredentials,
): Promise<StoredMessage | undefined> {
  const session = await store.get(credentials.sessionId, credentials.sessionToken);
  // Only a reply that is still the last message can be regenerated; after a failed turn there is none to replay.
  const last = session?.messages.at(-1);
  return last?.role === 'assistant' ? last : undefined;
}

/**
 * Which session a turn names: with `x-session-id` (or a body `sessionId`), that session and its token (the older
 * clients' way); otherwise the session keyed on the body's chat `id`, with the token if one was sent.
 */
type TurnCredentials =
  | { kind: 'session'; session: SessionCredentials }
  | { kind: 'chat'; chatId: string; token: string | undefined };

function requestCredentials(c: Context<AppEnv>, body: ChatRequest): TurnCredentials {
  const sessionId = c.req.header('x-session-id') || body.sessionId || undefined;
  const sessionToken = c.req.header('x-session-token') || body.sessionToken || undefined;
  if (sessionId === undefined) return { kind: 'chat', chatId: body.id, token: sessionToken };
  if (sessionToken === undefined) {
    throw new ValidationError('A session id was sent without its token', [
      { path: 'x-session-token', message: 'Required with x-session-id (the token returned when the session started)' },
    ]);
  }
  return { kind: 'session', session: { sessionId, sessionToken } };
}

/** A refused chat-id session as its JSON error (401 no token, 403 wrong token, 404 gone); undefined for other errors. */
function chatSessionRefusal(c: Context<AppEnv>, error: unknown): Response | undefined {
  const requestId = c.get('requestId');
  if (error instanceof SessionTokenRequiredError) {
    return c.json(errorBody(error.code, error.message, error.details, requestId), 401, {
      'WWW-Authenticate': 'SessionToken realm="advisor-chat"',
    });
  }
  if (error instanceof SessionTokenInvalidError) {
    return c.json(errorBody(error.code, error.message, error.details, requestId), 403);
  }
  if (error instanceof ChatSessionGoneError) {
    return c.json(errorBody(error.code, error.message, error.details, requestId), 404);
  }
  return undefined;
}

/** The session named by a chat id (tried first) or a session id, for its owner; undefined otherwise. */
async function findSession(
  store: NonNullable<AppDeps['sessionStore']>,
  id: string,
  token: string | undefined,
): Promise<Session | undefined> {
  return (await store.get(sessionIdForChat(id), token)) ?? (await store.get(id, token));
}

/** The new user message: the last message with role "user", its text parts joined; 400 when empty or over `maxChars`. */
function lastUserMessage(body: ChatRequest, maxChars: number): { id: string; text: string } {
  const index = body.messages.findLastIndex((message) => message.role === 'user');
  const message = body.messages[index];
  if (message === undefined) {
    throw new ValidationError('The request has no user message', [
      { path: 'messages', message: 'Must contain at least one message with role "user"' },
    ]);
  }
  const text = message.parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text ?? '')
    .join('')
    .trim();
  const path = `messages[${index}].parts`;
  if (text === '') {
    throw new ValidationError(`The request is invalid: ${path}: the user message has no text`, [
      { path, message: 'The last user message must have a non-empty text part' },
    ]);
  }
  if (text.length > maxChars) {
    throw new ValidationError(`The request is invalid: ${path}: the message is too long`, [
      { path, message: `The message text is ${text.length} characters; the limit is ${maxChars} (MAX_MESSAGE_CHARS)` },
    ]);
  }
  return { id: message.id, text };
}

/** The session token from `x-session-token` or `Authorization: Bearer <token>`. */
function tokenFrom(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('x-session-token');
  if (header !== undefined && header !== '') return header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

function notFound(c: Context<AppEnv>): Response {
  return c.json(
    errorBody(
      'not_found',
      'Chat session not found (unknown id, or the session token does not match)',
      [],
      c.get('requestId'),
    ),
    404,
  );
}

/** Store failures as JSON: 503 when the store cannot read/write, 500 for a damaged session file; others rethrown. */
function storeErrorResponse(c: Context<AppEnv>, error: unknown): Response {
  if (error instanceof StoreUnavailableError) {
    c.get('logger').error('session store unavailable', { error });
    return c.json(
      // The message names the failed operation and errno, not the file: paths stay in the log line above.
      errorBody(
        'store_unavailable',
        `${withoutPaths(error.message)}. Nothing was saved; retry later.`,
        [],
        c.get('requestId'),
      ),
      503,
      { 'retry-after': '5' },
    );
  }
  if (error instanceof SessionCorruptError) {
    c.get('logger').error('session file corrupt', { error });
    return c.json(
      errorBody(
        'session_corrupt',
        'This chat session cannot be read: its stored file is damaged and was left untouched for an operator. Start a new chat.',
        [],
        c.get('requestId'),
      ),
      500,
    );
  }
  throw error;
}
