import type { MethodId, Profile } from '../profile/profile-schema.ts';
import type { DestinationChoice } from './choose-destination.ts';
import { SFT_MIN_EXAMPLES } from './data-sufficiency.ts';
import {
  BEHAVIOUR_NEEDS,
  type Diagnosis,
  KNOWLEDGE_NEEDS,
  measuredOnAnotherModel,
  mustLeaveApiModel,
} from './diagnose.ts';
import type { Facts } from './facts.ts';
import type { FeasibilityMap } from './feasibility.ts';
import { SFT_SIBLINGS } from './method-groups.ts';
import type { FirstStep, PlanStep } from './recommendation-schema.ts';

/** A corpus up to this size fits one long prompt (the rule that compares a cached prompt with retrieval). */
const PROMPT_SIZED_CORPUS_TOKENS = 200_000;

/** OpenAI's accuracy guide: a prompt plus 20 or more graded cases is the baseline every later step is measured on. */
export const MINIMUM_EVALUATION_CASES = 20;

const PROMPT_SIDE: ReadonlySet<MethodId> = new Set(['prompt-engineering', 'in-context-learning']);

/**
 * Stage 6, second half: what to do on Monday. Usually a prompt baseline with an evaluation set; skipped when the
 * team already tried prompting, when the model has no prompt to engineer (a text encoder), or when the destination
 * is itself the baseline. Pure.
 */
export function chooseFirstStep(
  destination: DestinationChoice,
  profile: Profile,
  facts: Facts,
  feasibility: FeasibilityMap,
  /** The named model's facts (`facts` are the substitute's when the plan moved). */
  namedFacts: Facts = facts,
): FirstStep {
  const possible = (method: MethodId) => feasibility.get(method)?.status !== 'infeasible';
  // Prompts tried only on an API model the plan leaves for another model (its data may not go to the vendor, or the
  // model is retired): no baseline exists on the model the plan moves to.
  const triedOnModelLeft =
    destination.switchedTo !== undefined &&
    mustLeaveApiModel(profile, namedFacts) &&
    (profile.tried ?? []).every(
      (entry) => entry.method === 'prompt-engineering' || entry.method === 'in-context-learning',
    );
  // A team that already tuned or retrieved has been past a prompt baseline ("prompting got 81%, then fine-tuning 94%").
  // (Not a result measured on another model than the named one: no baseline exists on this one yet.)
  const triedPrompting = (profile.tried ?? []).some((entry) => !measuredOnAnotherModel(entry.note, profile.modelName));
  const evalSet = heldOut(profile);
  if (destination.deadEnd) {
    return {
      methods: [],
      why: 'Nothing can start on this model under the stated facts: change what the model options name first.',
    };
  }
  if (facts.modelArchitecture === 'encoder' && facts.modality === 'text') {
    return {
      methods: [destination.method],
      why: `An encoder has no prompt to engineer: hold out ${evalSet}, then train.`,
    };
  }
  // The prompt already meets the quality bar on an API model and the bill is the problem: the first cut is on that
  // prompt (cache the shared instructions, batch what can wait), and it is the bar the destination must match.
  const promptGoodEnough = (profile.tried ?? []).some(
    (entry) => entry.method === 'prompt-engineering' && entry.result === 'good-enough',
  );
  // The destination is the same prompt on the family's cheaper tier: running it there is the first step.
  // (Not for a move the team must make, data that may not leave or a retired model: no bill falls by it.)
  if (
    promptGoodEnough &&
    destination.switchedTo !== undefined &&
    PROMPT_SIDE.has(destination.method) &&
    !triedOnModelLeft
  ) {
    return {
      methods: [destination.method],
      why: `Run your current prompt unchanged on ${destination.switchedTo} against ${evalSet} (your logged answers from the current model serve): if it holds your quality bar, switch and the bill falls; if not, its score is the baseline a distilled model must beat.`,
    };
  }
  if (
    promptGoodEnough &&
    facts.weightsAvailable === false &&
    (profile.goals ?? []).includes('cost') &&
    possible('prompt-engineering')
  ) {
    // (The prompt itself as the destination: the bill is too small for a student, and the family's cheaper tier, run
    // with the same prompt, is the other lever.)
    const promptStays = PROMPT_SIDE.has(destination.method) && destination.switchedTo === undefined;
    return {
      methods: ['prompt-engineering'],
      why: promptStays
        ? `Your prompt already meets the quality bar and stays: cut its bill without changing it (cache the instructions every request shares; batch the work that can wait)${facts.cheaperTierInFamily === true ? `, and run it unchanged on the family's cheaper tier against ${evalSet} (your logged answers serve): if it holds your bar, switch` : ''}.`
        : `Your prompt already meets the quality bar: cut its bill first without changing the model (cache the instructions every request shares; batch the work that can wait), and keep its answers on ${evalSet} as the bar the destination must match.`,
    };
  }
  // Preference tuning as the destination, with a behaviour to train and the examples for it: the supervised stage on
  // those examples is the first step (DPO runs from its checkpoint).
  // (Demonstrations beside the pairs, "3,000 ideal tutor replies and 12k pairs", are the behaviour shown: DPO runs from
  // the checkpoint tuned on them, as in the DPO paper's own setup.)
  const behaviourNamed =
    profile.needsStyleOrFormat === true ||
    (profile.goals ?? []).some((goal) => (BEHAVIOUR_NEEDS as readonly string[]).includes(goal)) ||
    ((profile.preferencePairs ?? 0) > 0 && (profile.labeledExamples ?? 0) >= SFT_MIN_EXAMPLES);
  // (Not when a supervised stage is done already: a fine-tuned checkpoint, or supervised tuning tried.)
  const supervisedDone =
    profile.modelStage === 'fine-tuned' ||
    (profile.tried ?? []).some((entry) => SFT_SIBLINGS.includes(entry.method) || entry.method === 'instruction-tuning');
  const supervisedFirst =
    destination.method === 'preference-tuning' && !destination.switchedTo && behaviourNamed && !supervisedDone
      ? SFT_SIBLINGS.find(
          (method) =>
            method !== 'managed-fine-tuning' && possible(method) && (profile.labeledExamples ?? 0) >= SFT_MIN_EXAMPLES,
        )
      : undefined;
  if (supervisedFirst !== undefined) {
    return {
      methods: [supervisedFirst],
      why: `Train the behaviour in first on your ${(profile.labeledExamples ?? 0).toLocaleString('en-US')} labelled examples (supervised), measured on ${evalSet}; preference tuning then runs from that checkpoint.`,
    };
  }
  if ((triedPrompting && !triedOnModelLeft) || PROMPT_SIDE.has(destination.method)) {
    return {
      methods: [destination.method],
      why: triedPrompting
        ? `You are past a prompt baseline (${(profile.tried ?? []).map((entry) => entry.method).join(', ')} already tried), so start on the destination directly, measured on ${evalSet}.`
        : `Write the prompt and build ${evalSet}; that baseline is also the destination until it stops improving.`,
    };
  }
  // A base checkpoint does not follow a prompt yet: a prompt baseline says little, so the supervised stage comes first
  // (for preference tuning too, whose DPO starts from that checkpoint).
  if (
    profile.modelStage === 'base' &&
    (destination.method === 'instruction-tuning' || destination.method === 'preference-tuning') &&
    possible('instruction-tuning')
  ) {
    return {
      methods: ['instruction-tuning'],
      why: `A base model does not follow a prompt yet, so a prompt baseline says little: start with supervised tuning on your examples, measured on ${heldOut(profile)}.`,
    };
  }
  // Answers that depend on the team's documents: a prompt without them knows none of it, so the baseline is a simple
  // retrieval over the documents, measured on real questions with the documents that answer them.
  // (Documents that fit one prompt, under about 200,000 tokens, can still be pasted into a prompt baseline.)
  const tooManyToPaste =
    profile.unlabeledCorpus === 'large' || (profile.corpusTokens ?? 0) > PROMPT_SIZED_CORPUS_TOKENS;
  // A search returns ranked items: its baseline is retrieval itself, judged on real queries, not a prompt.
  if (destination.method === 'rag' && profile.taskType === 'search') {
    return {
      methods: ['rag'],
      why: 'Start with keyword (BM25) search over your items, then add embeddings (hybrid) and a reranker, each measured on a relevance set: real queries from your search logs with the items that should come first (recall and nDCG at 10); a prompt alone searches nothing, and a model call per search is optional.',
    };
  }
  if (destination.method === 'rag' && tooManyToPaste) {
    return {
      methods: ['rag'],
      why: 'Start with a simple retrieval baseline (search your documents, put the best passages in the prompt) and an evaluation set of at least 20 real questions with the passages that answer them; a prompt alone knows none of your documents.',
    };
  }
  const baseline = (['prompt-engineering', 'in-context-learning'] as const).filter(
    (method) => possible(method) && (method === 'prompt-engineering' || (profile.labeledExamples ?? 0) >= 3),
  );
  if (baseline.length === 0) {
    return { methods: [destination.method], why: `Start on the destination directly, measured on ${evalSet}.` };
  }
  // The bill is the problem and the vendor sells a cheaper tier of the same family: the first measurement is that tier
  // with the same prompt, on cases taken from the current model's logged answers.
  const cheaperTierFirst =
    facts.cheaperTierInFamily === true &&
    facts.weightsAvailable === false &&
    ((profile.goals ?? []).includes('cost') || destination.method === 'distillation');
  if (cheaperTierFirst && baseline.includes('prompt-engineering')) {
    return {
      methods: [...baseline],
      why: `Run your current prompt on the family's cheaper tier against ${evalSet} taken from your current model's logged answers: if it holds your quality bar, that alone cuts the bill; if not, it is the baseline the destination must beat.`,
    };
  }
  return {
    methods: [...baseline],
    why: `Start with a prompt baseline${baseline.includes('in-context-learning') ? ' with a few worked examples' : ''} and ${evalSet}, so the destination is measured against it.`,
  };
}

/** The evaluation set: held out from the team's own examples when it has many. */
function heldOut(profile: Profile): string {
  const own = Math.max(profile.labeledExamples ?? 0, profile.preferencePairs ?? 0);
  return own >= 1000
    ? 'an evaluation set held out from your own examples (a few hundred or more, covering every class or language you serve, never trained on)'
    : `an evaluation set of at least ${MINIMUM_EVALUATION_CASES} real cases with known good answers`;
}

/**
 * The staged plan: the first step, retrieval when knowledge is a need and it is not already the destination, the
 * destination, then preference tuning and distillation when the diagnosis calls for them after it.
 */
export function buildPlan(
  destination: DestinationChoice,
  firstStep: FirstStep,
  diagnosis: Diagnosis,
  feasibility: FeasibilityMap,
  scores: ReadonlyMap<MethodId, number>,
  sftReady: boolean,
  /**
   * `documents`: false when the team said it has no documents, so retrieval has nothing to search.
   * `corpusInPromptTokens`: the documents fit the prompt (cached), so the facts go there instead of a retrieval step.
   * `search`: the task returns ranked items (taskType search), which retrieval serves without a generated answer.
   */
  options: { documents: boolean; corpusInPromptTokens?: number; search?: boolean } = { documents: true },
): PlanStep[] {
  const possible = (method: MethodId) => feasibility.get(method)?.status !== 'infeasible';
  const stages: { methods: MethodId[]; why: string }[] = [];
  const planned = new Set<MethodId>();
  const push = (methods: MethodId[], why: string) => {
    const fresh = methods.filter((method) => !planned.has(method));
    if (fresh.length === 0) return;
    for (const method of fresh) planned.add(method);
    stages.push({ methods: fresh, why });
  };
  if (firstStep.methods.length > 0) push([...firstStep.methods], firstStep.why);
  const knowledge = KNOWLEDGE_NEEDS.some((need) => diagnosis.needs.has(need));
  // After continued pre-training, the instruction tuning it needs comes before retrieval joins (below).
  const retrievalStep = () => {
    if (!(knowledge && destination.method !== 'rag' && possible('rag') && options.documents)) return;
    // ("fee and policy documents, maybe 40 pages": about 16,000 tokens sit in a cached prompt, no retrieval needed.)
    const inPrompt = options.corpusInPromptTokens;
    if (inPrompt !== undefined && !diagnosis.retrievalExhausted) {
      const promptStage = stages.find((stage) => stage.methods.includes('prompt-engineering'));
      const why = `Put your documents (about ${inPrompt.toLocaleString('en-US')} tokens) in the prompt, cached, for the facts: they are small enough not to need retrieval; switch to retrieval if they outgrow it.`;
      if (promptStage) promptStage.why = `${promptStage.why} ${why}`;
      else push(['prompt-engineering'], why);
      return;
    }
    if (!diagnosis.retrievalExhausted) {
      push(
        ['rag'],
        'Add retrieval for the knowledge the model lacks or that changes; tuning is not the way to teach facts.',
      );
    } else if (diagnosis.retrievalRequired) {
      // Retrieval plateaued on how it answers, not on what it finds: citations and changing facts still need it.
      push(
        ['rag'],
        'Keep retrieval for the facts (citations and changing knowledge need it); train the behaviour on examples that include the retrieved passages.',
      );
    }
  };
  const pretraining = destination.objective === 'continued-pretraining';
  if (!pretraining) retrievalStep();
  // Knowledge and behaviour together: retrieval for the facts, tuning for the behaviour (a hybrid, as plan steps).
  const behaviour = BEHAVIOUR_NEEDS.some((need) => diagnosis.needs.has(need));
  // Preference tuning runs from a supervised checkpoint: with a behaviour and the examples to train it, the supervised
  // stage comes before it, not after.
  // (The first step is then that supervised stage: chooseFirstStep.)
  const supervisedBeforePreference =
    destination.method === 'preference-tuning' && firstStep.methods.some((method) => SFT_SIBLINGS.includes(method));
  const pushTuning = (why: string) => {
    const rank = (method: MethodId) => (feasibility.get(method)?.status === 'feasible' ? 0 : 1);
    const tuning = SFT_SIBLINGS.filter((method) => possible(method) && !diagnosis.spent.has(method)).sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (scores.get(b) ?? 0) - (scores.get(a) ?? 0) ||
        SFT_SIBLINGS.indexOf(a) - SFT_SIBLINGS.indexOf(b),
    )[0];
    if (tuning) push([tuning], why);
  };
  if (!destination.deadEnd) {
    // (A distillation has no supervised step after it: the team's own labelled examples train the student beside the
    // teacher's outputs, and a part of them held out measures it.)
    const labelsToo =
      destination.objective === 'distillation' && sftReady
        ? ' Your own labelled examples go into the student’s training set beside the teacher’s outputs; hold a part of them out as the evaluation set.'
        : '';
    push(
      [destination.method],
      `${destination.switchedTo ? `On ${destination.switchedTo}: ` : ''}${destination.why}${labelsToo}`,
    );
  }
  // (Instruction tuning trains on the same labelled examples: it is that supervised stage already; so is a
  // distillation, whose student is trained, supervised, on the teacher's outputs and any labels beside them.)
  if (
    behaviour &&
    sftReady &&
    !SFT_SIBLINGS.includes(destination.method) &&
    destination.method !== 'instruction-tuning' &&
    destination.objective !== 'distillation' &&
    !supervisedBeforePreference
  ) {
    pushTuning(
      `${destination.switchedTo ? `On ${destination.switchedTo}: ` : ''}If the baseline still misses on behaviour (format, style, consistency), tune it in on your labelled examples; tuning on retrieval-formatted examples keeps the two working together.`,
    );
  }
  // Continued pre-training leaves a base model that still only continues text: instruction tuning follows it.
  // (Also when the team has the pairs for it: a chat or task assistant is trained on them after the corpus.)
  if (
    destination.objective === 'continued-pretraining' &&
    (diagnosis.needs.has('instruction-following') || sftReady) &&
    possible('instruction-tuning')
  ) {
    push(
      ['instruction-tuning'],
      'Then instruction-tune the adapted checkpoint on your prompt/response pairs so it follows instructions.',
    );
  }
  if (pretraining) retrievalStep();
  if (diagnosis.needs.has('alignment') && destination.method !== 'preference-tuning' && possible('preference-tuning')) {
    push(['preference-tuning'], 'Then align outputs with preference pairs (DPO) once supervised behaviour is right.');
  }
  const efficiency = diagnosis.needs.has('cost') || diagnosis.needs.has('latency');
  // A destination that already is the small model (fine-tuned on the labels for size or latency) has nothing after it
  // to distil from.
  const chosenWish = destination.wishes.find((wish) => destination.why.startsWith(wish.why));
  const smallModelAlready = chosenWish?.smallModel === true;
  // (Nor when the bill is too small for any student to pay back.)
  if (
    efficiency &&
    destination.method !== 'distillation' &&
    possible('distillation') &&
    !smallModelAlready &&
    chosenWish?.noStudent !== true &&
    // (A search's results are retrieved, not generated: the bill is cut by not calling a model per search.)
    !(destination.method === 'rag' && options.search === true) &&
    // (The destination is the cost fix itself, a cheaper model tuned on the large one's outputs or the team's
    // examples: a distillation after it repeats it.)
    destination.objective !== 'distillation'
  ) {
    push(['distillation'], 'Once quality is right, distil into a smaller model to cut serving cost and latency.');
  }
  return stages.map((stage, index) => ({ step: index + 1, ...stage }));
}
