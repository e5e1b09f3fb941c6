/**
 * @module mcp/provider-facts: the dated facts of the knowledge catalogs, one sentence each — providers' tuning offers
 * (status, last day, restrictions), models' announced end of life, API list prices and GPU rental prices — filtered
 * by a provider, model or GPU name the same way the REST catalog routes filter (src/http/routes/catalog.ts). Every
 * fact carries the date its source showed it and its source ids. Pure.
 */
import { filterGpus, filterModels, filterProviders } from '../http/routes/catalog.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Model, Provider, ProviderOffering } from '../knowledge/schemas.ts';
import type { ProviderFact, ProviderFactsInput, ProviderFactsOutput } from './tool-schemas.ts';

function modelNames(knowledge: Knowledge, offering: ProviderOffering): string[] {
  const names = offering.models.map((id) => knowledge.models.find((model) => model.id === id)?.name ?? id);
  return offering.openModels ? [...names, 'open-weight models'] : names;
}

function offerFact(knowledge: Knowledge, provider: Provider, offering: ProviderOffering): ProviderFact {
  const covered = modelNames(knowledge, offering);
  const what = covered.length === 0 ? '' : ` for ${covered.join(', ')}`;
  const until = offering.endsOn === undefined ? '' : `; new jobs until ${offering.endsOn}`;
  const restriction = offering.restriction === undefined ? '' : ` (${offering.restriction})`;
  const fact: ProviderFact = {
    kind: 'tuning-offer',
    subject: `${provider.name}: ${offering.service}`,
    statement: `${provider.name} ${offering.status === 'available' ? 'offers' : `lists as ${offering.status}`} ${offering.service}${what}${restriction}${until} — as of ${offering.asOf}.`,
    asOf: offering.asOf,
    provider: provider.name,
    service: offering.service,
    status: offering.status,
    models: covered,
    sources: [...offering.sources],
  };
  if (offering.endsOn !== undefined) fact.date = offering.endsOn;
  return fact;
}

/** Offerings of a provider that concern the queried model, when the query names one (all otherwise). */
function offeringsFor(provider: Provider, model: Model | undefined): readonly ProviderOffering[] {
  if (model === undefined) return provider.offerings;
  return provider.offerings.filter(
    (offering) => offering.models.includes(model.id) || (offering.openModels && model.access === 'open-weights'),
  );
}

/** The dated facts matching `input`, in the order tuning offers, ends of life, API prices, GPU prices. */
export function providerFacts(input: ProviderFactsInput, knowledge: Knowledge): ProviderFactsOutput {
  const wanted = (kind: ProviderFact['kind']) => input.kinds === undefined || input.kinds.includes(kind);
  const queriedModel = input.query === undefined ? undefined : knowledge.findModel(input.query);
  const facts: ProviderFact[] = [];

  if (wanted('tuning-offer')) {
    for (const provider of filterProviders(knowledge, input.query)) {
      // Found through a model it tunes: only the offers for that model. Found by its own name: all its offers.
      const tunesQueriedModel =
        queriedModel !== undefined && provider.offerings.some((offering) => offering.models.includes(queriedModel.id));
      for (const offering of tunesQueriedModel ? offeringsFor(provider, queriedModel) : provider.offerings) {
        if (input.service === undefined || offering.service === input.service)
          facts.push(offerFact(knowledge, provider, offering));
      }
    }
  }
  const models = filterModels(knowledge, { q: input.query });
  if (wanted('model-end-of-life')) {
    for (const model of models) {
      if (model.endOfLife === undefined) continue;
      facts.push({
        kind: 'model-end-of-life',
        subject: model.name,
        statement: `${model.vendor} retires ${model.name} on ${model.endOfLife} (announced end of life).`,
        asOf: null,
        date: model.endOfLife,
        models: [model.name],
        sources: [...model.sources],
      });
    }
  }
  if (wanted('api-price')) {
    for (const model of models) {
      const price = model.apiPrice;
      if (price === undefined) continue;
      facts.push({
        kind: 'api-price',
        subject: model.name,
        statement: `${model.name} costs $${price.usdPerMillionInput} per million input and $${price.usdPerMillionOutput} per million output tokens on ${price.where} — as of ${price.asOf}.`,
        asOf: price.asOf,
        models: [model.name],
        usd: { perMillionInput: price.usdPerMillionInput, perMillionOutput: price.usdPerMillionOutput },
        sources: [...price.sources],
      });
    }
  }
  if (wanted('gpu-price')) {
    for (const gpu of filterGpus(knowledge, input.query)) {
      if (gpu.price === null) continue;
      facts.push({
        kind: 'gpu-price',
        subject: gpu.name,
        statement: `${gpu.name} rents for about $${gpu.price.usdPerHour} per GPU-hour on ${gpu.price.where} — as of ${gpu.price.asOf}.`,
        asOf: gpu.price.asOf,
        usd: { perGpuHour: gpu.price.usdPerHour },
        sources: [...gpu.price.sources],
      });
    }
  }
  return { referenceDate: knowledge.manifest.referenceDate, facts, knowledgeVersion: knowledge.version };
}
