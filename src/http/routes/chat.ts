/**
 * @module http/routes/chat: the chat widget's endpoints. `POST /v1/chat` speaks the AI SDK UI-message-stream protocol
 * (the body `DefaultChatTransport` sends; the stream `useChat` / `readUIMessageStream` read); `GET` and `DELETE
 * /v1/chat/{id}` show or remove a session's history for its owner.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
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
import { recommendationFor, storedReplyEnvelope } from '../../chat/reply-stored.ts';
import type { TurnOptions } from '../../chat/run-turn.ts';
import { recommend as engineRecommend } from '../../engine/recommend.ts';
import { Question, Recommendation } from '../../engine/recommendation-schema.ts';
import { ValidationError } from '../../errors.ts';
import { Profile } from '../../profile/profile-schema.ts';
import type { Session, StoredMessage } from '../../store/session-schema.ts';
import { sessionIdForChat } from '../../store/session-token.ts';
import { SessionCorruptError, StoreUnavailableError } from '../../store/store-errors.ts';
import { historyUIMessages } from '../encoders/ai-sdk-ui-history.ts';
import { type AdvisorUIMessage, uiMessageStreamResponse } from '../encoders/ai-sdk-ui-stream.ts';
import { ErrorResponse, errorBody } from '../error-body.ts';
import { errorResponses, jsonResponse } from '../openapi-helpers.ts';
import { withoutPaths } from '../redact-paths.ts';
import type { App, AppDeps, AppEnv, RouteModule } from '../types.ts';

/** The `data-session` payload (transient): the session to send back next turn (also in the response headers). */
export const SessionPartSchema = z
  .object({
    sessionId: z.string(),
    chatId: z
      .string()
      .optional()
      .describe('The chat id the session is keyed on (absent for sessions named by x-session-id)'),
    sessionToken: z
      .string()
      .optional()
      .describe('Only in the turn that created the session: keep it, it is never shown again'),
  })
  .meta({ id: 'ChatSessionPart' });
export type SessionPartData = z.infer<typeof SessionPartSchema>;

const Understood = z.enum(['rules', 'llm']);

/** The `data-profile` payload: the profile so far, what this message added, and which words each value came from. */
export const ProfilePartSchema = z
  .object({
    profile: Profile,
    understood: z.array(
      z.object({
        field: z.string(),
        value: z.unknown(),
        text: z.string().describe("The user's words the value came from"),
        by: Understood,
        corrected: z.boolean().describe('The message corrected an earlier value ("actually 3 GPUs")'),
      }),
    ),
    evidence: z.record(z.string(), z.object({ text: z.string(), by: Understood })),
  })
  .meta({ id: 'ChatProfilePart' });

/**
 * The `data-explanation` part (turns explained by the LLM): whether the prose came from the LLM or the template,
 * why the template was used, and whether streamed LLM text was withdrawn (shown after it as a `Correction:` part).
 */
export const ExplanationPartSchema = z
  .object({
    source: z.enum(['template', 'llm']),
    fallbackReason: z.string().optional(),
    replacesStreamedText: z
      .boolean()
      .describe('True when the first text part holds withdrawn LLM text; the second text part replaces it'),
  })
  .meta({ id: 'ChatExplanationPart' });

/** `messageMetadata` of each assistant message (on the `start` chunk). */
export const AdvisorMessageMetadataSchema = z
  .object({
    kind: z.enum(['greeting', 'question', 'recommendation', 'why', 'what-if', 'reset', 'info']),
    provisional: z.boolean().describe('The answer rests on assumptions because questions were left open'),
    createdAt: z.string().optional().describe('When the reply was stored (in GET /v1/chat/{id} only)'),
  })
  .meta({ id: 'ChatMessageMetadata' });
export type AdvisorMessageMetadata = z.infer<typeof AdvisorMessageMetadataSchema>;

/** The `data-suggestions` payload: follow-up messages the advisor understands, for quick-reply buttons. */
export const SuggestionsPartSchema = z.object({ suggestions: z.array(z.string()) }).meta({ id: 'ChatSuggestionsPart' });

/**
 * Zod schemas of the advisor's data parts, for the AI SDK client's `dataPartSchemas` option (validates every part)
 * and `messageMetadataSchema`: `useChat<AdvisorUIMessage>({ dataPartSchemas: advisorDataPartSchemas, ... })`.
 */
export const advisorDataPartSchemas = {
  session: SessionPartSchema,
  profile: ProfilePartSchema,
  recommendation: Recommendation,
  question: Question,
  explanation: ExplanationPartSchema,
  suggestions: SuggestionsPartSchema,
};

/** The UI message type of the advisor's chat, for `useChat<AdvisorUIMessage>` and `readUIMessageStream`. */
export type { AdvisorUIMessage };
export { historyUIMessages };

const TextPart = z.looseObject({
  type: z.string().min(1),
  text: z.string().optional().describe('Present on text parts'),
});

const ChatUIMessage = z.looseObject({
  id: z.string().max(200),
  role: z.enum(['system', 'user', 'assistant']),
  parts: z.array(TextPart).max(1000),
  metadata: z.unknown().optional(),
});

/** What `DefaultChatTransport` sends. Unknown top-level keys (the transport's `body` option) are allowed. */
export const ChatRequest = z
  .looseObject({
    id: z.string().min(1).max(200).describe("The client's chat id (not the session id)"),
    messages: z
      .array(ChatUIMessage)
      .min(1)
      .max(1000)
      .describe('The conversation; the last user message is the new one'),
    trigger: z.enum(['submit-message', 'regenerate-message']),
    messageId: z.string().max(200).optional(),
    sessionId: z
      .string()
      .max(200)
      .optional()
      .describe('Alternative to the x-session-id header (sessions are keyed on `id` when neither is sent)'),
    sessionToken: z.string().max(200).optional().describe('Alternative to the x-session-token header'),
  })
  .meta({
    id: 'ChatRequest',
    example: {
      id: 'chat-1',
      trigger: 'submit-message',
      messages: [
        { id: 'm1', role: 'user', parts: [{ type: 'text', text: 'We want to build a support bot on our docs' }] },
      ],
    },
  });
type ChatRequest = z.infer<typeof ChatRequest>;

const SessionHeaders = z.object({
  'x-session-id': z
    .string()
    .optional()
    .describe('Optional: a session id from a previous turn; without it the session is keyed on the body `id`'),
  'x-session-token': z
    .string()
    .optional()
    .describe('The owner token returned by the first turn; required on every later turn'),
});

/** One restored message: the AI SDK `UIMessage` shape `useChat({ messages })` takes. */
const HistoryUIMessage = z
  .object({
    id: z.string(),
    role: z.enum(['user', 'assistant']),
    metadata: AdvisorMessageMetadataSchema.optional().describe('Assistant messages only'),
    parts: z.array(
      z.looseObject({
        type: z
          .string()
          .describe('"text", or a data part: "data-profile", "data-recommendation", "data-question", ...'),
        text: z.string().optional(),
        state: z.literal('done').optional(),
        data: z.unknown().optional(),
      }),
    ),
  })
  .meta({ id: 'ChatHistoryMessage' });

export const ChatHistoryResponse = z
  .object({
    id: z.string().describe('The session id'),
    createdAt: z.string(),
    updatedAt: z.string(),
    profile: Profile,
    messages: z
      .array(HistoryUIMessage)
      .describe(
        'The conversation as AI SDK UIMessage[] (pass it to useChat as `messages`). Assistant messages carry their ' +
          'text, data-profile, data-explanation and data-question parts; only the latest answer carries its ' +
          'data-recommendation (recomputed from the stored profile: each is tens of kilobytes).',
      ),
  })
  .meta({ id: 'ChatHistory' });

const SessionIdParam = z.object({
  id: z
    .string()
    .max(200)
    .describe('The chat id the session is keyed on (the AI SDK chat `id`), or the session id')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'Vx3o1p9mQyW2k8T0aBcDeF' }),
});

const TokenHeaders = z.object({
  'x-session-token': z.string().optional().describe('The session token'),
  authorization: z.string().optional().describe('Alternatively `Bearer <session token>`'),
});

const postRoute = createRoute({
  method: 'post',
  path: '/v1/chat',
  tags: ['chat'],
  summary: 'One chat turn, streamed as an AI SDK UI message stream',
  description:
    'Send what `DefaultChatTransport` / `useChat` sends. The session is keyed on the body `id` (the AI SDK chat id): ' +
    'the first turn on a new id creates it and returns its owner token in the `x-session-token` response header and ' +
    'in a transient `data-session` part `{ sessionId, chatId, sessionToken }`; every later turn on that id must send ' +
    'the token (`x-session-token` header or `sessionToken` in the body): without it the answer is 401 ' +
    '`session_token_required`, with a wrong one 403 `session_token_invalid`, and a token for an id whose session ' +
    'expired or was deleted gets 404 `session_not_found` (start a new chat id). A new session is never started ' +
    'silently. Older clients may instead name the session with `x-session-id` + `x-session-token` (or `sessionId` + ' +
    '`sessionToken` in the body). The stream carries: `start` (messageId, messageMetadata {kind, provisional}), `data-session`, ' +
    '`data-profile`, text (`text-start`, `text-delta`…, `text-end`), `data-recommendation` (answers, "why" and ' +
    '"what if"), `data-question` (when asking), `data-suggestions` `{ suggestions }` (follow-ups the advisor ' +
    'understands, for quick-reply buttons), `finish`; text comes in sections (lead, answer, notes), or as the LLM writes it. The user message and the reply are persisted before the ' +
    'stream starts; if the engine fails the user message is kept and the stream carries an `error` chunk. Any ' +
    'failure after the stream started is an `error` chunk with a generic message and the request id (the cause is ' +
    'logged with that id, never sent). ' +
    'With an LLM configured (see /readyz `llm`), answers, "why" and "what if" turns stream the LLM\'s explanation ' +
    'after a one-line template lead, and a `data-explanation` part `{ source, fallbackReason?, replacesStreamedText }` ' +
    'follows the text: on any LLM fault the text is the rule-only template; if LLM text was already streamed, a ' +
    'second text part starting with "Correction:" withdraws it and gives the template explanation. The stored reply ' +
    'is always the truthful final text. Question turns never call the LLM for text. Closing the connection cancels ' +
    'the upstream LLM call. ' +
    '`trigger: "regenerate-message"` re-sends the stored last reply (rule-only answers are deterministic) and stores nothing.',
  request: {
    headers: SessionHeaders,
    body: { required: true, content: { 'application/json': { schema: ChatRequest } } },
  },
  responses: {
    200: {
      description: 'Server-sent events, one UI message chunk per `data:` line, ending with `data: [DONE]`',
      headers: z.object({
        'x-vercel-ai-ui-message-stream': z.string().describe('v1'),
        'x-session-id': z.string(),
        'x-session-token': z.string().optional().describe('Only when the session was created by this request'),
      }),
      content: { 'text/event-stream': { schema: z.string() } },
    },
    401: jsonResponse(ErrorResponse, 'session_token_required: the chat id has a session and no token was sent'),
    403: jsonResponse(ErrorResponse, 'session_token_invalid: the token is not the owner token of this chat session'),
    ...errorResponses(400, 404, 413, 415, 500),
    503: jsonResponse(ErrorResponse, 'The session store cannot write (nothing was saved); retry later'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/chat/{id}',
  tags: ['chat'],
  summary: "A chat session's profile and messages as AI SDK UIMessage[] (owner only)",
  description:
    'Needs the session token (`x-session-token`, or `Authorization: Bearer <token>`). `{id}` is the chat id (the ' +
    'AI SDK chat `id` the session is keyed on) or the session id. `messages` is `UIMessage[]`: restore a chat with ' +
    '`useChat({ id, messages })`. An unknown id and a wrong token get the same 404.',
  request: { params: SessionIdParam, headers: TokenHeaders },
  responses: {
    200: jsonResponse(ChatHistoryResponse, 'The session, messages in order'),
    ...errorResponses(404, 500),
    503: jsonResponse(ErrorResponse, 'The session store cannot read'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/v1/chat/{id}',
  tags: ['chat'],
  summary: 'Delete a chat session (owner only)',
  request: { params: SessionIdParam, headers: TokenHeaders },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses(404, 500),
    503: jsonResponse(ErrorResponse, 'The session store cannot write'),
  },
});

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
          const recommendation = recommendationFor(previous, (profile) => recommend(profile, deps.knowledge));
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
          messages: historyUIMessages(session.messages, (profile) => recommend(profile, deps.knowledge)),
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
