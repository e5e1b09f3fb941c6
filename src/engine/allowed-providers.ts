import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Model, Provider } from '../knowledge/schemas.ts';

/**
 * @module The outside vendors and clouds a team may use (profile `allowedProviders`: "Azure is our only approved
 * cloud"). The engine sees the provider catalog narrowed to them, so every channel it offers (a provider's tuning
 * job, a hosted trainer, an API model to move to) is one the team may use, and a GPU is hired only where an allowed
 * cloud platform or open-model host hires one out. The named model itself is never ruled out by it: the catalog does not list every channel a
 * model is served on (a model the team already runs is reachable to them). Pure.
 */

/** The allowed providers resolved against the catalog. */
export interface ProviderScope {
  /** Catalog ids of the providers named. */
  readonly ids: ReadonlySet<string>;
  /**
   * Names that are no catalog provider ("IBM watsonx", "CoreWeave"): they rule no catalog offering in (a cached view
   * keeps the names of the first caller with its scope).
   */
  readonly unknown: readonly string[];
}

const normalise = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[\s._-]+/g, ' ')
    .trim();

const nameIndexes = new WeakMap<readonly Provider[], ReadonlyMap<string, string>>();

/** Provider ids by normalised id, name and alias, built once per catalog. */
function nameIndex(providers: readonly Provider[]): ReadonlyMap<string, string> {
  const cached = nameIndexes.get(providers);
  if (cached) return cached;
  const byName = new Map<string, string>();
  for (const provider of providers)
    for (const name of [provider.id, provider.name, ...(provider.aliases ?? [])])
      byName.set(normalise(name), provider.id);
  nameIndexes.set(providers, byName);
  return byName;
}

/** Resolves provider names (id, name or alias, case- and spacing-insensitive) to catalog ids. */
export function resolveProviderScope(names: readonly string[], providers: readonly Provider[]): ProviderScope {
  const byName = nameIndex(providers);
  const ids = new Set<string>();
  const unknown: string[] = [];
  for (const name of names) {
    const id = byName.get(normalise(name));
    if (id === undefined) unknown.push(name);
    else ids.add(id);
  }
  return { ids, unknown };
}

const viewsByKnowledge = new WeakMap<Knowledge, Map<string, Knowledge>>();
const scopeOfView = new WeakMap<Knowledge, ProviderScope>();
const baseOfView = new WeakMap<Knowledge, Knowledge>();

/**
 * The knowledge as a team limited to `allowed` providers sees it: only those providers' offerings. Unset or empty
 * `allowed`: the knowledge itself. A view of a view is taken from the full catalog. Views are cached per knowledge and
 * resolved scope (the catalog ids, and whether any name is unknown), so their number is bounded by the catalog
 * whatever names callers send; the estimator and offering indexes built on them are cached per object too.
 */
export function withinAllowedProviders(knowledge: Knowledge, allowed: readonly string[] | undefined): Knowledge {
  const base = baseOfView.get(knowledge) ?? knowledge;
  if (allowed === undefined || allowed.length === 0) return base;
  const resolved = resolveProviderScope(allowed, base.providers);
  const key = `${[...resolved.ids].sort().join('|')}${resolved.unknown.length > 0 ? '|?' : ''}`;
  const views = viewsByKnowledge.get(base) ?? new Map<string, Knowledge>();
  viewsByKnowledge.set(base, views);
  const cached = views.get(key);
  if (cached) return cached;
  const providers = base.providers.filter((provider) => resolved.ids.has(provider.id));
  const view: Knowledge = {
    ...base,
    providers,
    providerById: new Map(providers.map((provider) => [provider.id, provider])),
    findModel: (name) => base.findModel(name),
    findGpu: (name) => base.findGpu(name),
  };
  views.set(key, view);
  scopeOfView.set(view, resolved);
  baseOfView.set(view, base);
  return view;
}

/** The scope a view was narrowed to; undefined for the full catalog. */
export function providerScopeOf(knowledge: Knowledge): ProviderScope | undefined {
  return scopeOfView.get(knowledge);
}

/**
 * Whether GPU time may be hired under the team's provider limits: always with no limit; else only when an allowed
 * provider is a cloud platform (Azure, AWS, Google Cloud rent GPUs), an open-model host (it trains and serves open
 * models on its GPUs) or a name the catalog does not know (a GPU cloud such as CoreWeave may be one). A team limited
 * to model vendors' APIs hires none.
 */
export function rentalWithinAllowedProviders(knowledge: Knowledge): boolean {
  const scope = providerScopeOf(knowledge);
  if (scope === undefined) return true;
  return scope.unknown.length > 0 || knowledge.providers.some(hiresOutGpus);
}

/** A provider that hires out GPU time: a cloud platform, or an open-model host (it trains and serves on its GPUs). */
export function hiresOutGpus(provider: Provider): boolean {
  return provider.kind === 'cloud-platform' || provider.kind === 'open-model-host';
}

/**
 * Whether an API model may be moved to under the team's provider limits: its own vendor is allowed, or an allowed
 * provider lists it in an offering (Azure's offerings list OpenAI models). Open-weight models run anywhere the team
 * may run them (their own GPUs, an allowed cloud): the rental limit covers those.
 */
export function reachableUnderAllowedProviders(model: Model, knowledge: Knowledge): boolean {
  const scope = providerScopeOf(knowledge);
  if (scope === undefined || model.access === 'open-weights') return true;
  if (model.provider !== undefined && scope.ids.has(model.provider)) return true;
  return knowledge.providers.some((provider) =>
    provider.offerings.some((offering) => offering.models.includes(model.id)),
  );
}
