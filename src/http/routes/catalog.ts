import { createRoute } from '@hono/zod-openapi';
import type { Knowledge } from '../../knowledge/knowledge.ts';
import { normalizeName } from '../../knowledge/normalize-name.ts';
import type { Gpu, Model, Provider, Source } from '../../knowledge/schemas.ts';
import { errorResponses, jsonResponse } from '../openapi-helpers.ts';
import {
  GpusResponse,
  ModelsQuery,
  ModelsResponse,
  NameQuery,
  ProvidersResponse,
  SourcesResponse,
} from '../schemas.ts';
import type { App, AppDeps } from '../types.ts';

const modelsRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/models',
  tags: ['knowledge'],
  summary: 'The model catalog',
  request: { query: ModelsQuery },
  responses: { 200: jsonResponse(ModelsResponse, 'Models matching every given filter'), ...errorResponses(400, 500) },
});
const gpusRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/gpus',
  tags: ['knowledge'],
  summary: 'The GPU catalog (memory, dense bf16 TFLOP/s, dated prices)',
  request: { query: NameQuery },
  responses: { 200: jsonResponse(GpusResponse, 'GPUs matching q (every GPU without it)'), ...errorResponses(400, 500) },
});
const providersRoute = createRoute({
  method: 'get',
  path: '/v1/catalog/providers',
  tags: ['knowledge'],
  summary: 'Providers and their managed tuning offerings (each dated with asOf)',
  request: { query: NameQuery },
  responses: {
    200: jsonResponse(
      ProvidersResponse,
      'Providers matching q, by name or by a model they tune (every one without it)',
    ),
    ...errorResponses(400, 500),
  },
});
const sourcesRoute = createRoute({
  method: 'get',
  path: '/v1/sources',
  tags: ['knowledge'],
  summary: 'Every citable source the rules and catalogs refer to',
  responses: { 200: jsonResponse(SourcesResponse, 'Every source'), ...errorResponses(500) },
});

/**
 * Keeps models matching `query`: the name resolves to the model (aliases, normalisation), or the normalised
 * query is part of its id, name, an alias, its vendor or family.
 */
export function filterModels(
  knowledge: Knowledge,
  filters: { q?: string | undefined; access?: string | undefined; modality?: string | undefined },
): readonly Model[] {
  const resolved = filters.q === undefined ? undefined : knowledge.findModel(filters.q);
  const needle = filters.q === undefined ? '' : normalizeName(filters.q);
  return knowledge.models.filter((model) => {
    if (filters.access !== undefined && model.access !== filters.access) return false;
    if (filters.modality !== undefined && model.modality !== filters.modality) return false;
    if (filters.q === undefined || model === resolved) return true;
    return containsNeedle([model.id, model.name, model.vendor, model.family, ...model.aliases], needle);
  });
}

/** True when one of the names, normalised, contains the normalised query. */
function containsNeedle(names: readonly string[], needle: string): boolean {
  return names.some((text) => normalizeName(text).includes(needle));
}

/** Keeps GPUs whose name resolves to `q` or whose id, name, vendor or an alias contains it (normalised). */
export function filterGpus(knowledge: Knowledge, q: string | undefined): readonly Gpu[] {
  if (q === undefined) return knowledge.gpus;
  const resolved = knowledge.findGpu(q);
  const needle = normalizeName(q);
  return knowledge.gpus.filter(
    (gpu) => gpu === resolved || containsNeedle([gpu.id, gpu.name, gpu.vendor, ...gpu.aliases], needle),
  );
}

/** Keeps providers whose id, name or an alias contains `q`, or that offer a model `q` resolves to ("llama 3.1 8b"). */
export function filterProviders(knowledge: Knowledge, q: string | undefined): readonly Provider[] {
  if (q === undefined) return knowledge.providers;
  const model = knowledge.findModel(q);
  const needle = normalizeName(q);
  return knowledge.providers.filter(
    (provider) =>
      containsNeedle([provider.id, provider.name, ...provider.aliases], needle) ||
      (model !== undefined && provider.offerings.some((offering) => offering.models.includes(model.id))),
  );
}

/** GET /v1/catalog/{models,gpus,providers} and GET /v1/sources. */
export function registerCatalogRoutes(app: App, deps: AppDeps): void {
  const { knowledge } = deps;
  app.openapi(modelsRoute, (c) => {
    const filters = c.req.valid('query');
    return c.json({ models: filterModels(knowledge, filters) as Model[], knowledgeVersion: knowledge.version }, 200);
  });
  app.openapi(gpusRoute, (c) => {
    const { q } = c.req.valid('query');
    return c.json({ gpus: filterGpus(knowledge, q) as Gpu[], knowledgeVersion: knowledge.version }, 200);
  });
  app.openapi(providersRoute, (c) => {
    const { q } = c.req.valid('query');
    return c.json({ providers: filterProviders(knowledge, q) as Provider[], knowledgeVersion: knowledge.version }, 200);
  });
  app.openapi(sourcesRoute, (c) =>
    c.json({ sources: knowledge.sources as Source[], knowledgeVersion: knowledge.version }, 200),
  );
}
