/**
 * @module What both session stores (files, PostgreSQL) do to a record before they write it: a new message gets its
 * id and time, and the whole session is validated after a JSON round trip (so `parts`/`meta` values JSON cannot
 * represent, such as a BigInt, are refused before anything is written, and what is cached equals what is stored).
 */
import { z } from 'zod';
import { Session, type StoredMessage } from './session-schema.ts';
import type { NewMessage } from './session-store.ts';
import { newMessageId } from './session-token.ts';
import { SessionValidationError } from './store-errors.ts';

export function toStoredMessage(message: NewMessage, timestamp: string): StoredMessage {
  const stored: StoredMessage = {
    id: message.id ?? newMessageId(),
    role: message.role,
    text: message.text,
    createdAt: message.createdAt ?? timestamp,
  };
  if (message.parts !== undefined) stored.parts = message.parts;
  if (message.meta !== undefined) stored.meta = message.meta;
  return stored;
}

export function validateOrThrow(id: string, candidate: unknown): Session {
  return validateForWrite(id, candidate).session;
}

/** A validated session and its JSON text (what is written): one serialisation serves the check and the write. */
export interface ValidatedSession {
  session: Session;
  /** `JSON.stringify` of the candidate; the schema has no transforms or defaults, so it also serialises `session`. */
  text: string;
}

/** {@link validateOrThrow} that also returns the JSON text, so the caller neither serialises nor clones again. */
export function validateForWrite(id: string, candidate: unknown): ValidatedSession {
  let text: string;
  let plain: unknown;
  try {
    text = JSON.stringify(candidate);
    plain = JSON.parse(text);
  } catch (error) {
    throw new SessionValidationError(id, 'the session is not JSON-serialisable', error);
  }
  const parsed = Session.safeParse(plain);
  if (!parsed.success) throw new SessionValidationError(id, z.prettifyError(parsed.error), parsed.error);
  return { session: parsed.data, text };
}
