/**
 * @module Merging what a turn understood into what the conversation knows. A single-valued field takes the newer
 * value; a list field (goals, what was tried) gains the new items, so "the answers must cite sources" after "it
 * has to run on the phone" keeps both goals. A corrected list field ("actually, only cost matters") is replaced.
 */
import type { Profile, ProfileField } from '../../profile/profile-schema.ts';

/** Fields whose value is a list of items that later messages add to. */
export const LIST_FIELDS: ReadonlySet<ProfileField> = new Set<ProfileField>(['goals', 'tried']);

/** One list item's identity: a goal by its name, a tried entry by its method (a later result replaces it). */
function itemKey(field: ProfileField, item: unknown): string {
  if (field === 'tried' && typeof item === 'object' && item !== null)
    return String((item as { method: unknown }).method);
  return JSON.stringify(item);
}

/**
 * Fields that describe another field's thing: a new GPU brings its own memory, a new model its own size, access and
 * stage. When the thing changes and the turn does not restate them, the old values go (the catalog or a question
 * supplies the new ones): "we replaced the A6000 with 2 H100s" must not keep the A6000's 48 GB.
 */
const DESCRIBES: Partial<Record<ProfileField, readonly ProfileField[]>> = {
  gpuName: ['gpuMemoryGB'],
  modelName: ['modelParamsB', 'modelAccess', 'modelStage'],
};

/**
 * `previous` with `fields` applied: single values replaced, list values merged (a later item with the same key
 * wins), list fields named in `corrected` replaced outright.
 */
export function mergeProfile(
  previous: Partial<Profile>,
  fields: Partial<Profile>,
  corrected: readonly ProfileField[] = [],
): Partial<Profile> {
  const merged: Record<string, unknown> = { ...previous };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const field = name as ProfileField;
    const before = previous[field];
    if (!LIST_FIELDS.has(field) || !Array.isArray(before) || !Array.isArray(value) || corrected.includes(field)) {
      merged[field] = value;
      continue;
    }
    const items = new Map<string, unknown>();
    for (const item of [...before, ...value]) items.set(itemKey(field, item), item);
    merged[field] = [...items.values()];
  }
  // A vision-language model reads images: "12,000 image + instruction triples" does not make it an image model.
  if (previous.modality === 'vision-language' && fields.modality === 'image' && !corrected.includes('modality'))
    merged.modality = 'vision-language';
  for (const [thing, described] of Object.entries(DESCRIBES) as [ProfileField, readonly ProfileField[]][]) {
    const now = fields[thing];
    if (now === undefined || previous[thing] === undefined || now === previous[thing]) continue;
    for (const field of described) if (fields[field] === undefined) delete merged[field];
  }
  return merged as Partial<Profile>;
}
