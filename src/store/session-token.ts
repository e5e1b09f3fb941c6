/** @module store/session-token: random session ids and owner tokens, and constant-time token checks. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SESSION_TOKEN_PATTERN } from './session-schema.ts';

/** A new session id: 128 random bits, base64url (22 characters). */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The session id of a client-chosen chat id (the AI SDK chat `id`): the first 22 base64url characters of
 * sha256("advisor-chat:" + chatId), so any chat id (up to 200 characters, any characters) maps to a valid session id
 * and a file name, and one chat id always names the same session. Who owns it is still decided by the token.
 */
export function sessionIdForChat(chatId: string): string {
  return createHash('sha256').update(`advisor-chat:${chatId}`, 'utf8').digest('base64url').slice(0, 22);
}

/** A new owner token: 256 random bits, base64url (43 characters). Shown to the owner once, never stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new message id: 96 random bits, base64url (16 characters). */
export function newMessageId(): string {
  return randomBytes(12).toString('base64url');
}

/** The hex sha256 of a token: what the session file stores instead of the token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// Compared against when there is no real hash (unknown session), so both paths do the same hashing and comparing work.
const DUMMY_HASH = hashSessionToken('no session has this token');

/**
 * True when `token` hashes to `tokenHash`. The comparison is constant-time over the digests
 * (`crypto.timingSafeEqual`); a missing or malformed token is false after the same amount of hashing work.
 * @param tokenHash the stored hex sha256, or undefined when the session does not exist (always false).
 */
export function verifySessionToken(token: unknown, tokenHash: string | undefined): boolean {
  const wellFormed = typeof token === 'string' && SESSION_TOKEN_PATTERN.test(token);
  const presented = createHash('sha256')
    .update(wellFormed ? token : '', 'utf8')
    .digest();
  const expected = Buffer.from(tokenHash ?? DUMMY_HASH, 'hex');
  if (expected.length !== presented.length) return false;
  const equal = timingSafeEqual(presented, expected);
  return equal && wellFormed && tokenHash !== undefined;
}
