/** @module An extraction with some of its fields left out, their words with them. Pure. */
import type { ProfileField } from '../../profile/profile-schema.ts';
import type { Extraction } from './types.ts';

/** `extraction` without `fields` (and the words each came from): what the message said of them is not kept. */
export function withoutFields<T extends Pick<Extraction, 'fields' | 'evidence'>>(
  extraction: T,
  fields: readonly ProfileField[],
): T {
  if (!fields.some((field) => field in extraction.fields)) return extraction;
  const kept: Record<string, unknown> = { ...extraction.fields };
  const evidence: Record<string, string | undefined> = { ...extraction.evidence };
  for (const field of fields) {
    delete kept[field];
    delete evidence[field];
  }
  return { ...extraction, fields: kept as T['fields'], evidence };
}
