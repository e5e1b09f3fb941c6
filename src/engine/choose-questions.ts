import type { Knowledge } from '../knowledge/knowledge.ts';
import { languageList } from '../profile/languages.ts';
import type { MethodId, Profile, ProfileField } from '../profile/profile-schema.ts';
import type { FeasibilityAnalysis } from './analyse-feasibility.ts';
import type { DestinationChoice } from './choose-destination.ts';
import {
  isPublicContent,
  mentionsHealthData,
  mentionsRegulatedData,
  mentionsStatutoryData,
} from './data-sensitivity.ts';
import { runsOnDevice } from './derive-facts.ts';
import { DEVICE_BITS_PER_WEIGHT } from './device-fit.ts';
import { BEHAVIOUR_NEEDS, type Diagnosis, KNOWLEDGE_NEEDS } from './diagnose.ts';
import type { FactCheck } from './estimate-feasibility.ts';
import { FIELD_QUESTIONS } from './field-questions.ts';
import { daysBetween } from './iso-dates.ts';
import { SFT_SIBLINGS } from './method-groups.ts';
import { shortMethodName } from './method-name.ts';
import type { ModelOption, Question } from './recommendation-schema.ts';
import { languagesOffModel } from './task-languages.ts';

/**
 * Stage 7 of the pipeline (shared/design.md): the questions worth asking, by value of information over the
 * pipeline. First what decides whether the destination is possible (its undecided constraints, residency for a
 * vendor or rented channel, device memory for on-device work, the model itself), then the diagnosis (the task,
 * when no need could be read), then the data the destination's fix needs, then preferences that would move the
 * destination. At most MAX_QUESTIONS (INTAKE_MAX_QUESTIONS while nothing is diagnosed yet), most decisive first; a
 * field is asked once. Pure.
 */

/**
 * Four: on the tuned graded cases a fourth question raised must-ask recall from 81.6% to 83.1% for 0.11 more
 * questions per answer (a sixth at intake, to 84.4% for 0.24 in all); the chat still asks one per turn and answers
 * after three.
 */
export const MAX_QUESTIONS = 4;
/**
 * With nothing diagnosed (a use case in a line, a model name and little else) the destination is only a fallback,
 * and a consultant's intake asks more before committing: what the model must do, which gap must close, the data,
 * where data may go. A handful, still most decisive first.
 */
export const INTAKE_MAX_QUESTIONS = 6;

/**
 * Tasks judged item by item (a label, fields, an image): the shape says what must get better (the task itself), so
 * the questions are about data and volume, not about the goal.
 */
/** A task whose own words say its shape (drafting, tagging, extracting, answering, searching, transcribing, code). */
const SHAPE_SAID =
  /\b(?:draft\w*|writ\w*|summari[sz]\w*|generat\w*|translat\w*|rewrit\w*|classif\w*|categori[sz]\w*|(?<!-)tag\w*|(?<!-)label\w*|triag\w*|rout(?:e|es|ing)|extract\w*|pull\w*\s+out|answer\w*|chat\w*|assistant|bot|search\w*|rank\w*|transcri\w*|code|coding|sql|q\s?&\s?a|faqs?|questions?)\b/i;

/**
 * A task that names a method and its data, not what the model must do: "fine-tune a model on our radiology report
 * archive", "train Llama on our wiki". The gap (facts to look up, a behaviour, fluency in the domain) is unsaid.
 */
const METHOD_AS_TASK =
  /^\s*(?:we\s+(?:want|need|would\s+like)\s+to\s+|to\s+)?(?:fine[-\s]?tun\w*|re-?train\w*|train\w*|pre-?train\w*|custom[iy][sz]?\w*|adapt\w*)\b[^.]{0,60}?\b(?:on|with|using|from)\s+(?:our|the|its|their|all)\b/i;

/**
 * A task done once per customer, tenant or brand: "customise the assistant per customer", "each client's own
 * taxonomy", "multi-tenant". How many decides adapters against copies, and serving memory.
 */
const PER_TENANT_TASK =
  /\b(?:per|for\s+each|for\s+every|each)\s+(?:customer|client|tenant|brand|store|franchise|account|school|hospital|clinic)\b(?!\s+(?:emails?|tickets?|calls?|messages?|requests?|questions?|complaints?|reviews?|orders?|transactions?|records?|data|chats?|invoices?|documents?|files?|letters?|conversations?))|\b(?:each|every)\s+(?:customer|client|tenant|brand)(?:'s|s')\s+own\b|\bmulti[\s-]?tenant\b/i;
/**
 * A task over whole long documents: "whole commercial leases of up to 30,000 tokens", "entire contracts", "40-page
 * reports". One example's length then decides training memory, far past the 500 tokens assumed.
 */
const LONG_INPUT_TASK =
  /\b(?:whole|entire|full|complete|long)\s+(?:[\w-]+\s+){0,2}?(?:documents?|contracts?|leases?|reports?|filings?|manuals?|books?|transcripts?|records?|case\s+files?|agreements?)\b|\b\d{2,3}[\s-]pages?\b|\bup\s+to\s+\d{1,3}(?:,\d{3}|k|\s?000)\s+tokens\b/i;

/** Verbs that cover deciding and writing alike: "handle incoming warranty claims", "automate our support inbox". */
const VAGUE_TASK_VERB =
  /\b(?:handle|handles|handling|deal\s+with|dealing\s+with|process|processing|manage|managing|automate|automating|take\s+care\s+of|help\s+with|use\s+(?:ai|an?\s+llm|a\s+model)\s+(?:for|on)|do\s+(?:something|anything|stuff)\s+(?:useful\s+|smart\s+|clever\s+|interesting\s+)?(?:with|about|for))\b/i;

/** Tasks that answer while someone waits (a voice bot, live captions, search as you type): the latency target matters. */
const LATENCY_SENSITIVE_TASK =
  /\b(voice ?bots?|voice assistants?|phone bots?|ivr|real[- ]?time|live (chat|captions?|translation|transcription|calls?)|as (they|you|users?) type|autocomplet\w*|in[- ]game|search relevance|search results?|ranking)\b/i;

const PER_ITEM_TASKS: ReadonlySet<string> = new Set(['classify', 'extract', 'image-understand', 'image-generate']);
/** Task words for work that often runs on a device rather than in a data centre. */
const RUNS_AT_THE_EDGE =
  /\b(?:games?|npcs?|rpg|in[\s-]game|apps?|mobile(?![\s-](?:plans?|contracts?|operators?|networks?|carriers?|subscriptions?|data|tariffs?|bills?|numbers?))|phones?(?![\s-](?:plans?|contracts?|bills?|numbers?|calls?|lines?))|offline|on[\s-]device|camera|line\s+camera|assembly\s+line|factory|robots?|drones?|voice[\s-]notes?|kiosks?|vehicles?|cars?|defects?|weld\w*|visual\s+inspection|(?<!\bdata\s)warehouses?|handhelds?|pickers?|shop\s+floor|journaling\s+app|(?:private|personal)\s+journal|diary|diaries)\b/i;
/** A task that says it makes images ("generate on-brand product images"): the image fork is answered. */
const IMAGE_GENERATION_TASK =
  /\b(?:generat\w*|creat\w*|render\w*|draw\w*|design\w*|make|makes|making)\b[^.]{0,40}\b(?:images?|pictures?|photos?|art|artwork|illustrations?|renders?|visuals?|shots?|banners?|thumbnails?)\b/i;
/** Tasks that answer from knowledge: only there does it matter whether that knowledge changes. */
const KNOWLEDGE_SHAPED_TASKS: ReadonlySet<string> = new Set(['chat', 'generate', 'search']);
/** A programming or configuration language only the team has, or one the model visibly does not know. */
const PRIVATE_LANGUAGE =
  /\b(?:(?:in-house|internal|proprietary|our own|custom|homegrown)\s+(?:deployment\s+|configuration\s+|config\s+|query\s+|domain[\s-]specific\s+|scripting\s+|programming\s+)?(?:dsl|language|framework|sdk)|invents?\s+(?:keywords|functions|apis?|syntax))\b/i;
/** A task that names the team's data without saying what it is ("train it on our internal data"). */
const OWN_DATA_WORDS =
  /\b(?:our|internal|in-house|company|proprietary|own)\s+(?:[\w-]+\s+)?(?:data|documents|docs|files|records|content|knowledge)\b/i;
/** Needs that say where or how cheaply the model must run, not what it must do better. */
const CONSTRAINT_NEEDS: ReadonlySet<string> = new Set(['on-device', 'latency', 'cost']);
/**
 * The vendor's own end of life this close (about a quarter) is asked about even when a reseller still serves the model:
 * anything trained now lives only as long as the channel it is trained on.
 */
const VENDOR_RETIREMENT_NOTICE_DAYS = 92;
/**
 * From this size of weights in a device format (Q4_K_M, about 4.9 bits a weight, as the device fit counts them) on, the
 * model takes more than many phones give one app: the device's memory may then rule the model out.
 */
const DEVICE_SWITCH_QUESTION_GB = 2;
/** A vendor shutdown this close asks whether the model may change even for a plan that trains nothing. */
const IMMINENT_SHUTDOWN_DAYS = 61;
/** A stated size this many times off the catalog's (either way) is asked back whatever the method. */
const FAR_CONFLICT_RATIO = 2;
/** Stated values that can contradict the catalog and change the answer: asked back when they do. */
const DECISIVE_CONFLICTS: ReadonlySet<ProfileField> = new Set([
  'modelParamsB',
  'modelAccess',
  'gpuMemoryGB',
  'modality',
]);
/** Destinations trained on labelled input/output examples (or teacher outputs, for a student). */
const SUPERVISED_DESTINATIONS: ReadonlySet<MethodId> = new Set([...SFT_SIBLINGS, 'instruction-tuning', 'distillation']);
/** Methods that tune an API model on its vendor's (or a reseller's) channel. */
const TUNING_CHANNEL_METHODS: readonly MethodId[] = ['managed-fine-tuning', 'preference-tuning'];
/** Methods that run on the vendor's own channel: a team already using that vendor has accepted where data goes. */
const VENDOR_CHANNEL_METHODS: ReadonlySet<MethodId> = new Set([
  'prompt-engineering',
  'in-context-learning',
  'rag',
  'managed-fine-tuning',
]);

/** Goals that say how the model should run (cheaper, faster, on a device), not what it must do. */
const EFFICIENCY_GOALS: ReadonlySet<string> = new Set(['cost', 'latency', 'on-device']);

/** Fields that decide feasibility, most decisive first (the order conditional fields are asked in). */
const FEASIBILITY_ORDER: readonly ProfileField[] = [
  'modelName',
  'modelAccess',
  'dataMustStayOnPrem',
  'deployment',
  'deviceMemoryGB',
  'gpuName',
  'gpuCount',
  'gpuMemoryGB',
  'oneTimeBudgetUSD',
  'modelParamsB',
  'labeledExamples',
  'preferencePairs',
  'modality',
];

export interface QuestionContext {
  readonly input: Profile;
  readonly analysis: FeasibilityAnalysis;
  readonly diagnosis: Diagnosis;
  readonly destination: DestinationChoice;
  /** The destination method when `patch` is applied to the input (a cheap re-run of stages 2–6). */
  readonly probe: (patch: Partial<Profile>) => MethodId;
  /** Fields that decide a conditional substitute model. */
  readonly substituteDecidedBy?: readonly string[];
  /** The substitute models evaluated (stage 3), when the named model limits the answer. */
  readonly modelOptions?: readonly ModelOption[];
  readonly knowledge: Knowledge;
}

/**
 * Feedback the team wants to learn from: "improve answers using 20,000 pieces of resident feedback". Feedback may be
 * pairs, corrected answers or single thumbs, and which one it is decides the method (bounded windows: linear).
 */
const FEEDBACK_TO_TRAIN_ON =
  /\b(?:train|tune|tuning|learn|improve)\w*\b[^.;!?\n]{0,40}?\b(?:on|from|using|with)\s+(?:the\s+|our\s+|their\s+|all\s+(?:the\s+)?)?(?:[\w,~-]+\s+){0,4}?feedback\b|\bfeedback\s+to\s+(?:train|tune|improve|fine[\s-]?tune)\b/i;
/** Preferences named in the task: "RLHF", "DPO", "thumbs-up/down ratings", "which answer users prefer" (linear). */
const PREFERENCES_IN_TASK =
  /\b(?:rlhf|(?:do|run|use|try|apply)\s+dpo|dpo\s+(?:on|with|training|tuning)|preference[\s-](?:tuning|pairs|optimi[sz]ation)|thumbs[\s-]?(?:up|down)|(?:user|customer|human)\s+(?:ratings|votes)\s+(?:to|for)\s+(?:train|tune|improve|fine))\b/i;

/** Devices the model may run on, named in the task: "on company tablets", "in our phone app", "on the handhelds". */
const DEVICE_IN_TASK =
  /\b(?:on|in)\s+(?:the\s+|our\s+|their\s+|its\s+|company\s+|staff\s+|drivers'?\s+|users'?\s+)?(?:tablets?|phones|handhelds?|mobile\s+app|phone\s+app|smartphones|devices|kiosks?|headsets?)\b/i;

export function chooseQuestions(context: QuestionContext): Question[] {
  const { input, analysis, diagnosis, destination } = context;
  const facts = analysis.facts;
  // (`question` replaces the field's general wording where this situation asks something narrower.)
  const asked: { field: ProfileField; why: string; question?: string }[] = [];
  const intake = diagnosis.entries.length === 0 || !diagnosis.explicit;
  const cap = intake ? INTAKE_MAX_QUESTIONS : MAX_QUESTIONS;
  const onDevice = input.deviceMemoryGB !== undefined || (input.goals ?? []).includes('on-device');
  /** The model runs on a phone or an edge box (the device, not a GPU, decides which model can run). */
  const onTheDevice = runsOnDevice(input);
  const ownSideWithGpus =
    (input.deployment === 'on-prem' || input.deployment === 'edge' || input.deployment === 'mobile' || onDevice) &&
    (input.gpuCount ?? 0) > 0;
  const publicContent = isPublicContent(input);
  const known = (field: ProfileField) => input[field] !== undefined || analysis.resolved.profile[field] !== undefined;
  const ask = (field: ProfileField, why: string) => {
    if (asked.length >= cap || known(field) || asked.some((entry) => entry.field === field)) return;
    // One answer covers another: the model's name gives its access and size; the GPU's name gives its memory.
    const has = (other: ProfileField) => asked.some((entry) => entry.field === other);
    if ((field === 'modelAccess' || field === 'modelParamsB') && has('modelName')) return;
    if (field === 'gpuMemoryGB' && has('gpuName')) return;
    // No GPUs: which GPU is not the question (a rental budget is).
    if ((field === 'gpuName' || field === 'gpuMemoryGB') && input.gpuCount === 0) return;
    // No model named: whether it may change is moot (the advice proposes one).
    if (field === 'canSwitchModel' && input.modelName === undefined && input.modelParamsB === undefined) return;
    // The model runs on the team's side and its own GPUs can train it: where data may go changes nothing.
    if (field === 'dataMustStayOnPrem' && ownSideWithGpus) return;
    // Marketing copy, product listings, public docs: where they are processed rarely decides anything.
    if (field === 'dataMustStayOnPrem' && publicContent) return;
    if (field === 'modelParamsB' && analysis.resolved.model && analysis.resolved.model.paramsB === undefined) return;
    asked.push({ field, why });
  };
  const name = (method: MethodId) => shortMethodName(context.knowledge, method);
  const changes = (patch: Partial<Profile>) => {
    const next = context.probe(patch);
    return next === destination.method ? undefined : next;
  };

  // A stated value that contradicts the catalog and decides the answer (7B given for a 70B model): which is right
  // comes before anything else. The answer is computed with the stated value meanwhile.
  for (const conflict of analysis.resolved.conflicts) {
    const field = conflict.field as ProfileField;
    if (!DECISIVE_CONFLICTS.has(field) || conflict.used === 'catalog' || asked.length >= cap) continue;
    // Sizes half or twice the catalog's change every memory and cost figure; other fields must change the method.
    const far =
      typeof conflict.given === 'number' &&
      typeof conflict.catalog === 'number' &&
      Math.max(conflict.given, conflict.catalog) >= FAR_CONFLICT_RATIO * Math.min(conflict.given, conflict.catalog);
    if (!far && changes({ [field]: conflict.catalog } as Partial<Profile>) === undefined) continue;
    asked.push({
      field,
      why: `You gave ${String(conflict.given)}, the catalog says ${String(conflict.catalog)} for this model; the answer uses yours, and the other value ${far ? 'changes every memory and cost figure' : 'changes it'}.`,
    });
  }
  // Everything is ruled out: only whether another model may be proposed can change that.
  if (destination.deadEnd) {
    if (input.canSwitchModel === undefined) ask('canSwitchModel', 'Every method is ruled out on the named model.');
    return toQuestions(asked);
  }
  // Nothing says what the model must do (a model, a corpus, a stage say what the team has): that comes first,
  // whatever else could be asked. Cheaper, faster or on a device says how, not what: the task is still unknown.
  const onlyEfficiencyGoals = (input.goals ?? []).every((goal) => EFFICIENCY_GOALS.has(goal));
  if (input.task === undefined && input.taskType === undefined && (input.goals === undefined || onlyEfficiencyGoals)) {
    ask('task', 'Nothing says yet what the model must do.');
  }
  const needs = diagnosis.needs;
  const undiagnosed = diagnosis.entries.length === 0 || !diagnosis.explicit;
  // Only constraints are known ("runs on a 4 GB scanner", "must be cheap"): where the model runs, not what it does.
  const constraintsOnly =
    !undiagnosed && [...needs].every((need) => CONSTRAINT_NEEDS.has(need)) && input.taskType === undefined;
  const perItem = input.taskType !== undefined && PER_ITEM_TASKS.has(input.taskType);
  const knowledgeShaped = input.taskType === undefined || KNOWLEDGE_SHAPED_TASKS.has(input.taskType);
  // Where the model runs on the team's side anyway, whether data may leave changes little.
  const runsOnPremises = input.deployment === 'on-prem' || input.deployment === 'edge' || input.deployment === 'mobile';
  const textual = ['text', 'code'].includes(analysis.resolved.profile.modality ?? 'text');
  // The access of the model the team named (undefined when none is named).
  const namedAccess =
    input.modelName === undefined ? undefined : (input.modelAccess ?? analysis.resolved.model?.access);
  // Health records, or data a statute governs outright (taxpayers' letters, court files, a bank's customer checks, GMP
  // records): whether they may go to a vendor's API is asked, in words that fit the data.
  const healthData = mentionsHealthData(input);
  const recordsRegulated = healthData || mentionsStatutoryData(input);
  const recordsToVendorWhy = healthData
    ? "Health records sent to a vendor's API need the vendor's agreement to process them (in the US, a HIPAA business associate agreement); if they may not leave your premises, an open-weight model on your hardware is the way."
    : "Records a regulator governs may go to a vendor's API only where your rules allow it; if they may not leave your premises, an open-weight model on your hardware is the way.";
  // On the vendor's API model the team named, that decides the model before the plan's feasibility does (a plan moved
  // to an open model for another reason still depends on it).
  if (namedAccess !== undefined && namedAccess !== 'open-weights' && !runsOnPremises && recordsRegulated)
    ask('dataMustStayOnPrem', recordsToVendorWhy);
  // Data that stays on the premises and no GPU known: whatever is trained runs on hardware the team owns or buys, so
  // what it may spend decides what is possible (a rental is ruled out).
  const onPremisesBudget = () => {
    if (
      (input.dataMustStayOnPrem === true || input.deployment === 'on-prem') &&
      input.gpuName === undefined &&
      input.gpuCount === undefined &&
      input.gpuMemoryGB === undefined &&
      !publicContent &&
      !(onTheDevice && destination.objective === 'none')
    )
      ask(
        'oneTimeBudgetUSD',
        'With data on your premises and no GPU named, training runs on hardware you own or buy: the budget decides what that can be.',
      );
  };
  const diagnosisQuestions = () => {
    // A model's stage or a corpus says what the team has, not what the model is for.
    if (input.task === undefined && input.taskType === undefined && input.goals === undefined) {
      ask('task', 'Nothing says yet what the model must do.');
    }
    if (undiagnosed && input.goals === undefined && !perItem) {
      ask(
        'goals',
        'Nothing says yet which gap must close; the goal decides between retrieval, tuning and distillation.',
      );
    }
    // "Fine-tune it on our internal data": documents (retrieval's material) or input/output pairs (tuning's)?
    if (
      undiagnosed &&
      OWN_DATA_WORDS.test(input.task ?? '') &&
      input.unlabeledCorpus === undefined &&
      input.corpusTokens === undefined &&
      input.labeledExamples === undefined
    ) {
      ask('unlabeledCorpus', '"Our data" may be documents to draw on or examples to learn from; each leads elsewhere.');
    }
    // The first fork of every diagnosis: knowledge that changes (retrieval) or behaviour that can be trained.
    if (undiagnosed && textual && knowledgeShaped && input.knowledgeChanges === undefined) {
      ask('knowledgeChanges', 'Knowledge that changes is retrieved at answer time; stable behaviour can be trained.');
    }
  };

  // A team that wants its model to behave differently, told to prompt first: whether prompting was tried (and
  // plateaued) decides whether tuning is the next step or the prompt baseline is.
  const wantsTuning = /\b(fine[- ]?tun\w*|train\w*|tun(e|ing))\b/i.test(input.task ?? '');
  const behaviourWanted = BEHAVIOUR_NEEDS.some((need) => needs.has(need)) || wantsTuning;
  const askTried = () => {
    if (input.tried === undefined && behaviourWanted && destination.objective === 'none')
      ask('tried', `Prompting comes first here; if it already plateaued, ${name(destination.method)} is behind you.`);
  };
  // The team asks to tune a model that no channel can tune: whether another model may be used is the question.
  const tuningClosed =
    facts.weightsAvailable === false &&
    !TUNING_CHANNEL_METHODS.some((method) => analysis.feasibility.get(method)?.status !== 'infeasible');
  // "Make it better", "improve it with our transcripts" on a model no channel can tune: any fix past the prompt means
  // another model, so whether that is allowed is asked up front.
  const wantsImprovement = /\b(?:better|improv\w*|adapt\w*|customi[sz]\w*|learn\w*|teach\w*)\b/i.test(input.task ?? '');
  // (So is a per-item task whose examples are not counted yet: "flag clauses that deviate from our playbook" on Claude
  // Sonnet; any tuning its examples would allow needs another model.)
  const examplesMayCome = perItem && input.labeledExamples === undefined;
  if ((wantsTuning || wantsImprovement || examplesMayCome) && tuningClosed && input.canSwitchModel === undefined) {
    ask('canSwitchModel', 'No channel can tune the named model; tuning means another model.');
  }
  // A language or framework only the team has ("our in-house deployment DSL"; the model "invents keywords"): no public
  // model has read it, so how much of it exists as text (to pretrain further on) and as worked examples (to tune on)
  // decides between continued pre-training, supervised tuning and retrieval of its documentation.
  if (PRIVATE_LANGUAGE.test(input.task ?? '')) {
    ask('labeledExamples', 'Worked examples in your own language are what supervised tuning learns it from.');
    if (input.unlabeledCorpus === undefined)
      ask('corpusTokens', 'No public model has read your language: enough text in it can be pretrained on first.');
  }
  // A language of the task off the named model's card (Yoruba on Llama 3.1 8B): whether a model made for it may be
  // used, and how much the team has in it (examples to tune on, text to pretrain further on), decide the fix.
  const offModel = languagesOffModel(analysis.resolved.model, input.task);
  if (offModel?.complete && offModel.names.length > 0) {
    const words = `${languageList(offModel.names)} ${offModel.names.length === 1 ? 'is' : 'are'} not among the named model's languages`;
    ask(
      'canSwitchModel',
      `${words}: a model made for ${offModel.names.length === 1 ? 'it' : 'them'} may serve better.`,
    );
    ask(
      'labeledExamples',
      `${words}: examples in ${offModel.names.length === 1 ? 'it' : 'them'} are how tuning closes that gap.`,
    );
    if (input.corpusTokens === undefined)
      ask(
        'unlabeledCorpus',
        `${words}: a large body of text in ${offModel.names.length === 1 ? 'it' : 'them'} allows pre-training further.`,
      );
  }
  // "Customise the assistant per customer": how many customers decides adapters against copies.
  const task = (input.task ?? '').slice(0, 2000);
  if (input.tasksCount === undefined && PER_TENANT_TASK.test(task))
    ask(
      'tasksCount',
      'The task is done once per customer: how many decides one adapter each on a shared base or copies.',
    );
  // "Whole leases of up to 30,000 tokens": one example's length decides training memory, far past the 500 assumed.
  // (Not for a conversation or search over documents: those are its corpus, and a request carries retrieved passages.)
  if (
    input.exampleTokens === undefined &&
    LONG_INPUT_TASK.test(task) &&
    facts.weightsAvailable !== false &&
    input.taskType !== 'chat' &&
    input.taskType !== 'search' &&
    !(input.goals ?? []).includes('knowledge')
  )
    ask(
      'exampleTokens',
      'The task reads whole long documents: their length in tokens decides training memory and time.',
    );
  // "Fine-tune a model on our report archive": a method and its data, no aim; the goal decides between retrieval,
  // supervised tuning on pairs the archive holds, and continued pre-training.
  if (input.goals === undefined && METHOD_AS_TASK.test(task) && !SHAPE_SAID.test(task))
    ask(
      'goals',
      'The task names a method and its data, not what must get better: looking facts up, a behaviour, or fluency in your domain each take a different method.',
    );
  // Something the team tried stalled and nothing says what still goes wrong: that decides the next fix, and past a
  // stalled prompt or retrieval the next fix trains, on examples of good answers.
  const stalled = (input.tried ?? []).some((entry) => entry.result !== 'good-enough');
  if (stalled && input.goals === undefined)
    ask(
      'goals',
      'What still goes wrong after what you tried decides the next fix: facts retrieval misses, a behaviour, cost or speed.',
    );
  if (stalled && input.labeledExamples === undefined && input.preferencePairs === undefined)
    ask('labeledExamples', 'Past a stalled prompt or retrieval the next fix trains, on examples of good answers.');

  // Images can be generated or understood: that fork comes before anything else.
  const visual = ['image', 'vision-language'].includes(analysis.resolved.profile.modality ?? '');
  if (visual && input.taskType === undefined && !IMAGE_GENERATION_TASK.test(input.task ?? '')) {
    ask('taskType', 'Generating images and understanding them are different tasks with different methods.');
  }
  // Work that often runs away from a data centre (a game, an app, a camera on a line, voice notes): where the model
  // runs decides the model's size before anything else.
  // (Not of a vendor's API model the team already calls: that runs in the vendor's cloud.)
  const callsVendorApi = namedAccess === 'api-only';
  if (
    input.deployment === undefined &&
    input.deviceMemoryGB === undefined &&
    !callsVendorApi &&
    RUNS_AT_THE_EDGE.test(input.task ?? '')
  ) {
    ask(
      'deployment',
      "A model inside a game, an app or a device must fit that device's memory; one in the cloud need not.",
    );
    // (A model open to the team may be the one that runs there: the device's memory is the next fork.)
    if (facts.weightsAvailable !== false)
      ask('deviceMemoryGB', 'If it runs on the device, the device memory caps the model, even at 4 bits.');
  }
  // On a device, its memory caps the model before anything else is worth asking.
  if ((input.deployment === 'edge' || input.deployment === 'mobile') && input.deviceMemoryGB === undefined) {
    ask('deviceMemoryGB', 'Device memory caps the model size, even at 4 bits.');
    // A model of several billion parameters needs gigabytes even at 4 bits, more than many phones give one app: on a
    // small device only a smaller sibling runs, so whether the team may change models is the other half of that fork.
    const paramsB = analysis.resolved.model?.paramsB ?? input.modelParamsB;
    const deviceWeightsGB = paramsB === undefined ? undefined : (paramsB * DEVICE_BITS_PER_WEIGHT) / 8;
    if (
      input.modelName !== undefined &&
      input.canSwitchModel === undefined &&
      deviceWeightsGB !== undefined &&
      deviceWeightsGB >= DEVICE_SWITCH_QUESTION_GB
    )
      ask(
        'canSwitchModel',
        `At about ${DEVICE_BITS_PER_WEIGHT} bits a weight the ${paramsB}B model needs about ${Math.round(deviceWeightsGB * 10) / 10} GB before its cache; a device that gives it less runs only a smaller model.`,
      );
  }
  // A conversation on the device (NPC dialogue, an assistant in an app), a camera judging what it sees or a gateway
  // sorting alarms as they arrive answers in real time: the latency target sizes the model as much as the memory does.
  if (
    (input.deployment === 'edge' || input.deployment === 'mobile') &&
    (input.taskType === 'chat' ||
      input.taskType === 'generate' ||
      input.taskType === 'classify' ||
      (visual && input.taskType !== 'image-generate')) &&
    input.latencyTargetMs === undefined
  ) {
    ask('latencyTargetMs', 'On a device, a reply must come in real time: the latency target sizes the model.');
  }
  const modelOpen = input.modelName === undefined && input.modelAccess === undefined;
  // The named model cannot even be served on the team's GPUs: a smaller model (or a rented GPU) is the fork.
  if (input.modelName !== undefined && facts.hasGpu === true && facts['fits.inference-int4'] === false) {
    if (input.canSwitchModel === undefined)
      ask(
        'canSwitchModel',
        'Even at 4 bits the named model does not fit your GPUs to serve it; a smaller sibling would.',
      );
  }
  // The plan moves off the named model: whether that is allowed, and what decides the substitute, come first.
  if (destination.switchedTo) {
    ask(
      'canSwitchModel',
      `The named model rules out ${name(destination.method)}; the plan moves it to ${destination.switchedTo}.`,
    );
    // Off a vendor's API model with sensitive records and no GPUs known: where the data may go decides the kind of
    // move (another model a provider tunes, or an open one on GPUs the team runs) before which GPUs.
    if (
      facts.weightsAvailable === false &&
      (mentionsHealthData(input) || mentionsRegulatedData(input)) &&
      input.dataMustStayOnPrem === undefined &&
      input.gpuName === undefined &&
      input.gpuCount === undefined
    )
      ask(
        'dataMustStayOnPrem',
        'Whether your data may go to a provider decides the move: another model a provider tunes, or an open model on GPUs you run.',
      );
    for (const field of context.substituteDecidedBy ?? []) {
      ask(
        field as ProfileField,
        `It decides whether ${name(destination.method)} is possible on ${destination.switchedTo}.`,
      );
    }
  }
  // A provider's tuning job on the named model, offered only on another channel than the vendor's API the model is
  // reached through (Gemini 2.5 Flash: tuned on Vertex AI, not on the Gemini API): whether the team can run jobs there
  // decides between that job and another model. (Asked past the catalog's access, which says only what is offered.)
  const named = analysis.resolved.model;
  if (
    destination.method === 'managed-fine-tuning' &&
    destination.switchedTo === undefined &&
    named !== undefined &&
    input.modelAccess === undefined &&
    asked.length < cap &&
    !asked.some((entry) => entry.field === 'modelAccess')
  ) {
    const tuners = context.knowledge.providers.filter((provider) =>
      provider.offerings.some(
        (offering) =>
          offering.service === 'supervised-fine-tuning' &&
          offering.status === 'available' &&
          offering.models.includes(named.id),
      ),
    );
    // (Not when the vendor's own API lists the model at all, even restricted: that channel is then the question.)
    const ownListing = context.knowledge.providers.some(
      (provider) =>
        provider.id === named.provider &&
        provider.offerings.some(
          (offering) => offering.service === 'supervised-fine-tuning' && offering.models.includes(named.id),
        ),
    );
    if (tuners.length > 0 && !ownListing && !tuners.some((provider) => provider.id === named.provider))
      asked.push({
        field: 'modelAccess',
        why: `${named.name} is tuned on ${tuners.map((provider) => provider.name).join(' or ')}, not through its own vendor's API: whether you can run tuning jobs there decides between that job and another model.`,
        question: `Where can you use ${named.name}: only through its vendor's own API, or also on ${tuners.map((provider) => provider.name).join(' or ')}, where tuning jobs run?`,
      });
  }
  // A base model headed for instruction tuning, or a model only QLoRA can squeeze onto the team's GPUs: another
  // checkpoint (an instruct one, a smaller sibling) would skip a stage or train in plain LoRA.
  const squeezed = destination.method === 'qlora' && facts['fits.lora'] === false;
  const baseToInstruct =
    input.modelStage === 'base' &&
    (destination.method === 'instruction-tuning' ||
      (SFT_SIBLINGS.includes(destination.method) && needs.has('instruction-following')));
  if (input.modelName !== undefined && input.canSwitchModel === undefined && (squeezed || baseToInstruct)) {
    ask(
      'canSwitchModel',
      baseToInstruct
        ? 'An instruction-tuned checkpoint would skip instruction tuning altogether.'
        : 'Only QLoRA fits this model on your GPUs; a smaller model would train in plain LoRA, faster.',
    );
  }
  // The team's own GPUs are too small to train the destination: a budget for renting decides between renting for
  // the hours it takes and a smaller model.
  // (A team that asks to tune, while the answer is still a prompt, is checked against the leanest tuning, QLoRA.)
  const trainsWeights = destination.objective !== 'none' && destination.method !== 'managed-fine-tuning';
  const tuningCheck = trainsWeights ? checkFor(destination.method) : wantsTuning ? 'qlora' : undefined;
  if (
    tuningCheck !== undefined &&
    facts.hasGpu === true &&
    facts.weightsAvailable !== false &&
    facts[`fits.${tuningCheck}`] === false &&
    input.oneTimeBudgetUSD === undefined
  ) {
    ask(
      'oneTimeBudgetUSD',
      `Your GPUs are too small to train ${trainsWeights ? name(destination.method) : 'this model'}: a budget for renting decides between renting for the hours it takes and a smaller model.`,
    );
  }
  // An open-weight model named, of a size that needs a real GPU, and nothing said about GPUs or where it runs: which
  // GPUs will run it decides whether it can be served at all.
  if (
    facts.weightsAvailable === true &&
    facts.smallModel !== true &&
    input.gpuName === undefined &&
    input.gpuCount === undefined &&
    input.gpuMemoryGB === undefined &&
    input.deployment === undefined &&
    input.deviceMemoryGB === undefined
  ) {
    ask('gpuName', 'The model you named runs on your own GPUs: which ones decides whether it can be served and tuned.');
    // Health or regulated data on an open model no GPU of the team's is known to hold: whether the data may go to a
    // rented cloud GPU decides between renting one and buying or using GPUs on the premises.
    if (!runsOnPremises && (mentionsHealthData(input) || mentionsRegulatedData(input)))
      ask(
        'dataMustStayOnPrem',
        'Your data is sensitive: whether it may go to a rented cloud GPU decides between renting one for the work and running it only on GPUs on your premises.',
      );
  }
  // Regulated records bound for a vendor's API: whether they may go there at all decides the model before anything else.
  if (facts.weightsAvailable === false && !runsOnPremises && recordsRegulated) {
    ask('dataMustStayOnPrem', recordsToVendorWhy);
    // Residency and the model decide it together: data that may not leave, on a model that may not change, is a dead
    // end; the pair is asked side by side.
    if (input.canSwitchModel === undefined && input.dataMustStayOnPrem === undefined)
      ask('canSwitchModel', 'If the records may not leave, the API model has to give way to an open-weight one.');
    // That open-weight model then runs and is tuned on the team's own GPUs: which ones decides how large it can be.
    if (
      input.dataMustStayOnPrem !== false &&
      input.canSwitchModel !== false &&
      input.gpuName === undefined &&
      input.gpuCount === undefined &&
      input.gpuMemoryGB === undefined
    ) {
      // (The team is on a vendor's API: whether it has any GPU at all comes first, then which.)
      ask(
        'gpuCount',
        'If the records stay on your premises, an open-weight model runs and is tuned on your own GPUs: whether you have any, and which, decides how large it can be.',
      );
      const entry = asked.find((item) => item.field === 'gpuCount');
      if (entry) entry.question = 'How many GPUs do you have on your premises, and which (none is an answer too)?';
    }
  }
  // The named model is shut down within months: whether the team may move to another decides where the work goes.
  if (facts.modelRetiringSoon === true && input.canSwitchModel === undefined)
    ask('canSwitchModel', 'The model you named is shut down within months: the plan has to move to another model.');
  // Its own vendor shuts it down within months, though a reseller still serves it: a model trained now lasts only if
  // it moves to the reseller or to another model, and which one the team may take is the question. (A prompt
  // carries over to a successor, so prompting alone does not raise it.)
  const endOfLife = analysis.resolved.model?.endOfLife;
  const referenceDate = context.knowledge.manifest.referenceDate;
  if (
    facts.modelRetiringSoon !== true &&
    // (A prompt carries over to a successor; but with nothing said yet of what must improve and the shutdown within
    // about two months, whether the model may change is among the first things to learn.)
    (destination.objective !== 'none' ||
      (undiagnosed && endOfLife !== undefined && daysBetween(referenceDate, endOfLife) <= IMMINENT_SHUTDOWN_DAYS)) &&
    endOfLife !== undefined &&
    endOfLife > referenceDate &&
    daysBetween(referenceDate, endOfLife) <= VENDOR_RETIREMENT_NOTICE_DAYS &&
    input.canSwitchModel === undefined
  )
    ask(
      'canSwitchModel',
      `Its vendor shuts the model you named down on ${endOfLife}: work that lasts moves to another channel or another model.`,
    );
  // Regulated or confidential data (legal, financial, government, security logs) bound for a vendor's API: the same
  // question comes first, since a "no" rules out every method on this model.
  if (
    facts.weightsAvailable === false &&
    !runsOnPremises &&
    input.dataMustStayOnPrem === undefined &&
    !mentionsHealthData(input) &&
    mentionsRegulatedData(input)
  )
    ask(
      'dataMustStayOnPrem',
      "Confidential or regulated data sent to a vendor's API needs your rules to allow it; if it may not leave your premises, an open-weight model on your hardware is the way.",
    );
  // The prompt kept because its bill is too small for a student, at an assumed request size: the real size decides it.
  const keptForSmallBill = destination.wishes.some(
    (wish) => wish.noStudent === true && destination.why.startsWith(wish.why),
  );
  if (keptForSmallBill && input.inputTokensPerRequest === undefined && input.exampleTokens === undefined)
    ask(
      'inputTokensPerRequest',
      'The bill I compared with serving a smaller model assumed a request size; a longer prompt raises it, and a student may then pay back.',
    );
  // "Handle incoming warranty claims": deciding a claim is a label, answering it is a text; the shape comes first.
  if (
    input.taskType === undefined &&
    input.modality !== 'image' &&
    input.modality !== 'audio' &&
    input.task !== undefined &&
    VAGUE_TASK_VERB.test(input.task.slice(0, 2000)) &&
    !SHAPE_SAID.test(input.task.slice(0, 2000))
  )
    ask(
      'taskType',
      'The task names what it works on, not what it produces: deciding or routing each item is classification, writing the reply is generation, and they take different methods.',
    );
  // With nothing diagnosed the destination is only a fallback, so its feasibility is not worth a question yet:
  // aim first (the task or goal), then the data every fix depends on, then what constrains the model choice.
  // Running on the device says where, not what: with no task said either, the aim is still unknown.
  const onlyWhereToRun =
    input.task === undefined && input.taskType === undefined && [...needs].every((need) => need === 'on-device');
  if (diagnosis.entries.length === 0 || !diagnosis.explicit || onlyWhereToRun) {
    // A per-item task shape (classify, extract) says what the work is; a chat or writing task does not.
    if (input.task === undefined && !perItem) ask('task', 'Nothing says yet what the model must do.');
    else if (input.goals === undefined && !perItem)
      ask(
        'goals',
        'The task does not say which gap must close; the goal decides between retrieval, tuning and distillation.',
      );
    // A task in a few words does not say its shape (a label, fields, free text, a conversation): that decides which
    // methods apply at all, before the data they need.
    if (
      input.task !== undefined &&
      input.taskType === undefined &&
      input.modality !== 'image' &&
      !SHAPE_SAID.test(input.task.slice(0, 2000))
    )
      ask('taskType', 'The shape of the task decides which methods apply at all.');
    // Someone waits for each answer (a voice bot, search as they type): the latency target bounds the model's size.
    if (LATENCY_SENSITIVE_TASK.test((input.task ?? '').slice(0, 2000)) && input.latencyTargetMs === undefined)
      ask('latencyTargetMs', 'Someone waits for every answer: the latency target bounds how large the model can be.');
    // Work over the team's own documents: whether they change decides between retrieval and training first.
    const knowledgeHinted = KNOWLEDGE_NEEDS.some((need) => needs.has(need));
    if (knowledgeHinted && knowledgeShaped && input.knowledgeChanges === undefined)
      ask('knowledgeChanges', 'Knowledge that changes is retrieved at answer time; stable behaviour can be trained.');
    if (input.labeledExamples === undefined && !visualGeneration(input))
      ask(
        'labeledExamples',
        'Every training method needs a minimum number of examples; below it, prompting and retrieval are the options.',
      );
    if (modelOpen && !runsOnPremises && input.dataMustStayOnPrem === undefined)
      ask(
        'dataMustStayOnPrem',
        'If no data may leave your premises, only an open-weight model on your own hardware is possible.',
      );
    else if (
      modelOpen &&
      input.dataMustStayOnPrem === true &&
      input.gpuName === undefined &&
      input.gpuCount === undefined &&
      !(onTheDevice && destination.objective === 'none')
    )
      ask('gpuName', 'With data on the premises, your GPUs decide which open model can run and be tuned.');
    diagnosisQuestions();
    if (input.taskType === undefined) ask('taskType', 'The shape of the task decides which methods apply at all.');
    // (After where the data may go and what the task is: the volume sets the bill, those set what can be built.)
    if (perItem && input.requestsPerDay === undefined)
      ask(
        'requestsPerDay',
        'A task done item by item is paid per item: volume decides whether prompting a large model stays cheaper than a small tuned one.',
      );
  }

  // Where it runs and what it may cost are known, not what it does: the task's shape comes before anything else.
  if (constraintsOnly)
    ask('taskType', 'Only where and how cheaply it must run is known; what it does decides the method.');
  // 1. Feasibility of the destination.
  if (modelOpen) {
    // The team already calls a model over an API: which one decides who can tune it, and whether.
    if (input.deployment === 'cloud-api')
      ask('modelName', 'You call a model over an API: which one decides whether and where it can be tuned.');
    // No model chosen yet: the advice can propose one, so ask what constrains the choice, not the name.
    if (input.dataMustStayOnPrem === undefined) {
      if (!runsOnPremises)
        ask(
          'dataMustStayOnPrem',
          'If no data may leave your premises, only an open-weight model on your own hardware is possible.',
        );
    } else if (
      input.dataMustStayOnPrem &&
      input.gpuName === undefined &&
      input.gpuCount === undefined &&
      // On a phone or an edge box the device decides which model runs; GPUs matter only once training is the plan.
      !(onTheDevice && destination.objective === 'none')
    ) {
      ask('gpuName', 'With data on the premises, your GPUs decide which open model can run and be tuned.');
    }
    // Whether the team is on a vendor's API or runs open weights decides who can tune it and how.
    // (Not for a distillation from a named teacher: the student is an open model the advice proposes.)
    const studentOfTeacher = destination.method === 'distillation' && input.teacherModel !== undefined;
    if (input.dataMustStayOnPrem !== true && !runsOnPremises && (input.gpuCount ?? 0) === 0 && !studentOfTeacher)
      ask(
        'modelAccess',
        "A vendor's API model is tuned by the vendor, if at all; open weights are tuned on your GPUs or a rented one.",
      );
  }
  onPremisesBudget();
  // Off the device, distillation is a cost fix that pays only at volume; on it, the device decides, not the volume.
  if (destination.method === 'distillation' && input.requestsPerDay === undefined && !needs.has('on-device')) {
    ask('requestsPerDay', 'Distillation pays for itself only at volume.');
  }
  // Whether the team may serve another model decides distillation before any GPU does.
  if (destination.method === 'distillation' && facts.weightsAvailable === false && input.canSwitchModel === undefined) {
    ask('canSwitchModel', 'The student is another, smaller model: the team must be free to serve it.');
  }
  // Faster is the goal: the target decides how small the model must be, before how to train it.
  if (
    (needs.has('latency') || LATENCY_SENSITIVE_TASK.test((input.task ?? '').slice(0, 2000))) &&
    input.latencyTargetMs === undefined
  ) {
    ask('latencyTargetMs', 'A tight latency budget calls for a smaller (tuned or distilled) model and short prompts.');
  }
  // The data the destination trains on decides it before the compute does.
  if (destination.method === 'preference-tuning' && input.preferencePairs === undefined) {
    ask('preferencePairs', 'Preference tuning needs hundreds to thousands of chosen/rejected pairs.');
  }
  // DPO starts from a model that already follows instructions: a base checkpoint needs supervised tuning first.
  if (destination.method === 'preference-tuning' && input.modelStage === undefined && facts.weightsAvailable !== false)
    ask(
      'modelStage',
      'Preference tuning starts from an instruction-tuned model; a base checkpoint needs supervised tuning (or its published instruct version) first.',
    );
  // "It ignores our instructions" on open weights: a base checkpoint would explain it, and its published instruct
  // release fixes it before any training does.
  if (
    needs.has('instruction-following') &&
    input.modelStage === undefined &&
    facts.weightsAvailable === true &&
    destination.method !== 'preference-tuning'
  )
    ask(
      'modelStage',
      'A base checkpoint does not follow instructions at all; its instruct release may fix that before any tuning.',
    );
  if (SUPERVISED_DESTINATIONS.has(destination.method) && input.labeledExamples === undefined) {
    ask('labeledExamples', `${name(destination.method)} learns from examples; their number decides whether it can.`);
  }
  // Training a student or an adapter yourself needs GPUs: which ones decides time and money. A model under
  // SMALL_MODEL_PARAMS_B trains in hours on any single GPU, so the answer would not change the plan.
  const selfRun =
    destination.method === 'distillation' || (facts.weightsAvailable === true && destination.objective !== 'none');
  if (
    selfRun &&
    facts.smallModel !== true &&
    input.gpuName === undefined &&
    input.gpuCount === undefined &&
    input.gpuMemoryGB === undefined
  ) {
    ask('gpuName', `Your GPUs decide whether ${name(destination.method)} runs in-house or on a rented GPU.`);
    if (input.oneTimeBudgetUSD === undefined)
      ask(
        'oneTimeBudgetUSD',
        `Without GPUs of your own, the budget decides whether ${name(destination.method)} can be rented.`,
      );
  }
  // No GPUs at all, and training on the table (the destination trains weights, the team asks to tune, or it holds
  // thousands of labels): anything trained is rented, so the budget decides whether it can be.
  // (Not for a provider's job, which rents nothing, nor for an API model the team may not leave, where nothing trained
  // runs on a GPU of anyone's choosing.)
  if (
    input.gpuCount === 0 &&
    input.oneTimeBudgetUSD === undefined &&
    input.dataMustStayOnPrem !== true &&
    destination.method !== 'managed-fine-tuning' &&
    (facts.weightsAvailable !== false || input.canSwitchModel !== false) &&
    (selfRun || wantsTuning || (input.labeledExamples ?? 0) >= 1000)
  )
    ask(
      'oneTimeBudgetUSD',
      'You have no GPUs: anything trained runs on rented ones, and the budget decides whether it can.',
    );
  const status = analysis.feasibility.get(destination.method);
  if (!destination.switchedTo && status?.status === 'conditional') {
    const ordered = [...status.decidedBy].sort((a, b) => order(a) - order(b));
    for (const field of ordered) {
      // With no model named, the advice proposes one: its name is not a question.
      if (modelOpen && (field === 'modelName' || field === 'modelAccess' || field === 'modelParamsB')) continue;
      // With no model named and GPUs of its own, the proposed model is chosen to fit them: the rest is undecided
      // only because the size is, not worth a question.
      if (modelOpen && (input.gpuCount ?? 0) > 0) continue;
      // On a phone or an edge box the device serves the model: its memory (asked above), not a GPU, decides whether
      // an untrained model runs there.
      if (
        onTheDevice &&
        destination.objective === 'none' &&
        (field === 'gpuName' || field === 'gpuCount' || field === 'gpuMemoryGB')
      )
        continue;
      ask(field, `It decides whether ${name(destination.method)} is possible at all.`);
    }
  }

  // A team already sending its data to a vendor's model, and staying on the vendor's channel, has answered
  // residency; not when the domain is safety-critical, the model is locked (residency then decides everything), or
  // the plan moves data to another channel (a student model).
  const apiUser =
    input.modelName !== undefined &&
    facts.weightsAvailable === false &&
    input.safetyCritical !== true &&
    !mentionsHealthData(input) &&
    !mentionsRegulatedData(input) &&
    input.canSwitchModel !== false &&
    VENDOR_CHANNEL_METHODS.has(destination.method);
  if (input.dataMustStayOnPrem === undefined && !apiUser) {
    const vendorChannel = facts.weightsAvailable === false && !destination.switchedTo;
    const rented = facts[`fits.${checkFor(destination.method)}`] !== true && facts.weightsAvailable === true;
    if (vendorChannel || rented) {
      const next = changes({ dataMustStayOnPrem: true });
      if (next)
        ask(
          'dataMustStayOnPrem',
          `If no data may leave your premises, ${name(destination.method)} moves to ${name(next)}.`,
        );
      // The method stays, but where it runs does not: GPUs the team owns that cannot hold the model leave renting or
      // a smaller model, and residency decides between them.
      else if (rented && facts.hasGpu === true)
        ask(
          'dataMustStayOnPrem',
          `Your GPUs cannot hold ${name(destination.method)} on this model: whether data may go to a rented GPU decides between renting for it and a smaller model on yours.`,
        );
    }
  }
  // The named model limits the answer and another one would not: whether it may change is the question.
  if (
    !destination.switchedTo &&
    input.canSwitchModel === undefined &&
    (context.modelOptions ?? []).some((option) => option.verdict === 'viable')
  ) {
    ask('canSwitchModel', 'Another model would make the answer possible on what you have.');
  }

  // The plan moves a provider tuning job to another vendor's model: a job there or LoRA on an open model the team
  // runs itself are the two ways out, and the team's experience decides between them.
  if (
    destination.switchedTo !== undefined &&
    destination.method === 'managed-fine-tuning' &&
    input.modelName !== undefined &&
    input.mlExpertise === undefined
  ) {
    // Said as deciding only when it does (an expert team would run LoRA itself); otherwise as what the plan assumes.
    const decides = changes({ mlExpertise: 'expert' }) !== undefined || changes({ mlExpertise: 'none' }) !== undefined;
    ask(
      'mlExpertise',
      decides
        ? `The plan moves the tuning job to ${destination.switchedTo}: your team's experience decides between a provider job there and LoRA on an open model you run yourselves.`
        : `The plan moves the tuning job to ${destination.switchedTo}, a provider job: if your team would rather run LoRA on an open model itself, its experience is what makes that a real option.`,
    );
  }

  // A tie between siblings is a question, not list order: ask what tells them apart.
  // (With no model named the size decides the tie, and the proposal chooses it.)
  if (destination.tiedWith && !modelOpen) {
    const pair = [destination.method, destination.tiedWith];
    const level = `${name(pair[0] as MethodId)} and ${name(pair[1] as MethodId)} are level`;
    // The first unknown field that tells the two apart.
    const candidates: [ProfileField, string][] = pair.includes('managed-fine-tuning')
      ? [
          ['modelName', 'the model decides who can tune it'],
          ['canSwitchModel', 'whether another model may be used decides who can tune it'],
          ['oneTimeBudgetUSD', 'the budget decides between a provider job and training your own'],
          ['mlExpertise', "the team's experience decides between a provider job and training your own"],
        ]
      : pair.includes('adapters') || pair.includes('prefix-tuning')
        ? [
            ['latencyTargetMs', 'adapter layers add latency, merged LoRA does not'],
            ['tasksCount', 'many tasks favour swappable adapters'],
          ]
        : [
            ['gpuName', 'GPU memory decides between them'],
            ['oneTimeBudgetUSD', 'the budget decides between them'],
            ['mlExpertise', "the team's experience decides between them"],
          ];
    // (With no GPUs, which GPU cannot tell them apart: the next field can.)
    const unknown = candidates.find(([field]) => !known(field) && !(field === 'gpuName' && input.gpuCount === 0));
    if (unknown) ask(unknown[0], `${level}: ${unknown[1]}.`);
  }

  // 2. Diagnosis.
  diagnosisQuestions();

  // 3. Data for the fix (the examples decide whether tuning can happen at all; whether prompting was tried, only
  // whether it comes now).
  const behaviour = BEHAVIOUR_NEEDS.some((need) => needs.has(need)) || needs.has('instruction-following');
  if ((behaviour || undiagnosed || constraintsOnly) && input.labeledExamples === undefined) {
    const next = changes({ labeledExamples: 2000 }) ?? changes({ labeledExamples: 0 });
    if (next)
      ask(
        'labeledExamples',
        `With enough labelled examples the destination moves from ${name(destination.method)} to ${name(next)}.`,
      );
    else
      ask(
        'labeledExamples',
        'Training needs a minimum number of examples; below it, prompting and retrieval are the options.',
      );
  }
  askTried();
  // ("Do RLHF with our thumbs-up/down ratings": preferences named in the task, pairs not counted yet.)
  const preferencesNamed =
    PREFERENCES_IN_TASK.test(input.task ?? '') || FEEDBACK_TO_TRAIN_ON.test((input.task ?? '').slice(0, 2000));
  if ((needs.has('alignment') || preferencesNamed) && input.preferencePairs === undefined) {
    ask(
      'preferencePairs',
      needs.has('alignment')
        ? 'Preference tuning needs hundreds to thousands of chosen/rejected pairs.'
        : 'Preference tuning learns from pairs (two answers to one prompt, one preferred); single thumbs or ratings are not pairs, so how many real pairs you have decides whether it is an option.',
    );
  }
  const knowledgeNeed = KNOWLEDGE_NEEDS.some((need) => needs.has(need));
  // Only for work that answers from knowledge (chat, writing, search over text): "tag news articles" or "render our
  // mascot" hint at no knowledge base whose churn would matter.
  if (knowledgeNeed && knowledgeShaped && textual && input.knowledgeChanges === undefined) {
    ask('knowledgeChanges', 'Knowledge that changes is retrieved at answer time, never trained into weights.');
  }
  // The size of the documents decides between a cached prompt, retrieval and continued pre-training; asking it also
  // learns whether there are any.
  if (
    knowledgeNeed &&
    input.corpusTokens === undefined &&
    (input.unlabeledCorpus === undefined || input.unlabeledCorpus === 'small')
  ) {
    ask('corpusTokens', 'Documents under about 200,000 tokens fit in a cached prompt; more need retrieval.');
  }

  if ((undiagnosed || constraintsOnly) && input.taskType === undefined) {
    ask('taskType', 'The shape of the task decides which methods apply at all.');
  }

  // 4. Preferences that would move the destination.
  // (On a device every request runs there, at no cost per call: the volume moves nothing.)
  if (input.requestsPerDay === undefined && (needs.has('cost') || needs.has('latency')) && !onTheDevice) {
    ask('requestsPerDay', 'Volume decides whether a smaller tuned or distilled model pays for itself.');
  }
  // On a device, or at volume, the latency budget decides how small the model must be.
  const small = needs.has('on-device') || needs.has('latency') || input.taskType === 'transcribe';
  if (small && input.latencyTargetMs === undefined) {
    ask('latencyTargetMs', 'A tight latency budget calls for a smaller (tuned or distilled) model and short prompts.');
  }
  // An API model is paid per call: the volume decides whether prompting stays cheaper than a tuned or distilled model.
  // (Not for a model bound for a phone or an edge box: there every request runs on the device, at no cost per call.)
  if (
    facts.weightsAvailable === false &&
    input.requestsPerDay === undefined &&
    destination.objective === 'none' &&
    !onTheDevice
  ) {
    ask(
      'requestsPerDay',
      'On an API model the bill grows with every call; at volume a smaller tuned model pays for itself.',
    );
  }
  // The team serves the model itself: load and latency size the serving GPUs.
  const selfServed = input.deployment === 'on-prem' || input.deployment === 'cloud-self-hosted';
  if (selfServed && input.requestsPerDay === undefined) {
    ask('requestsPerDay', 'You serve the model yourselves: the load decides how many GPUs serving needs.');
  }
  const interactive = input.taskType === 'chat' || input.taskType === 'search' || input.taskType === undefined;
  if (selfServed && interactive && input.latencyTargetMs === undefined) {
    ask('latencyTargetMs', 'You serve the model yourselves: the latency budget decides model size and batching.');
  }
  // Any plan on an API model is paid per call: volume decides whether an own tuned model would pay for itself.
  if (
    facts.weightsAvailable === false &&
    input.requestsPerDay === undefined &&
    input.modelName !== undefined &&
    !onTheDevice
  ) {
    ask(
      'requestsPerDay',
      'On an API model the bill grows with every call; volume decides whether an own model pays off.',
    );
  }
  if (needs.has('cost') && facts.weightsAvailable === false && input.canSwitchModel === undefined) {
    ask('canSwitchModel', 'The cheapest fix is often another model: a smaller tier or an open-weight student.');
  }
  // The bill must fall and the fix is a smaller model (a student, or a small model tuned on the labels): tuned in
  // place, the model the team named keeps its bill, so whether it may change decides the plan. (Not when the team
  // names a teacher: the model it names beside it is then the student, already the smaller one.)
  const chosenWish = destination.wishes.find((wish) => destination.why.startsWith(wish.why));
  if (
    needs.has('cost') &&
    input.teacherModel === undefined &&
    facts.smallModel !== true &&
    (chosenWish?.smallModel === true || destination.method === 'distillation')
  )
    ask(
      'canSwitchModel',
      'The saving is a smaller model than the one you named: tuned in place, it keeps its bill. Whether it may change decides the plan.',
    );
  // Distillation with no model named: the teacher (the model that does the task well today) is what it learns from.
  if (destination.method === 'distillation' && input.teacherModel === undefined && input.modelName === undefined) {
    ask(
      'teacherModel',
      'Distillation trains a small model on a large one’s outputs: which model does the task well today?',
    );
  }
  // Whether there are documents to answer from at all, when the gap is not said: retrieval needs them, and without them
  // the gap is how the model behaves.
  if (
    (undiagnosed || input.goals === undefined) &&
    textual &&
    knowledgeShaped &&
    (input.task !== undefined || input.taskType !== undefined) &&
    input.unlabeledCorpus === undefined &&
    input.corpusTokens === undefined
  ) {
    ask('unlabeledCorpus', 'Retrieval needs documents to answer from; without them the gap is how the model behaves.');
  }
  // Devices named in the task ("an assistant on their company tablets"): whether the model runs on them or answers
  // from a server decides its size, and if on them, their memory caps it.
  // (Not for a vendor's API model the team may not leave: it never runs on a device.)
  if (
    input.deployment === undefined &&
    input.deviceMemoryGB === undefined &&
    !(input.goals ?? []).includes('on-device') &&
    !(facts.weightsAvailable === false && input.canSwitchModel === false) &&
    DEVICE_IN_TASK.test(input.task ?? '')
  ) {
    ask(
      'deployment',
      'The task names devices: whether the model runs on them or answers from a server decides its size.',
    );
    ask('deviceMemoryGB', 'If it runs on the devices, their memory caps the model, even at 4 bits.');
  }
  // An open model and no GPUs of the team's own: serving it means a GPU rented all month (or a hosted API, or a small
  // model on a CPU server), and the monthly budget decides which.
  if (
    input.gpuCount === 0 &&
    facts.weightsAvailable === true &&
    facts.smallModel !== true &&
    input.monthlyBudgetUSD === undefined &&
    input.dataMustStayOnPrem !== true &&
    input.deployment === undefined &&
    !onTheDevice
  )
    ask(
      'monthlyBudgetUSD',
      'With no GPUs of your own, serving an open model means a GPU rented all month, a hosted API or a small model on a CPU server: the monthly budget decides which.',
    );
  // Training is the destination: whether a prompt baseline exists decides only the first step (build it, or start
  // tuning), so it comes after everything that decides the destination.
  if (input.tried === undefined && destination.objective !== 'none' && !destination.deadEnd) {
    ask('tried', 'Whether a prompt baseline already exists decides the first step: build one, or start training.');
  }
  if (asked.length < cap && input.requestsPerDay === undefined && facts.smallModel !== true && !onTheDevice) {
    const next = changes({ requestsPerDay: 1_000_000 });
    if (next) ask('requestsPerDay', `At a million requests a day the destination moves to ${name(next)}.`);
  }

  return toQuestions(asked);
}

/** The questions with their general reason, then the reason in this situation (once, when both say the same). */
function toQuestions(asked: readonly { field: ProfileField; why: string; question?: string }[]): Question[] {
  return asked.map(({ field, why, question }) => {
    const general = FIELD_QUESTIONS[field].why;
    // A specific reason the general one already says (up to its final stop) is not said twice.
    const said = why.replace(/[.!?]+$/, '');
    return {
      field,
      question: question ?? FIELD_QUESTIONS[field].question,
      why: general === why || general.includes(said) ? general : `${general} ${why}`,
    };
  });
}

/** Image generation learns from a handful of images: the count of labelled pairs is not the question. */
function visualGeneration(input: Profile): boolean {
  return input.taskType === 'image-generate';
}

function order(field: ProfileField): number {
  const index = FEASIBILITY_ORDER.indexOf(field);
  return index === -1 ? FEASIBILITY_ORDER.length : index;
}

function checkFor(method: MethodId): FactCheck {
  if (method === 'qlora') return 'qlora';
  if (method === 'full-fine-tuning') return 'full-fine-tuning';
  if (method === 'distillation') return 'distillation-student';
  if (method === 'prompt-engineering' || method === 'in-context-learning' || method === 'rag') return 'inference';
  return 'lora';
}
