/** @module store/session-schema: the persisted chat session, validated on every read from disk and before every write. */
import { z } from 'zod';
import { Profile } from '../profile/profile-schema.ts';

/** A session id: 128 random bits in base64url without padding, always exactly 22 characters. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** An owner token: 256 random bits in base64url without padding, always exactly 43 characters. */
export const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The current on-disk format version. A file with another version fails validation (reported as corrupt). */
export const SESSION_FORMAT_VERSION = 1;

const isoDateTime = z.iso.datetime({ offset: true });

/** One chat message as stored. `parts` holds typed data parts (e.g. `data-recommendation`) as sent to the client. */
export const StoredMessage = z
  .object({
    id: z.string().min(1).max(200),
    role: z.enum(['user', 'assistant']),
    text: z.string(),
    createdAt: isoDateTime,
    parts: z.array(z.unknown()).optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type StoredMessage = z.infer<typeof StoredMessage>;

/**
 * A stored session. `tokenHash` is the hex sha256 of the owner token; the token itself is never stored.
 * `updatedAt` drives TTL pruning. Unknown keys are rejected so a hand-edited or foreign file is reported, not guessed at.
 */
export const Session = z
  .object({
    id: z.string().regex(SESSION_ID_PATTERN),
    tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    profile: Profile,
    requestedField: z.string().min(1).max(200).optional(),
    questionsAsked: z.number().int().min(0),
    messages: z.array(StoredMessage),
    /**
     * The chat layer's dialogue state (evidence, skipped fields, ...), opaque to the store: the chat layer validates
     * it when reading and falls back to a fresh state built from `profile` when it is missing or invalid.
     */
    dialogue: z.record(z.string(), z.unknown()).optional(),
    version: z.literal(SESSION_FORMAT_VERSION),
  })
  .strict();
export type Session = z.infer<typeof Session>;

/** True when `id` has the exact shape of a session id; anything else (path separators, dots, wrong length) is false. */
export function isValidSessionId(id: unknown): id is string {
  return typeof id === 'string' && SESSION_ID_PATTERN.test(id);
}
