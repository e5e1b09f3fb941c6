import type { Knowledge } from '../knowledge/knowledge.ts';
import type { MethodId } from '../profile/profile-schema.ts';
import { hiresOutGpus, providerScopeOf } from './allowed-providers.ts';
import type { FeasibilityAnalysis } from './analyse-feasibility.ts';
import { factCheckOf, TRAINING_CHECKS, type TrainingCheck } from './estimate-feasibility.ts';
import type { ComputeOption } from './recommendation-schema.ts';
import { PROJECT_RUNS } from './training-compute.ts';

/**
 * Stage 3 of the pipeline, compute side: where the destination's training can run. The team's own GPUs at no
 * marginal cost (hours only), the cheapest catalog rental for the whole project at its dated price, and a hosted
 * trainer for open models where the catalog has one. Rentals and hosts are left out when data must stay on the
 * premises. Pure.
 */

/** The memory check that stands for a training method. */
export function trainingCheckOf(method: MethodId, analysis: FeasibilityAnalysis): TrainingCheck | undefined {
  switch (method) {
    case 'lora':
    case 'adapters':
    case 'prefix-tuning':
    case 'prompt-tuning':
      return 'lora';
    case 'qlora':
      return 'qlora';
    case 'full-fine-tuning':
      return 'full-fine-tuning';
    case 'distillation':
      return 'distillation-student';
    case 'instruction-tuning':
    case 'preference-tuning': {
      // Self-run with LoRA when it fits, else QLoRA (the estimate the verdict rests on); preference tuning on stated
      // pairs is costed on the pairs.
      const quantised = analysis.facts['trainable.lora'] === false || analysis.facts['fits.lora'] === false;
      if (method === 'preference-tuning' && analysis.estimates.checks['preference-lora'] !== undefined)
        return quantised ? 'preference-qlora' : 'preference-lora';
      return quantised ? 'qlora' : 'lora';
    }
    default:
      return undefined;
  }
}

export function computeOptions(method: MethodId, analysis: FeasibilityAnalysis, knowledge: Knowledge): ComputeOption[] {
  const check = trainingCheckOf(method, analysis);
  if (!check || !TRAINING_CHECKS.includes(check)) return [];
  if (analysis.facts.weightsAvailable === false && method !== 'distillation') return [];
  const { estimates, facts, resolved } = analysis;
  const options: ComputeOption[] = [];
  const own = facts[`fits.${factCheckOf(check)}`];
  const fit = estimates.fit[check];
  if (own === true && resolved.profile.gpuCount !== undefined && resolved.profile.gpuCount > 0) {
    const hours = estimates.ownProjectHours[check];
    const gpu = resolved.gpu?.name ?? `${resolved.profile.gpuMemoryGB} GB GPU`;
    options.push({
      kind: 'own',
      gpu,
      count: resolved.profile.gpuCount,
      ...(hours === undefined ? {} : { hours }),
      usd: 0,
      why: `Fits your ${resolved.profile.gpuCount} × ${gpu}${fit?.level === 'tight' ? ' with little headroom' : fit?.level === 'fits-if' ? ` if you ${fit.adjustments.join(' and ')}` : ''}; ${resolved.profile.gpusRented === true ? 'GPUs you already rent cost no extra rent while they have idle hours' : 'owned GPUs cost time, not dollars'}${hours === undefined ? '' : ` (about ${hours} h for ${PROJECT_RUNS} runs)`}.`,
    });
  }
  const rental = estimates.rentals[check];
  if (rental && facts.rentalAllowed !== false) {
    const budget = resolved.profile.oneTimeBudgetUSD;
    // Limited to some clouds: the rental is on one of them, at a market price that is only a reference there.
    const clouds = knowledge.providers.filter(hiresOutGpus).map((provider) => provider.name);
    const where =
      providerScopeOf(knowledge) === undefined || clouds.length === 0
        ? ''
        : ` where ${clouds.join(' or ')} lets you (the GPU and price are the catalog's market reference; that provider's own GPU types and rates may differ)`;
    options.push({
      kind: 'rent',
      gpu: rental.gpu,
      count: rental.count,
      hours: rental.hours,
      usd: rental.usd,
      why: `Rent ${rental.count} × ${rental.gpu}${where} at $${rental.usdPerGpuHour}/GPU-hour (price as of ${rental.priceAsOf}) for about ${rental.hours} h: ${PROJECT_RUNS} runs${rental.assumedExamples ? ' on an assumed 1,000 examples' : ''}, at least one billed hour per GPU${budget === undefined ? '' : rental.usd <= budget ? `; within your $${budget} budget` : `; over your $${budget} budget`}.`,
    });
  }
  // Hosted trainers tune open language models; encoders, speech and diffusion models are not on their lists.
  const languageModel =
    facts.modelArchitecture === undefined || LANGUAGE_MODEL_KINDS.has(String(facts.modelArchitecture));
  // (The data goes to the host: not when it must stay on the premises; a host the team may not use is not in the
  // catalog it sees.)
  if (
    facts.weightsAvailable === true &&
    facts.dataMustStayOnPrem !== true &&
    method !== 'distillation' &&
    languageModel
  ) {
    const model = resolved.model;
    const hosts = hostedTrainers(
      knowledge,
      model?.id,
      method === 'preference-tuning' ? 'preference-tuning' : 'supervised-fine-tuning',
    );
    if (hosts.length > 0) {
      options.push({
        kind: 'hosted',
        why: `${hosts.join(' and ')} ${hosts.length > 1 ? 'tune' : 'tunes'} ${model ? model.name : 'open-weight models'} as a hosted job (your data goes to ${hosts.length > 1 ? 'them' : 'it'}).`,
      });
    }
  }
  return options;
}

/** Architectures the hosted LoRA trainers take (decoder language models). */
const LANGUAGE_MODEL_KINDS: ReadonlySet<string> = new Set(['decoder', 'moe-decoder']);

const hostsByKnowledge = new WeakMap<Knowledge, Map<string, string[]>>();

/**
 * Providers with a live supervised fine-tuning offer for this open model: open-model hosts that tune open models in
 * general, and platforms whose offer lists the model itself (Bedrock tunes Llama 3.1 8B).
 */
function hostedTrainers(
  knowledge: Knowledge,
  modelId: string | undefined,
  service: 'supervised-fine-tuning' | 'preference-tuning',
): string[] {
  const byModel = hostsByKnowledge.get(knowledge) ?? new Map<string, string[]>();
  hostsByKnowledge.set(knowledge, byModel);
  const key = `${service}:${modelId ?? ''}`;
  const cached = byModel.get(key);
  if (cached) return cached;
  const hosts = knowledge.providers
    .filter((provider) =>
      provider.offerings.some(
        (offering) =>
          offering.service === service &&
          offering.status === 'available' &&
          (offering.openModels || (modelId !== undefined && offering.models.includes(modelId))),
      ),
    )
    .map((provider) => provider.name);
  byModel.set(key, hosts);
  return hosts;
}
