/**
 * @module http/security/replay-cost: what a stateless chat call costs against the per-client rate limit.
 * `POST /v1/chat/completions` replays every user message of the history it is sent through extraction and the
 * engine, so one call can do the work of many; it is counted as that many requests.
 */
import type { Context } from 'hono';

/** Replayed characters that count as one request: one full message of the default MAX_MESSAGE_CHARS. */
export const REPLAY_CHARACTERS_PER_REQUEST = 4000;
/** Replayed user messages that count as one request (each runs a dialogue turn through the engine). */
export const REPLAY_MESSAGES_PER_REQUEST = 20;

/**
 * How many requests a `POST /v1/chat/completions` counts as: one per started {@link REPLAY_CHARACTERS_PER_REQUEST}
 * characters or {@link REPLAY_MESSAGES_PER_REQUEST} user messages it replays, whichever is more; at least 1. Other
 * requests, and bodies that are not a chat completion request, count as 1 (the route refuses those itself). Characters
 * above `maxReplayCharacters` are not charged: such a history is refused with 400 before any replay.
 * @example
 * // 10 user messages of 4,000 characters → 10; 100 messages of 20 characters → 5
 */
export async function replayRequestCost(
  c: Context,
  peekBody: (c: Context) => Promise<unknown>,
  maxReplayCharacters: number,
): Promise<number> {
  if (c.req.method !== 'POST' || c.req.path !== '/v1/chat/completions') return 1;
  const body = await peekBody(c);
  const messages = typeof body === 'object' && body !== null ? (body as { messages?: unknown }).messages : undefined;
  if (!Array.isArray(messages)) return 1;
  let userMessages = 0;
  let characters = 0;
  for (const message of messages) {
    if (typeof message !== 'object' || message === null || (message as { role?: unknown }).role !== 'user') continue;
    userMessages++;
    characters += textLength((message as { content?: unknown }).content);
  }
  const replayed = Math.min(characters, maxReplayCharacters);
  return Math.max(
    1,
    Math.ceil(replayed / REPLAY_CHARACTERS_PER_REQUEST),
    Math.ceil(userMessages / REPLAY_MESSAGES_PER_REQUEST),
  );
}

/** Characters of a message's content: a string, or the text parts of an array. */
function textLength(content: unknown): number {
  if (typeof content === 'string') return content.length;
  if (!Array.isArray(content)) return 0;
  let length = 0;
  for (const part of content) {
    const text = typeof part === 'object' && part !== null ? (part as { text?: unknown }).text : undefined;
    if (typeof text === 'string') length += text.length;
  }
  return length;
}
