/**
 * @module "Is Llama 3.1 8B any good in Swahili, or which model would you pick for that?": the languages the model's card
 * supports against the ones asked, the catalog models whose cards list them, and how to find out (an evaluation set
 * in that language, then tuning on the team's own examples). The advisor does not rate how well a model writes a
 * language: no source in the catalog measures it.
 */
import type { Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { Model } from '../knowledge/schemas.ts';
import { languageName } from '../profile/languages.ts';
import type { Profile } from '../profile/profile-schema.ts';
import { plainModelName } from './compact-answer.ts';
import { joinWords } from './describe-field.ts';
import { textEncoders } from './extract/text-encoders.ts';
import { citedAnswer, type InfoAnswer, sourceMarks } from './info-replies.ts';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** What the model's card says of each language asked, with its source mark. */
/**
 * The source of a model's language list: the first of its catalog sources whose note records the languages (the
 * Qwen2.5 README, not its configs), else its first source.
 */
function languageSource(model: Model, knowledge: Knowledge): string | undefined {
  return (
    model.sources.find((id) => /\blanguages?\b/i.test(knowledge.sourceById.get(id)?.note ?? '')) ?? model.sources[0]
  );
}

function cardWords(
  model: Model,
  languages: readonly string[],
  cite: (id: string) => string,
  knowledge: Knowledge,
): string {
  const support = model.supportedLanguages;
  const plain = plainModelName(model.name);
  const source = languageSource(model, knowledge);
  const mark = source === undefined ? '' : cite(source);
  // A multilingual model's pre-training list (the 93 its card names for XLM-RoBERTa): the languages asked on it or off it.
  const pretrained = model.multilingual === true ? (model.languages ?? []) : [];
  if (support === undefined && pretrained.length > 0) {
    const off = languages.filter((name) => !pretrained.includes(name));
    return off.length === 0
      ? `${plain} was pre-trained on many languages; its card lists ${pretrained.length}, ${joinWords(languages.map(languageName))} among them${mark}.`
      : `${plain} was pre-trained on many languages${mark}, but its card's list of ${pretrained.length} does not include ${joinWords(off.map(languageName))}.`;
  }
  if (support === undefined)
    return `The catalog has no language list for ${plain}: check its ${model.access === 'open-weights' ? 'model card' : "vendor's documentation"} for ${joinWords(languages.map(languageName))}.`;
  const listed = support.named.map(languageName);
  const inside = languages.filter((name) => support.named.includes(name)).map(languageName);
  const outside = languages.filter((name) => !support.named.includes(name)).map(languageName);
  const size = NUMBER_WORDS[support.named.length] ?? String(support.named.length);
  const sentences: string[] = [];
  if (inside.length > 0)
    sentences.push(
      `${joinWords(inside)} ${inside.length === 1 ? 'is' : 'are'} among the languages ${support.complete ? `${model.vendor} supports for ${plain}` : `${plain}'s card names`}${mark}.`,
    );
  if (outside.length > 0)
    sentences.push(
      support.complete
        ? support.named.length === 1
          ? `${model.vendor}'s card supports only ${listed[0]} for ${plain}${mark}, so ${joinWords(outside)} ${outside.length === 1 ? 'is' : 'are'} not officially supported: it may still handle ${outside.length === 1 ? 'it' : 'them'}, untested.`
          : `${joinWords(outside)} ${outside.length === 1 ? 'is' : 'are'} not among the ${size} languages ${model.vendor}'s card officially supports for ${plain} (${joinWords(listed)})${mark}: it may still handle ${outside.length === 1 ? 'it' : 'them'}, but not officially.`
        : `${joinWords(outside)} ${outside.length === 1 ? 'is' : 'are'} not among the ${size} languages ${plain}'s card names (it claims ${support.total ?? 'many'}+ in all)${mark}, so the card does not say.`,
    );
  return sentences.join(' ');
}

/** "Llama 3.1 8B" → "Llama 3.1", "Qwen2.5 14B" → "Qwen2.5": the release a model belongs to. */
function familyOf(model: Model): string {
  return model.name.replace(/\s+\d+(?:\.\d+)?B\b.*$/, '');
}

/** The open text models whose cards list every language asked, one per family (the largest first within it). */
function modelsListing(knowledge: Knowledge, languages: readonly string[]): Model[] {
  const byFamily = new Map<string, Model>();
  for (const model of knowledge.models) {
    const support = model.supportedLanguages;
    if (
      support === undefined ||
      model.access !== 'open-weights' ||
      model.modality !== 'text' ||
      model.supersededBy !== undefined ||
      !languages.every((name) => support.named.includes(name))
    )
      continue;
    const family = familyOf(model);
    if (!byFamily.has(family)) byFamily.set(family, model);
  }
  return [...byFamily.values()];
}

/** The widest language claims in the catalog, for when no card lists the language asked ("Llama 3.1 and 3.2 (eight supported)"). */
function widestClaims(knowledge: Knowledge): string {
  const families = new Map<string, string[]>();
  for (const model of knowledge.models) {
    const support = model.supportedLanguages;
    if (support === undefined || model.access !== 'open-weights' || support.named.length < 2) continue;
    const family = familyOf(model);
    const claim = support.complete
      ? `${NUMBER_WORDS[support.named.length] ?? support.named.length} supported`
      : `${support.total ?? support.named.length}+ claimed, ${support.named.length} named`;
    const list = families.get(claim) ?? [];
    if (!list.includes(family)) list.push(family);
    families.set(claim, list);
  }
  return joinWords([...families.entries()].map(([claim, names]) => `${joinWords(names)} (${claim})`));
}

/**
 * No card lists every language asked, but some list part of them: the family that lists the most ("Qwen2.5 lists
 * Japanese and Korean"), and the languages no card lists at all ("no card in the catalog lists Welsh").
 */
function partialCover(knowledge: Knowledge, languages: readonly string[]): string | undefined {
  let best: { family: string; covered: string[] } | undefined;
  const listedAnywhere = new Set<string>();
  for (const model of knowledge.models) {
    const named = model.supportedLanguages?.named;
    if (named === undefined || model.access !== 'open-weights') continue;
    const covered = languages.filter((language) => named.includes(language));
    for (const language of covered) listedAnywhere.add(language);
    if (covered.length > (best?.covered.length ?? 0)) best = { family: familyOf(model), covered };
  }
  if (best === undefined) return undefined;
  const nowhere = languages.filter((language) => !listedAnywhere.has(language));
  // A card that claims more languages than it names (Qwen2.5: 29+ claimed, 13 named) may cover one it does not name.
  const partialClaims = knowledge.models.some(
    (model) => model.access === 'open-weights' && model.supportedLanguages?.complete === false,
  );
  const elsewhere = languages.filter((language) => listedAnywhere.has(language) && !best.covered.includes(language));
  return `No generative model in the catalog lists all of ${joinWords(languages.map(languageName))}: ${best.family} lists ${joinWords(best.covered.map(languageName))}${elsewhere.length > 0 ? `; other cards list ${joinWords(elsewhere.map(languageName))}` : ''}${nowhere.length > 0 ? `; no card in the catalog names ${joinWords(nowhere.map(languageName))}${partialClaims ? ' (some cards claim more languages than they name)' : ''}, so test ${nowhere.length === 1 ? 'it' : 'them'} hardest` : ''}.`;
}

export function languageReply(
  recommendation: Recommendation,
  knowledge: Knowledge,
  profile: Partial<Profile>,
  asked: { languages: readonly string[]; model?: string },
): InfoAnswer {
  const { listed, cite } = sourceMarks(knowledge);
  const languages = asked.languages;
  const words = joinWords(languages.map(languageName));
  const subjectName = asked.model ?? recommendation.destination.model.name ?? profile.modelName;
  const subject = subjectName === undefined || subjectName === null ? undefined : knowledge.findModel(subjectName);
  const parts: string[] = [];
  if (subject !== undefined) parts.push(cardWords(subject, languages, cite, knowledge));
  const subjectSupports =
    subject?.supportedLanguages !== undefined &&
    languages.every((name) => subject.supportedLanguages?.named.includes(name));
  const listing = subjectSupports
    ? []
    : modelsListing(knowledge, languages).filter(
        (model) => subject === undefined || familyOf(model) !== familyOf(subject),
      );
  if (listing.length > 0)
    parts.push(
      `Catalog models whose cards list ${words}: ${joinWords(
        listing.map((model) => {
          const source = languageSource(model, knowledge);
          return `${familyOf(model)}${source === undefined ? '' : cite(source)}`;
        }),
      )}, in the sizes the catalog holds.`,
    );
  else if (!subjectSupports && subject?.architecture?.kind !== 'encoder')
    parts.push(
      partialCover(knowledge, languages) ??
        `No generative model in the catalog lists ${words} among its supported languages; the widest claims are ${widestClaims(knowledge)}.`,
    );
  // A task judged item by item (a label, fields) is served well by an encoder: one whose pre-training covers every
  // language asked is named as the cheap baseline.
  const perItem = profile.taskType === 'classify' || profile.taskType === 'extract';
  const encoders = perItem
    ? textEncoders(knowledge.models, { multilingual: true, languages }).filter((model) => model.id !== subject?.id)
    : [];
  if (encoders.length > 0)
    parts.push(
      `For ${profile.taskType === 'classify' ? 'classifying' : 'extracting'} item by item, a multilingual encoder fine-tuned on your labels is the cheap baseline: ${joinWords(
        encoders.map((model) => {
          const source = model.sources[0];
          return `${plainModelName(model.name)} (its card lists ${(model.languages ?? []).length} pre-training languages, ${words} among them${source === undefined ? '' : cite(source)})`;
        }),
      )}; it serves on a CPU or a small GPU.`,
    );
  const tuned = recommendation.plan
    .flatMap((step) => step.methods)
    .find((method) =>
      ['lora', 'qlora', 'full-fine-tuning', 'managed-fine-tuning', 'instruction-tuning'].includes(method),
    );
  parts.push(
    `I can't rate how well a model handles ${words}: no source in my catalog measures it. Put real ${words} inputs in your evaluation set, compare two candidates that fit your hardware on them, and if both fall short, ${profile.labeledExamples === 0 ? `collect a few hundred ${words} examples of good answers and tune on them` : `tune on your own ${words} examples`}${tuned === undefined ? '' : ` (the plan's ${tuned === 'managed-fine-tuning' ? "provider's tuning job" : tuned === 'qlora' ? 'QLoRA' : tuned === 'lora' ? 'LoRA' : 'tuning step'})`}: that is how a language the model handles poorly gets better.`,
  );
  return citedAnswer(parts.join(' '), listed, knowledge);
}
