/**
 * @module "Should I SFT on the 20k GPT-4.1 summaries, the 1.5k human ones, or both?": teacher-written examples
 * against human-written ones. The human set is the yardstick: a test set held out from it measures every option, and
 * quality counts for more than size (QLoRA's OASST1 result, Vertex's data guide, LIMA).
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { citer } from './cite.ts';
import { plainModelName } from './compact-answer.ts';
import type { DataMixAsked } from './extract/types.ts';
import { citedAnswer, type InfoAnswer } from './info-replies.ts';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** Share of the human examples kept aside as the test set, and its bounds. */
const HOLD_OUT_SHARE = 0.2;
const HOLD_OUT_MIN = 20;
const HOLD_OUT_MAX = 300;
/** Under this many human examples there is nothing to split: they are all the test set. */
const TOO_FEW_TO_SPLIT = 50;

/**
 * "Only a third of the 3,500 notes are really good: should we train on all of them?": train on the good ones (quality
 * counts for more than size, cited), keep a test set drawn from them, and treat the rest as material to fix or drop, not
 * as more of the same.
 */
export function dataQualityReply(
  knowledge: Knowledge,
  profile: Partial<Profile>,
  asked: { total?: number; good?: number },
): InfoAnswer {
  const { cited, mark } = citer(knowledge);
  const total = asked.total ?? profile.labeledExamples;
  const good = asked.good;
  const goodWords = good === undefined ? 'the good ones' : `the ${count.format(good)} good ones`;
  const rest = total !== undefined && good !== undefined && total > good ? total - good : undefined;
  const testSize =
    good === undefined ? undefined : Math.min(HOLD_OUT_MAX, Math.max(HOLD_OUT_MIN, Math.round(good * HOLD_OUT_SHARE)));
  const lines = [
    `Train on ${goodWords}: a model learns the flaws of its examples along with the rest.`,
    qualityOverSize(mark),
    `Keep ${testSize === undefined ? 'a few hundred' : `about ${count.format(testSize)}`} of ${goodWords} aside as the test set, never trained on.`,
    `${rest === undefined ? 'The weaker ones' : `The other ${count.format(rest)}`} are material, not training data as they are: fix the best of them (an expert pass, or a strong model's draft an expert checks) and add them back only if the tuned model scores better on the test set with them than without.`,
  ];
  return citedAnswer(lines.join(' '), cited, knowledge);
}

/** The evidence that quality counts for more than size (QLoRA's OASST1 result, Google's data guide, LIMA), cited. */
function qualityOverSize(mark: (id: string) => string): string {
  return `Quality counts for more than size: for chatbot quality, 9,000 crowd-written OASST1 conversations beat a 450,000-example FLAN subsample in the QLoRA paper${mark('qlora')}, and Google's tuning guide says quality matters far more than quantity${mark('gcp-sft-data')}; about a thousand carefully chosen examples were enough to align a 65B model in LIMA${mark('lima')}.`;
}

export function dataMixReply(knowledge: Knowledge, profile: Partial<Profile>, asked: DataMixAsked): InfoAnswer {
  const { cited, mark } = citer(knowledge);
  // The team's labelled examples count as the human ones only when no teacher wrote any of them.
  const human = asked.humanCount ?? (profile.teacherModel === undefined ? profile.labeledExamples : undefined);
  const teacher = profile.teacherModel === undefined ? 'the teacher' : plainModelName(profile.teacherModel);
  const teacherWords =
    asked.teacherCount === undefined
      ? `${teacher}'s outputs`
      : `the ${count.format(asked.teacherCount)} from ${teacher}`;
  const humanWords =
    human === undefined ? 'the human-written examples' : `the ${count.format(human)} human-written ones`;
  const testSet =
    human !== undefined && human < TOO_FEW_TO_SPLIT
      ? `With ${count.format(human)} human-written examples there is nothing to split off: use all of them as the test set, never trained on, and collect about a hundred more before comparing options.`
      : `Measure it rather than guess: keep ${human === undefined ? 'a few hundred' : `about ${count.format(Math.min(HOLD_OUT_MAX, Math.max(HOLD_OUT_MIN, Math.round(human * HOLD_OUT_SHARE))))}`} of ${humanWords} aside as the test set (never trained on), since they are the standard you want, and score each option on them.`;
  const lines = [
    testSet,
    qualityOverSize(mark),
    `One approach worth testing: train first on ${teacherWords} (after dropping the ones that disagree with the human examples or fail your checks), then continue on ${humanWords} not held out, or mix the two with the human examples repeated so they weigh more; compare it against training on the human examples alone, and drop ${teacher}'s outputs if they do not win on the test set.`,
    `A model trained on ${teacher}'s outputs learns its mistakes with them, so score ${teacher} itself on the human test set first: where it falls short, its examples teach the same errors.`,
  ];
  return citedAnswer(lines.join(' '), cited, knowledge);
}
