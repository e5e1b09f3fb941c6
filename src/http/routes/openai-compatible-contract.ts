/**
 * @module http/routes/openai-compatible-contract: the contract of the OpenAI-compatible routes: the Chat Completions
 * request and response schemas (with the advisor's extra `advisor` field), how a request body is read and checked
 * (OpenAI-style 4xx errors naming the parameter), and their OpenAPI documentation. The handlers are in
 * ./openai-compatible.ts.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { DEFAULT_REPLAY_LIMITS, replayedCharacters } from '../../chat/replay-history.ts';
import { Question, Recommendation } from '../../engine/recommendation-schema.ts';
import { Profile } from '../../profile/profile-schema.ts';
import type { App, AppEnv } from '../types.ts';
import { ExplanationPartSchema, FootnoteSourceSchema } from './chat-contract.ts';

/** The one model id the advisor answers to. */
export const ADVISOR_MODEL_ID = 'adaptation-advisor';

/** Most user messages one request may replay (each replays extraction and the engine). */
export const MAX_USER_MESSAGES = DEFAULT_REPLAY_LIMITS.maxMessages;

const ContentPart = z.looseObject({ type: z.string().min(1), text: z.string().optional() });

const ChatMessage = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(ContentPart), z.null()]).optional(),
  name: z.string().optional(),
});

const nullableNumber = z.number().nullable().optional();

/** OpenAI's Chat Completions request. Sampling parameters are accepted (type-checked) and ignored. */
export const ChatCompletionRequest = z
  .looseObject({
    model: z.string().min(1).describe(`Must be "${ADVISOR_MODEL_ID}"`),
    messages: z.array(ChatMessage).min(1).max(1000),
    stream: z.boolean().nullable().optional(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
    n: z.literal(1).nullable().optional().describe('Only 1 is supported'),
    temperature: z.number().min(0).max(2).nullable().optional(),
    top_p: z.number().min(0).max(1).nullable().optional(),
    max_tokens: z.number().int().positive().nullable().optional(),
    max_completion_tokens: z.number().int().positive().nullable().optional(),
    presence_penalty: nullableNumber,
    frequency_penalty: nullableNumber,
    seed: z.number().int().nullable().optional(),
    stop: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional(),
    user: z.string().optional(),
  })
  .meta({
    id: 'ChatCompletionRequest',
    example: {
      model: ADVISOR_MODEL_ID,
      messages: [{ role: 'user', content: 'We want a support bot on our docs; we have 2 A100s. Just recommend.' }],
    },
  });
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

/** The advisor's machine-readable extra field on a completion (and on the final streamed chunk). */
export const AdvisorExtra = z
  .object({
    kind: z.enum(['greeting', 'question', 'recommendation', 'why', 'what-if', 'reset', 'info']),
    provisional: z.boolean(),
    profile: Profile,
    recommendation: Recommendation.optional().describe('For answers, "why" and "what if" turns'),
    question: Question.optional().describe('The one question asked this turn'),
    explanation: ExplanationPartSchema.optional().describe(
      "With an LLM configured, on turns it explains: whether the prose is the LLM's or the rule-only template and why",
    ),
    sources: z
      .array(FootnoteSourceSchema)
      .optional()
      .describe('The numbered footnotes of an answer (the marks [1]… in its text)'),
    suggestions: z
      .array(z.string())
      .optional()
      .describe('Follow-up messages the advisor understands (for quick-reply buttons)'),
  })
  .meta({ id: 'AdvisorExtra' });
export type AdvisorExtra = z.infer<typeof AdvisorExtra>;

const Usage = z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() });

const ChatCompletion = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number(),
        message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
        logprobs: z.null(),
        finish_reason: z.literal('stop'),
      }),
    ),
    usage: Usage.describe('Estimated: ceil(characters / 4)'),
    advisor: AdvisorExtra,
  })
  .meta({ id: 'ChatCompletion' });

const OpenAiError = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string(),
      param: z.string().nullable(),
      code: z.string().nullable(),
    }),
  })
  .meta({ id: 'OpenAiError' });

const ModelObject = z.object({
  id: z.string(),
  object: z.literal('model'),
  created: z.number(),
  owned_by: z.string(),
});
const ModelList = z.object({ object: z.literal('list'), data: z.array(ModelObject) }).meta({ id: 'ModelList' });

/** A request the OpenAI-compatible route refuses, with OpenAI's error fields. */
export class OpenAiRequestError extends Error {
  readonly status: 400 | 404 | 415;
  readonly param: string | null;
  readonly code: string | null;
  constructor(status: 400 | 404 | 415, message: string, param: string | null, code: string | null) {
    super(message);
    this.status = status;
    this.param = param;
    this.code = code;
  }
}

/** application/json, or a +json type; a request without a content-type is read as JSON. */
const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const contentType = c.req.header('content-type');
  if (contentType !== undefined && !JSON_CONTENT_TYPE.test(contentType)) {
    throw new OpenAiRequestError(
      415,
      'Send the body as JSON with content-type: application/json.',
      null,
      'unsupported_media_type',
    );
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new OpenAiRequestError(
      400,
      'We could not parse the JSON body of your request. Send a JSON object with "model" and "messages".',
      null,
      null,
    );
  }
}

export function parseRequest(body: unknown): ChatCompletionRequest {
  const parsed = ChatCompletionRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const param = formatPath(issue.path);
    throw new OpenAiRequestError(
      400,
      `Invalid value for '${param || 'body'}': ${issue.message}`,
      param || null,
      issue.code,
    );
  }
  if (parsed.data.model !== ADVISOR_MODEL_ID) {
    throw new OpenAiRequestError(404, modelNotFoundMessage(parsed.data.model), 'model', 'model_not_found');
  }
  return parsed.data;
}

/**
 * The text of every user message, oldest first; 400 naming the message when one is empty, too long or not text, and
 * 400 when the history has more user messages or characters than one call replays.
 */
export function userTexts(request: ChatCompletionRequest, maxChars: number, maxReplayChars: number): string[] {
  const texts: string[] = [];
  request.messages.forEach((message, index) => {
    if (message.role !== 'user') return;
    if (Array.isArray(message.content)) {
      const partIndex = message.content.findIndex((part) => part.type !== 'text');
      if (partIndex >= 0) {
        throw new OpenAiRequestError(
          400,
          `Only text content is supported; messages[${index}].content[${partIndex}] has type '${message.content[partIndex]!.type}'.`,
          `messages[${index}].content[${partIndex}].type`,
          'unsupported_content_type',
        );
      }
    }
    const text = contentText(message.content).trim();
    if (text === '') {
      throw new OpenAiRequestError(
        400,
        `messages[${index}] is a user message without text.`,
        `messages[${index}].content`,
        'empty_content',
      );
    }
    if (text.length > maxChars) {
      throw new OpenAiRequestError(
        400,
        `messages[${index}].content is ${text.length} characters; the limit is ${maxChars}.`,
        `messages[${index}].content`,
        'string_above_max_length',
      );
    }
    texts.push(text);
  });
  if (texts.length === 0) {
    throw new OpenAiRequestError(
      400,
      'messages must contain at least one user message.',
      'messages',
      'no_user_message',
    );
  }
  if (texts.length > MAX_USER_MESSAGES) {
    throw new OpenAiRequestError(
      400,
      `messages has ${texts.length} user messages; the limit is ${MAX_USER_MESSAGES}. Start a new conversation.`,
      'messages',
      'too_many_messages',
    );
  }
  const replayed = replayedCharacters(texts);
  if (replayed > maxReplayChars) {
    throw new OpenAiRequestError(
      400,
      `The user messages have ${replayed} characters in total; the limit is ${maxReplayChars} (REPLAY_MAX_CHARS), ` +
        'because every call replays the whole history. Start a new conversation, or use POST /v1/chat, which keeps ' +
        'the conversation on the server.',
      'messages',
      'context_length_exceeded',
    );
  }
  return texts;
}

export function contentText(content: z.infer<typeof ChatMessage>['content']): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .filter((part) => part.type === 'text')
      .map((part) => part.text ?? '')
      .join('');
  }
  return '';
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

export function modelNotFoundMessage(model: string): string {
  return `The model '${model}' does not exist. This server has one model: '${ADVISOR_MODEL_ID}' (see GET /v1/models).`;
}

/** Documents the OpenAI-compatible routes in the OpenAPI registry (they are plain Hono routes). */
export function documentRoutes(app: App): void {
  const errors = {
    400: {
      description: 'Invalid request (OpenAI error shape)',
      content: { 'application/json': { schema: OpenAiError } },
    },
    404: { description: 'Unknown model', content: { 'application/json': { schema: OpenAiError } } },
  };
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/v1/chat/completions',
    tags: ['openai-compatible'],
    summary: 'OpenAI-compatible Chat Completions (stateless; resend the history to continue)',
    description:
      'The profile is re-derived from every user message on each call. `stream: true` gives OpenAI-style ' +
      '`chat.completion.chunk` server-sent events ending with `data: [DONE]`. The extra top-level field `advisor` ' +
      '(on the completion, and on the last choice chunk when streaming) holds the profile, the recommendation and ' +
      'the question. `usage` is estimated as ceil(characters / 4). Sampling parameters are accepted and ignored. ' +
      'With an LLM configured, the last few user messages are also read by the LLM (merged under the rule ' +
      'extractor), and answers, "why" and "what if" turns stream the LLM explanation after a template lead; ' +
      "`advisor.explanation` says whether the prose is the LLM's or the template (with `fallbackReason`). If streamed " +
      'LLM text fails the engine check, a paragraph starting with "Correction:" withdraws it. Closing the connection ' +
      'cancels the upstream LLM call.',
    request: { body: { required: true, content: { 'application/json': { schema: ChatCompletionRequest } } } },
    responses: {
      200: {
        description: 'A completion, or with `stream: true` a text/event-stream of chunks',
        content: { 'application/json': { schema: ChatCompletion }, 'text/event-stream': { schema: z.string() } },
      },
      ...errors,
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/v1/models',
    tags: ['openai-compatible'],
    summary: 'The models this server answers to (one: adaptation-advisor)',
    responses: { 200: { description: 'OpenAI list format', content: { 'application/json': { schema: ModelList } } } },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/v1/models/{id}',
    tags: ['openai-compatible'],
    summary: 'One model',
    request: { params: z.object({ id: z.string() }) },
    responses: {
      200: { description: 'The model', content: { 'application/json': { schema: ModelObject } } },
      404: errors[404],
    },
  });
}

/** The request's user and assistant messages as text, oldest first (system and tool messages are left out). */
export function conversationOf(request: ChatCompletionRequest): { role: 'user' | 'assistant'; text: string }[] {
  return request.messages.flatMap((message) =>
    message.role === 'user' || message.role === 'assistant'
      ? [{ role: message.role, text: contentText(message.content).trim() }]
      : [],
  );
}
