import { METHOD_IDS, type MethodId, type Profile } from '../profile/profile-schema.ts';
import {
  type DataSufficiency,
  IMAGE_ADAPTER_MIN_IMAGES,
  SFT_AFTER_PLATEAU_MIN_EXAMPLES,
  SFT_MIN_EXAMPLES,
  sufficient,
  TEACHER_OUTWEIGHS_LABELS_BELOW,
} from './data-sufficiency.ts';
import { inSmallModelClass } from './derive-facts.ts';
import { BEHAVIOUR_NEEDS, type Diagnosis, KNOWLEDGE_NEEDS, METHODS_FOR_NEED, mustLeaveApiModel } from './diagnose.ts';
import type { Facts } from './facts.ts';
import type { FeasibilityMap } from './feasibility.ts';
import { RETRIEVAL_FORMATTED_SIBLINGS, SFT_SIBLINGS, TRAINING_METHODS } from './method-groups.ts';
import { PROPER_NAME_FIRST } from './method-name.ts';
import { promptMeetsBar } from './prompt-meets-bar.ts';
import type { Destination, Need } from './recommendation-schema.ts';
import { kindReplacingNamed } from './task-capability.ts';

/**
 * Stage 6 of the pipeline (shared/design.md): the destination is the feasible method that closes the diagnosed
 * gap with the data at hand. The diagnosis and the data give an ordered wish list (each wish a set of close
 * siblings with one objective); the first wish with a method that is possible on the named model wins, and the
 * scores only choose among its siblings. When the named model rules out the wish that matters, a substitute model
 * is tried (stage 3, options). Pure.
 */

/** A retrieval note that says the search misses the right passages ("correct article in the top 5 only 58%"). */
const RETRIEVAL_MISSES =
  /\b(?:retriev\w*|recall|top[\s-]?\d+|wrong\s+(?:chunks?|passages?|documents?|articles?|pages?)|(?:doesn't|does\s+not|didn't|can't|fails?\s+to)\s+find|misses|not\s+(?:found|retrieved))\b/i;

/** Words in a `tried` note or the task that say the model writes the language poorly (linear, bounded text). */
const LANGUAGE_FAILURE =
  /\b(?:grammar|grammatical|fluen\w*|drifts?\s+(?:in)?to|switch\w*\s+(?:in)?to\s+english|answers?\s+in\s+english|wrong\s+language|spelling|unnatural|stiff|awkward|not\s+(?:fluent|natural|idiomatic))\b/i;

/** Weeks at or under which a team with no ML experience ships the prompt baseline first. */
export const RUSHED_WEEKS = 2;
/** Under this many requests a day distillation does not pay (the rule low-volume-distillation-does-not-pay). */
export const LOW_VOLUME_REQUESTS_PER_DAY = 1000;
/** Anthropic's threshold for putting a whole knowledge base in the prompt (ant-cr). */
export const WHOLE_CORPUS_IN_PROMPT_TOKENS = 200_000;
/** Share of the context window the documents may take, leaving room for instructions, question and answer. */
const CONTEXT_SHARE_FOR_DOCUMENTS = 0.75;
/** Context assumed when the catalog has none (API models): 128k tokens, the common size of current API models. */
const DEFAULT_CONTEXT_TOKENS = 128_000;

/**
 * The largest corpus that sits in the prompt instead of a retrieval system: Anthropic's 200,000 tokens, and no more
 * than the documents' share of the model's context (a common 128k when unknown). The plan and the chat's long-context
 * answer both use it, so they agree.
 */
export function promptCorpusLimit(contextTokens: number | undefined): number {
  return Math.min(
    WHOLE_CORPUS_IN_PROMPT_TOKENS,
    (contextTokens ?? DEFAULT_CONTEXT_TOKENS) * CONTEXT_SHARE_FOR_DOCUMENTS,
  );
}
/** Score gap under which two siblings count as a tie (reported as the margin). */
export const SIBLING_TIE_MARGIN = 3;

export type Objective = Destination['objective'];

export interface Wish {
  readonly methods: readonly MethodId[];
  readonly objective: Objective;
  readonly why: string;
  /** A wish worth switching models for when the named model rules it out. */
  readonly strong: boolean;
  /** The fix is a small model (a cost or latency cut): a substitute is sized like a distillation student. */
  readonly smallModel?: boolean;
  /** The wish runs on this catalog model instead of the named one (a cheaper tier of the same family). */
  readonly model?: string;
  /** The bill is too small for a student to pay back: no distillation step follows in the plan. */
  readonly noStudent?: boolean;
}

/** A substitute model on which one of `methods` is possible. */
export interface Substitute {
  readonly model: string;
  readonly method: MethodId;
}

export interface DestinationInput {
  readonly profile: Profile;
  readonly facts: Facts;
  readonly feasibility: FeasibilityMap;
  readonly diagnosis: Diagnosis;
  readonly data: DataSufficiency;
  readonly scores: ReadonlyMap<MethodId, number>;
  /** Finds a catalog model on which one of the methods is possible (stage 3); undefined when none. */
  readonly substitute: (wish: Wish) => Substitute | undefined;
  /** The vendor's published instruction-tuned checkpoint of the named model, when the catalog names one. */
  readonly instructCheckpoint?: string;
  /** The named model's context window in tokens, when the catalog has it. */
  readonly contextTokens?: number;
  /**
   * The nearest live cheaper tier of the named API model's family whose list-price bill at the team's volume and
   * request size fits its monthly budget (Gemini 2.5 Flash for Gemini 2.5 Pro), when there is one.
   */
  readonly cheaperTierInBudget?: string;
  /**
   * The named API model's list-price bill a month, when it is under the cheapest catalog GPU rented for a month and the
   * team owns no GPU: a self-hosted student costs more than the bill it replaces.
   */
  readonly apiBillUnderServingFloor?: { monthlyUSD: number; floorUSD: number; gpu: string; sizeAssumed: boolean };
}

export interface DestinationChoice {
  readonly method: MethodId;
  readonly objective: Objective;
  readonly why: string;
  /** The substitute model's name when the destination runs on another model. */
  readonly switchedTo: string | undefined;
  /** Score lead of the chosen sibling over the next possible sibling (undefined without a sibling). */
  readonly margin: number | undefined;
  /** The runner-up sibling when the margin is under SIBLING_TIE_MARGIN: a tie the questions should break. */
  readonly tiedWith?: MethodId;
  /** The wishes in order, for the trace. */
  readonly wishes: readonly Wish[];
  /** True when nothing is possible on the named model or a substitute. */
  readonly deadEnd: boolean;
}

/** Below this many labelled examples a supervised tune that plateaued is short of data, not of method. */
const DATA_LIMITED_PLATEAU_EXAMPLES = 1000;
/** Supervised tuning methods whose plateau can be a data limit. */
const SUPERVISED_TRIED: ReadonlySet<MethodId> = new Set([
  'lora',
  'qlora',
  'full-fine-tuning',
  'managed-fine-tuning',
  'adapters',
]);
/** Weight tuning the team already ran: when it plateaued, prompting is behind it too. */
const WEIGHT_TUNING_TRIED: ReadonlySet<MethodId> = new Set([
  'lora',
  'qlora',
  'full-fine-tuning',
  'instruction-tuning',
  'managed-fine-tuning',
  'adapters',
]);
/** Goals about running cost, speed and size: a working setup stays the quality bar for them. */
const EFFICIENCY_GOALS: readonly Need[] = ['cost', 'latency', 'on-device'];
/** Goals about how the model behaves, which retrieval does not change. */
const BEHAVIOUR_GOALS: readonly Need[] = [...BEHAVIOUR_NEEDS, 'alignment', 'instruction-following'];

/** The ordered wish list from the diagnosis, the data and the kind of model. */
export function wishList(
  input: Pick<
    DestinationInput,
    | 'profile'
    | 'facts'
    | 'diagnosis'
    | 'data'
    | 'instructCheckpoint'
    | 'contextTokens'
    | 'cheaperTierInBudget'
    | 'apiBillUnderServingFloor'
  >,
): Wish[] {
  const { profile, facts, diagnosis, data } = input;
  const wishes: Wish[] = [];
  const needs = diagnosis.needs;
  const has = (list: readonly string[]) => list.some((need) => needs.has(need as never));
  const examples = profile.labeledExamples;

  // An open model served on GPUs the team owns (on its premises) has no bill per answer: a cost goal alone does not
  // make a working setup the quality bar for a cheaper one.
  const servedOnOwnGpus =
    facts.weightsAvailable === true &&
    facts.hasGpu === true &&
    (facts['fits.inference'] === true || facts['fits.inference-int4'] === true) &&
    profile.deployment !== 'cloud-self-hosted' &&
    profile.currentMonthlySpendUSD === undefined;
  const efficiencyNeed = (needs.has('cost') && !servedOnOwnGpus) || needs.has('latency') || needs.has('on-device');
  // Retrieval good enough on the facts while prompting plateaued on a behaviour the team names (tone, format): the
  // retrieval stays, and the behaviour gap it does not close decides the destination.
  // Supervised tuning that plateaued is past prompting too ("more SFT data stopped helping"); what reviewers rank
  // (alignment) or the model must follow (instructions) is as much a behaviour as tone or format.
  const beyondPrompting =
    diagnosis.promptingExhausted ||
    (profile.tried ?? []).some((entry) => entry.result !== 'good-enough' && WEIGHT_TUNING_TRIED.has(entry.method));
  const behaviourLeft =
    diagnosis.goodEnough === 'rag' &&
    beyondPrompting &&
    (profile.goals ?? []).some((goal) => (BEHAVIOUR_GOALS as readonly string[]).includes(goal));
  // More generally: what is good enough solved one gap, and the goals name another it does not close (supervised
  // tuning got the tone right, the edge cases need preference pairs; retrieval finds the facts, the format breaks).
  const goodEnough = diagnosis.goodEnough;
  const gapLeft =
    goodEnough !== undefined &&
    beyondPrompting &&
    (profile.goals ?? []).some(
      (goal) =>
        goal in METHODS_FOR_NEED &&
        !(EFFICIENCY_GOALS as readonly string[]).includes(goal) &&
        !METHODS_FOR_NEED[goal as Need].includes(goodEnough),
    );
  // A prompt that is good enough on an API model, and only its bill is the gap: the same prompt on the family's
  // cheaper tier, when that tier's bill fits the budget, is the cut that trains nothing (checked on the evaluation
  // set), even with ample labels in hand (they become the evaluation set, and train a student only if the tier falls
  // short: w48). Not with a teacher named (the team set out to distil), nor for latency or a device, which a cheaper
  // API tier does not answer.
  const tier = input.cheaperTierInBudget;
  const promptGoodEnough =
    diagnosis.goodEnough === 'prompt-engineering' || diagnosis.goodEnough === 'in-context-learning';
  if (
    tier !== undefined &&
    promptGoodEnough &&
    needs.has('cost') &&
    !needs.has('latency') &&
    !needs.has('on-device') &&
    facts.weightsAvailable === false &&
    profile.teacherModel === undefined &&
    profile.canSwitchModel !== false &&
    !behaviourLeft &&
    !gapLeft
  ) {
    wishes.push({
      methods: [diagnosis.goodEnough as MethodId],
      objective: 'none',
      why: `You report ${diagnosis.goodEnough} as good enough and the bill is the gap: the same prompt on ${tier}, the family's cheaper tier, fits your monthly budget at list price and trains nothing; confirm it holds your quality bar on your evaluation set, and distil only if it does not.`,
      strong: false,
      model: tier,
    });
  }
  // A prompt measured on an API model the team cannot keep (data that may not leave for a vendor's servers, a model
  // retired everywhere) says nothing of the open model it moves to: no result to keep there.
  const measuredOnModelLeft = promptGoodEnough && mustLeaveApiModel(profile, facts);
  // A prompt good enough on part of the documents (a pilot with a few chapters pasted in) does not scale to a corpus
  // too large for the prompt: the knowledge it needs is then retrieved (the retrieval wish below).
  const promptOutgrown =
    promptGoodEnough &&
    diagnosis.needs.has('knowledge') &&
    (profile.corpusTokens ?? 0) > promptCorpusLimit(input.contextTokens);
  // Good enough and affordable: stop there. Good enough but too costly or slow: it is the quality bar, not the answer.
  if (
    diagnosis.goodEnough &&
    !efficiencyNeed &&
    !behaviourLeft &&
    !gapLeft &&
    !measuredOnModelLeft &&
    !promptOutgrown
  ) {
    wishes.push({
      methods: [diagnosis.goodEnough],
      objective: objectiveOf(diagnosis.goodEnough),
      why: `You report ${diagnosis.goodEnough} as good enough: keep it, and measure it on an evaluation set.`,
      strong: false,
    });
  }

  // The named model cannot do the task at all: wish for what a model of the task's kind would need (a substitute
  // of that kind carries it out).
  const taskKind = kindReplacingNamed(facts, profile.taskType, profile.task);
  const architecture = taskKind?.kind ?? facts.modelArchitecture;
  const imageGenerator = taskKind ? taskKind.kind === 'diffusion' : facts.imageGenerator === true;
  const audio = taskKind ? taskKind.modality === 'audio' : profile.modality === 'audio';
  if (architecture === 'encoder') {
    wishes.push({
      methods: ['full-fine-tuning', 'lora', 'adapters'],
      objective: 'sft',
      why: 'An encoder model (BERT, CLIP) does not generate text: it adapts by training a task head and its weights on labelled examples.',
      strong: true,
    });
  } else if (imageGenerator) {
    if (examples === undefined || examples >= IMAGE_ADAPTER_MIN_IMAGES) {
      wishes.push({
        methods: ['lora', 'qlora', 'full-fine-tuning'],
        objective: 'sft',
        why: 'A style or subject an image generator must reproduce is learned by a small LoRA adapter from a handful of images.',
        strong: true,
      });
    }
  } else if (audio) {
    // Terms that change every week or day (this week's product names) go in the recogniser's text prompt, chosen per
    // call from the current list: weights tuned on them would be stale within days (the knowledge rule
    // speech-vocabulary-by-prompt-first). Tuning stays for what is stable: accents, noise, fixed jargon; a monthly
    // change leaves time to tune.
    const changesWeekly = ['weekly', 'daily', 'realtime'].includes(profile.knowledgeChanges ?? '');
    if (changesWeekly || (needs.has('freshness') && profile.knowledgeChanges === undefined))
      wishes.push({
        methods: ['prompt-engineering'],
        objective: 'none',
        why: 'The words the recogniser gets wrong change every week: give it the current ones in its text prompt (up to 224 tokens, picked per call from your up-to-date list) instead of tuning weights that would be stale within days; tune later only for what stays the same, such as accents or noise.',
        strong: true,
      });
    // A speech model has no instructions to prompt (at most a vocabulary hint): with recordings to transcribe, an
    // acoustic gap is closed by tuning, and how many verified transcripts exist is the question, not a reason to prompt.
    if (examples === undefined || examples >= SFT_MIN_EXAMPLES) {
      wishes.push({
        methods: ['lora', 'full-fine-tuning', 'qlora'],
        objective: 'sft',
        why: 'A speech model learns accents and domain vocabulary from transcribed recordings by fine-tuning.',
        strong: true,
      });
    } else if (profile.teacherModel !== undefined && profile.unlabeledCorpus === 'large') {
      // No transcripts, but a larger speech model that gets the audio right and recordings to run it on.
      wishes.push({
        methods: ['distillation'],
        objective: 'distillation',
        why: 'You have no verified transcripts, but a larger model that transcribes your audio well and recordings to run it on: its transcripts train the model you ship (distillation by pseudo-labelling).',
        strong: true,
      });
    }
  } else {
    const efficiencyStated = (profile.goals ?? []).some((goal) => goal === 'cost' || goal === 'latency');
    const onDevice = needs.has('on-device');
    // (With no model named, the teacher that does the task today is the model: an API one cannot go on the device.)
    const tooBigForDevice =
      facts['fits.device'] === false ||
      (onDevice && facts.weightsAvailable === false) ||
      (onDevice &&
        profile.modelName === undefined &&
        profile.modelParamsB === undefined &&
        facts.teacherApiOnly === true &&
        !sufficient(data.sft));
    // Pairs on hand, but every goal the team named is about what the model knows (facts, freshness, sources): the
    // pairs' verdicts are about facts, which preference tuning does not keep current; retrieval is the fix, and the
    // pairs wait for a behaviour goal.
    const statedGoals = profile.goals ?? [];
    const knowledgeGoalsOnly =
      diagnosis.strongKnowledge &&
      statedGoals.length > 0 &&
      statedGoals.some((goal) => KNOWLEDGE_NEEDS.includes(goal)) &&
      statedGoals.every((goal) => KNOWLEDGE_NEEDS.includes(goal) || EFFICIENCY_GOALS.includes(goal)) &&
      // (A base model that does not follow instructions yet, or a behaviour gap, still wants its tuning stages.)
      !needs.has('instruction-following') &&
      !has(BEHAVIOUR_NEEDS);
    if (needs.has('alignment') && data.preference !== 'none' && data.preference !== 'few') {
      // Preference tuning starts from a model that already follows instructions: on a base model, supervised tuning
      // comes first (the chosen answers of the pairs can serve), unless the vendor's instruct checkpoint is used.
      const base = profile.modelStage === 'base' && facts.weightsAvailable !== false;
      // Preference tuning already failed or stalled on this model: a supervised stage on the chosen answers first
      // (the DPO authors' recipe when no supervised model exists), then preference tuning from that checkpoint.
      const preferenceSpent = diagnosis.spent.has('preference-tuning') && facts.weightsAvailable !== false;
      if (preferenceSpent && (profile.labeledExamples ?? 0) === 0) {
        wishes.push({
          methods: ['instruction-tuning'],
          objective: 'instruction',
          why: base
            ? `Preference tuning straight on a base checkpoint has no supervised stage to start from: tune it first on the chosen answers of your pairs${input.instructCheckpoint === undefined ? '' : ` (or start from the published ${input.instructCheckpoint})`}, then run preference tuning again from that checkpoint.`
            : 'Preference tuning did not work from this model: tune it first on the chosen answers of your pairs (the DPO authors do this when there is no supervised model), then run preference tuning again from that checkpoint.',
          strong: true,
        });
      }
      if (base && input.instructCheckpoint === undefined) {
        wishes.push({
          methods: ['instruction-tuning'],
          objective: 'instruction',
          why: 'A base model is tuned on supervised examples before preference tuning (the chosen answers of your pairs can serve); DPO then starts from that checkpoint.',
          strong: true,
        });
      }
      // A behaviour to learn (task skill, format, style) with enough examples of it, and no supervised stage yet:
      // supervised tuning first, preference tuning from that checkpoint after (the plan adds it).
      // (Not when the team names preferences as the goal, or already has a supervised stage: a fine-tuned checkpoint
      // or a supervised tune it tried.)
      const supervisedDone =
        profile.modelStage === 'fine-tuned' ||
        (profile.tried ?? []).some((entry) => (SFT_SIBLINGS as readonly string[]).includes(entry.method));
      // (On a base checkpoint, an ample set of the team's own instruction examples is that supervised stage, in place
      // of the vendor's instruct checkpoint: a base the team pretrained further on its domain keeps that training.)
      const supervisedFirst =
        (base
          ? data.instruction === 'ample' && (needs.has('instruction-following') || has(BEHAVIOUR_NEEDS))
          : has(BEHAVIOUR_NEEDS) && sufficient(data.sft)) &&
        !preferenceSpent &&
        !supervisedDone &&
        !(profile.goals ?? []).includes('alignment');
      if (!supervisedFirst && !knowledgeGoalsOnly)
        wishes.push({
          methods: ['preference-tuning'],
          objective: 'preference',
          why:
            base && input.instructCheckpoint !== undefined
              ? `Preference pairs teach which of two answers is better (DPO): run it from the published instruction-tuned checkpoint (${input.instructCheckpoint}), not the base, which has no supervised stage yet.`
              : 'Preference pairs teach which of two answers is better (DPO, RLHF): the fix for answers that are acceptable but not what people prefer.',
          strong: true,
        });
    }
    // A teacher is named and the named model is the smaller one: the team distils into the model it named (unless
    // the volume is too low for the teacher's bill to matter).
    const fewRequests = profile.requestsPerDay !== undefined && profile.requestsPerDay < LOW_VOLUME_REQUESTS_PER_DAY;
    if (facts.namedIsStudent === true && !fewRequests) {
      wishes.push({
        methods: ['distillation'],
        objective: 'distillation',
        why: `The named model is the student: train it on ${profile.teacherModel}'s answers to your real inputs (prompts or production logs, no human labels needed), then evaluate it against the teacher.`,
        strong: true,
      });
    }
    const conversational =
      profile.taskType === 'chat' || profile.taskType === 'generate' || profile.taskType === undefined;
    const instructionWish: Wish = {
      methods: ['instruction-tuning'],
      objective: 'instruction',
      why: 'A base model only continues text: instruction tuning on prompt/response pairs makes it follow instructions.',
      strong: true,
    };
    // A base model whose vendor publishes the instruction-tuned checkpoint: short of ample pairs, that checkpoint
    // (tuned on far more than a team's few hundred or thousand pairs) replaces instruction tuning.
    const instructCheckpointInstead =
      profile.modelStage === 'base' &&
      input.instructCheckpoint !== undefined &&
      (data.instruction === 'few' || data.instruction === 'enough');
    // (An instruct checkpoint already follows instructions: following the team's own rules on it is a behaviour for
    // supervised tuning on its examples, not instruction tuning.)
    const wantsInstruction =
      needs.has('instruction-following') &&
      profile.modelStage !== 'instruct' &&
      profile.modelStage !== 'fine-tuned' &&
      data.instruction !== 'none' &&
      data.instruction !== 'few' &&
      !instructCheckpointInstead;
    // Knowledge that changes weekly or must be cited is retrieved, never trained in, however large the corpus.
    // (Facts that must be fresh or cited still go to retrieval, but a skill the model lacks, which prompting could not
    // reach, is trained: "the DSL's syntax" with "today's functions" is both, continued pre-training and retrieval.)
    const skillGap = needs.has('task-skill') && (diagnosis.promptingExhausted || diagnosis.retrievalExhausted);
    // (A corpus that changes every month is not pre-trained on either: each change would be another run over
    // billions of tokens, where retrieval re-indexes the changed documents.)
    const pretrain =
      data.pretrainingCorpus === true &&
      facts.weightsAvailable !== false &&
      (!diagnosis.retrievalRequired || skillGap) &&
      (profile.knowledgeChanges !== 'monthly' || skillGap || needs.has('task-skill'));
    // A base model with a domain corpus of billions of tokens and only a few hundred pairs: the corpus shift comes
    // first (continued pre-training), the pairs after; with ample pairs, instruction tuning can lead.
    // (Unless prompting a base model already failed on the corpus's own text, a language or domain it writes poorly:
    // pairs teach it to follow instructions, not the text itself, so the corpus still comes first.)
    // (A base model that fails only at following instructions, "it continues the text instead of answering", needs
    // the pairs first.)
    const corpusShiftFirst =
      pretrain &&
      profile.modelStage === 'base' &&
      diagnosis.promptingExhausted &&
      // (A language or domain gap, not a behaviour the pairs show: another language, or the skill or knowledge the
      // corpus holds; a format, a style or following instructions is what the pairs teach.)
      (profile.multilingual === true ||
        (profile.goals ?? []).some((goal) => goal === 'task-skill' || goal === 'knowledge')) &&
      !(profile.goals ?? []).some((goal) => goal === 'instruction-following' || goal === 'format' || goal === 'style');
    const instructionFirst = conversational && (!pretrain || data.instruction === 'ample') && !corpusShiftFirst;
    // Completion (autocomplete in the team's phrasing and identifiers) is next-token prediction on the team's own
    // text: a large corpus of it is the training set, whatever its size in tokens.
    // Code in a language the model has not seen, with no labelled pairs: prompting or retrieval that stalled leaves the
    // team's own code as the training set, like completion (code is where LoRA lags full training most, Biderman).
    const unseenCode =
      profile.taskType === 'code' &&
      needs.has('task-skill') &&
      (diagnosis.promptingExhausted || diagnosis.retrievalExhausted) &&
      (examples ?? 0) === 0;
    const completionCorpus =
      (diagnosis.completionTask || unseenCode) &&
      facts.weightsAvailable !== false &&
      !diagnosis.retrievalRequired &&
      (data.pretrainingCorpus || profile.unlabeledCorpus === 'large');
    if (completionCorpus && !pretrain) {
      wishes.push({
        methods: ['full-fine-tuning', 'lora'],
        objective: 'continued-pretraining',
        why: 'Completion is next-token prediction on your own text: continue training the model on that corpus (every weight learns most; LoRA learns less but forgets less, Biderman et al.).',
        strong: true,
      });
    }
    if (wantsInstruction && instructionFirst) wishes.push(instructionWish);
    const behaviour =
      has(BEHAVIOUR_NEEDS) ||
      (needs.has('instruction-following') && !instructCheckpointInstead) ||
      needs.has('alignment');
    const enoughForSft =
      sufficient(data.sft) ||
      (diagnosis.promptingExhausted && (data.sft === 'unknown' || (examples ?? 0) >= SFT_AFTER_PLATEAU_MIN_EXAMPLES));
    // A behaviour the team names (a house style, a format) that prompting could not reach, with examples of it, on a
    // model that already follows instructions: supervised tuning on the examples comes before continued pre-training
    // on a large corpus (which teaches the domain's text, not the behaviour).
    const behaviourBeforeCorpus =
      behaviour &&
      enoughForSft &&
      diagnosis.promptingExhausted &&
      profile.modelStage !== 'base' &&
      (profile.goals ?? []).some((goal) => (BEHAVIOUR_NEEDS as readonly string[]).includes(goal)) &&
      // (Code the model writes poorly, with billions of tokens of it and retrieval of it already stalled, is the
      // domain shift itself: the corpus comes first, the pairs after — code is where LoRA lags full training most.)
      !(
        profile.taskType === 'code' &&
        diagnosis.retrievalExhausted &&
        !(profile.goals ?? []).some((goal) => goal === 'format' || goal === 'style')
      );
    // Every weight when it fits; on GPUs that cannot hold full training (and no rental), LoRA on the corpus still
    // adapts the model to the domain, learning less but forgetting less (Biderman et al.).
    const fullFits = facts['fits.full-fine-tuning'] !== false || facts.rentalAllowed !== false;
    const pretrainWish: Wish = {
      methods: fullFits ? ['full-fine-tuning'] : ['lora', 'qlora'],
      objective: 'continued-pretraining',
      why: fullFits
        ? 'A domain corpus of billions of tokens is a deep domain shift: continued pre-training of every weight, where LoRA lags full fine-tuning (Biderman et al.).'
        : 'A domain corpus of billions of tokens is a deep domain shift: continue pre-training on it; every weight does not fit your GPUs, so with LoRA, which learns less than full training but forgets less (Biderman et al.).',
      strong: true,
    };
    if (pretrain && !behaviourBeforeCorpus) wishes.push(pretrainWish);
    if (wantsInstruction && !instructionFirst) wishes.push(instructionWish);
    // Knowledge that must be cited or changes is retrieved on the device too, and a behaviour with the team's own
    // examples (writers' lines, labelled pairs) is trained into a smaller model that fits: in both, a substitute
    // that fits the device comes first, and a student of the named model after it.
    const deviceStudentWish: Wish = {
      methods: ['distillation'],
      objective: 'distillation',
      why: 'The model does not fit the device: a smaller student trained on its outputs does.',
      strong: true,
    };
    // The team names the behaviour itself (a voice, a format) and has examples of it: those train the small model.
    // So do the team's examples when the named model failed the task: distillation pays when the big model already
    // does the task well, and one that failed it has nothing to teach.
    const ownBehaviourExamples =
      sufficient(data.sft) &&
      (profile.needsStyleOrFormat === true ||
        (profile.goals ?? []).some((goal) => (BEHAVIOUR_NEEDS as readonly string[]).includes(goal)) ||
        (profile.tried ?? []).some((attempt) => attempt.result === 'failed' || attempt.result === 'plateaued'));
    const deviceStudentFirst = onDevice && tooBigForDevice && !diagnosis.retrievalRequired && !ownBehaviourExamples;
    if (deviceStudentFirst) wishes.push(deviceStudentWish);
    const volumeCost = needs.has('cost') || needs.has('latency');
    // Distillation does not pay at low volume: the teacher's bill is already small.
    // A model already under SMALL_MODEL_PARAMS_B has no smaller student worth training: tuning it is the fix.
    // Nor, for the bill, when the whole API bill is under a month of the cheapest rented GPU the student would be
    // served on (a latency need is no bill: a smaller student still answers faster).
    const smallBill = needs.has('cost') && !needs.has('latency') ? input.apiBillUnderServingFloor : undefined;
    const noSmallerStudent =
      (profile.requestsPerDay !== undefined && profile.requestsPerDay < LOW_VOLUME_REQUESTS_PER_DAY) ||
      smallBill !== undefined ||
      (facts.smallModel === true && facts.weightsAvailable === true);
    const sftWish: Wish = {
      methods: SFT_SIBLINGS,
      objective: 'sft',
      why: diagnosis.promptingExhausted
        ? data.sft === 'unknown'
          ? 'Prompting has plateaued on a behaviour gap (format, style, task skill): supervised fine-tuning trains the behaviour in, given enough labelled examples (how many you have is not known yet).'
          : 'Prompting has plateaued on a behaviour gap (format, style, task skill) and there are labelled examples: supervised fine-tuning trains the behaviour in.'
        : data.sft === 'unknown'
          ? 'A behaviour gap (format, style, task skill): supervised fine-tuning on labelled examples makes it consistent, measured against a prompt baseline first (how many examples you have is not known yet).'
          : 'A behaviour gap (format, style, task skill) with enough labelled examples: supervised fine-tuning makes it consistent, measured against a prompt baseline first.',
      strong: diagnosis.promptingExhausted || data.sft === 'ample',
    };
    // Prompting plateaued on behaviour with data to train on: tuning comes before retrieval unless retrieval is
    // required (citations, weekly or daily changes); retrieval can still join in the plan.
    const tuneFirst = behaviour && enoughForSft && diagnosis.promptingExhausted && !diagnosis.retrievalRequired;
    // Many tasks on one base with a behaviour to train: one adapter per task on a shared base is itself the cost fix
    // (multi-adapter serving), so it comes before a smaller student.
    const adaptersPerTask = (profile.tasksCount ?? 1) > 1 && behaviour && enoughForSft;
    if (adaptersPerTask) wishes.push(sftWish);
    // A bill for knowledge in the prompt is cut by sending less of it (retrieval, caching), not by a student that would
    // have to learn the documents (facts trained in are hallucinated more, Gekhman et al.): efficiency comes after.
    // (With retrieval already working, the documents stay retrieved and a smaller generator is the cost cut.)
    const retrievalInPlace = (profile.tried ?? []).some(
      (entry) => entry.method === 'rag' && entry.result === 'good-enough',
    );
    const knowledgeBill = has(KNOWLEDGE_NEEDS) && facts.weightsAvailable === false && !retrievalInPlace;
    // An open model the team serves itself, whose behaviour prompting could not reach and whose bill is the long
    // prompt of worked examples: tuning the examples in fixes both, before a smaller student (which comes after).
    const promptBillOnOwnModel =
      tuneFirst &&
      facts.weightsAvailable === true &&
      (profile.tried ?? []).some((entry) => entry.method === 'in-context-learning' && entry.result !== 'good-enough');
    if (promptBillOnOwnModel && !adaptersPerTask) wishes.push(sftWish);
    if (volumeCost && efficiencyStated && !noSmallerStudent && !knowledgeBill)
      wishes.push(efficiencyWish(facts, profile, data, needs.has('cost')));
    // The bill is smaller than serving any student would cost: the prompt stays, and its bill is cut on the vendor's
    // side (the family's cheaper tier, caching).
    if (efficiencyStated && smallBill !== undefined && !knowledgeBill)
      wishes.push({
        methods: ['prompt-engineering'],
        objective: 'none',
        why: `Your API bill is about $${Math.round(smallBill.monthlyUSD)} a month at list price${smallBill.sizeAssumed ? ' (at an assumed request size)' : ''}, under the $${Math.round(smallBill.floorUSD)} a month that even the cheapest GPU (${smallBill.gpu}) costs rented to serve a smaller student: distillation cannot pay back here. Keep the prompt and cut its bill on the vendor's side (a cheaper tier of the family, prompt caching).`,
        strong: true,
        noStudent: true,
      });
    // A reasoning model its provider tunes only with a grader (reinforcement fine-tuning, no supervised job): the
    // examples become prompts with checkable answers, on the same model, before switching models for supervised tuning.
    // No labelled examples, but a named teacher that does the task and inputs it can label (a corpus of them, or the
    // traffic): its outputs are the training set of the model the team serves (pseudo-labelling, distillation).
    const teacherLabels =
      behaviour &&
      (examples ?? 0) === 0 &&
      profile.labeledExamples !== undefined &&
      profile.teacherModel !== undefined &&
      (profile.unlabeledCorpus === 'large' || (profile.requestsPerDay ?? 0) > 0);
    if (teacherLabels)
      wishes.push({
        methods: ['distillation'],
        objective: 'distillation',
        why: 'You have no labelled examples, but a teacher that does the task well and inputs it can label: its outputs become the training set of the model you serve (distillation by pseudo-labelling).',
        strong: true,
      });
    if (tuneFirst && facts.managedRftAvailable === true && facts.managedTuningAvailable !== true)
      wishes.push({
        methods: ['preference-tuning'],
        objective: 'preference',
        why: "Prompting has plateaued and the model's provider tunes it only with a grader (reinforcement fine-tuning): your examples become prompts whose answers a grader scores, so the task must be checkable (exact answers, rules, tests).",
        strong: false,
      });
    if (tuneFirst && !adaptersPerTask) wishes.push(sftWish);
    if (pretrain && behaviourBeforeCorpus) wishes.push(pretrainWish);
    // A corpus small enough to sit in the prompt (Anthropic: under about 200,000 tokens, with prompt caching) needs
    // no retrieval system; it must also fit the model's context with room for the question and answer.
    const corpusFitsPrompt =
      profile.corpusTokens !== undefined &&
      profile.corpusTokens > 0 &&
      profile.corpusTokens <= promptCorpusLimit(input.contextTokens) &&
      // On a device, the KV cache of the whole corpus must fit its memory beside the weights.
      facts['fits.device-corpus'] !== false;
    if (has(KNOWLEDGE_NEEDS) && corpusFitsPrompt && facts.modelArchitecture !== 'encoder') {
      wishes.push({
        methods: ['prompt-engineering'],
        objective: 'none',
        why: `Your documents (${profile.corpusTokens} tokens) fit in the prompt: put all of them in a cached prompt instead of building retrieval, and switch to retrieval if they outgrow it.`,
        strong: true,
      });
    }
    // Retrieval is good enough on the facts and stays; the behaviour left (a format, citations in the regulator's form,
    // tone) is trained into the model that reads the passages, on retrieval-formatted examples.
    const ragInPlace = behaviourLeft && behaviour && enoughForSft;
    if (ragInPlace) {
      wishes.push({
        ...sftWish,
        methods: RETRIEVAL_FORMATTED_SIBLINGS,
        why: 'Retrieval is good enough on the facts and stays in front; the behaviour it does not fix is trained in: fine-tune on retrieval-formatted examples (question, retrieved passages, the answer you want).',
        strong: true,
      });
    }
    // Retrieval is in place but the model misuses what it retrieves, prompting plateaued too, and there are examples:
    // tune on retrieval-formatted examples (question, passages, cited answer) and keep retrieval in front (RAFT).
    if (has(KNOWLEDGE_NEEDS) && diagnosis.contextMisused && diagnosis.promptingExhausted && enoughForSft) {
      wishes.push({
        methods: RETRIEVAL_FORMATTED_SIBLINGS,
        objective: 'sft',
        why: 'Retrieval is in place but the model misuses what it retrieves, and prompting has plateaued: fine-tune it on retrieval-formatted examples (question, retrieved passages, cited answer) and keep retrieval in front.',
        strong: true,
      });
    }
    // Retrieval that stalled because it finds the wrong passages (not because the model misuses the right ones) is
    // still the only fix for cited or weekly-changing knowledge.
    const retrievalToImprove =
      diagnosis.retrievalExhausted &&
      diagnosis.retrievalRequired &&
      !diagnosis.contextMisused &&
      RETRIEVAL_MISSES.test(profile.tried?.find((entry) => entry.method === 'rag')?.note ?? '');
    // The team says it has no documents at all: retrieval has nothing to search, and invented facts in, say, a summary
    // of the input are the model's behaviour (trained on grounded examples), not knowledge it lacks.
    const noDocuments = profile.unlabeledCorpus === 'none' && !((profile.corpusTokens ?? 0) > 0);
    // A language the model writes poorly: prompting in it failed on the task, and retrieval brings facts, not fluency.
    // Tuning on the team's examples in that language (retrieval-formatted when the answers must cite) is the
    // destination; retrieval stays in front for the facts.
    // (Only with evidence that the failure was the language: a note or the task saying so.)
    const languageFailure =
      (profile.tried ?? []).some(
        (entry) => entry.method !== 'rag' && entry.result !== 'good-enough' && LANGUAGE_FAILURE.test(entry.note ?? ''),
      ) || LANGUAGE_FAILURE.test(profile.task ?? '');
    const languageGap =
      profile.multilingual === true &&
      languageFailure &&
      needs.has('task-skill') &&
      diagnosis.promptingExhausted &&
      sufficient(data.sft) &&
      facts.weightsAvailable !== false &&
      !tuneFirst &&
      !adaptersPerTask;
    if (languageGap && has(KNOWLEDGE_NEEDS))
      wishes.push({
        ...sftWish,
        why: 'Prompting in your language failed on the task, and retrieval brings facts, not fluency: fine-tune on your examples in that language (with the retrieved passages in each prompt when answers must cite them), and keep retrieval in front for the facts.',
        strong: true,
      });
    if (has(KNOWLEDGE_NEEDS) && (!diagnosis.retrievalExhausted || retrievalToImprove) && !noDocuments) {
      wishes.push({
        methods: ['rag'],
        objective: 'none',
        why: diagnosis.retrievalExhausted
          ? 'Answers must cite their sources or follow knowledge that changes weekly, which only retrieval does: retrieval that stalled is improved (chunking, hybrid keyword and vector search, reranking, retrieval measured on its own), not replaced.'
          : profile.taskType === 'search'
            ? 'A search returns ranked items: retrieval (keyword and embedding search, then a reranker) is the product and follows the items as they change; a model call per search is optional.'
            : 'The gap is knowledge the model lacks or that changes: retrieval puts it into the prompt at answer time, with citations.',
        strong: true,
      });
    }
    // With the team's own examples the substitute is tuned on them (below); a student of the named model comes after.
    const studentAfterExamples = ownBehaviourExamples && !diagnosis.retrievalRequired;
    if (onDevice && tooBigForDevice && !deviceStudentFirst && !studentAfterExamples) wishes.push(deviceStudentWish);
    // A behaviour the team names as its goal (tone, format, skill) with the examples to train it comes before a
    // smaller model that only a latency target or a volume suggests.
    const behaviourStated =
      behaviour &&
      enoughForSft &&
      (profile.goals ?? []).some((goal) => (BEHAVIOUR_NEEDS as readonly string[]).includes(goal));
    const efficiencyInferred = volumeCost && (!efficiencyStated || knowledgeBill) && !noSmallerStudent;
    if (efficiencyInferred && !behaviourStated) wishes.push(efficiencyWish(facts, profile, data, needs.has('cost')));
    if (behaviour && enoughForSft && !tuneFirst && !adaptersPerTask && !ragInPlace) wishes.push(sftWish);
    if (onDevice && tooBigForDevice && !deviceStudentFirst && studentAfterExamples) wishes.push(deviceStudentWish);
    if (efficiencyInferred && behaviourStated) wishes.push(efficiencyWish(facts, profile, data, needs.has('cost')));
  }
  // Too few pairs to instruction-tune, and the vendor publishes the tuned checkpoint: start from it.
  if (
    diagnosis.needs.has('instruction-following') &&
    data.instruction !== 'ample' &&
    profile.modelStage === 'base' &&
    input.instructCheckpoint !== undefined
  ) {
    wishes.push({
      methods: ['prompt-engineering', 'in-context-learning'],
      objective: 'none',
      why: `Start from the published instruction-tuned checkpoint (${input.instructCheckpoint}): it already follows instructions, which the base model does not, and instruction tuning needs hundreds of curated pairs to come close.`,
      strong: false,
    });
  }
  if (data.fewShot === true && facts.modelArchitecture !== 'encoder' && facts.imageGenerator !== true) {
    wishes.push({
      methods: ['in-context-learning'],
      objective: 'none',
      why: 'Worked examples in the prompt show the model the task without training.',
      strong: false,
    });
  }
  wishes.push({
    methods: ['prompt-engineering'],
    objective: 'none',
    why: 'Clear instructions, measured on an evaluation set, are the cheapest fix and the baseline for every other.',
    strong: false,
  });

  const paced = isRushedNovice(profile)
    ? wishes.filter((wish) => !wish.methods.every((method) => TRAINING_METHODS.has(method)))
    : wishes;
  // Knowledge that must be cited or changes weekly has no other fix than retrieval: retrieval that stalled is improved
  // (chunking, hybrid search, reranking), not left for another method.
  const irreplaceable = new Set<MethodId>(diagnosis.retrievalRequired ? ['rag'] : []);
  // Supervised tuning that beat prompting and then plateaued on a few hundred examples is limited by its data, not
  // its method (the vendors: start with about a hundred examples and scale to thousands): more examples come first.
  if ((profile.labeledExamples ?? Number.POSITIVE_INFINITY) < DATA_LIMITED_PLATEAU_EXAMPLES) {
    for (const entry of profile.tried ?? [])
      if (entry.result === 'plateaued' && SUPERVISED_TRIED.has(entry.method)) irreplaceable.add(entry.method);
  }
  return afterWhatWasTried(paced, diagnosis.spent, irreplaceable);
}

/**
 * A method the team reports as plateaued or failed is not proposed again while anything else fits: it leaves every
 * wish it shares with other methods, and wishes made only of such methods go last (chosen only when nothing else is
 * possible, e.g. a locked model with no other lever).
 */
function afterWhatWasTried(
  wishes: readonly Wish[],
  spent: ReadonlySet<MethodId>,
  irreplaceable: ReadonlySet<MethodId> = new Set(),
): Wish[] {
  if (spent.size === 0) return [...wishes];
  const fresh: Wish[] = [];
  const stale: Wish[] = [];
  for (const wish of wishes) {
    const methods = wish.methods.filter((method) => !spent.has(method) || irreplaceable.has(method));
    if (methods.length > 0) fresh.push({ ...wish, methods });
    else stale.push(wish);
  }
  return [...fresh, ...stale];
}

/** A team with no ML experience and two weeks or less ships the prompt baseline; training waits. */
export function isRushedNovice(profile: Profile): boolean {
  return profile.mlExpertise === 'none' && (profile.timelineWeeks ?? Number.POSITIVE_INFINITY) <= RUSHED_WEEKS;
}

/** From this many requests a day, the logged traffic is a pool for a teacher to label. */
const HIGH_VOLUME_FOR_PSEUDO_LABELS = 50_000;

/** Task shapes where a small model trained on enough human labels replaces the large one outright. */
const NARROW_TASKS: ReadonlySet<string> = new Set(['classify', 'extract', 'image-understand']);

/**
 * The fix for cost or latency at volume: distillation (a small student on the large model's outputs), or, for a
 * narrow task with ample human labels, supervised tuning of a small model directly — no teacher needed.
 */
function efficiencyWish(facts: Facts, profile: Profile, data: DataSufficiency, costNeeded: boolean): Wish {
  // On an API model, a tuned copy of the same model is billed above the base model: the saving is a smaller model.
  // A team that serves models itself trains its own small one on the labels; one that stays with the provider gets
  // a cheaper tier tuned or distilled there (the distillation form below).
  const servesItself =
    profile.deployment === 'cloud-self-hosted' ||
    profile.deployment === 'on-prem' ||
    profile.deployment === 'edge' ||
    profile.deployment === 'mobile' ||
    (profile.deployment === undefined && facts.hasGpu === true);
  // A model shut down on every channel answers nothing: it cannot teach a student, so the labels train one.
  const noTeacher = facts.modelRetired === true;
  // No large model named and no teacher: there are no outputs to distil, so ample labels train the small model.
  // (A small model named, with no teacher, is itself the model to tune.)
  const nothingToDistil =
    profile.teacherModel === undefined &&
    ((profile.modelName === undefined && profile.modelParamsB === undefined) || facts.smallModel === true);
  // The large model itself plateaued on the behaviour the team's own examples show (a voice it gets right 70% of the
  // time): its outputs would teach its misses, so the team's examples train the small model.
  const teacherMisses =
    (profile.tried ?? []).some(
      (entry) =>
        (entry.method === 'prompt-engineering' || entry.method === 'in-context-learning') &&
        entry.result !== 'good-enough',
    ) && (profile.goals ?? []).some((goal) => goal === 'style' || goal === 'format');
  // A teacher the team names that does the job well, with a few thousand labels at most: the teacher labels the
  // traffic or the corpus for a student (far more examples than the human labels, which become the check).
  const teacherToLearnFrom =
    profile.teacherModel !== undefined &&
    !teacherMisses &&
    (profile.labeledExamples ?? 0) < TEACHER_OUTWEIGHS_LABELS_BELOW &&
    (profile.unlabeledCorpus === 'large' || (profile.requestsPerDay ?? 0) >= HIGH_VOLUME_FOR_PSEUDO_LABELS);
  // Tens of thousands of the team's own verified outputs (signed-out reports, approved answers) are already the
  // targets a student would learn: the teacher's outputs add nothing but its own errors, whatever the task shape.
  // (A team that names a teacher means to distil from it; its labels may be that teacher's own outputs. The small
  // model is another model than the one named, so the team must be free to switch; otherwise a student is the form.)
  // (For the bill only: a latency target needs a model small and fast enough, which a student sized for it is.)
  const labelsOutweighTeacher =
    costNeeded &&
    profile.teacherModel === undefined &&
    profile.canSwitchModel === true &&
    (profile.labeledExamples ?? 0) >= TEACHER_OUTWEIGHS_LABELS_BELOW;
  // The named model is the teacher and already does the job well (its prompt is good enough): the labels are its own
  // outputs, logged, and a small model trained on them is its student.
  const labelsAreTeachers =
    profile.teacherModel !== undefined &&
    profile.teacherModel === profile.modelName &&
    !teacherMisses &&
    (profile.tried ?? []).some(
      (entry) =>
        (entry.method === 'prompt-engineering' || entry.method === 'in-context-learning') &&
        entry.result === 'good-enough',
    );
  if (
    data.sft === 'ample' &&
    !teacherToLearnFrom &&
    !labelsAreTeachers &&
    ((profile.taskType !== undefined && NARROW_TASKS.has(profile.taskType)) ||
      nothingToDistil ||
      teacherMisses ||
      labelsOutweighTeacher) &&
    (facts.weightsAvailable !== false ||
      servesItself ||
      noTeacher ||
      labelsOutweighTeacher ||
      (teacherMisses && profile.canSwitchModel === true))
  ) {
    return {
      // A team on a vendor's API with nothing of its own to serve on keeps a provider's channel first: a small model
      // tuned by the provider on the labels (Nova, GPT-4.1 nano), or one it trains and serves itself.
      methods:
        servesItself || facts.hasGpu === true
          ? ['lora', 'qlora', 'full-fine-tuning']
          : ['managed-fine-tuning', 'lora', 'qlora', 'full-fine-tuning'],
      objective: 'sft',
      why: nothingToDistil
        ? 'The task is narrow and you have ample labelled data: fine-tune a small model that meets the size or latency target on those labels directly; with no large model to learn from, there is nothing to distil.'
        : teacherMisses && !(profile.taskType !== undefined && NARROW_TASKS.has(profile.taskType))
          ? 'At this volume the large model costs too much per answer, and it misses the behaviour your own examples show: a small model fine-tuned on your examples (not on the large model’s outputs, which carry its misses) serves it for a fraction of the cost.'
          : labelsOutweighTeacher && !(profile.taskType !== undefined && NARROW_TASKS.has(profile.taskType))
            ? 'At this volume the large model costs too much per answer, and you already hold tens of thousands of examples of the outputs you want: a small model fine-tuned on them serves the task for a fraction of the cost, with no teacher needed to write more.'
            : 'At this volume or latency the large model costs too much per answer, and the task is narrow with ample labelled data: a small model fine-tuned on those labels serves it for a fraction of the cost.',
      strong: true,
      smallModel: true,
    };
  }
  // A tuned copy of the named model is billed above its base: the provider's tuning is a cost fix only on the
  // cheapest tier of the family; above it, the saving is a smaller model (a student, or the cheaper tier).
  // A prompt on a live model that already meets the bar has nothing a tuned copy would add but its higher per-token
  // price (and, on some channels, hosting by the hour): the saving is a smaller model only. (A provider's tuning that
  // already served the task well, or a shut-down model whose tuning moves to a substitute, stays an option.)
  const tried = profile.tried ?? [];
  const promptAlreadyGood =
    !noTeacher &&
    promptMeetsBar(profile) &&
    !tried.some((entry) => entry.method === 'managed-fine-tuning' && entry.result === 'good-enough');
  const providerTierTuning =
    facts.weightsAvailable === false && facts.cheaperTierInFamily !== true && !promptAlreadyGood;
  return {
    methods: providerTierTuning ? ['distillation', 'managed-fine-tuning'] : ['distillation'],
    objective: 'distillation',
    why: providerTierTuning
      ? 'At this volume or latency the large model costs too much per answer: a smaller model trained on its outputs, or this tier tuned by the provider on your examples, serves the same narrow task for less.'
      : facts.weightsAvailable === false && facts.cheaperTierInFamily === true
        ? "At this volume or latency the large model costs too much per answer, and a tuned copy of it is billed above the base: a smaller model trained on its outputs (or the family's cheaper tier, tuned on your examples) serves the same narrow task for less."
        : facts.weightsAvailable === false
          ? 'At this volume or latency the large model costs too much per answer, and a tuned copy of it is billed above the base: a smaller model trained on its outputs serves the same narrow task for less.'
          : 'At this volume or latency the large model costs too much per answer: a smaller model trained on its outputs serves the same narrow task for less.',
    strong: true,
  };
}

/** From this many tenants (or tasks), a provider-tuned model each is outdone by adapters on one shared open base. */
const MANY_TENANT_COPIES = 10;

/** Chooses the destination: the first wish possible on the named model, else on a substitute, else a dead end. */
export function chooseDestination(input: DestinationInput): DestinationChoice {
  const wishes = wishList(input);
  const status = (method: MethodId) => input.feasibility.get(method)?.status ?? 'infeasible';
  const anyPossible = METHOD_IDS.some((method) => status(method) !== 'infeasible');
  const mayAlwaysSwitch = input.profile.canSwitchModel === true;
  const mayNeverSwitch = input.profile.canSwitchModel === false;

  for (const wish of wishes) {
    const picked = pickSibling(wish.methods, status, input.scores);
    // A wish on a named cheaper model (the family's cheaper tier): prompting is possible on any live API model.
    if (picked && wish.model !== undefined) {
      return {
        method: picked.method,
        objective: wish.objective,
        why: wish.why,
        switchedTo: wish.model,
        margin: undefined,
        wishes,
        deadEnd: false,
      };
    }
    // Many tenants, each wanting its own tuned model, on a model only a provider tunes: a custom model per tenant (its
    // own job, re-tune and, on some platforms, hourly-billed deployment). With another model allowed, one open base
    // with a small adapter per tenant serves them all: plan it on a substitute.
    if (
      picked?.method === 'managed-fine-tuning' &&
      wish.objective === 'sft' &&
      (input.profile.tasksCount ?? 0) >= MANY_TENANT_COPIES &&
      mayAlwaysSwitch
    ) {
      const substitute = input.substitute({
        ...wish,
        methods: wish.methods.filter((method) => method !== 'managed-fine-tuning'),
      });
      if (substitute) {
        return {
          method: substitute.method,
          objective: objectiveFor(substitute.method, wish.objective),
          why: `${wish.why} A provider-tuned model per tenant is ${input.profile.tasksCount} custom models to train, re-tune and host; one open base with a small adapter per tenant serves them all, so it is planned on ${substitute.model}.`,
          switchedTo: substitute.model,
          margin: undefined,
          wishes,
          deadEnd: false,
        };
      }
    }
    // Training a model whose vendor retires it within months: the work dies with it; move it to another model. (Where
    // another channel still lists it with no end date announced, only when the team may switch: that channel's own
    // retirement follows the vendor's, on a date the catalog does not hold.)
    // (A student distilled from it outlives the teacher: distillation stays.)
    const retiring =
      (input.facts.modelRetiringSoon === true && !mayNeverSwitch) ||
      (input.facts.vendorRetiringSoon === true && mayAlwaysSwitch && picked?.method !== 'distillation');
    if (picked && wish.objective !== 'none' && retiring) {
      const substitute = input.substitute(wish);
      if (substitute) {
        return {
          method: substitute.method,
          objective: objectiveFor(substitute.method, wish.objective),
          why:
            wish.objective === 'distillation' && substitute.method === 'managed-fine-tuning'
              ? `At this volume or latency the large model costs too much per answer, and its vendor retires it within months (a tuned copy retires with it): a cheaper live model tuned by its provider on your examples serves the same narrow task for less, so it is planned on ${substitute.model}.`
              : `${wish.why} The named model retires within months and a tuned copy retires with it, so it is planned on ${substitute.model}.`,
          switchedTo: substitute.model,
          margin: undefined,
          wishes,
          deadEnd: false,
        };
      }
    }
    // The fix is a small model ("a small model fine-tuned on those labels") and the named one is not small: tuned in
    // place it keeps the cost or latency it was meant to cut, so the small model is a substitute sized for the job.
    // (A model of the small class by its name, Llama 3.2 3B at 3.21B, is small already: no smaller one is sought.)
    if (
      picked &&
      wish.smallModel === true &&
      wish.objective === 'sft' &&
      input.facts.smallModel !== true &&
      !(input.profile.modelParamsB !== undefined && inSmallModelClass(input.profile.modelParamsB)) &&
      (input.profile.modelName !== undefined || input.profile.modelParamsB !== undefined) &&
      input.profile.canSwitchModel === true
    ) {
      const substitute = input.substitute(wish);
      if (substitute && substitute.model !== input.profile.modelName) {
        return {
          method: substitute.method,
          objective: objectiveFor(substitute.method, wish.objective),
          why: `${wish.why} The model you named is larger than the job needs, so it is planned on ${substitute.model}.`,
          switchedTo: substitute.model,
          margin: undefined,
          wishes,
          deadEnd: false,
        };
      }
    }
    if (picked) {
      let tie = picked.margin !== undefined && picked.margin < SIBLING_TIE_MARGIN ? picked.runnerUp : undefined;
      // LoRA and QLoRA level on score, with nothing left to ask that tells them apart: the one that fits the team's
      // own GPUs wins; if both need a rental, QLoRA needs the smaller one (a quarter of the weight memory).
      const broken = tie ? breakLoraTie(picked.method, tie, input) : undefined;
      if (broken) tie = undefined;
      const method = broken ?? picked.method;
      return {
        method,
        objective: objectiveFor(method, wish.objective),
        why: wish.why,
        switchedTo: undefined,
        margin: broken ? undefined : picked.margin,
        ...(tie ? { tiedWith: tie } : {}),
        wishes,
        deadEnd: false,
      };
    }
    // A teacher that cannot answer (retired, or off-premises with data that must stay) rules distillation out on any
    // student: another student lifts nothing.
    const teacherBlocked =
      input.facts.teacherRetired === true ||
      (input.facts.teacherApiOnly === true && input.profile.dataMustStayOnPrem === true);
    const distillOnly = wish.methods.every((method) => method === 'distillation');
    // The named model rules this wish out: switch models for a wish that matters, or when nothing else is left.
    if (!(distillOnly && teacherBlocked) && !mayNeverSwitch && (mayAlwaysSwitch || wish.strong || !anyPossible)) {
      const substitute = input.substitute(wish);
      if (substitute) {
        return {
          method: substitute.method,
          objective: objectiveFor(substitute.method, wish.objective),
          why: `${wish.why} ${namedModelRulesOut(wish, input.feasibility, substitute.method, modelSubject(input.profile))}: it is planned on ${substitute.model} instead.`,
          switchedTo: substitute.model,
          margin: undefined,
          wishes,
          deadEnd: false,
        };
      }
    }
  }
  if (anyPossible) {
    // Nothing on the wish list is possible, but something is: the best of what remains, honestly labelled.
    const fallback = pickSibling(METHOD_IDS, status, input.scores);
    if (fallback) {
      return {
        method: fallback.method,
        objective: objectiveOf(fallback.method),
        why: 'No method that closes the diagnosed gap is possible under the stated facts; this is the best of what remains, and the questions and model options say what would open the others.',
        switchedTo: undefined,
        margin: fallback.margin,
        wishes,
        deadEnd: false,
      };
    }
  }
  const first = wishes[0]?.methods[0] ?? 'prompt-engineering';
  return {
    method: first,
    objective: objectiveOf(first),
    why: mayNeverSwitch
      ? 'Every method is ruled out on this model and switching models is not allowed; the model options show what another model would make possible.'
      : 'Every method is ruled out on this model and no catalog model was found that lifts the constraint; the blockers say what would have to change.',
    switchedTo: undefined,
    margin: undefined,
    wishes,
    deadEnd: true,
  };
}

/**
 * A LoRA/QLoRA tie that no unknown field can break (GPUs and budget are known): decided by memory on what the team
 * has. Undefined when the pair is another one, or a GPU or budget question can still break it.
 */
function breakLoraTie(best: MethodId, runnerUp: MethodId, input: DestinationInput): MethodId | undefined {
  const pair = new Set([best, runnerUp]);
  if (!pair.has('lora') || !pair.has('qlora')) return undefined;
  const { profile, facts } = input;
  const hardwareKnown =
    profile.gpuCount !== undefined || profile.gpuName !== undefined || profile.gpuMemoryGB !== undefined;
  if (!hardwareKnown || profile.oneTimeBudgetUSD === undefined) return undefined;
  // (No model to size yet: LoRA in 16 bits, since the model proposed is one it fits on, rented if need be. A named
  // model: LoRA when it fits the team's GPUs, else QLoRA, which needs a quarter of the weight memory; on GPUs of
  // unknown memory it keeps QLoRA, the choice that fits.)
  const nothingToSize = profile.modelName === undefined && profile.modelParamsB === undefined;
  if (facts['fits.lora'] === true || nothingToSize) return 'lora';
  return 'qlora';
}

/** The best possible sibling: feasible before conditional, then by score, then by method order. */
function pickSibling(
  methods: readonly MethodId[],
  status: (method: MethodId) => string,
  scores: ReadonlyMap<MethodId, number>,
): { method: MethodId; margin: number | undefined; runnerUp: MethodId | undefined } | undefined {
  const ranked = methods
    .filter((method) => status(method) !== 'infeasible')
    .sort(
      (a, b) =>
        (status(a) === 'feasible' ? 0 : 1) - (status(b) === 'feasible' ? 0 : 1) ||
        (scores.get(b) ?? 0) - (scores.get(a) ?? 0) ||
        METHOD_IDS.indexOf(a) - METHOD_IDS.indexOf(b),
    );
  const [best, next] = ranked;
  if (!best) return undefined;
  // A feasible sibling beats a conditional one on feasibility, not on score: there is no margin to report then.
  const level = next !== undefined && status(next) === status(best);
  const margin = level ? (scores.get(best) ?? 0) - (scores.get(next) ?? 0) : undefined;
  return { method: best, margin, runnerUp: level ? next : undefined };
}

/** The training objective a method stands for. */
export function objectiveOf(method: MethodId): Objective {
  switch (method) {
    case 'prompt-engineering':
    case 'in-context-learning':
    case 'rag':
      return 'none';
    case 'instruction-tuning':
      return 'instruction';
    case 'preference-tuning':
      return 'preference';
    case 'distillation':
      return 'distillation';
    default:
      return 'sft';
  }
}

function objectiveFor(method: MethodId, wished: Objective): Objective {
  const own = objectiveOf(method);
  return own === 'sft' && (wished === 'distillation' || wished === 'continued-pretraining') ? wished : own;
}

/**
 * Why the named model cannot take the wish, in the first clause of the rule that rules it out there ("On the named
 * model, this model runs only on the vendor's servers"), or plainly when no rule says more.
 */
/** How the model the rules judged is named back: the team's, the one it described, or a general one. */
function modelSubject(profile: Profile): string {
  if (profile.modelName !== undefined) return 'the named model';
  if (profile.modelParamsB !== undefined)
    return `the ${Number(profile.modelParamsB.toPrecision(3))}B model you described`;
  if (profile.modelAccess !== undefined) return 'the model you described';
  return 'a general LLM (none was named)';
}

function namedModelRulesOut(
  wish: Wish,
  feasibility: FeasibilityMap,
  method?: MethodId,
  subject = 'the named model',
): string {
  // The reason the chosen method cannot run on the named model comes first ("Bedrock ended tuning of Claude 3
  // Haiku"), then the first sibling's.
  const blocker = [...(method ? [method] : []), ...wish.methods]
    .map((candidate) => feasibility.get(candidate)?.blockers[0])
    .find((found) => found !== undefined);
  const clause = blocker?.text
    .split(/[.;:]\s/)[0]
    ?.trim()
    .replace(/[.;:]+$/, '');
  if (!clause) return `${subject[0]?.toUpperCase()}${subject.slice(1)} rules it out`;
  // An acronym ("LoRA", "GPU") keeps its capitals; an ordinary first word is lowered.
  // (So does a name: "Anthropic's only Claude tuning…".)
  const lowered =
    /^[A-Z][a-z]/.test(clause) && !/^[A-Z][a-z]+[A-Z]/.test(clause) && !PROPER_NAME_FIRST.test(clause)
      ? clause[0]?.toLowerCase() + clause.slice(1)
      : clause;
  return `On ${subject}, ${lowered}`;
}
