import type { MethodId, Profile } from '../profile/profile-schema.ts';
import type { Facts } from './facts.ts';
import { TRAINING_METHODS } from './method-groups.ts';
import { type DiagnosisEntry, NEEDS, type Need } from './recommendation-schema.ts';

/**
 * Stage 4 of the pipeline (shared/design.md): what gap must close. Reads `goals`, `taskType`, the free-text
 * `task`, the booleans, `modelStage`, the data the team holds and `tried`, and names each need with the evidence
 * for it and the methods that close it. Pure; never guesses a need without evidence.
 */

/** Requests per day from which the running cost of a large model is a need of its own. */
export const VOLUME_COST_REQUESTS_PER_DAY = 100_000;
/** A stated monthly model bill from which its running cost is a need of its own. */
export const LARGE_MONTHLY_SPEND_USD = 10_000;
/** A latency target under this many milliseconds is a need of its own. */
export const TIGHT_LATENCY_MS = 500;

/** The methods that close each need (the diagnosis output lists them; the destination stage chooses among them). */
export const METHODS_FOR_NEED: Readonly<Record<Need, readonly MethodId[]>> = {
  knowledge: ['rag'],
  freshness: ['rag'],
  citations: ['rag'],
  format: ['in-context-learning', 'lora', 'qlora', 'managed-fine-tuning', 'full-fine-tuning'],
  style: ['in-context-learning', 'lora', 'qlora', 'managed-fine-tuning', 'full-fine-tuning'],
  'task-skill': ['in-context-learning', 'lora', 'qlora', 'full-fine-tuning', 'managed-fine-tuning'],
  'instruction-following': ['instruction-tuning'],
  alignment: ['preference-tuning'],
  cost: ['distillation', 'qlora', 'lora'],
  latency: ['distillation', 'qlora', 'lora'],
  'on-device': ['distillation', 'qlora', 'lora'],
};

/** Needs that more knowledge in the context closes (the context axis). */
export const KNOWLEDGE_NEEDS: readonly Need[] = ['knowledge', 'freshness', 'citations'];
/** Needs that consistent behaviour closes (the model axis). */
export const BEHAVIOUR_NEEDS: readonly Need[] = ['format', 'style', 'task-skill'];
/** Needs about running cost, speed and size. */
export const EFFICIENCY_NEEDS: readonly Need[] = ['cost', 'latency', 'on-device'];

/** What the task text says, by need (word starts; linear regular expressions on at most 2,000 characters). */
const TASK_WORDS: readonly (readonly [Need, RegExp])[] = [
  [
    'knowledge',
    /\b(knowledge ?base|wiki|documentation|faqs?|(knows?|knowing|understands?|aware of) (about )?(our|internal|in-house|the company's)|(answer|answers|answering|questions?|queries|ask|asks|chat|chatbot|assistant|bot)\b[^.]{0,60}\b(docs?|documents?|manuals?|handbooks?|polic(y|ies)|articles?|internal data|knowledge|protocols?|guidelines?|procedures?|sops?|runbooks?|playbooks?|formular(y|ies)|regulations?|intranet|confluence|sharepoint|help ?cent(er|re)))\b/i,
  ],
  // ("Summarise news articles", "summaries of our news programmes" read what they are given: the news there is input,
  // not knowledge to fetch.)
  [
    'freshness',
    /\b(latest|up[- ]to[- ]date|changes? (daily|weekly|often)|(?<!summar\w* (?:of )?(?:our |the |each |every |a )?)news(?![- ]?(?:articles?|stories|items|pieces|copy|wires?|feeds?|summar\w*|programmes?|programs?|broadcasts?|shows?|segments?|bulletins?|reports?|scripts?|transcripts?|clips?|videos?|episodes?|releases?))|real[- ]time data|current prices?)\b/i,
  ],
  ['citations', /\b(cite|citations?|sources?|references?|link back)\b/i],
  ['format', /\b(json|schema|structured|format(ted)?|template|fields?|xml|yaml|csv|tables?)\b/i],
  ['style', /\b(tone|voice|brand|style|persona|house style|writing like)\b/i],
  [
    'task-skill',
    /\b(classif\w*|categori[sz]\w*|label(l?ing)?|tag(ging)?|flag(s|ging)?|inspect(s|ing|ion)?|sentiment|triage|rout(e|ing)|extract\w*|summar(?:y|ies|i[sz]\w*)|translat\w*|transcri\w*|detect\w*|ner|entities)\b/i,
  ],
];

/** Task words for completion, the base model's native mode (linear, on a bounded task text). */
const COMPLETION_WORDS =
  /\b(auto[- ]?complet\w*|code completions?|(text|line|tab|inline) completions?|complet(e|es|ing) (the |our )?(code|lines?|sentences?|entries)|next[- ](word|token|line)s?( predictions?| suggestions?)?|continu(e|es|ing) (the |our )?(text|writing|draft))\b/i;

/** Words in a `tried` note that say the model got facts wrong (linear, on a bounded note). */
const FACT_FAILURE_WORDS =
  /\b(halluc\w*|made[- ]up|makes? (things|facts) up|invent\w*|fabricat\w*|wrong facts?|outdated|out of date|stale)\b/i;

/**
 * Words in a retrieval `tried` note that say retrieval finds the right passages but the model uses them badly (the
 * second RAG failure mode in OpenAI's accuracy guide: a behaviour to train, not a retrieval to fix).
 */
const CONTEXT_MISUSE_WORDS =
  /\b(misus\w*|ignor\w*|wrong (?:passage|chunk|source|section|clause)s?|quot\w* the wrong|retrieval (?:is |was |works? )?(?:fine|good|ok|solid)|(?:recall|retrieval quality) (?:is |was )?(?:good|fine|high)|(?:recall|hit rate)(?:@\d+| at \d+)? (?:is |was |of |= ?|: ?)?(?:[89]\d(?:\.\d+)?|100)(?= ?%))\b/i;

/** The diagnosis plus what `tried` says about where the team stands. */
export interface Diagnosis {
  readonly entries: DiagnosisEntry[];
  readonly needs: ReadonlySet<Need>;
  /** Prompting (or few-shot) was tried and plateaued or failed: behaviour gaps go to tuning. */
  readonly promptingExhausted: boolean;
  /** Retrieval was tried and plateaued or failed. */
  readonly retrievalExhausted: boolean;
  /** Retrieval was tried, and its note says the passages are right but the model misuses them. */
  readonly contextMisused: boolean;
  /** A method the team reports as good enough (the destination is reached; keep and measure it). */
  readonly goodEnough: MethodId | undefined;
  /** Methods that failed outright. */
  readonly failed: ReadonlySet<MethodId>;
  /** Methods tried that plateaued or failed: not proposed again while anything else fits. */
  readonly spent: ReadonlySet<MethodId>;
  /** The knowledge need rests on explicit facts (goals, citations, weekly or daily changes, a search task). */
  readonly strongKnowledge: boolean;
  /** Citations or knowledge that changes weekly or daily: retrieval beats tuning whatever else is true. */
  readonly retrievalRequired: boolean;
  /**
   * The task is completion (autocomplete, code completion, next-word suggestions): the base model's native mode,
   * learned from the team's own text rather than from instructions.
   */
  readonly completionTask: boolean;
  /** Some need rests on explicit facts (goals, booleans, model stage, pairs, deployment, volume, tried), not only on
   * the task's words, its shape or a count of labels. */
  readonly explicit: boolean;
}

export function diagnose(profile: Profile, facts: Facts): Diagnosis {
  const evidence = new Map<Need, string[]>();
  const add = (need: Need, why: string) => {
    const list = evidence.get(need) ?? [];
    if (!list.includes(why)) list.push(why);
    evidence.set(need, list);
  };

  // References into the document each request reads (clause references in a lease summary) are part of the output's
  // format; they call for no retrieval.
  const citesInput = facts.citesItsInput === true;
  for (const goal of profile.goals ?? []) add(citesInput && goal === 'citations' ? 'format' : goal, `goals: ${goal}`);
  if (profile.needsCitations === true) add(citesInput ? 'format' : 'citations', 'needsCitations: true');
  if (
    profile.knowledgeChanges === 'weekly' ||
    profile.knowledgeChanges === 'daily' ||
    profile.knowledgeChanges === 'monthly'
  )
    add('freshness', `knowledgeChanges: ${profile.knowledgeChanges}`);
  if (profile.needsStyleOrFormat === true) add('format', 'needsStyleOrFormat: true');

  switch (profile.taskType) {
    case 'search':
      add('knowledge', 'taskType: search');
      break;
    case 'classify':
    case 'extract':
    case 'transcribe':
    case 'code':
    case 'image-understand':
      add('task-skill', `taskType: ${profile.taskType}`);
      break;
    case 'image-generate':
      add('style', 'taskType: image-generate');
      break;
    default:
      break;
  }
  if (profile.taskType === 'extract') add('format', 'taskType: extract');

  const task = profile.task ?? '';
  for (const [need, pattern] of TASK_WORDS) {
    const match = pattern.exec(task);
    if (match) add(citesInput && need === 'citations' ? 'format' : need, `task mentions "${match[0].toLowerCase()}"`);
  }
  // Documents to answer from, with a conversational or search task: the knowledge gap.
  if (
    (profile.unlabeledCorpus === 'large' || profile.unlabeledCorpus === 'small') &&
    (profile.taskType === 'chat' || profile.taskType === 'search' || profile.taskType === undefined) &&
    (evidence.has('knowledge') ||
      evidence.has('citations') ||
      evidence.has('freshness') ||
      // (A chat over documents answers from them, unless the team named its gaps and none is knowledge: logged
      // conversations behind an assistant that picks the wrong tool are examples of the task, not facts to retrieve.)
      (profile.taskType === 'chat' && !namedOtherGaps(profile)))
  ) {
    add('knowledge', `unlabeledCorpus: ${profile.unlabeledCorpus}`);
  }

  // A base model does not follow instructions yet; but a task judged item by item (a label, fields) with pairs of
  // its own is learnt directly by supervised tuning on those pairs: it never has to follow open instructions.
  const perItemWithPairs =
    (profile.taskType === 'classify' || profile.taskType === 'extract') && (profile.labeledExamples ?? 0) > 0;
  // Completion is what a base model already does: it needs the team's text, not instructions.
  const completionTask = COMPLETION_WORDS.test(task);
  if (
    !completionTask &&
    profile.modelStage === 'base' &&
    facts.modelArchitecture !== 'encoder' &&
    facts.imageGenerator !== true &&
    !perItemWithPairs
  )
    add('instruction-following', 'modelStage: base (a pre-trained model does not follow instructions yet)');
  if ((profile.preferencePairs ?? 0) > 0) add('alignment', `preferencePairs: ${profile.preferencePairs}`);
  if (profile.deployment === 'edge' || profile.deployment === 'mobile')
    add('on-device', `deployment: ${profile.deployment}`);
  if (profile.deviceMemoryGB !== undefined) add('on-device', `deviceMemoryGB: ${profile.deviceMemoryGB}`);
  if (profile.latencyTargetMs !== undefined && profile.latencyTargetMs < TIGHT_LATENCY_MS)
    add('latency', `latencyTargetMs: ${profile.latencyTargetMs}`);
  // Volume is a cost gap where each call is billed (an API model) or the model is large; a small or mid-size model
  // the team already serves has a fixed GPU bill.
  if (
    (profile.requestsPerDay ?? 0) >= VOLUME_COST_REQUESTS_PER_DAY &&
    // (Not a search: retrieval serves it without a model call per query.)
    profile.taskType !== 'search' &&
    facts.smallModel !== true &&
    (facts.weightsAvailable !== true || facts.largeModel === true)
  )
    add('cost', `requestsPerDay: ${profile.requestsPerDay}`);
  if (facts['affordable.api'] === false) add('cost', 'the API bill at this volume is over the monthly budget');
  // A bill the team states of $10,000 a month or more, on a model billed per call or a large one: a cost gap, as
  // volume is (a smaller student served on a rented GPU costs a small part of it). Not when a monthly budget covers
  // it, the goals said leave cost out, or the team may not move off the model.
  const spend = profile.currentMonthlySpendUSD ?? 0;
  if (
    spend >= LARGE_MONTHLY_SPEND_USD &&
    !(profile.monthlyBudgetUSD !== undefined && profile.monthlyBudgetUSD >= spend) &&
    (profile.goals === undefined || profile.goals.includes('cost')) &&
    profile.canSwitchModel !== false &&
    facts.smallModel !== true &&
    (facts.weightsAvailable !== true || facts.largeModel === true)
  )
    add('cost', `currentMonthlySpendUSD: ${profile.currentMonthlySpendUSD}`);
  // Ample labels with no behaviour or knowledge gap named (at most a cost, latency or device need): the labels say
  // a task is to be learned.
  const gapNamed = [...evidence.keys()].some(
    (need) => BEHAVIOUR_NEEDS.includes(need) || KNOWLEDGE_NEEDS.includes(need),
  );
  if (
    (profile.labeledExamples ?? 0) >= 1000 &&
    !gapNamed &&
    !evidence.has('alignment') &&
    !evidence.has('instruction-following')
  )
    add('task-skill', `labeledExamples: ${profile.labeledExamples} (a task learned from labelled data)`);

  const tried = profile.tried ?? [];
  const exhausted = (methods: readonly MethodId[]) =>
    tried.some((entry) => methods.includes(entry.method) && entry.result !== 'good-enough');
  const promptingExhausted = exhausted(['prompt-engineering', 'in-context-learning']);
  const retrievalExhausted = exhausted(['rag']);
  const contextMisused = tried.some(
    (entry) => entry.method === 'rag' && entry.result !== 'good-enough' && CONTEXT_MISUSE_WORDS.test(entry.note ?? ''),
  );
  for (const entry of tried) {
    if (entry.result === 'good-enough') continue;
    // Tuning that left the model inventing or misstating facts: the gap is knowledge, which tuning does not teach
    // reliably (Gekhman et al.: new facts learned by fine-tuning raise hallucination); retrieval supplies it.
    const factFailure = FACT_FAILURE_WORDS.exec(entry.note ?? '');
    if (factFailure && TRAINING_METHODS.has(entry.method))
      add('knowledge', `tried ${entry.method}: ${entry.result} ("${factFailure[0].toLowerCase()}")`);
    if (entry.method === 'prompt-engineering' || entry.method === 'in-context-learning') {
      // A plateaued prompt is a behaviour gap when nothing else was diagnosed.
      if (![...evidence.keys()].some((need) => BEHAVIOUR_NEEDS.includes(need) || KNOWLEDGE_NEEDS.includes(need)))
        add('task-skill', `tried ${entry.method}: ${entry.result}`);
    }
  }
  // (A result measured on another model than the one named, "F1 0.93 on GPT-4o; never measured on Llama 3.1 8B", is
  // the bar to match, not a result on this model.)
  const goodEnough = [...tried]
    .reverse()
    .find((entry) => entry.result === 'good-enough' && !measuredOnAnotherModel(entry.note, profile.modelName))?.method;
  const failed = new Set(tried.filter((entry) => entry.result === 'failed').map((entry) => entry.method));
  const spent = new Set(tried.filter((entry) => entry.result !== 'good-enough').map((entry) => entry.method));

  const entries: DiagnosisEntry[] = [...evidence.entries()]
    .sort(([a], [b]) => NEEDS.indexOf(a) - NEEDS.indexOf(b))
    .map(([need, why]) => ({ need, evidence: why, methods: [...METHODS_FOR_NEED[need]] }));
  const goals = new Set(profile.goals ?? []);
  const retrievalRequired =
    ((profile.needsCitations === true || goals.has('citations')) && !citesInput) ||
    profile.knowledgeChanges === 'weekly' ||
    profile.knowledgeChanges === 'daily' ||
    goals.has('freshness');
  const strongKnowledge = retrievalRequired || goals.has('knowledge') || profile.taskType === 'search';
  // The shape of the task, its words, or a count of labels say what the work is, not what must get better.
  const implicit = (why: string) =>
    why.startsWith('task mentions') ||
    why.startsWith('taskType:') ||
    why.startsWith('labeledExamples:') ||
    // "Prompting plateaued" says prompting is not enough, not what must get better.
    /^tried (?:prompt-engineering|in-context-learning|rag|lora|qlora|full-fine-tuning|managed-fine-tuning): (?:plateaued|failed)$/.test(
      why,
    );
  const explicit = [...evidence.values()].some((list) => list.some((why) => !implicit(why)));
  return {
    entries,
    strongKnowledge,
    retrievalRequired,
    completionTask,
    explicit,
    needs: new Set(evidence.keys()),
    promptingExhausted,
    retrievalExhausted,
    contextMisused,
    goodEnough,
    failed,
    spent,
  };
}

/** The first word of an open or API model family's name, as notes write it. */
const MODEL_FAMILY_WORD =
  /^(?:llama|qwen\d*(?:\.\d)?|mistral|mixtral|gemma|phi|gpt|claude|gemini|deepseek|falcon|olmo|granite|command|nova|whisper|smollm|tinyllama)$/;

/** A tried entry's note saying its result was measured on another model than the one the team names now. */
export function measuredOnAnotherModel(note: string | undefined, modelName: string | undefined): boolean {
  if (note === undefined) return false;
  const lower = note.toLowerCase();
  if (
    /\bnever\s+(?:measured|tested|tried|run|evaluated)\s+on\b|\bon\s+(?:a\s+)?(?:different|another|the\s+(?:old|previous|former))\s+model\b/.test(
      lower,
    )
  )
    return true;
  const measuredOn =
    /\b(?:measured|tested|evaluated|scored|reached|got)\s+(?:it\s+)?(?:on|with|using)\s+([a-z][\w.-]*(?:\s+[\w.-]+){0,2})/.exec(
      lower,
    )?.[1];
  if (measuredOn === undefined || modelName === undefined) return false;
  const named = modelName.toLowerCase();
  const first = measuredOn.split(/\s+/)[0] ?? '';
  // ("measured on an eval set", "tested with 8 examples": no model named.)
  if (/\d/.test(first) && /[a-z]/.test(first)) return !named.includes(first);
  // "measured on Llama 3.1 8B" for a team on Llama 3.1 70B: a model family's name, then its version and size.
  // ("measured on claims from Q3 2024", "on batch 7": no family named, so no other model.)
  const words = measuredOn.split(/\s+/);
  return (
    words.length >= 2 &&
    MODEL_FAMILY_WORD.test(first) &&
    words.slice(1).some((word) => /\d/.test(word)) &&
    !named.startsWith(words.join(' '))
  );
}

/**
 * The named model is an API model the team cannot keep: its data may not go to the vendor's servers, or the model is
 * retired everywhere. A prompt measured on it says nothing of the model the plan moves to.
 */
export function mustLeaveApiModel(profile: Profile, facts: Facts): boolean {
  return facts.weightsAvailable === false && (profile.dataMustStayOnPrem === true || facts.modelRetired === true);
}

/**
 * Goals the team named that put the gap in the model's behaviour (task skill, format, style…), none of them a
 * knowledge gap. (Cost, latency or a device say nothing of what the answers lack.)
 */
function namedOtherGaps(profile: Profile): boolean {
  const goals = profile.goals ?? [];
  return goals.some((goal) => MODEL_BEHAVIOUR.includes(goal)) && !goals.some((goal) => KNOWLEDGE_NEEDS.includes(goal));
}
/** The behaviour needs, and the two a base or unaligned model has: what the model does, not what it knows. */
const MODEL_BEHAVIOUR: readonly Need[] = [...BEHAVIOUR_NEEDS, 'instruction-following', 'alignment'];
