/**
 * @module The chat's answer to "why not X?" / "why X?": a few plain sentences from the recommendation's data — the
 * verdict in words, what rules it out or what it depends on, the memory it needs against what the team has, the
 * strongest reason against it and for it, and the method preferred instead. No ranks, scores, rule ids or trace
 * ("show details" gives those). Pure.
 */
import { shortMethodName } from '../engine/method-name.ts';
import type { Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { fieldLabel } from '../profile/field-labels.ts';
import type { MethodId } from '../profile/profile-schema.ts';
import { joinWords } from './describe-field.ts';
import { lowerFirst } from './reply-words.ts';

const gb = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * @param onPlanModel the recommendation computed on the model the plan runs on, when that is a substitute for the
 *   named model or a proposed one: the verdict on `method` is then given there (and, for a substitute, on the named
 *   model too when it differs).
 */
export function whyMethodReply(
  recommendation: Recommendation,
  method: MethodId,
  knowledge: Knowledge,
  onPlanModel?: Recommendation,
): string {
  const name = shortMethodName(knowledge, method);
  const named = recommendation.recommendations.find((item) => item.method === method);
  const destination = recommendation.destination;
  const chosen = shortMethodName(knowledge, destination.method);
  const on = destination.model.switched || destination.model.proposed ? ` on ${destination.model.name}` : '';
  const planEntry = onPlanModel?.recommendations.find((item) => item.method === method);
  // A method ruled out on the named model may be fine on the model the plan moves to: judge it there.
  // (Not when the plan model is an encoder that cannot generate at all: "is few-shot prompting of an LLM possible?"
  // asks about a generative model, so it is judged on the named or general one.)
  const encoderOnly =
    planEntry?.blockers.some((blocker) => blocker.ruleId === 'encoder-models-do-not-generate') === true;
  const judgeOnPlanModel =
    planEntry !== undefined &&
    method !== destination.method &&
    !encoderOnly &&
    (named === undefined || named.verdict !== 'viable');
  const entry = judgeOnPlanModel ? planEntry : named;
  if (!entry) return `I have no verdict on ${name}.`;
  const siblings = adapterSiblingsReply(recommendation, method, entry);
  if (siblings !== undefined && !judgeOnPlanModel) return siblings;
  const sentences: string[] = [];
  if (judgeOnPlanModel && destination.model.switched && named?.verdict === 'not-viable') {
    sentences.push(`On the model you named it is ruled out: ${named.blockers[0]?.text ?? 'see "show details"'}`);
    if (entry.verdict !== 'not-viable') sentences.push(`On ${destination.model.name}, where the plan runs:`);
  }
  // Every method is ruled out: no "pick" and no "instead", only what would have to change.
  const blocked = destination.blocked === true;
  if (method === destination.method && blocked) {
    sentences.push(`**${name} is ruled out here too.** ${entry.blockers[0]?.text ?? ''}`.trim());
    sentences.push(`Nothing is possible as described: ${lowerFirst(destination.why)}`);
    return sentences.join(' ');
  }
  if (method === destination.method) {
    sentences.push(`**${name} is my pick${on}.** ${destination.why}`);
    const reasons = entry.reasons.filter((reason) => reason.effect.startsWith('+')).slice(0, 2);
    if (reasons.length > 0) sentences.push(`Also: ${reasons.map((reason) => reason.text).join(' ')}`);
  } else if (entry.verdict === 'not-viable') {
    sentences.push(`**${name} is ruled out here.** ${entry.blockers[0]?.text ?? ''}`.trim());
  } else if (entry.verdict === 'conditional') {
    const deciders = joinWords((entry.decidedBy ?? []).map(fieldLabel));
    sentences.push(
      `**${name} is possible only if ${deciders || 'what is still unknown'} allow${deciders.includes(' and ') ? '' : 's'} it.**`,
    );
  } else {
    sentences.push(`**${name} is possible, but ${chosen}${on} fits better.**`);
  }
  const memory = entry.estimates?.memoryGB;
  if (memory && memory.available !== null && memory.available > 0 && method !== destination.method) {
    // Over the team's memory, the verdict says how: a possible training runs on rented GPUs, a possible serving runs
    // quantized, and a ruled-out one does not fit (no rental allowed or affordable).
    const over =
      memory.fit === 'fits-if' && memory.adjustments?.length
        ? `, so it fits only if you ${joinWords([...memory.adjustments])}`
        : memory.needed <= memory.available
          ? ''
          : entry.verdict === 'not-viable'
            ? ', so it does not fit your GPUs'
            : knowledge.methodById.get(method)?.changesWeights === false
              ? ', so it is served quantized (4-bit) on them'
              : ', so it would run on rented GPUs';
    const precision = over.includes('quantized') ? ' in 16-bit' : '';
    sentences.push(
      `It needs about ${gb.format(memory.needed)} GB of GPU memory${precision}; you have ${gb.format(memory.available)} GB${over}.`,
    );
  }
  const against = entry.reasons.find((reason) => reason.effect.startsWith('-'));
  const forIt = entry.reasons.find((reason) => reason.effect.startsWith('+'));
  if (method !== destination.method) {
    // For a method ruled out, what rules it out is the answer; the reasons for and against weigh nothing.
    if (against && entry.verdict !== 'not-viable') sentences.push(`Against it: ${against.text}`);
    if (forIt && entry.verdict !== 'not-viable') sentences.push(`For it: ${forIt.text}`);
    if (blocked) sentences.push(`Nothing else is possible as described either: ${lowerFirst(destination.why)}`);
    else if (entry.verdict !== 'not-viable' || !destination.why)
      sentences.push(`Instead: ${chosen}${on}. ${destination.why}`);
    else sentences.push(`Instead: ${chosen}${on}.`);
  }
  return sentences.join(' ');
}

type Entry = Recommendation['recommendations'][number];

/** A memory need said against the team's GPUs, with the engine's own fit band (and the lever a fit depends on). */
function memoryWords(memory: NonNullable<Entry['estimates']>['memoryGB']): string {
  if (memory === undefined) return '';
  const need = `about ${gb.format(memory.needed)} GB`;
  if (memory.available === null) return `${need} (your GPUs are not known yet)`;
  if (memory.available === 0) return `${need}, on a rented GPU`;
  const verdict =
    memory.fit === 'fits-if' && memory.adjustments?.length
      ? `fits only if you ${joinWords([...memory.adjustments])}`
      : memory.fit === 'tight'
        ? 'fits, tightly'
        : memory.fit === 'fits'
          ? 'fits'
          : memory.fit === 'no'
            ? 'does not fit'
            : 'may fit';
  return `${need} of your ${gb.format(memory.available)} GB: it ${verdict}`;
}

/**
 * "Why not QLoRA?" when the plan is LoRA (or the other way round): the two trade memory for speed, so the answer sets
 * their memory side by side on the team's GPUs and says which to fall back on, not the generic reasons for tuning.
 */
function adapterSiblingsReply(recommendation: Recommendation, method: MethodId, entry: Entry): string | undefined {
  const chosen = recommendation.destination.method;
  const pair = new Set<MethodId>([method, chosen]);
  if (method === chosen || !pair.has('lora') || !pair.has('qlora') || entry.verdict === 'not-viable') return undefined;
  const planned = recommendation.recommendations.find((item) => item.method === chosen);
  const askedMemory = entry.estimates?.memoryGB;
  const plannedMemory = planned?.estimates?.memoryGB;
  if (askedMemory === undefined || plannedMemory === undefined) return undefined;
  const [lora, qlora] = method === 'lora' ? [askedMemory, plannedMemory] : [plannedMemory, askedMemory];
  const both = `QLoRA needs ${memoryWords(qlora)}. LoRA needs ${memoryWords(lora)}.`;
  const tradeOff =
    'LoRA keeps the base model in 16 bits, so its steps run faster and nothing is quantized; QLoRA holds the base in 4 bits, trading some speed for memory.';
  const unknown = lora.available === null;
  const strained = (fit: string | undefined) => fit === 'fits-if' || fit === 'tight' || fit === 'no';
  if (method === 'qlora') {
    const closing = unknown
      ? 'Which one your GPUs allow decides it: tell me your GPUs.'
      : strained(lora.fit)
        ? 'LoRA stays the plan; if it runs out of memory, QLoRA is the fallback on the same GPUs.'
        : 'Either is sound here; LoRA is the plan because it fits as it is.';
    return `**QLoRA works too.** ${both} ${tradeOff} ${closing}`;
  }
  const closing = unknown
    ? 'Which one your GPUs allow decides it: tell me your GPUs.'
    : qlora.fit === 'fits' && strained(lora.fit)
      ? 'QLoRA is the plan because it fits your GPUs with room to spare.'
      : strained(qlora.fit)
        ? 'QLoRA is the plan because it needs the least memory, and even it is close to your limit.'
        : 'Either is sound here.';
  return `**${lora.fit === 'no' ? 'LoRA does not fit your GPUs as they are' : 'LoRA is possible too'}.** ${both} ${tradeOff} ${closing}`;
}
