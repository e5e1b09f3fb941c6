/**
 * @module http/routes/chat-contract: the contract of the chat routes: the request body `DefaultChatTransport` sends,
 * the data parts of the UI-message stream (with zod schemas a client can pass to `useChat({ dataPartSchemas })`),
 * the history `GET /v1/chat/{id}` returns, and the OpenAPI route definitions. The handlers are in ./chat.ts.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Question, Recommendation } from '../../engine/recommendation-schema.ts';
import { Profile } from '../../profile/profile-schema.ts';
import type { AdvisorUIMessage } from '../encoders/ai-sdk-ui-stream.ts';
import { ErrorResponse } from '../error-body.ts';
import { errorResponses, jsonResponse } from '../openapi-helpers.ts';

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

/** One numbered footnote of an answer. */
export const FootnoteSourceSchema = z
  .object({
    n: z.number().int().describe('The number of its mark [n] in the text'),
    id: z.string().describe('The source id (GET /v1/sources)'),
    title: z.string(),
    year: z.number().int().optional(),
    url: z.string().optional(),
  })
  .meta({ id: 'ChatFootnoteSource' });

/** The `data-sources` payload: the numbered footnotes of an answer, as data. */
export const SourcesPartSchema = z.object({ sources: z.array(FootnoteSourceSchema) }).meta({ id: 'ChatSourcesPart' });

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
  sources: SourcesPartSchema,
};

/** The UI message type of the advisor's chat, for `useChat<AdvisorUIMessage>` and `readUIMessageStream`. */
export type { AdvisorUIMessage };

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
export type ChatRequest = z.infer<typeof ChatRequest>;

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

export const postRoute = createRoute({
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
    '"what if"), `data-question` (when asking), `data-sources` `{ sources: [{ n, id, title, year, url }] }` (the ' +
    'numbered footnotes of an answer), `data-suggestions` `{ suggestions }` (follow-ups the advisor ' +
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

export const getRoute = createRoute({
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

export const deleteRoute = createRoute({
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
