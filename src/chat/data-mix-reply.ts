/**
 * @module "Should I SFT on the 20k GPT-4.1 summaries, the 1.5k human ones, or both?": teacher-written examples
 * against human-written ones. Quality counts for more than size (QLoRA's 9k curated examples beat 450k; Vertex's data
 * guide), so the human set is the yardstick: a hold-out from it measures every choice, and the human examples come
 * last (or weigh more) when both are used.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { plainModelName } from './compact-answer.ts';
import { citedAnswer, type InfoAnswer } from './info-replies.ts';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** The sources the answer may cite. */
const SOURCES = ['qlora', 'gcp-sft-data', 'lima'] as const;
/** Share of the human examples kept aside to measure every option (a few hundred at most). */
const HOLD_OUT_SHARE = 0.2;
const HOLD_OUT_MAX = 300;

export function dataMixReply(
  knowledge: Knowledge,
  profile: Partial<Profile>,
  asked: { teacherCount?: number; humanCount?: number },
): InfoAnswer {
  const cited: string[] = [];
  const mark = (id: (typeof SOURCES)[number]) => {
    if (!knowledge.sourceById.has(id)) return '';
    if (!cited.includes(id)) cited.push(id);
    return ` [${cited.indexOf(id) + 1}]`;
  };
  const human = asked.humanCount ?? profile.labeledExamples;
  const teacherCount = asked.teacherCount;
  const teacher = profile.teacherModel === undefined ? 'the teacher' : plainModelName(profile.teacherModel);
  const holdOut = human === undefined ? undefined : Math.min(HOLD_OUT_MAX, Math.round(human * HOLD_OUT_SHARE));
  const humanWords =
    human === undefined ? 'the human-written examples' : `the ${count.format(human)} human-written ones`;
  const teacherWords =
    teacherCount === undefined ? `${teacher}'s outputs` : `the ${count.format(teacherCount)} from ${teacher}`;
  const lines = [
    `Measure it rather than guess: keep ${holdOut === undefined ? 'a few hundred' : `about ${count.format(holdOut)}`} of ${humanWords} aside as the test set (never trained on), since they are the standard you want, and score each option on them.`,
    `Quality counts for more than size: a 9,000-example curated set beat a 450,000-example one in the QLoRA paper${mark('qlora')}, and Google's tuning guide says the same${mark('gcp-sft-data')}; about a thousand careful examples already change a model's behaviour${mark('lima')}.`,
    `So the usual order is both, human last: train first on ${teacherWords} (after dropping the ones that disagree with the human examples or fail your checks), then continue on the rest of ${humanWords}, or mix them with the human examples repeated so they weigh more. Compare that against training on the human examples alone; if ${teacher}'s outputs do not beat it on the test set, drop them.`,
    `A model trained on ${teacher}'s outputs learns its mistakes with them, so score ${teacher} itself on the human test set first: where it falls short, its examples teach the same errors.`,
  ];
  return citedAnswer(lines.join(' '), cited, knowledge);
}
