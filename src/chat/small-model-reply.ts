/**
 * @module "I worry a 1B model trained on only 1,200 examples will be dumb with unusual commands": the doubt about a
 * small model answered, not noted. Tuning on the team's examples sets the format and the cases they cover; breadth
 * comes from pre-training (LIMA: almost all knowledge is learned there), so a small model is likeliest to fail on
 * requests unlike its examples. The reply says how to find out before shipping: the unusual cases in the evaluation
 * set, the next size up of the same family trained on the same examples (with its memory on the team's device), and a
 * check on every output where a format must hold.
 */
import { deviceNeed } from '../engine/device-fit.ts';
import type { Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Model } from '../knowledge/schemas.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { citer } from './cite.ts';
import { plainModelName } from './compact-answer.ts';
import { citedAnswer, type InfoAnswer } from './info-replies.ts';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const gb = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** The open model of `family` a step above `sizeB`, the smallest larger one (Llama 3.2 3B above its 1B). */
function nextSizeUp(knowledge: Knowledge, family: string | undefined, sizeB: number): Model | undefined {
  if (family === undefined) return undefined;
  return knowledge.models
    .filter(
      (model) =>
        model.family === family &&
        model.access === 'open-weights' &&
        model.paramsB !== undefined &&
        model.paramsB > sizeB &&
        model.supersededBy === undefined,
    )
    .sort((a, b) => (a.paramsB ?? 0) - (b.paramsB ?? 0))[0];
}

export function smallModelReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
  /** The size the worry names, in billions of parameters (the plan's model when unsaid). */
  askedSizeB: number | undefined,
): InfoAnswer {
  const cite = citer(knowledge);
  const planName = recommendation.destination.model.name ?? profile.modelName;
  const plan = planName === undefined || planName === null ? undefined : knowledge.findModel(planName);
  const sizeB = askedSizeB ?? plan?.paramsB;
  // The model the worry is about: the plan's family at the size named.
  const family = plan?.family;
  // ("a 1B" is Llama 3.2 1B's 1.24B: the family member nearest the size said, within a third of it.)
  // (A size no member of the plan's family has is said as a size: "a 3B model", never another model's name.)
  const near = (model: Model) =>
    sizeB !== undefined && model.paramsB !== undefined && Math.abs(model.paramsB - sizeB) <= sizeB / 3;
  const worried =
    sizeB === undefined
      ? plan
      : (knowledge.models.find((model) => model.family === family && model.supersededBy === undefined && near(model)) ??
        (plan !== undefined && near(plan) ? plan : undefined));
  const name =
    worried === undefined
      ? sizeB === undefined
        ? 'a small model'
        : `a ${sizeB}B model`
      : plainModelName(worried.name);
  const examples = profile.labeledExamples;
  const trains = recommendation.plan.some((step) =>
    step.methods.some((method) => !['prompt-engineering', 'in-context-learning', 'rag'].includes(method)),
  );
  const parts = [
    trains
      ? `A fair worry, and one to measure rather than guess. Tuning on ${examples === undefined ? 'your examples' : `your ${count.format(examples)} examples`} sets the format and the cases they cover; almost everything else a model knows comes from pre-training, which is why about a thousand curated examples can set the form of the answers but not add breadth${cite.mark('lima')}. So ${name} will handle requests like those in your examples and is likeliest to fail on unusual ones.`
      : `A fair worry, and one to measure rather than guess. Almost everything a model knows comes from pre-training; the prompt sets the form of the answers, not their breadth${cite.mark('lima')}. So ${name} is likeliest to fail on unusual requests.`,
  ];
  const steps = [
    'put unusual requests (rare cases, odd phrasings, things none of your examples show) in your evaluation set and score them apart from the rest',
  ];
  const base = worried?.paramsB ?? sizeB;
  const up = base === undefined ? undefined : nextSizeUp(knowledge, family, base);
  if (up !== undefined && up.paramsB !== undefined) {
    const device = profile.deviceMemoryGB;
    const need =
      device === undefined ? undefined : deviceNeed({ paramsB: up.paramsB, architecture: up.architecture }, profile);
    const fits =
      need === undefined || device === undefined
        ? ', if your hardware holds it'
        : need.totalGB <= device
          ? ` (it needs about ${gb.format(need.totalGB)} GB of your ${gb.format(device)} GB device at about 4 bits, so it fits)`
          : undefined;
    // (A next size the device cannot hold is no option to offer.)
    if (fits !== undefined)
      steps.push(
        `${trains ? `train ${plainModelName(up.name)} on the same examples` : `run ${plainModelName(up.name)} with the same prompt`} and compare the two on that set${fits}`,
      );
  }
  const format =
    profile.needsStyleOrFormat === true || (profile.goals ?? []).includes('format') || profile.taskType === 'extract';
  if (format)
    steps.push(
      'check every output against your schema and, when it fails, ask for a confirmation or fall back rather than act on it',
    );
  if (trains) steps.push('add the failures you find to the training set and train again');
  parts.push(`To find out before you ship: ${steps.map((step, index) => `(${index + 1}) ${step}`).join('; ')}.`);
  return citedAnswer(parts.join(' '), cite.cited, knowledge);
}
