/** Shared helpers for the extractor unit tests: run one extractor over a message with the fixture catalog. */
import { prepareMessage } from '../../../src/chat/extract/prepare-message.ts';
import type { Extractor } from '../../../src/chat/extract/types.ts';
import type { Profile } from '../../../src/profile/profile-schema.ts';
import { fixtureCatalog } from './fixture-catalog.ts';

/** The fields one extractor finds in `message`, the last statement winning, as extractProfile would merge them. */
export function run(extractor: Extractor, message: string, today?: string): Partial<Profile> {
  const findings = extractor(prepareMessage(message), { catalog: fixtureCatalog, today });
  const fields: Record<string, unknown> = {};
  for (const item of [...findings].sort((a, b) => a.start - b.start)) fields[item.field] = item.value;
  return fields as Partial<Profile>;
}
