/**
 * @module "DPO or KTO? my pairs are kinda noisy": KTO weighed against the plan's preference tuning (DPO). KTO learns from
 * single answers labelled good or bad rather than pairs, and its authors report it matching or beating DPO from 1B to
 * 30B parameters (knowledge: kto); TRL's trainer notes it may need no supervised stage first, unlike DPO (trl-kto). What
 * the team holds decides: pairs are DPO's format (and split into KTO's), votes on single answers only KTO's.
 */
import { shortMethodName } from '../engine/method-name.ts';
import type { Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { citer } from './cite.ts';
import { citedAnswer, type InfoAnswer } from './info-replies.ts';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function ktoReply(recommendation: Recommendation, knowledge: Knowledge, profile: Partial<Profile>): InfoAnswer {
  const cite = citer(knowledge);
  const pairs = profile.preferencePairs;
  const planned = recommendation.plan.some((step) => step.methods.includes('preference-tuning'));
  const supervisedFirst = recommendation.plan.find((step) =>
    step.methods.some((method) => method !== 'preference-tuning' && method !== 'prompt-engineering'),
  );
  const parts = [
    `KTO learns from single answers each labelled good or bad, where DPO needs a better and a worse answer to the same prompt; its authors report it matching or beating DPO from 1B to 30B parameters${cite.mark('kto')}.`,
  ];
  parts.push(
    pairs !== undefined && pairs > 0
      ? `Your ${count.format(pairs)} pairs are DPO's format as they stand, and each also splits into one good and one bad answer for KTO, so you can run both and keep the one that wins on held-out pairs.`
      : 'With thumbs-up and thumbs-down on single answers and no pairs, KTO uses them as they are; DPO needs them paired first.',
  );
  parts.push(
    `One practical difference: TRL's KTO trainer notes that, depending on the model, KTO may not need a supervised stage first, while DPO does${cite.mark('trl-kto')}${supervisedFirst !== undefined ? `; your plan has one (${shortMethodName(knowledge, supervisedFirst.methods[0] ?? 'lora')}) either way, since your examples show the behaviour` : ''}.`,
  );
  parts.push(
    'If some chosen answers are not really better, measure that before choosing: have a rater re-judge a random sample of a hundred pairs; drop or re-rate the pairs they disagree on, and compare DPO and KTO on held-out pairs the raters agree on.',
  );
  if (planned) parts.push('The plan says preference tuning (DPO); KTO runs in the same step, on the same hardware.');
  return citedAnswer(parts.join(' '), cite.cited, knowledge);
}
