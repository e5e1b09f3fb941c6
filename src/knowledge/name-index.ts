import { baseName, editDistance, normalizeName } from './normalize-name.ts';

/** The names an entry answers to. */
export interface NamedEntry {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Vendor, e.g. "NVIDIA" or "Meta": "nvidia h100" and "h100" both resolve. */
  readonly vendor?: string;
}

export interface NameIndex<T> {
  /**
   * Resolves a user-supplied name. Order: exact id/name/alias (case-insensitive), then normalised
   * (spaces, dashes, underscores, dots, "org/" ignored), then the base name (variant suffixes such as
   * "-Instruct" ignored), then the same without a leading vendor word. Keys shared by several entries at a
   * loose level are ambiguous and never match (no silent guess).
   */
  find(query: string): T | undefined;
  /** Up to `limit` display names close to `query`, best first (for "did you mean" messages). */
  suggest(query: string, limit?: number): string[];
}

/** Builds a lookup over catalog entries. Pure; the maps are private to the returned object. */
export function createNameIndex<T extends NamedEntry>(entries: readonly T[]): NameIndex<T> {
  const exact = new Map<string, T>();
  const normalised = new Map<string, T>();
  const loose = new Map<string, T | null>(); // null = ambiguous
  const vendorPrefixes = new Set<string>();

  const addLoose = (key: string, entry: T) => {
    if (key === '') return;
    const existing = loose.get(key);
    if (existing === undefined) loose.set(key, entry);
    else if (existing !== entry) loose.set(key, null);
  };

  for (const entry of entries) {
    const vendor = entry.vendor ? normalizeName(entry.vendor) : '';
    if (vendor !== '') vendorPrefixes.add(vendor);
    for (const name of [entry.id, entry.name, ...entry.aliases]) {
      const lowered = name.trim().toLowerCase();
      if (!exact.has(lowered)) exact.set(lowered, entry);
      const key = normalizeName(name);
      if (!normalised.has(key)) normalised.set(key, entry);
      const base = baseName(name);
      addLoose(base, entry);
      if (vendor !== '' && base.startsWith(vendor)) addLoose(base.slice(vendor.length), entry);
    }
  }

  const lookupLoose = (key: string): T | undefined => loose.get(key) ?? undefined;

  return {
    find(query) {
      const trimmed = query.trim();
      if (trimmed === '') return undefined;
      const hit = exact.get(trimmed.toLowerCase()) ?? normalised.get(normalizeName(trimmed));
      if (hit) return hit;
      const base = baseName(trimmed);
      const looseHit = lookupLoose(base);
      if (looseHit) return looseHit;
      for (const vendor of vendorPrefixes) {
        if (base.startsWith(vendor) && base.length > vendor.length) {
          const stripped = lookupLoose(base.slice(vendor.length));
          if (stripped) return stripped;
        }
      }
      return undefined;
    },
    suggest(query, limit = 3) {
      const target = baseName(query);
      if (target === '') return [];
      const scored: { name: string; score: number }[] = [];
      for (const entry of entries) {
        let best = Number.POSITIVE_INFINITY;
        for (const name of [entry.id, entry.name, ...entry.aliases]) {
          const candidate = baseName(name);
          const contains =
            target.length >= 3 && candidate.length >= 3 && (candidate.includes(target) || target.includes(candidate));
          const distance = contains ? 0.5 : editDistance(target, candidate);
          best = Math.min(best, distance);
        }
        const threshold = Math.max(2, Math.floor(target.length * 0.4));
        if (best <= threshold) scored.push({ name: entry.name, score: best });
      }
      scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
      return scored.slice(0, limit).map((item) => item.name);
    },
  };
}
