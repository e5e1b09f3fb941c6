/**
 * @module Catalog name resolution and a fast alias index for finding model and GPU names in free text.
 */
import { createNameIndex } from '../../knowledge/name-index.ts';
import type { Gpu, Model } from '../../knowledge/schemas.ts';
import type { ExtractionCatalog } from './types.ts';

/**
 * Builds an `ExtractionCatalog` from plain catalog arrays (for tests and tools that have the JSON files but no
 * loaded `Knowledge`). `findModel`/`findGpu` resolve by id, name or alias with the same rules as `Knowledge`
 * (case-, space-, dash-, dot-insensitive; a vendor prefix such as "NVIDIA" is ignored; ambiguous names never match).
 */
export function createExtractionCatalog(data: { models: readonly Model[]; gpus: readonly Gpu[] }): ExtractionCatalog {
  const modelIndex = createNameIndex(data.models);
  const gpuIndex = createNameIndex(data.gpus);
  return {
    models: data.models,
    gpus: data.gpus,
    findModel: (name) => modelIndex.find(name),
    findGpu: (name) => gpuIndex.find(name),
  };
}

/** A catalog name found in the text. */
export interface CatalogMention<T> {
  /** The entry the name resolves to; undefined when several entries share the name (see `candidates`). */
  readonly entry: T | undefined;
  /** Every entry answering to the name (one when resolved; several for a shared alias such as "H100"). */
  readonly candidates: readonly T[];
  /** Offsets in the message, including a vendor prefix and a plural "s" ("NVIDIA A100s"). */
  readonly start: number;
  readonly end: number;
}

/** Scanners over free text, built once per catalog. */
export interface CatalogScanner {
  /** Every model named in `lower` (a lowercased message), longest alias first, left to right. */
  findModels(lower: string): CatalogMention<Model>[];
  /** Every GPU named in `lower`, longest alias first, left to right. */
  findGpus(lower: string): CatalogMention<Gpu>[];
}

const scanners = new WeakMap<ExtractionCatalog, CatalogScanner>();

/** Returns the scanner for `catalog`, building and caching it on first use. */
export function catalogScanner(catalog: ExtractionCatalog): CatalogScanner {
  let scanner = scanners.get(catalog);
  if (!scanner) {
    const models = buildAliasScanner(catalog.models, MODEL_PREFIXES, MODEL_TIER_AFTER);
    const gpus = buildAliasScanner(catalog.gpus, GPU_PREFIXES);
    scanner = { findModels: models, findGpus: gpus };
    scanners.set(catalog, scanner);
  }
  return scanner;
}

/** Words people put before a GPU name that the catalog may not list ("nvidia rtx 4090", "geforce 3090"). */
const GPU_PREFIXES = ['nvidia', 'amd', 'geforce', 'rtx', 'tesla', 'instinct', 'radeon'];
/**
 * A tier word or version right after a model's name that the catalog does not list with it: "GPT-5 mini", "Whisper
 * large-v2", "Mistral 7B v0.3" are other models than the listed ones (the longest alias wins first, so a listed "GPT-4o mini" is matched whole before this applies).
 */
const MODEL_TIER_AFTER = /^[\s-]?(?:mini|nano|lite|micro|v\d+(?:\.\d+)?)\b/;
/** Words people put before a model name ("meta llama 3.1 8b", "openai gpt-4o"). */
const MODEL_PREFIXES = ['meta', 'openai', 'anthropic', 'google', 'mistral ai', 'mistralai', 'microsoft', 'alibaba'];

/** Key used to look a matched alias up: lowercase, without spaces, dashes, underscores and dots. */
export function aliasKey(text: string): string {
  return text.toLowerCase().replace(/[\s._-]+/g, '');
}

interface NamedEntry {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/**
 * Compiles every id, name and alias into one alternation, longest first, so that at each position the longest
 * alias wins ("A100 80GB" before "A100"). Between letter and digit runs any single space, dash or underscore (or
 * none) is accepted ("llama3 8b" = "Llama 3 8B"); a dot inside a version ("3.1") must be typed. Names must stand
 * as whole words: "a10" does not match inside "a10g", "llama 3" does not match inside "llama 3.1".
 * Purely numeric aliases ("4090") only match next to GPU words or counts, see `numericAliasAllowed`.
 */
function buildAliasScanner<T extends NamedEntry>(
  entries: readonly T[],
  prefixes: readonly string[],
  /** Words after a name that make it another, unlisted entry (a model's tier). */
  otherEntryAfter?: RegExp,
): (lower: string) => CatalogMention<T>[] {
  const byKey = new Map<string, T[]>();
  const patterns = new Map<string, number>();
  for (const entry of entries) {
    const names = [entry.id, entry.name, ...entry.aliases];
    const prefixFree = names
      .map((name) => stripPrefix(name.toLowerCase(), prefixes))
      .filter((name) => name !== undefined);
    for (const name of [...names, ...prefixFree]) {
      const key = aliasKey(name);
      if (key.length < 2) continue;
      const existing = byKey.get(key);
      if (!existing) byKey.set(key, [entry]);
      else if (!existing.includes(entry)) existing.push(entry);
      patterns.set(aliasPattern(name), key.length);
    }
  }
  if (patterns.size === 0) return () => [];
  const alternation = [...patterns.entries()]
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
    .map(([pattern]) => pattern)
    .join('|');
  // At most three vendor words ("nvidia geforce rtx 4090"): an unbounded `(…)*` rereads a run of "rtx rtx rtx …"
  // from every offset, which is quadratic in the message length. `[\s-]{1,3}` for the same reason.
  const prefix = `(?:(?:${prefixes.map(escapeRegex).join('|')})[\\s-]{1,3}){0,3}`;
  const scanner = new RegExp(`(?:(?<![a-z0-9.])|(?<=\\dx))${prefix}(${alternation})(?:'?s)?(?![a-z0-9]|\\.\\d)`, 'g');

  return (lower) => {
    const mentions: CatalogMention<T>[] = [];
    scanner.lastIndex = 0;
    for (let match = scanner.exec(lower); match; match = scanner.exec(lower)) {
      const name = match[1]!;
      const key = aliasKey(name);
      const candidates = byKey.get(key);
      if (!candidates) continue;
      const start = match.index;
      const end = match.index + match[0].length;
      // A bare number needs GPU context, unless a vendor word came with it ("RTX 4090").
      if (/^\d+$/.test(key) && match[0].trimStart().startsWith(name) && !numericAliasAllowed(lower, start, end))
        continue;
      if (otherEntryAfter?.test(lower.slice(end, end + 8))) continue;
      mentions.push({ entry: candidates.length === 1 ? candidates[0] : undefined, candidates, start, end });
    }
    return mentions;
  };
}

/** A bare number such as "4090" names a GPU only after a count/article or before "GPU"/"card"/"s". */
function numericAliasAllowed(lower: string, start: number, end: number): boolean {
  const before = lower.slice(Math.max(0, start - 12), start);
  const after = lower.slice(end, end + 8);
  if (/'?s$/.test(lower.slice(start, end))) return true;
  if (/^\s*(?:gpus?|cards?)\b/.test(after)) return true;
  // ("the third 4090 finally arrived", "another 3090", "each 4090": an ordinal or a determiner says a card too.)
  return /(?:\b(?:a|an|one|single|two|three|four|five|six|eight|dual|quad|our|my|the|on|with|second|third|fourth|another|new|extra|spare|each|both)|\d\s*[x×]|\bx|×)\s*$/.test(
    before,
  );
}

function stripPrefix(lowerName: string, prefixes: readonly string[]): string | undefined {
  for (const prefix of prefixes) {
    if (lowerName.startsWith(`${prefix} `) || lowerName.startsWith(`${prefix}-`)) {
      return lowerName.slice(prefix.length + 1);
    }
  }
  return undefined;
}

/** Regex source for one alias: units of letters or digits, flexible separators, dotted versions kept. */
function aliasPattern(name: string): string {
  const units = name.toLowerCase().match(/[a-z]+|\d+(?:\.\d+)*|[^a-z\d\s._-]+/g) ?? [];
  return units
    .map((unit) => (/^\d+(?:\.\d+)+$/.test(unit) ? unit.replaceAll('.', '\\.') : escapeRegex(unit)))
    .join('[\\s_-]?');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
