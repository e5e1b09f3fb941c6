import { withJobs } from '../engine/advise-jobs.ts';
import { withinAllowedProviders } from '../engine/allowed-providers.ts';
import { RETIRING_SOON_WEEKS, runsOnDevice, SMALL_MODEL_PARAMS_B } from '../engine/derive-facts.ts';
import { KNOWLEDGE_NEEDS } from '../engine/diagnose.ts';
import { listPriceMonthlyUSD } from '../engine/estimate-feasibility.ts';
import { addDays, daysBetween } from '../engine/iso-dates.ts';
import { SFT_SIBLINGS } from '../engine/method-groups.ts';
import { shortMethodName } from '../engine/method-name.ts';
import { SUBSTITUTE_MIN_LIFETIME_DAYS } from '../engine/model-tiers.ts';
import { recommend } from '../engine/recommend.ts';
import type { Question, Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { JOB_OWN_FIELDS } from '../profile/job-schema.ts';
import { languageList } from '../profile/languages.ts';
import type { MethodId, Profile, ProfileField } from '../profile/profile-schema.ts';
import { compactAnswerParts, jobsAnswerParts, plainModelName } from './compact-answer.ts';
import { dataMixReply, dataQualityReply } from './data-mix-reply.ts';
import { joinWords } from './describe-field.ts';
import { type DialogueState, initialDialogueState } from './dialogue-state.ts';
import { catalogEncoder, encoderInsteadReply, encoderLengthReply } from './encoder-reply.ts';
import { PROVIDER_ADDED } from './extract/extractors/allowed-providers.ts';
import { taskWithLanguages } from './extract/extractors/task.ts';
import { asksAQuestion } from './extract/intents.ts';
import { continuedJobIndex, jobsWithOneAdded } from './extract/jobs.ts';
import { TOKENS_PER_PAGE } from './extract/numbers.ts';
import { textEncoders } from './extract/text-encoders.ts';
import type { Extraction, ExtractionIntents } from './extract/types.ts';
import { withoutFields } from './extract/without-fields.ts';
import { mergeProfile } from './fields/merge-profile.ts';
import {
  billMismatchReply,
  comparisonReply,
  contextFitReply,
  costLeversReply,
  costReply,
  definitionReply,
  enoughDataReply,
  evaluationReply,
  exactMatchRetrievalReply,
  type FitDetails,
  factsByTuningReply,
  firstStepReply,
  fitReply,
  formatGuaranteeReply,
  fullPreferenceFit,
  hallucinationReply,
  hostingFeeReply,
  type InfoAnswer,
  instructVsBaseReply,
  largestDeviceModel,
  licenceReply,
  loraForPretrainingReply,
  macTrainingReply,
  modelReply,
  onDeviceRuntimeReply,
  perTaskReply,
  promptSizeReply,
  type RentedForJob,
  ratingsForPreferenceReply,
  resolveGenericFineTuning,
  retirementReply,
  retrievalVsPretrainingReply,
  retrievedExamplesReply,
  safetyReply,
  smallTalkReply,
  speedReply,
  standingReply,
  tuningChannelReply,
  whatWouldChangeReply,
  whyNotModelReply,
  whyRentReply,
} from './info-replies.ts';
import {
  inherited,
  type JobState,
  jobOnlyFields,
  jobsForEngine,
  jobWithWhatIf,
  mergeJobs,
  namedJob,
  profileOfJob,
  sharedCounts,
} from './jobs-state.ts';
import { ktoReply } from './kto-reply.ts';
import { languageReply } from './language-reply.ts';
import { longContextReply } from './long-context-reply.ts';
import { risksReply, sftBeforePreferenceReply, stepsReply, timelineReply } from './plan-replies.ts';
import { rentMonthlyReply } from './rent-monthly-reply.ts';
import { ANSWER_FOLLOW_UPS, type ReplyData, replyFigures, replyText, textReply } from './reply-data.ts';
import { acknowledgementText, assumedNote, lowerFirst, plainValue, questionText, unknownNote } from './reply-words.ts';
import { joinAnswers, questionsByHypothesis, withTheOtherQuestions } from './several-questions.ts';
import { smallModelReply } from './small-model-reply.ts';
import { whyMethodReply } from './why-reply.ts';

/** An extraction as the dialogue consumes it: rule-based, optionally merged with what an LLM understood. */
export interface TurnExtraction extends Extraction {
  /** Who understood each field; absent means the rule-based extractor. */
  contributedBy?: Partial<Record<ProfileField, 'rules' | 'llm'>>;
  /** The listed job that goes on with the conversation's one task, and the task's own facts it took from the team. */
  jobContinued?: { name: string; fields: ProfileField[] };
}

export type TurnKind = 'greeting' | 'question' | 'recommendation' | 'why' | 'what-if' | 'reset' | 'info';

/** One understood value, for the `data-profile` part: what, from which words, by whom. */
export interface UnderstoodField {
  field: ProfileField;
  value: unknown;
  text: string;
  by: 'rules' | 'llm';
  corrected: boolean;
  /** The one job of several the value was said of, when it stays that job's (a residency, a model, a traffic figure). */
  job?: string;
}

export interface TurnResult {
  state: DialogueState;
  kind: TurnKind;
  /** The assistant's reply, written from templates: always `replyText(replyData)`. */
  reply: string;
  /** The reply as data: its sections, figures and follow-up suggestions (src/chat/reply-data.ts). */
  replyData: ReplyData;
  /** Answers: `replyData.body`, the part of `reply` that explains the recommendation (an LLM may replace it). */
  body?: string;
  /** Values understood from this message. */
  understood: UnderstoodField[];
  /** The engine's recommendation on the current profile (or the hypothetical one for "what if"). */
  recommendation: Recommendation;
  /**
   * The profile `recommendation` was computed on when it is one job's (a question that named the job), not the
   * team's: a stored reply recomputes its recommendation from it.
   */
  advisedProfile?: Profile;
  /** The one question asked this turn, if any. */
  question?: Question;
  /** True when the answer rests on assumptions because questions were left open. */
  provisional: boolean;
}

export interface TurnOptions {
  /** Questions asked before a provisional answer is given anyway. Default 3 (issue 3). */
  maxQuestions?: number;
}

const DEFAULT_MAX_QUESTIONS = 3;
/** Answers kept per knowledge base: a turn (and the one after it) asks for the same profile's answer more than once. */
const MEMO_ENTRIES = 256;
const memoByKnowledge = new WeakMap<Knowledge, Map<string, Recommendation>>();

/**
 * The engine's answer for a profile, computed once while it stays among the last MEMO_ENTRIES asked: the engine is
 * pure and deterministic, and nothing in the chat changes a recommendation it is handed (under the tests they are
 * frozen, so a change would throw).
 */
function recommendFor(profile: Partial<Profile>, knowledge: Knowledge): Recommendation {
  let memo = memoByKnowledge.get(knowledge);
  if (!memo) {
    memo = new Map();
    memoByKnowledge.set(knowledge, memo);
  }
  const key = JSON.stringify(profile);
  const cached = memo.get(key);
  if (cached) {
    memo.delete(key);
    memo.set(key, cached);
    return cached;
  }
  const computed = recommend(profile as Profile, knowledge);
  if (process.env.VITEST) deepFreeze(computed);
  memo.set(key, computed);
  if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value as string);
  return computed;
}

/**
 * The recommendation with each of the conversation's jobs advised on its own (unchanged with fewer than two jobs);
 * the jobs are advised through the same memo as the rest of the turn, so no job is run twice.
 */
function withTheJobs(recommendation: Recommendation, state: DialogueState, knowledge: Knowledge): Recommendation {
  if (state.jobs === undefined || state.jobs.length < 2) return recommendation;
  return withJobs(
    recommendation,
    state.profile as Profile,
    jobsForEngine(state.profile, state.jobs),
    knowledge,
    (profile) => recommendFor(profile, knowledge),
  );
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
/** "the 7B" for Qwen2.5 7B (7.6B): a size this close to the plan's model names that model. */
const SAME_SIZE_TOLERANCE = 0.15;

/**
 * One conversational turn, pure and deterministic: merge what the message says into the profile (the latest
 * explicit statement wins), then either ask the single unknown that could most change the answer, or answer.
 * "why not X?", "what if …?", "just recommend" and "start over" are handled from the engine's trace.
 */
export function runTurn(
  previous: DialogueState,
  extraction: TurnExtraction,
  knowledge: Knowledge,
  options: TurnOptions = {},
): TurnResult {
  return withModelTalkedAbout(
    withOtherLanguage(
      withGpuVariantNote(
        withUnconvertedMoney(
          withUnanswered(
            withDropSaid(
              previous,
              extraction,
              answerTurn(
                previous,
                withCorpusFromPages(
                  previous,
                  withSummariesAsInput(
                    previous,
                    withTaskLanguages(
                      previous,
                      withPerTenantTotal(
                        previous,
                        pairsAsPreference(
                          previous,
                          keepModelMovedTo(
                            previous,
                            withFirstJobContinued(previous, withJobAdded(previous, extraction)),
                            knowledge,
                          ),
                        ),
                      ),
                    ),
                  ),
                ),
                knowledge,
                options,
              ),
            ),
            extraction.intents.unanswered,
          ),
          extraction.unconvertedMoney,
        ),
        extraction,
        knowledge,
      ),
      extraction.otherLanguage,
    ),
    extraction.talkedAboutModel,
    previous.lastAskedModel,
  );
}

/**
 * "why Qwen2.5 1.5B and not Qwen2.5 3B? at Q4 the 3B is like 2GB": the size of the model a why-not weighs describes
 * that model, not the team's.
 */
function withoutSizeOfModelWeighed(extraction: TurnExtraction, knowledge: Knowledge): TurnExtraction {
  const weighed = extraction.intents.asksWhyNotModel;
  const size = extraction.fields.modelParamsB;
  if (weighed === undefined || size == null || extraction.fields.modelName !== undefined) return extraction;
  return restatesSize(size, weighed, knowledge) ? withoutFields(extraction, ['modelParamsB']) : extraction;
}

/** "why not Llama 3.2 3B?": the model a question weighed is remembered, so "the 3B" said next names it. */
function withModelTalkedAbout(result: TurnResult, model: string | undefined, before: string | undefined): TurnResult {
  if (model === undefined || model === result.state.profile.modelName) return result;
  // (A "what if" this turn already remembered the model it asked about: "What if we served Qwen2.5 72B? Would it be
  // cheaper than Claude Haiku?" is about the 72B.)
  if (result.state.lastAskedModel !== undefined && result.state.lastAskedModel !== before) return result;
  return { ...result, state: { ...result.state, lastAskedModel: model } };
}

/**
 * "2 A100s": the A100 comes in 40 and 80 GB, and the memory can change the advice (LoRA or QLoRA on a 70B). The reply
 * says which one it took when the message did not say.
 */
function withGpuVariantNote(result: TurnResult, extraction: TurnExtraction, knowledge: Knowledge): TurnResult {
  const name = extraction.fields.gpuName;
  const said = extraction.evidence.gpuName;
  if (name === undefined || said === undefined || result.replyData === undefined || extraction.intents.whatIf)
    return result;
  if (extraction.fields.gpuMemoryGB !== undefined || /\d\s*(?:gb|g\b|gigs?)/i.test(said)) return result;
  const taken = knowledge.findGpu(name);
  // (The card the conversation holds: "A100 40GB" said earlier stays, and the note would contradict it.)
  if (
    taken === undefined ||
    result.state.profile.gpuName !== taken.name ||
    result.state.profile.gpuMemoryGB !== undefined
  )
    return result;
  const base = taken.name.replace(/\s*\d+\s*GB$/i, '');
  const variants = knowledge.gpus.filter(
    (gpu) =>
      gpu.name !== taken.name && gpu.name.replace(/\s*\d+\s*GB$/i, '') === base && gpu.memoryGB !== taken.memoryGB,
  );
  if (base === taken.name || variants.length === 0) return result;
  const others = variants.map((gpu) => `${gpu.memoryGB} GB`).join(' or ');
  const note = `I took your ${base.replace(/^NVIDIA\s+/, '')} as the ${taken.memoryGB} GB version; if yours are ${others}, say so: memory can change the advice.`;
  return { ...result, ...withReply({ ...result.replyData, notes: [...result.replyData.notes, note] }) };
}

/**
 * "Les données patients ne peuvent pas quitter l'hôpital": the rules read English, so a message in another language
 * gives only the names and numbers it shares with English; the reply says so rather than ask again what was said.
 */
function withOtherLanguage(result: TurnResult, language: string | undefined): TurnResult {
  if (language === undefined || result.replyData === undefined) return result;
  const note = `I read English only, so from this ${language} message I took just the names and numbers I recognised. Please say the rest in English (what the model must do, whether data may leave your premises, what you have tried) and I'll use it.`;
  return { ...result, ...withReply({ ...result.replyData, notes: [...result.replyData.notes, note] }) };
}

/**
 * "Sorry, we have 1,500 pairs, not 15,000" after "15,000 chosen/rejected pairs": bare "pairs" said of a team whose
 * pairs so far were preference pairs (and no labelled examples) are those pairs, not supervised examples.
 */
/**
 * "oh, important: the notes are all in Dutch" after a task said without a language: the task is in Dutch, which the
 * engine reads there when it weighs the models' languages.
 */
function withTaskLanguages(previous: DialogueState, extraction: TurnExtraction): TurnExtraction {
  // (With no task in words, "The reports are written in German." still says the task's language: it goes on the
  // task its shape says, "classifying texts (in German)".)
  const shape = extraction.fields.taskType ?? previous.profile.taskType;
  const task = previous.profile.task ?? (shape === undefined ? undefined : SHAPE_TASKS[shape]);
  const names = extraction.statedLanguages ?? [];
  if (task === undefined || extraction.fields.task !== undefined || names.length === 0) return extraction;
  const amended = taskWithLanguages(task, names, extraction.languagesCorrected === true);
  if (amended === task) return extraction;
  return {
    ...extraction,
    fields: { ...extraction.fields, task: amended },
    evidence: { ...extraction.evidence, task: languageList(names) },
  };
}

/** A job's own facts and what it sends and serves: what the first job keeps when a second one is added. */
const FIRST_JOB_KEEPS: readonly ProfileField[] = [
  ...JOB_OWN_FIELDS,
  'deviceMemoryGB',
  'requestsPerDay',
  'latencyTargetMs',
  'inputTokensPerRequest',
  'outputTokensPerRequest',
];

/**
 * The fields the first job takes from the team's profile when a second job is added: its own facts, and where it runs
 * when that is a device ("ON the robot, a Jetson with 8 GB"); "everything runs on-prem" stays the team's.
 */
function firstJobKeeps(profile: Partial<Profile>): ProfileField[] {
  const onDevice = profile.deployment === 'edge' || profile.deployment === 'mobile';
  return [...FIRST_JOB_KEEPS, ...(onDevice ? ['deployment' as const] : [])].filter(
    (field) => profile[field] !== undefined,
  );
}

/** A task in words for a shape, when only the shape was said and a language comes with it. */
const SHAPE_TASKS: Partial<Record<NonNullable<Profile['taskType']>, string>> = {
  chat: 'answering questions',
  classify: 'classifying texts',
  extract: 'extracting fields from documents',
  generate: 'writing texts',
  search: 'searching documents',
  code: 'writing code',
  transcribe: 'transcribing speech',
};

/** What a job is called by its shape when no task was said in words. */
const SHAPE_NAMES: Partial<Record<NonNullable<Profile['taskType']>, string>> = {
  chat: 'the assistant',
  classify: 'the classifier',
  extract: 'the extraction',
  generate: 'the writing job',
  search: 'the search',
  code: 'the code assistant',
  transcribe: 'the transcription',
  'image-generate': 'the image generation',
  'image-understand': 'the image understanding',
};

/** A name for the conversation's first job when its task was never said in words, from what is known of it. */
function firstJobName(profile: Partial<Profile>): string | undefined {
  if (profile.taskType !== undefined) return SHAPE_NAMES[profile.taskType];
  if ((profile.goals ?? []).some((goal) => goal === 'knowledge' || goal === 'citations' || goal === 'freshness'))
    return 'the document Q&A';
  // (GPUs and a model said, and no job: there is no first job to keep.)
  return undefined;
}

/**
 * Whether the message's job announced later ("ok another thing, separate job: …") becomes a second job beside the task
 * the conversation had: the new job has a shape of its own ("another thing, the replies must sound warmer" is said of
 * the job in hand), there is a task to keep, and no jobs yet.
 */
export function addsASecondJob(previous: DialogueState, extraction: Extraction): boolean {
  const added = extraction.jobAdded;
  // (The task the conversation had, or, when none was said in words, what it is: "the assistant", "the document Q&A".)
  const task = previous.profile.task ?? firstJobName(previous.profile);
  return (
    added !== undefined &&
    added.fields.taskType !== undefined &&
    previous.jobs === undefined &&
    task !== undefined &&
    task !== added.task
  );
}

/**
 * "ok another thing, separate job: we also want a little chatbot …" in a conversation about one task: two jobs, the
 * task it had with its own facts, and the new one with what this message says of it (as a list of two would be).
 */
function withJobAdded(previous: DialogueState, extraction: TurnExtraction): TurnExtraction {
  const added = extraction.jobAdded;
  const task = previous.profile.task ?? firstJobName(previous.profile);
  if (added === undefined || task === undefined || !addsASecondJob(previous, extraction)) return extraction;
  const kept = Object.fromEntries(
    firstJobKeeps(previous.profile).map((field) => [field, previous.profile[field]]),
  ) as Partial<Profile>;
  const jobs = jobsWithOneAdded({ task, fields: kept }, added);
  const second = jobs[1];
  if (second === undefined) return extraction;
  const { task: _task, ...facts } = second.fields;
  return { ...extraction, jobs, jobFacts: [...(extraction.jobFacts ?? []), { name: second.name, fields: facts }] };
}

/**
 * "Those are two separate jobs: 1) writing the product descriptions … 2) the product search" after a conversation
 * about writing the descriptions: the listed job that goes on with that task takes its own facts (what was tried, its
 * examples, its request sizes), so the new job does not inherit a prompt that plateaued or the other job's prompt size.
 */
function withFirstJobContinued(previous: DialogueState, extraction: TurnExtraction): TurnExtraction {
  const listed = extraction.jobs;
  if (listed === undefined || listed.length < 2 || extraction.jobAdded !== undefined || previous.jobs !== undefined)
    return extraction;
  if (previous.profile.task === undefined && firstJobName(previous.profile) === undefined) return extraction;
  const index = continuedJobIndex(listed, previous.profile.task, previous.profile.taskType);
  const job = index === undefined ? undefined : listed[index];
  if (index === undefined || job === undefined) return extraction;
  // (What the message says of the other jobs is theirs: "2) the search, about 50,000 searches a day" leaves this job's
  // own 2,000 a day with it.)
  const others = new Set([
    ...listed.filter((_, at) => at !== index).flatMap((each) => Object.keys(each.fields)),
    ...(extraction.jobFacts ?? []).filter((fact) => fact.name !== job.name).flatMap((fact) => Object.keys(fact.fields)),
  ]);
  const said = new Set([
    ...Object.keys(job.fields),
    ...Object.keys(extraction.fields).filter((field) => !others.has(field)),
    ...(extraction.jobFacts ?? []).filter((fact) => fact.name === job.name).flatMap((fact) => Object.keys(fact.fields)),
  ]);
  // (Documents stay the team's: inherited() gives them to the jobs that answer from documents.)
  const moved = firstJobKeeps(previous.profile).filter(
    (field) => field !== 'task' && !said.has(field) && !DOCUMENT_FACTS.has(field),
  );
  if (moved.length === 0) return extraction;
  const kept = Object.fromEntries(moved.map((field) => [field, previous.profile[field]])) as Partial<Profile>;
  const jobs = listed.map((each, at) => (at === index ? { ...each, fields: { ...kept, ...each.fields } } : each));
  return { ...extraction, jobs, jobContinued: { name: job.name, fields: moved } };
}

/** A task's document facts: the team keeps them when its jobs are told apart, for the jobs that retrieve. */
const DOCUMENT_FACTS: ReadonlySet<ProfileField> = new Set([
  'unlabeledCorpus',
  'corpusTokens',
  'knowledgeChanges',
  'needsCitations',
]);

/**
 * "How long until we can switch off GPT-4o mini?" after the team moved to XLM-RoBERTa, "the pilot was … with Llama 3.1
 * 8B" while the team plans on the 70B: the model being left, or a past pilot's, does not replace the model it has now.
 */
function keepModelMovedTo(previous: DialogueState, extraction: TurnExtraction, knowledge: Knowledge): TurnExtraction {
  const denied = withoutDeniedModel(previous, withoutGoneGpu(previous, extraction), knowledge);
  const left = denied.leftBehindModel;
  const now = previous.profile.modelName;
  if (left === undefined || denied.fields.modelName !== left || now === undefined || now === left) return denied;
  const { modelName: _left, modelParamsB: _size, ...fields } = denied.fields;
  const { modelName: _words, modelParamsB: _sizeWords, ...evidence } = denied.evidence;
  // "We tried prompting Llama 3.1 8B with a schema: JSON often invalid" while the team plans on the 70B: the result
  // was measured on the 8B, which the engine reads as the bar to beat, not as a baseline on the 70B.
  if (fields.tried !== undefined)
    fields.tried = fields.tried.map((entry) =>
      entry.note === undefined ? { ...entry, note: `measured on ${left}` } : entry,
    );
  return {
    ...denied,
    fields,
    evidence,
    corrections: denied.corrections.filter((field) => field !== 'modelName' && field !== 'modelParamsB'),
  };
}

/**
 * "Update: the lab took the 3090 back" when the 3090 was the team's GPU, and no other is said: the team has none left.
 * (A GPU gone that was never the team's, "we sold the old 3090 under my desk", changes nothing.)
 */
function withoutGoneGpu(previous: DialogueState, extraction: TurnExtraction): TurnExtraction {
  // ("its an RTX 3080 not a 3090. 10GB.": a card the catalog does not list, said instead of the one named before.)
  if (
    extraction.unlistedGpu === true &&
    previous.profile.gpuName !== undefined &&
    extraction.fields.gpuName === undefined
  )
    return {
      ...extraction,
      removedFields: [...new Set([...(extraction.removedFields ?? []), 'gpuName' as ProfileField])],
    };
  const gone = extraction.goneGpu;
  if (
    gone === undefined ||
    previous.profile.gpuName !== gone ||
    extraction.fields.gpuName !== undefined ||
    extraction.fields.gpuCount !== undefined
  )
    return extraction;
  const removed: ProfileField[] = ['gpuName', 'gpuMemoryGB', 'gpusRented'];
  return {
    ...extraction,
    fields: { ...extraction.fields, gpuCount: 0 },
    removedFields: [...new Set([...(extraction.removedFields ?? []), ...removed])],
  };
}

/** "GPT-4o is NOT our model" after an earlier message made it the team's: it leaves the profile with its facts. */
function withoutDeniedModel(previous: DialogueState, extraction: TurnExtraction, knowledge: Knowledge): TurnExtraction {
  const denied = extraction.deniedModel;
  const model = previous.profile.modelName;
  const ofFamily =
    extraction.deniedFamily !== undefined &&
    model !== undefined &&
    knowledge.findModel(model)?.family?.toLowerCase() === extraction.deniedFamily;
  if ((!ofFamily && (denied === undefined || model !== denied)) || extraction.fields.modelName !== undefined)
    return extraction;
  const gone: ProfileField[] = ['modelName', 'modelParamsB', 'modelAccess', 'modelStage'];
  return { ...extraction, removedFields: [...new Set([...(extraction.removedFields ?? []), ...gone])] };
}

function pairsAsPreference(previous: DialogueState, extraction: TurnExtraction): TurnExtraction {
  const count = extraction.fields.labeledExamples;
  const words = extraction.evidence.labeledExamples ?? '';
  if (
    count === undefined ||
    extraction.fields.preferencePairs !== undefined ||
    previous.profile.preferencePairs === undefined ||
    previous.profile.labeledExamples !== undefined ||
    !/\bpairs?\b/i.test(words) ||
    /\b(?:input|output|prompt|response|instruction|q\s?&\s?a|qa|question|answer|sft|labell?ed|training)\b/i.test(words)
  )
    return extraction;
  const { labeledExamples: _count, ...fields } = extraction.fields;
  const { labeledExamples: _words, ...evidence } = extraction.evidence;
  return {
    ...extraction,
    fields: { ...fields, preferencePairs: count },
    evidence: { ...evidence, preferencePairs: words },
    corrections: extraction.corrections.map((field) => (field === 'labeledExamples' ? 'preferencePairs' : field)),
  };
}

/**
 * "Per tenant we have between 150 and 400 approved examples", after "60 tenants" was said: the examples are the
 * share (its lower end) times the tenants already known.
 */
function withPerTenantTotal(previous: DialogueState, extraction: TurnExtraction): TurnExtraction {
  const tenants = previous.profile.tasksCount;
  const share = extraction.perUnitExamples;
  // (Tenants come by the tens; "3 different tasks" are no customers to multiply by.)
  if (share === undefined || tenants === undefined || tenants < 10 || extraction.fields.labeledExamples !== undefined)
    return extraction;
  return { ...extraction, fields: { ...extraction.fields, labeledExamples: share * tenants } };
}

/** A task that reads summaries: "suggest ICD-10 codes from discharge summaries", "classify the summaries of calls". */
const SUMMARIES_READ =
  /\b(?:from|of|in|on|to)\s+(?:the\s+|our\s+|their\s+|these\s+|each\s+)?(?:[\w-]+\s+){0,2}?summar(?:y|ies)\b/i;

/**
 * "Each summary is around 3,000 tokens" in a conversation whose task reads summaries (ICD codes from discharge
 * summaries): the summary is the input, so its size is the request's input and a training example's, and the word
 * names no writing task.
 */
function withSummariesAsInput(previous: DialogueState, extraction: TurnExtraction): TurnExtraction {
  const task = previous.profile.task;
  if (task === undefined || !SUMMARIES_READ.test(task) || previous.profile.taskType === 'generate') return extraction;
  const { fields, evidence } = extraction;
  const ofSummary = (field: ProfileField) => /summar/i.test(evidence[field] ?? '');
  let read = extraction;
  if (fields.taskType === 'generate' && ofSummary('taskType')) read = withoutFields(read, ['taskType']);
  const size = fields.outputTokensPerRequest;
  // ("The output is a short summary of the matching codes, maybe 60 tokens": said of the output, it stays the output's.)
  const saidOfOutput = /\b(?:output|answer|response|reply|result)s?\b/i.test(evidence.outputTokensPerRequest ?? '');
  if (size === undefined || !ofSummary('outputTokensPerRequest') || saidOfOutput) return read;
  const said = evidence.outputTokensPerRequest;
  const moved = withoutFields(read, ['outputTokensPerRequest']);
  return {
    ...moved,
    fields: {
      ...moved.fields,
      ...(fields.inputTokensPerRequest === undefined ? { inputTokensPerRequest: size } : {}),
      ...(fields.exampleTokens === undefined ? { exampleTokens: size } : {}),
    },
    evidence: {
      ...moved.evidence,
      ...(fields.inputTokensPerRequest === undefined ? { inputTokensPerRequest: said } : {}),
      ...(fields.exampleTokens === undefined ? { exampleTokens: said } : {}),
    },
  };
}

/**
 * "about 900 pages of PDFs": the corpus said in pages sizes it in tokens (about 400 tokens a page), so the advisor does
 * not ask for the size again. The chat derives it; the extractor reads only sizes said in tokens (and the pages).
 */
function withCorpusFromPages(previous: DialogueState, extraction: TurnExtraction): TurnExtraction {
  const { fields, evidence, corpusPages } = extraction;
  if (
    extraction.intents.whatIf ||
    corpusPages === undefined ||
    corpusPages < 1 ||
    fields.corpusTokens !== undefined ||
    previous.profile.corpusTokens !== undefined ||
    fields.unlabeledCorpus === undefined ||
    fields.unlabeledCorpus === 'none'
  )
    return extraction;
  return {
    ...extraction,
    fields: { ...fields, corpusTokens: corpusPages * TOKENS_PER_PAGE },
    evidence: { ...evidence, corpusTokens: evidence.unlabeledCorpus },
  };
}

/**
 * "our budget is ₹5 lakh": an amount in a currency far from the dollar, with no rate, is left out of the profile; the
 * reply says so and asks for it in dollars or for the rate, instead of reading it 1:1.
 */
function withUnconvertedMoney(result: TurnResult, amounts: readonly string[] | undefined): TurnResult {
  if (!amounts?.length || result.replyData === undefined) return result;
  const said = amounts.map((amount) => `“${amount}”`).join(' and ');
  const note = `I left ${said} out: I count money in US dollars, and reading it one-for-one as dollars would overstate it. Tell me the amount in US dollars, or say it again with the rate (e.g. “₹5 lakh at 1 USD = 84 INR”).`;
  return { ...result, ...withReply({ ...result.replyData, notes: [...result.replyData.notes, note] }) };
}

/** Kinds of turn whose reply answers what it can of a message; the questions it could not are then said. */
const ANSWERING_KINDS: ReadonlySet<TurnKind> = new Set(['why', 'info', 'what-if', 'recommendation']);

/**
 * "Hold off on the drafting assistant. How long would the triage take?": a job taken back in a turn that answers
 * something else is said too, before the answer ("Dropped drafting assistant: one plan now.").
 */
function withDropSaid(previous: DialogueState, extraction: TurnExtraction, result: TurnResult): TurnResult {
  const before = previous.jobs ?? [];
  const left = result.state.jobs ?? [];
  if (before.length < 2 || left.length >= 2 || result.replyData.lead.startsWith('Dropped ')) return result;
  // (A list said again replaces the jobs; that is no drop.)
  const gone =
    left.length === 0
      ? extraction.jobDropped === undefined
        ? []
        : [extraction.jobDropped]
      : before.filter((job) => !left.some((kept) => kept.name === job.name)).map((job) => job.name);
  if (gone.length === 0) return result;
  return {
    ...result,
    ...withReply({
      ...result.replyData,
      lead: `Dropped ${gone.join(' and ')}: one plan now. ${result.replyData.lead}`,
    }),
  };
}

/**
 * "can we merge the lora into the weights? and is training on dialect audio a problem?": when one of several questions
 * has no answer, the reply says so ("I can't answer … from what I know") instead of passing over it.
 */
function withUnanswered(result: TurnResult, unanswered: readonly string[] | undefined): TurnResult {
  if (!unanswered?.length || result.replyData === undefined) return result;
  const quoted = unanswered.map((question) => `“${question}”`);
  const which = quoted.length === 1 ? (quoted[0] as string) : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  // Nothing in the message was answered: the usual "I can't answer that one" names them.
  if (result.replyData.lead.startsWith("I can't answer that one"))
    return {
      ...result,
      ...withReply({ ...result.replyData, lead: result.replyData.lead.replace('that one', () => which) }),
    };
  if (!ANSWERING_KINDS.has(result.kind) || result.reply.includes("I can't answer")) return result;
  const note = `I can't answer ${which} from what I know.`;
  return { ...result, ...withReply({ ...result.replyData, notes: [...result.replyData.notes, note] }) };
}

function answerTurn(
  previous: DialogueState,
  extraction: TurnExtraction,
  knowledge: Knowledge,
  options: TurnOptions,
): TurnResult {
  const maxQuestions = options.maxQuestions ?? DEFAULT_MAX_QUESTIONS;
  // ("hmm phi-3-mini with 4K context feels small for our codebase", when Phi-3-mini is the model the advice proposed:
  // the advice's model, named back while weighing it, is not the team's choice unless the message takes it up.)
  extraction = withoutTheAdvicesModel(previous, extraction, knowledge);
  // ("sorry, typo, I meant $734/mo", the advice's own rent quoted back: no budget, unless the words say budget.)
  extraction = withoutTheAdvicesFigure(previous, extraction, knowledge);
  extraction = withProviderAdded(previous.profile, extraction);
  // The values a "what if" asks about take part in this turn like stated ones; the "what if" path saves only the facts
  // stated beside it ("if we had 8 H100s…? (we have two L4s)" keeps the two L4s).
  // "Fine-tuned GPT-4o tokens are pricier, aren't they?" asked about the model the team already names: a question
  // about the plan, not a "what if" on another model.
  if (
    extraction.hypothetical?.modelName !== undefined &&
    extraction.hypothetical.modelName === previous.profile.modelName
  ) {
    const { hypothetical: _asked, ...rest } = extraction;
    extraction = { ...rest, intents: { ...extraction.intents, whatIf: false } };
  }
  // "and the Qwen2.5 1.5B, will it fit in the 2 GB?" asked while the team is on another model: a "what if" on that model,
  // answered on it and saved nowhere.
  const askedModel = extraction.fields.modelName;
  if (
    extraction.intents.modelAskedAbout &&
    !extraction.intents.whatIf &&
    askedModel !== undefined &&
    previous.profile.modelName !== undefined &&
    askedModel !== previous.profile.modelName
  ) {
    const { modelName: _asked, modelParamsB: size, ...fields } = extraction.fields;
    extraction = {
      ...extraction,
      fields,
      hypothetical: { modelName: askedModel, ...(size === undefined ? {} : { modelParamsB: size }) },
      intents: { ...extraction.intents, whatIf: true },
    };
  }
  // "What would the BERT-style route cost to train and run?": a "what if" on the catalog's encoder (the multilingual one
  // for text in several languages), answered on it and saved nowhere.
  const multilingual = (extraction.fields.multilingual ?? previous.profile.multilingual) === true;
  // (The catalog's text encoder, the multilingual one for several languages, the smallest otherwise.)
  // (Not when the plan or the message already names an encoder: "how long would training that take? does XLM-RoBERTa
  // even read that much?" of a plan on XLM-RoBERTa asks of that plan.)
  const encoder =
    extraction.intents.asksEncoderCost === true &&
    extraction.hypothetical?.modelName === undefined &&
    catalogEncoder(knowledge, previous.shownDestination?.model) === undefined &&
    catalogEncoder(knowledge, extraction.fields.modelName) === undefined
      ? textEncoders(knowledge.models, { multilingual })[0]
      : undefined;
  if (encoder !== undefined && previous.profile.modelName !== encoder.name) {
    const { modelName: _named, modelParamsB: _size, ...fields } = extraction.fields;
    extraction = {
      ...extraction,
      fields,
      hypothetical: { ...(extraction.hypothetical ?? {}), modelName: encoder.name },
      intents: { ...extraction.intents, whatIf: true },
    };
  }
  extraction = sizeOfModelAskedBefore(previous, extraction, knowledge);
  extraction = withGoodEnoughTakenBack(previous, extraction);
  // "can we even serve the 70b on the 4090?" of the team's own Llama 3.1 70B: its own model, asked about by its size
  // (answered on it, then on the model the plan moved to).
  const ownSize = extraction.hypothetical?.modelParamsB ?? extraction.fields.modelParamsB;
  if (
    ownSize != null &&
    extraction.intents.asksFit !== undefined &&
    previous.profile.modelName !== undefined &&
    restatesSize(ownSize, previous.profile.modelName, knowledge)
  )
    extraction = { ...extraction, intents: { ...extraction.intents, modelAskedAbout: true } };
  // A model the team states replaces the one a "what if" asked about: a later size names the team's.
  if (previous.lastAskedModel !== undefined && extraction.fields.modelName !== undefined) {
    const { lastAskedModel: _forgotten, ...rest } = previous;
    previous = rest;
  }
  extraction = withoutRestatedGpus(previous.profile, extraction, knowledge);
  // ("will it fit on our A100s?" after "8x A100 40GB": the variant stated before stays, also beside a what-if.)
  extraction = keepStatedGpuVariant(previous.profile, extraction);
  const statedBesideWhatIf = extraction.hypothetical === undefined ? undefined : extraction;
  if (extraction.hypothetical !== undefined)
    extraction = { ...extraction, fields: { ...extraction.fields, ...extraction.hypothetical } };
  extraction = withoutSizeOfModelWeighed(extraction, knowledge);
  extraction = managedTuningOfApiModel(
    previous.profile,
    readBareSize(previous.profile, extraction, knowledge, [previous.lastAskedModel, previous.shownDestination?.model]),
    knowledge,
  );
  const { intents } = extraction;

  if (intents.reset) {
    const state = initialDialogueState();
    const recommendation = recommendFor({}, knowledge);
    const question = nextQuestion(recommendation, state);
    const nextState = question ? askState(state, question) : state;
    const reply = textReply(
      `Starting over: I've forgotten everything you told me so far.${question ? ` ${question.question}` : ''}`,
    );
    return {
      state: nextState,
      kind: 'reset',
      ...withReply(reply),
      understood: [],
      recommendation,
      question,
      provisional: true,
    };
  }

  const understood = withTheirJobs(understoodFields(extraction), previous, extraction);

  // "how long would that take for SDXL?" about the model the plan already proposes is a question about the plan, not a
  // what-if about another model.
  // "can't I just run the 7B on my MacBook?" names the plan's own model by its size: no what-if either.
  // ("what would serving the 8B cost?" of a plan that distils into Llama 3.1 8B names its student.)
  const namesProposedModel = (current: Recommendation) => {
    const planModel = current.destination.model.name;
    const student = current.destination.student;
    return (
      understood.some((item) => item.field === 'modelName' || item.field === 'modelParamsB') &&
      understood.every((item) =>
        item.field === 'modelName'
          ? (planModel !== null && item.value === planModel) || (student !== undefined && item.value === student)
          : item.field === 'modelParamsB'
            ? restatesSize(item.value as number, planModel, knowledge) ||
              restatesSize(item.value as number, student, knowledge)
            : sameValue(previous.profile[item.field], item.value),
      )
    );
  };
  // A "what if" that restates only what is already known changes nothing: the question in it is answered instead.
  const changesSomething = understood.some((item) => !sameValue(previous.profile[item.field], item.value));
  // "Could we just use Claude in Frankfurt so the data stays in the EU?": where the data is processed is the
  // question, answered as such; nothing is saved.
  if (
    intents.whatIf &&
    intents.dataRegion !== undefined &&
    intents.asksFit === undefined &&
    intents.asksCost === undefined
  ) {
    const reply = textReply(
      regionAnswer(
        intents.dataRegion,
        recommendFor(previous.profile, knowledge),
        previous.profile,
        knowledge,
        askedModelOf(extraction, previous.profile),
      ),
      [...ANSWER_FOLLOW_UPS],
    );
    return {
      state: previous,
      kind: 'info',
      ...withReply(reply),
      understood: [],
      recommendation: recommendFor(previous.profile, knowledge),
      provisional: false,
    };
  }
  if (
    intents.whatIf &&
    understood.length > 0 &&
    changesSomething &&
    // (Naming the proposed model accepts it, unless the message only weighs its bill.)
    (intents.comparesBills === true || !namesProposedModel(recommendFor(previous.profile, knowledge)))
  ) {
    const facts = statedBesideWhatIf === undefined ? [] : understoodFields(statedBesideWhatIf);
    const base =
      statedBesideWhatIf !== undefined && facts.length > 0
        ? applyUnderstood(previous, statedBesideWhatIf, facts, knowledge)
        : previous;
    const current = recommendFor(base.profile, knowledge);
    const mergedAll = mergeProfile(base.profile, extraction.fields, extraction.corrections) as Profile;
    // "What if I bought a 3090?": the GPU asked about brings its own memory, not the one said of today's card.
    const newGpu =
      extraction.fields.gpuName !== undefined &&
      extraction.fields.gpuName !== base.profile.gpuName &&
      extraction.fields.gpuMemoryGB === undefined;
    const { gpuMemoryGB: _todaysMemory, ...withoutMemory } = mergedAll;
    const merged = (newGpu ? withoutMemory : mergedAll) as Profile;
    // The bill the team said it pays is for the model it has, not for the one asked about.
    const anotherModel = merged.modelName !== undefined && merged.modelName !== base.profile.modelName;
    const { currentMonthlySpendUSD: _today, ...withoutBill } = merged;
    const hypotheticalProfile = (anotherModel ? withoutBill : merged) as Profile;
    // ("What would it cost to serve the description model, and would Qwen2.5 14B do?" with two jobs: the fit or cost
    // asked is answered on the job the question names, with its own examples and volume, not the team's merged ones.)
    const jobAsked = base.jobs !== undefined && base.jobs.length >= 2 ? namedJob(base.jobs, extraction) : undefined;
    const askedProfile =
      jobAsked === undefined
        ? hypotheticalProfile
        : (() => {
            const jobs = base.jobs ?? [];
            const pictured = jobWithWhatIf(jobAsked, base.profile, hypotheticalProfile);
            return profileOfJob(
              hypotheticalProfile,
              jobs.map((job) => (job === jobAsked ? pictured : job)),
              pictured,
            ) as Profile;
          })();
    const hypothetical = recommendFor(askedProfile, knowledge);
    // Say only what would change ("our two cards" restates the GPUs the team has).
    // (Facts said beside the question, "the hallucinations worry us: would the 70B be better?", are noted, not asked.)
    const statedBeside = new Set(Object.keys(statedBesideWhatIf?.fields ?? {}));
    const askedToo = new Set(Object.keys(statedBesideWhatIf?.hypothetical ?? {}));
    const changed = understood.filter(
      (item) =>
        !sameValue(base.profile[item.field], item.value) && (!statedBeside.has(item.field) || askedToo.has(item.field)),
    );
    const noted = acknowledgement(facts.filter((item) => !sameValue(previous.profile[item.field], item.value)));
    const said = changed.length > 0 ? changed : understood;
    const changedModel = said.some((item) => item.field === 'modelName' || item.field === 'modelParamsB');
    // "What would DPO cost? Also would QLoRA DPO on Qwen2.5 32B fit on one H100?": a question that names nothing new
    // is asked of the plan as it stands, and answered first; the "what if" answers only the questions that vary it.
    const { plain, varied } = questionsByHypothesis(intents, (field, value) => !sameValue(base.profile[field], value));
    const asPlan =
      plain.length === 0 || varied === undefined
        ? ''
        : plain
            .map((question) => infoReply(question, current, knowledge, false, base.profile)?.text ?? '')
            .filter((text) => text.trim() !== '')
            .map((text) => `${text.replace(/ ?\[\d+\]/g, '')}\n\n`)
            .join('');
    const whatIfIntents = asPlan === '' || varied === undefined ? intents : varied;
    // "What if we rented 8 H100s for the DPO stage?": GPUs rented for the job cost their rent by the hour, not nothing.
    const rentedGpu =
      hypotheticalProfile.gpusRented === true && base.profile.gpusRented !== true
        ? knowledge.findGpu(hypotheticalProfile.gpuName ?? '')
        : undefined;
    const rentedForJob: RentedForJob | undefined =
      rentedGpu?.price == null
        ? undefined
        : {
            gpus: hypotheticalProfile.gpuCount ?? 1,
            gpu: rentedGpu.name,
            usdPerHour: rentedGpu.price.usdPerHour,
            where: rentedGpu.price.where,
            asOf: rentedGpu.price.asOf,
          };
    // "What about 70B instead? Would QLoRA fit on our 2 cards?": the fit or cost asked is answered for the change.
    const asked =
      whatIfIntents.asksFit !== undefined || whatIfIntents.asksCost !== undefined
        ? infoReply(
            { ...whatIfIntents, asksWhatWouldChange: false, asksFirstStep: false, asksModel: false },
            hypothetical,
            knowledge,
            false,
            askedProfile,
            changedModel,
            rentedForJob,
          )
        : undefined;
    // Against what the team pays today on the model it has.
    // (With the request size assumed, the team's real bill is no like-for-like: the model it has is priced the same way
    // beside it, so the two list prices compare.)
    const listToday =
      base.profile.inputTokensPerRequest === undefined
        ? listPriceMonthlyUSD(
            base.profile.modelName === undefined ? undefined : knowledge.findModel(base.profile.modelName)?.apiPrice,
            base.profile,
          )
        : undefined;
    const today =
      anotherModel && whatIfIntents.asksCost !== undefined && base.profile.currentMonthlySpendUSD !== undefined
        ? ` You pay $${new Intl.NumberFormat('en-US').format(base.profile.currentMonthlySpendUSD)} a month today${base.profile.modelName ? ` on ${plainModelName(base.profile.modelName)}` : ''}.${listToday === undefined || base.profile.modelName === undefined ? '' : ` At the same assumed request size, ${plainModelName(base.profile.modelName)}'s list price comes to about $${new Intl.NumberFormat('en-US').format(Math.round(listToday))} a month: compare those two list prices, not the estimate with your own bill (tell me your tokens per request for a closer figure).`}`
        : anotherModel && whatIfIntents.asksCost !== undefined
          ? currentBillWords(current, base.profile.modelName) || listPriceBillWords(base.profile, knowledge)
          : // "Compare the monthly cost of a student on a rented GPU with the tuned Flash-Lite": the plan's own bill
            // beside the one asked about, and the bill of an API model the comparison names that the plan is not on.
            whatIfIntents.asksCost !== undefined && whatIfIntents.asksMonthlyCost === true
            ? `${currentBillWords(current, base.profile.modelName, base.profile, knowledge)}${namedApiBills(intents.billModels, current, base.profile, knowledge)}`
            : '';
    // (This reply carries no source list: marks that would point at none are left out.)
    const askedText =
      asked === undefined
        ? ''
        : asked.text
            .replace(/ ?\[\d+\]/g, '')
            // (The plan on the model asked about may move again, to its cheaper tier: the bill is that tier's.)
            .replace(/^Running it(?: on [^:]+)?:/, () => {
              const moved = hypothetical.destination.model;
              const asked = hypotheticalProfile.modelName;
              return moved.switched && moved.name !== null && asked !== undefined && moved.name !== asked
                ? `Running it on ${plainModelName(moved.name)}, where the plan would move from ${plainModelName(asked)}:`
                : 'Running it:';
            });
    // The model asked about is shut down, or soon: said with its bill, as the full answer says it.
    const askedModel = hypotheticalProfile.modelName;
    const askedEntry = anotherModel && askedModel !== undefined ? knowledge.findModel(askedModel) : undefined;
    const endOfLife = askedEntry?.endOfLife;
    const reference = knowledge.manifest.referenceDate;
    const ending =
      askedEntry === undefined || endOfLife === undefined || endOfLife > addDays(reference, RETIRING_SOON_WEEKS * 7)
        ? ''
        : endOfLife <= reference
          ? ` Heads-up: ${askedEntry.vendor} shut ${askedEntry.name} down on ${endOfLife}; its own API no longer serves it.`
          : ` Heads-up: ${askedEntry.vendor} shuts ${askedEntry.name} down on ${endOfLife}, so a move to it would need another move soon after.`;
    // "can we even serve the 70B on the 4 A100 40GB afterwards?" asked of the GPUs the team has: no "if", nothing
    // hypothetical, the question is answered on the facts.
    const nothingHypothetical = understood.every((item) => sameValue(base.profile[item.field], item.value));
    // The other models the same cost question names, each with its list-price bill at the same volume.
    const others =
      anotherModel && whatIfIntents.asksCost !== undefined
        ? (extraction.alsoAskedModels ?? [])
            // (The team's own model is priced below, as the plan's bill.)
            .filter((name) => name !== base.profile.modelName)
            .map((name) => knowledge.findModel(name))
            .filter((model) => model !== undefined)
            .map((model) => {
              const bill = listPriceMonthlyUSD(model.apiPrice, hypotheticalProfile);
              // (A model its vendor shuts down within months is no place to move to: said with its bill.)
              const gone =
                model.endOfLife !== undefined && model.endOfLife <= reference
                  ? ` (shut down by ${model.vendor} on ${model.endOfLife})`
                  : model.endOfLife !== undefined &&
                      daysBetween(reference, model.endOfLife) <= SUBSTITUTE_MIN_LIFETIME_DAYS
                    ? ` (but ${model.vendor} shuts it down on ${model.endOfLife})`
                    : '';
              return bill === undefined
                ? ` ${plainModelName(model.name)}: I have no list price for it${gone}.`
                : ` ${plainModelName(model.name)} calls would cost about $${new Intl.NumberFormat('en-US').format(Math.round(bill))} a month at the same volume and list price${gone}.`;
            })
            .join('')
        : '';
    const answer = asked
      ? nothingHypothetical
        ? `${askedText}${others}${today}${ending}`
        : `${ifChange(said)}: ${anotherModel ? onAnotherModel(askedText) : askedText}${others}${today}${ending} ${NOTHING_SAVED}`
      : ((base.jobs !== undefined && base.jobs.length >= 2
          ? // (With several jobs, the change is weighed for the job the question names, else for each job.)
            (namedJob(base.jobs, extraction) === undefined ? base.jobs : [namedJob(base.jobs, extraction) as JobState])
              .map((each) => {
                const jobs = base.jobs ?? [];
                const before = recommendFor(profileOfJob(base.profile, jobs, each), knowledge);
                const pictured = jobWithWhatIf(each, base.profile, hypotheticalProfile);
                const after = recommendFor(
                  profileOfJob(
                    hypotheticalProfile,
                    jobs.map((job) => (job === each ? pictured : job)),
                    pictured,
                  ),
                  knowledge,
                );
                return forJob(
                  each,
                  whatIfReply(
                    said,
                    before,
                    after,
                    knowledge,
                    runsOnDevice(hypotheticalProfile),
                    rentsOffPremises(said, hypotheticalProfile),
                  ),
                );
              })
              .join('\n\n')
          : undefined) ??
        whatIfReply(
          said,
          current,
          hypothetical,
          knowledge,
          runsOnDevice(hypotheticalProfile),
          rentsOffPremises(said, hypotheticalProfile),
        ));
    // "Why LoRA rather than QLoRA? And would the 70B be better?": the why is about the plan as it stands, said first.
    // (With several jobs, of the job the question names, else of the one job whose plan holds the method.)
    const whyAsked = intents.whyNot ?? intents.whyMethod;
    const whyJob =
      whyAsked === undefined || base.jobs === undefined || base.jobs.length < 2
        ? undefined
        : (namedJob(base.jobs, extraction) ?? jobHoldingMethod(base, whyAsked, knowledge));
    const whyProfile = whyJob === undefined ? base.profile : profileOfJob(base.profile, base.jobs ?? [], whyJob);
    const whyAdvice = whyJob === undefined ? current : recommendFor(whyProfile, knowledge);
    const why =
      whyAsked === undefined
        ? ''
        : `${whyJob === undefined ? '' : `**For ${whyJob.name}:** `}${whyReply(
            resolveGenericFineTuning(whyAsked, intents.genericFineTuning, whyAdvice),
            whyAdvice,
            knowledge,
            [],
            planModelRecommendation(whyProfile, whyAdvice, knowledge),
          )}\n\n`;
    // ("what if we switched to GPT-5 mini?": a model the catalog does not list has no price or size to weigh.)
    const unlisted = said.find(
      (item) =>
        item.field === 'modelName' &&
        typeof item.value === 'string' &&
        knowledge.findModel(item.value) === undefined &&
        hypotheticalProfile.modelParamsB === undefined,
    )?.value as string | undefined;
    const unknownModel =
      unlisted === undefined
        ? ''
        : `${unlisted} is not in my model catalog, so I have no list price, size or tuning channel for it: the figures below do not describe it. Tell me its price per million input and output tokens (an API model) or its size (an open model) and I'll weigh it.\n\n`;
    const reply = textReply(`${unknownModel}${why}${asPlan}${noted ? `${noted} ${answer}` : answer}`, [
      ...ANSWER_FOLLOW_UPS,
    ]);
    return {
      state:
        anotherModel && askedModel !== undefined && knowledge.findModel(askedModel) !== undefined
          ? { ...base, lastAskedModel: askedModel }
          : base,
      kind: 'what-if',
      ...withReply(reply),
      understood,
      recommendation: hypothetical,
      provisional: false,
    };
  }

  // A "what if" not taken as one (it restates the plan's own model, "what about QLoRA on the 8B instead?" when the
  // plan already moved to the 8B, or changes nothing) still saves nothing it only asked about.
  if (statedBesideWhatIf !== undefined) extraction = withoutAskedOnly(extraction, statedBesideWhatIf);
  const saved = statedBesideWhatIf === undefined ? understood : understoodFields(extraction);
  const state = applyUnderstood(previous, extraction, saved, knowledge);
  // A question about one of the team's jobs ("how long would training the receipt sorter take?", "the plan for the
  // receipts specifically?") is answered on that job's own advice; everything else on the jobs together.
  const jobsKnown = state.jobs !== undefined && state.jobs.length >= 2 ? state.jobs : undefined;
  const adviceOf = (each: JobState) => {
    const profile = profileOfJob(state.profile, jobsKnown ?? [], each);
    return { job: each, profile, recommendation: recommendFor(profile, knowledge) };
  };
  // ("why not RAG?" when one job's plan holds RAG: asked of that job.)
  const askedMethod = intents.whyNot ?? intents.whyMethod;
  const job = asksAQuestion(intents)
    ? (namedJob(state.jobs, extraction) ??
      (jobsKnown !== undefined && askedMethod !== undefined
        ? jobHoldingMethod(state, askedMethod, knowledge)
        : undefined) ??
      // ("can XLM-RoBERTa even read a 3,000-token letter?": asked of the job planned on an encoder.)
      (jobsKnown !== undefined && intents.asksEncoderLength === true ? jobOnAnEncoder(state, knowledge) : undefined))
    : undefined;
  const advised: Partial<Profile> =
    job !== undefined && state.jobs !== undefined ? profileOfJob(state.profile, state.jobs, job) : state.profile;
  const recommendation = recommendFor(advised, knowledge);
  // The typed recommendation of an answer: the job's own when the question named one (and the profile it rests on,
  // for a stored reply), else each job's advice beside the team's.
  const jobAware = (answer: Recommendation) =>
    job !== undefined
      ? { recommendation: answer, advisedProfile: advised as Profile }
      : { recommendation: withTheJobs(answer, state, knowledge) };
  /** With several jobs and none named, a question about the plan is answered job by job. */
  const eachJob = jobsKnown !== undefined && job === undefined ? jobsKnown.map(adviceOf) : undefined;
  const jobByJob = (answer: (advice: Recommendation, profile: Partial<Profile>) => InfoAnswer | undefined) =>
    (eachJob ?? [])
      .flatMap(({ job: each, recommendation: advice, profile }) => {
        const answered = answer(advice, profile);
        return answered === undefined ? [] : [{ ...answered, text: forJob(each, answered.text) }];
      })
      .reduce<InfoAnswer | undefined>(
        (all, next) => (all === undefined ? next : joinAnswers(all, next, knowledge)),
        undefined,
      );

  const whyAnswer = (
    asked: ExtractionIntents,
    about: MethodId,
    said: UnderstoodField[],
    advice: Recommendation = recommendation,
    profile: Partial<Profile> = advised,
  ): InfoAnswer => {
    // "Would LoRA be enough for the CPT part?": LoRA against every weight for continued pre-training.
    if ((about === 'lora' || about === 'qlora') && asked.continuedPretraining)
      return loraForPretrainingReply(advice, knowledge, profile);
    // "Why not fine-tuning?" about an API model with a tuning offer means the provider's job, not full fine-tuning.
    const method = resolveGenericFineTuning(about, asked.genericFineTuning, advice);
    const onPlanModel = planModelRecommendation(profile, advice, knowledge);
    return {
      text: `${whyReply(method, advice, knowledge, said, onPlanModel)}${onAnOpenModel(method, advice, profile, knowledge, onPlanModel)}`,
    };
  };
  // A value a question asks about, against the team's ("the 70B" restates Llama 3.1 70B).
  const differsFrom = (profile: Partial<Profile>) => (field: ProfileField, value: unknown) =>
    field === 'modelParamsB' && profile.modelParamsB === undefined
      ? !restatesSize(value as number, profile.modelName, knowledge)
      : !sameValue(profile[field], value);
  // One question of several, read on its own.
  const answerAlone = (asked: ExtractionIntents): InfoAnswer | undefined => {
    const about = asked.whyNot ?? asked.whyMethod;
    return about ? whyAnswer(asked, about, []) : infoReply(asked, recommendation, knowledge, false, advised);
  };

  if (askedMethod) {
    // "Why no continued pre-training? How long would it take on our 8 H100s?": the why, then the other question.
    const alsoAsked =
      intents.asksCost !== undefined || intents.asksFit !== undefined
        ? infoReply(intents, recommendation, knowledge, saved.length > 0, advised)
        : // ("Why not just fine-tune GPT-4o mini on OpenAI?": whether that channel is open to the team, after the why.)
          intents.asksTuningChannel !== undefined
          ? tuningChannelReply(recommendation, knowledge, advised, intents.asksTuningChannel)
          : undefined;
    // ("why don't we just fine-tune the model on the manuals so it knows them?" on a plan that retrieves them: why facts
    // are retrieved, not trained in.)
    const factsPlan =
      intents.factsByTuning === true &&
      recommendation.destination.method === 'rag' &&
      recommendation.diagnosis.some((entry) => KNOWLEDGE_NEEDS.includes(entry.need)) &&
      SFT_SIBLINGS.includes(askedMethod) &&
      alsoAsked === undefined;
    // ("can we do DPO with those thumbs up/down votes?": whether votes are pairs is the question, not why DPO.)
    const why: InfoAnswer =
      intents.asksRatingsForPreference === true && askedMethod === 'preference-tuning'
        ? ratingsForPreferenceReply(recommendation, knowledge)
        : factsPlan
          ? factsByTuningReply(
              recommendation,
              resolveGenericFineTuning(askedMethod, intents.genericFineTuning, recommendation),
              knowledge,
            )
          : ((eachJob !== undefined && alsoAsked === undefined
              ? jobByJob((advice, profile) => whyAnswer(intents, askedMethod, saved, advice, profile))
              : undefined) ?? whyAnswer(intents, askedMethod, saved));
    const answered = withTheOtherQuestions(
      alsoAsked === undefined ? why : joinAnswers(why, alsoAsked, knowledge),
      intents,
      answerAlone,
      knowledge,
      differsFrom(advised),
    );
    const reply = withFootnotes(textReply(forJob(job, answered.text), [...ANSWER_FOLLOW_UPS]), answered);
    const provisional = recommendation.questions.length > 0;
    return { state, kind: 'why', ...withReply(reply), understood: saved, ...jobAware(recommendation), provisional };
  }

  // Questions about the advice get a short answer from what the engine already holds; the state keeps any new fact.
  // (With several jobs, a question about the plan, its costs or its fit is answered for each job.)
  const aboutThePlan =
    intents.asksCost !== undefined ||
    intents.asksFit !== undefined ||
    intents.asksFirstStep === true ||
    intents.asksTimeline === true ||
    intents.asksWhatWouldChange === true ||
    intents.asksModel === true;
  const answered =
    (eachJob !== undefined && aboutThePlan
      ? jobByJob((advice, profile) => infoReply(intents, advice, knowledge, saved.length > 0, profile))
      : undefined) ?? infoReply(intents, recommendation, knowledge, saved.length > 0, advised);
  // "…is an Azure region in South Africa ok?? and what do I do first monday?": where the data is processed, then the
  // other question (the region alone is answered below, as a question back).
  const firstInfo =
    answered !== undefined && intents.dataRegion !== undefined && intents.asksRegion === true
      ? joinAnswers(
          {
            text: regionAnswer(
              intents.dataRegion,
              recommendation,
              advised,
              knowledge,
              askedModelOf(extraction, previous.profile),
            ),
          },
          answered,
          knowledge,
        )
      : answered;
  const info = firstInfo && withTheOtherQuestions(firstInfo, intents, answerAlone, knowledge, differsFrom(advised));
  // "OK, just recommend. And how long would the training take?" before any answer was given: the recommendation, with
  // the question's answer after it.
  const answerAfterRecommending = info !== undefined && intents.justRecommend && !previous.answered;
  if (info !== undefined && !answerAfterRecommending) {
    // Only what is new is said back ("will it fit on my 3060?" restates the GPU; it does not note it again).
    const ack = acknowledgement(saved.filter((item) => !sameValue(previous.profile[item.field], item.value)));
    const text = forJob(job, info.text);
    const reply = withFootnotes(textReply(ack ? `${ack} ${text}` : text, [...ANSWER_FOLLOW_UPS]), info);
    const provisional = recommendation.questions.length > 0;
    return { state, kind: 'info', ...withReply(reply), understood: saved, ...jobAware(recommendation), provisional };
  }

  // Two questions in a row that it could not answer: answer with what it has rather than ask a third time.
  const stuck = state.missedAnswers >= 2;
  const questionBack = stuck
    ? undefined
    : replyToAQuestionBack(previous, state, extraction, saved, recommendation, knowledge);
  if (questionBack) return questionBack;

  const answeredRequested = previous.requestedField !== undefined && previous.requestedField in extraction.fields;
  // A late answer to the question before ("12k" after the next question came): the pending question stays pending.
  const answeredEarlier =
    previous.lastMissedField !== undefined && previous.lastMissedField in extraction.fields && !answeredRequested;
  const missedRequested = previous.requestedField !== undefined && !answeredRequested && !answeredEarlier;
  const { lastMissedField: _answered, ...rest } = state;
  const afterMiss: DialogueState = missedRequested
    ? {
        ...rest,
        missedAnswers: state.missedAnswers + 1,
        skippedFields: uniqueSorted([...state.skippedFields, previous.requestedField as string]),
        requestedField: undefined,
        lastMissedField: previous.requestedField as string,
      }
    : answeredEarlier
      ? { ...rest, missedAnswers: 0, requestedField: previous.requestedField }
      : { ...rest, missedAnswers: 0 };

  const question = nextQuestion(recommendation, afterMiss, knowledge, job);
  const restate = intents.asksSummary === true || stuck;
  // "What do you recommend?" before anything is known: there is nothing to recommend yet, so ask what the model is for.
  // ("Just recommend" said outright is obeyed.)
  const nothingKnown =
    intents.asksSomething === true &&
    Object.keys(state.profile).length === 0 &&
    previous.questionsAsked === 0 &&
    !previous.answered;
  const mustAnswer =
    (intents.justRecommend && !nothingKnown) ||
    restate ||
    previous.answered ||
    question === undefined ||
    afterMiss.questionsAsked >= maxQuestions;

  if (!mustAnswer && question) {
    const greeting = intents.greeting && saved.length === 0 && previous.questionsAsked === 0;
    const reply = questionReply(question, saved, missedRequested ? previous.requestedField : undefined, greeting);
    if (intents.justRecommend && nothingKnown)
      reply.lead = `To recommend anything I first need to know what the model is for.${reply.lead ? ` ${reply.lead}` : ''}`;
    return {
      state: askState(afterMiss, question),
      kind: greeting ? 'greeting' : 'question',
      ...withReply(reply),
      understood: saved,
      recommendation,
      question,
      provisional: true,
    };
  }

  // Two or more jobs: one plan per job (unless the message asks about one of them, answered on its own advice).
  const jobs = job === undefined && state.jobs !== undefined && state.jobs.length >= 2 ? state.jobs : undefined;
  const jobsAdvice = jobs?.map((each) => {
    const profile = profileOfJob(state.profile, jobs, each);
    return { name: each.name, recommendation: recommendFor(profile, knowledge), profile };
  });
  // (With jobs, the answer is as firm as the jobs' own advice: the merged profile's open questions are not theirs.)
  const provisional =
    jobsAdvice === undefined
      ? recommendation.questions.length > 0
      : jobsAdvice.some((each) => each.recommendation.questions.length > 0) ||
        nextQuestion(recommendation, afterMiss, knowledge) !== undefined;
  // The question that would firm the answer up: never one the user just declined or already answered, and the next
  // message is read as its answer ("API" after "do you use the model through an API…?").
  const firmUp = provisional ? nextQuestion(recommendation, afterMiss, knowledge, job) : undefined;
  const answeredState: DialogueState = {
    ...afterMiss,
    requestedField: firmUp?.field,
    questionsAsked: 0,
    missedAnswers: 0,
    answered: true,
    shownDestination: {
      method: recommendation.destination.method,
      model: recommendation.destination.model.name,
    },
  };
  if (firmUp === undefined) delete answeredState.requestedField;
  if (firmUp?.job === undefined) delete answeredState.requestedJob;
  else answeredState.requestedJob = firmUp.job;
  // ("thanks, I'll take it to the team" after a job-by-job answer: a short reply, not both plans again.)
  if (
    jobs !== undefined &&
    extraction.intents.thanks === true &&
    saved.length === 0 &&
    previous.answered &&
    !restate &&
    !intents.asksSomething
  ) {
    const typed = withTheJobs(recommendation, state, knowledge);
    const reply = textReply(`You're welcome. ${standingReply(typed, knowledge)}`, [...ANSWER_FOLLOW_UPS]);
    return {
      state: answeredState,
      kind: 'recommendation',
      ...withReply(reply),
      understood: saved,
      recommendation: typed,
      provisional,
    };
  }
  // The chat shows the compact answer as the reply's body; "show details" gives the full template explanation.
  const {
    text: body,
    footnotes,
    sources,
  } = jobsAdvice === undefined
    ? compactAnswerParts(recommendation, knowledge, advised as Profile)
    : jobsAnswerParts(jobsAdvice, knowledge);
  // After an earlier answer, compare with the advice before this message so the reply says what changed.
  // "What's the final plan?" asks for the whole answer again, on purpose. (Not for jobs, each with its own plan.)
  // ("Drop the drafting assistant": the job left is answered in full, not compared with the jobs' merged advice.)
  const dropped =
    previous.jobs !== undefined && previous.jobs.length >= 2 && (state.jobs?.length ?? 0) < 2
      ? (extraction.jobDropped ??
        previous.jobs.find((each) => !state.jobs?.some((left) => left.name === each.name))?.name)
      : undefined;
  const last =
    previous.answered && !restate && job === undefined && jobs === undefined && dropped === undefined
      ? recommendFor(previous.profile, knowledge)
      : undefined;
  // (Compared only with the advice the user saw: when a side answer moved it unseen, the whole answer is given.)
  const shown = previous.shownDestination;
  const before =
    last !== undefined &&
    (shown === undefined || (shown.method === last.destination.method && shown.model === last.destination.model.name))
      ? last
      : undefined;
  const answer = answerReply(
    recommendation,
    saved,
    { provisional, firmUp, thanks: extraction.intents.thanks === true },
    before,
    knowledge,
    body,
    answeredState.profile,
    last !== undefined && before === undefined ? shown?.method : undefined,
  );
  if (job !== undefined) answer.lead = `For ${job.name}: ${answer.lead.charAt(0).toLowerCase()}${answer.lead.slice(1)}`;
  if (dropped !== undefined) answer.lead = `Dropped ${dropped}: one plan now. ${answer.lead}`;
  else if (jobs !== undefined) {
    // (The lead speaks of the jobs, not of their merged profile: the sections say what is viable for each.)
    const ack = acknowledgement(saved);
    answer.lead = `${ack ? `${ack} ` : ''}${provisional ? 'My provisional answer, job by job:' : 'My answer, job by job:'}`;
    // (What a job holds, its own residency or deployment, is no assumption: the team's note leaves those out.)
    // (Held by every job, an assumption is none; held by some, it is said of the others by name.)
    const advice = jobsAdvice ?? [];
    const heldByAll = (field: string) => advice.every(({ profile }) => field in profile);
    const lacking = (field: string) => advice.filter(({ profile }) => !(field in profile)).map(({ name }) => name);
    const teamNote = assumedNote(recommendation, answeredState.profile);
    const at = teamNote === '' ? -1 : answer.notes.indexOf(teamNote);
    if (at >= 0) {
      const assumptions = recommendation.assumptions.filter((assumption) => !heldByAll(assumption.field));
      const kept = assumedNote({ ...recommendation, assumptions }, answeredState.profile);
      // (Labelled with the jobs only when what the line says comes from assumptions some job holds, so nothing said
      // of the whole team is pinned on one job.)
      const partly = assumptions.filter((assumption) => lacking(assumption.field).length < advice.length);
      const teamWide = assumptions.filter((assumption) => lacking(assumption.field).length === advice.length);
      const first = partly[0];
      const label =
        first !== undefined && assumedNote({ ...recommendation, assumptions: teamWide }, answeredState.profile) === ''
          ? ` (${lacking(first.field).join('; ')})`
          : '';
      if (kept === '') answer.notes.splice(at, 1);
      else answer.notes[at] = kept.replace('**Assumed:**', `**Assumed${label}:**`);
    }
    // (Nor is a fact every job holds still unknown: "how many requests a day" when each job said its own volume.)
    const teamUnknown = unknownNote(recommendation, answeredState.profile);
    const unknownAt = teamUnknown === '' ? -1 : answer.notes.indexOf(teamUnknown);
    if (unknownAt >= 0) {
      const open = recommendation.assumptions.filter((assumption) => !heldByAll(assumption.field));
      const kept = unknownNote({ ...recommendation, assumptions: open }, answeredState.profile);
      if (kept === '') answer.notes.splice(unknownAt, 1);
      else answer.notes[unknownAt] = kept;
    }
    // ("We have 5,000 labelled examples" said of no job, and both jobs train: each plan counts them; say so.)
    for (const shared of sharedCounts(state.profile, jobs))
      answer.notes.unshift(
        `**Assumed:** the ${shared.value.toLocaleString('en-US')} ${COUNT_WORDS[shared.field] ?? shared.field} are ${shared.jobs.length === 2 ? 'both' : 'all'} jobs' (${shared.jobs.join('; ')}); tell me which job they belong to if not.`,
      );
  }
  // Footnotes only under the body whose marks [n] they explain (a one-line "nothing changed" reply has none).
  const withSources: ReplyData =
    footnotes === undefined || answer.body === undefined
      ? answer
      : { ...answer, footnotes, ...(sources ? { sources } : {}) };
  // (The question asked beside "just recommend", answered after the recommendation; its marks would point at the
  // body's footnotes, so they are left out.)
  const reply: ReplyData =
    answerAfterRecommending && info !== undefined
      ? { ...withSources, notes: [info.text.replace(/ ?\[\d+\]/g, ''), ...withSources.notes] }
      : withSources;
  return {
    state: answeredState,
    kind: 'recommendation',
    ...withReply(reply),
    understood: saved,
    // (Clients reading the typed recommendation part see each job's advice too.)
    recommendation: jobs === undefined ? recommendation : withTheJobs(recommendation, state, knowledge),
    provisional,
  };
}

/** The words for a count of data that several jobs were taken to share. */
const COUNT_WORDS: Partial<Record<keyof Profile, string>> = {
  labeledExamples: 'labelled examples',
  preferencePairs: 'preference pairs',
  corpusTokens: 'tokens of documents',
};

/** Every monthly dollar figure in a recommendation (its bills, rents and estimates), found by key. */
function monthlyFigures(value: unknown, found: number[] = [], key = ''): number[] {
  if (typeof value === 'number' && /monthly/i.test(key)) found.push(value);
  else if (Array.isArray(value)) for (const item of value) monthlyFigures(item, found, key);
  else if (value !== null && typeof value === 'object')
    for (const [name, item] of Object.entries(value)) monthlyFigures(item, found, name);
  return found;
}

/** A monthly amount that is one of the advice's own figures, said without the word budget, left out of the facts. */
function withoutTheAdvicesFigure(
  previous: DialogueState,
  extraction: TurnExtraction,
  knowledge: Knowledge,
): TurnExtraction {
  const said = extraction.fields.monthlyBudgetUSD;
  if (said === undefined || said <= 0 || !previous.answered || extraction.intents.saysBudget === true)
    return extraction;
  const figures = monthlyFigures(recommendFor(previous.profile, knowledge));
  if (!figures.some((figure) => Math.abs(figure - said) <= Math.max(1, figure * 0.01))) return extraction;
  return withoutFields(extraction, ['monthlyBudgetUSD']);
}

/** The model the advice proposed, said back without being taken up, left out of the message's facts. */
function withoutTheAdvicesModel(
  previous: DialogueState,
  extraction: TurnExtraction,
  knowledge: Knowledge,
): TurnExtraction {
  const named = extraction.fields.modelName;
  if (
    named === undefined ||
    !previous.answered ||
    named === previous.profile.modelName ||
    extraction.intents.adoptsModel === true ||
    extraction.corrections.includes('modelName')
  )
    return extraction;
  const proposed = recommendFor(previous.profile, knowledge).destination.model;
  if (proposed.name !== named || (proposed.proposed !== true && !proposed.switched)) return extraction;
  return withoutFields(extraction, ['modelName', 'modelParamsB', 'modelAccess', 'modelStage']);
}

/** An answer about one of the team's jobs, headed by its name ("For the receipt sorting: …"). */
function forJob(job: { name: string } | undefined, text: string): string {
  return job === undefined ? text : `**For ${job.name}:** ${text}`;
}

/**
 * A question asked back instead of an answer: "why do you need to know that?" explains the pending question and asks
 * it again; a question it cannot answer from what it holds says so and says where the advice stands (or asks the
 * pending question again). Never read as an unclear answer to the advisor's own question. Undefined otherwise.
 */
function replyToAQuestionBack(
  previous: DialogueState,
  state: DialogueState,
  extraction: TurnExtraction,
  understood: UnderstoodField[],
  recommendation: Recommendation,
  knowledge: Knowledge,
): TurnResult | undefined {
  const { intents } = extraction;
  if (understood.length > 0) return undefined;
  const provisional = recommendation.questions.length > 0;
  const counted = { ...state, missedAnswers: state.missedAnswers + 1 };
  const pendingQuestion =
    previous.requestedField === undefined
      ? undefined
      : recommendation.questions.find((question) => question.field === previous.requestedField);
  if (intents.asksAboutTheQuestion && pendingQuestion) {
    const reply: ReplyData = {
      lead: `I ask because ${lowerFirst(pendingQuestion.why)}`,
      notes: [questionText({ question: pendingQuestion.question, why: '' })],
      hint: 'Or say "just recommend" and I\'ll answer with what I know so far.',
      suggestions: [],
    };
    return { state: counted, kind: 'info', ...withReply(reply), understood, recommendation, provisional };
  }
  const midConversation = previous.requestedField !== undefined || previous.answered;
  if (!intents.asksSomething || !midConversation || intents.justRecommend || intents.asksSummary || intents.greeting)
    return undefined;
  const pending = previous.answered ? undefined : nextQuestion(recommendation, state);
  // "Can we just use Claude in Frankfurt so the data stays in the EU?": where the data is processed, answered.
  if (intents.dataRegion !== undefined) {
    const reply: ReplyData = {
      lead: regionAnswer(
        intents.dataRegion,
        recommendation,
        state.profile,
        knowledge,
        askedModelOf(extraction, previous.profile),
      ),
      notes: pending ? [questionText(pending)] : [],
      suggestions: [...ANSWER_FOLLOW_UPS],
    };
    const kept = pending ? { ...state, requestedField: pending.field } : state;
    return { state: kept, kind: 'info', ...withReply(reply), understood, recommendation, provisional };
  }
  const reply: ReplyData = {
    lead: `I can't answer that one from what I know.${previous.answered ? ` ${standingReply(withTheJobs(recommendation, state, knowledge), knowledge)}` : ''}`,
    notes: pending ? [questionText(pending)] : [],
    hint: 'I can answer what it would cost, whether it fits, why (not) a method, what if something changed, what to do first, how long it takes, what could go wrong, which model, and what a method is.',
    suggestions: [...ANSWER_FOLLOW_UPS],
  };
  const kept = pending ? { ...counted, requestedField: pending.field } : counted;
  return { state: kept, kind: 'info', ...withReply(reply), understood, recommendation, provisional };
}

/** What a cost reply needs of the team's facts: the bill it states, rented GPUs, the corpus, the volume, and (on a
 * substitute or proposed model) that model's own serving bill, since the entries describe the named model. */
function costFacts(
  profile: Partial<Profile>,
  recommendation: Recommendation,
  knowledge: Knowledge,
  /** The profile's model is one asked about in a "what if", not the one the team pays for today. */
  hypotheticalModel = false,
): Parameters<typeof costReply>[3] {
  return {
    statedBill: profile.currentMonthlySpendUSD !== undefined,
    ...(profile.gpusRented === undefined ? {} : { gpusRented: profile.gpusRented }),
    ...(profile.corpusTokens === undefined ? {} : { corpusTokens: profile.corpusTokens }),
    ...(profile.currentMonthlySpendUSD === undefined ? {} : { currentMonthlySpendUSD: profile.currentMonthlySpendUSD }),
    ...(profile.requestsPerDay === undefined ? {} : { requestsPerDay: profile.requestsPerDay }),
    ...(profile.inputTokensPerRequest === undefined ? {} : { inputTokensPerRequest: profile.inputTokensPerRequest }),
    ...(profile.exampleTokens === undefined ? {} : { exampleTokens: profile.exampleTokens }),
    ...(profile.outputTokensPerRequest === undefined ? {} : { outputTokensPerRequest: profile.outputTokensPerRequest }),
    ...(profile.modelName === undefined || hypotheticalModel ? {} : { namedModel: profile.modelName }),
    ...(profile.monthlyBudgetUSD === undefined ? {} : { monthlyBudgetUSD: profile.monthlyBudgetUSD }),
    ...(profile.oneTimeBudgetUSD === undefined ? {} : { oneTimeBudgetUSD: profile.oneTimeBudgetUSD }),
    ...(profile.gpuCount === 0 ? { noOwnGpus: true } : {}),
    ...(profile.timelineWeeks === undefined ? {} : { timelineWeeks: profile.timelineWeeks }),
    ...(profile.latencyTargetMs === undefined ? {} : { latencyTargetMs: profile.latencyTargetMs }),
    ...planModelServing(profile, recommendation, knowledge),
  };
}

/** " On Gemini 2.5 Flash, the plan costs about $165 a month.": the bill of the plan as it stands, to compare with. */
function currentBillWords(
  current: Recommendation,
  modelName: string | undefined,
  /** Given, a plan that moved to another model is billed on that model (its entries describe the named one). */
  profile?: Partial<Profile>,
  knowledge?: Knowledge,
): string {
  const method = current.destination.method;
  const moved = current.destination.model.switched || current.destination.model.proposed === true;
  const monthly =
    current.destination.estimates?.monthlyUSD ??
    (moved && profile !== undefined && knowledge !== undefined
      ? planModelServing(profile, current, knowledge).planModelMonthlyUSD
      : current.recommendations.find((entry) => entry.method === method)?.estimates?.monthlyUSD);
  if (monthly === undefined || monthly <= 0) return '';
  const on = current.destination.model.name ?? modelName;
  return ` On ${on ? plainModelName(on) : 'the model as it stands'}, the plan costs about $${new Intl.NumberFormat('en-US').format(Math.round(monthly))} a month at the same volume.`;
}

/**
 * " On Gemini 2.5 Flash-Lite, calls cost about $74 a month …": each API model a bill comparison names that the plan is
 * not on, at the team's volume and list price (a tuned copy is billed above its base).
 */
function namedApiBills(
  names: readonly string[] | undefined,
  current: Recommendation,
  profile: Partial<Profile>,
  knowledge: Knowledge,
): string {
  const words: string[] = [];
  for (const name of names ?? []) {
    if (name === current.destination.model.name || name === profile.modelName) continue;
    const model = knowledge.findModel(name);
    const bill = listPriceMonthlyUSD(model?.apiPrice, profile);
    if (model === undefined || bill === undefined) continue;
    words.push(
      ` On ${plainModelName(model.name)}, calls cost about $${new Intl.NumberFormat('en-US').format(Math.round(bill))} a month at the same volume and list price; a tuned copy is billed above that.`,
    );
  }
  return words.join('');
}

/** " GPT-4.1 mini calls cost about $554 a month …": the team's own model at list price, when the plan gives no bill. */
function listPriceBillWords(profile: Partial<Profile>, knowledge: Knowledge): string {
  const model = profile.modelName === undefined ? undefined : knowledge.findModel(profile.modelName);
  const bill = listPriceMonthlyUSD(model?.apiPrice, profile);
  if (model === undefined || bill === undefined) return '';
  return ` ${plainModelName(model.name)}, your model today, costs about $${new Intl.NumberFormat('en-US').format(Math.round(bill))} a month at the same volume and list price.`;
}

/** The plan's supervised stage (LoRA, QLoRA, full fine-tuning) when the plan has no instruction tuning of its own. */
function planSupervisedStage(recommendation: Recommendation): MethodId | undefined {
  const stages = recommendation.plan.flatMap((step) => step.methods);
  if (stages.includes('instruction-tuning')) return undefined;
  return stages.find((method) => method === 'lora' || method === 'qlora' || method === 'full-fine-tuning');
}

/** The reply fields of a {@link TurnResult}: the data, and the text and body derived from it. */
/** A one-paragraph reply with the sources its marks point to, if any. */
function withFootnotes(reply: ReplyData, answer: InfoAnswer): ReplyData {
  return answer.footnotes === undefined
    ? reply
    : { ...reply, footnotes: answer.footnotes, sources: answer.sources ?? [] };
}

function withReply(data: ReplyData): Pick<TurnResult, 'reply' | 'replyData' | 'body'> {
  return { reply: replyText(data), replyData: data, ...(data.body === undefined ? {} : { body: data.body }) };
}

/**
 * "Actually we can use AWS too": the provider joins the ones the team said it may use (with none said, there is no
 * limit to widen, and nothing is noted). Any other limit said replaces the list.
 */
function withProviderAdded(profile: Partial<Profile>, extraction: TurnExtraction): TurnExtraction {
  const added = extraction.fields.allowedProviders;
  if (added === undefined || !PROVIDER_ADDED.test(extraction.evidence.allowedProviders ?? '')) return extraction;
  if (profile.allowedProviders === undefined) return withoutFields(extraction, ['allowedProviders']);
  return {
    ...extraction,
    fields: { ...extraction.fields, allowedProviders: [...new Set([...profile.allowedProviders, ...added])] },
  };
}

/** The short reply to a question about the advice, or undefined when the message asks none. */
function infoReply(
  intents: TurnExtraction['intents'],
  recommendation: Recommendation,
  catalog: Knowledge,
  statedFacts: boolean,
  profile: Partial<Profile>,
  /** A "what if" on another model: a fit asked is answered on that model first. */
  askedOnAnotherModel = false,
  /** GPUs a "what if" rents for the job: the training is billed at their rent. */
  rentedForJob?: RentedForJob,
): InfoAnswer | undefined {
  // The catalog as the team sees it (only the providers it may use), as the engine saw it.
  const knowledge = withinAllowedProviders(catalog, profile.allowedProviders);
  const method = (asked: MethodId | true): MethodId | true =>
    asked === true
      ? true
      : // "How long would continued pre-training take?": the plan's continued pre-training (LoRA when every weight
        // does not fit), not full fine-tuning as such.
        intents.continuedPretraining === true &&
          asked === 'full-fine-tuning' &&
          recommendation.destination.objective === 'continued-pretraining'
        ? recommendation.destination.method
        : // "training 300 adapters" on a LoRA plan: LoRA's adapters, not adapter layers.
          asked === 'adapters' &&
            intents.bareAdapters === true &&
            (recommendation.destination.method === 'lora' || recommendation.destination.method === 'qlora')
          ? recommendation.destination.method
          : // "how long will the SFT + DPO take?" on a plan whose supervised stage is LoRA: that stage.
            ((asked === 'instruction-tuning' ? planSupervisedStage(recommendation) : undefined) ??
            resolveGenericFineTuning(asked, intents.genericFineTuning, recommendation));
  // "If CPT, LoRA or full?": LoRA against every weight for continued pre-training.
  const pair: readonly MethodId[] = intents.asksComparison ?? [];
  const comparesLoraWithFull = pair.includes('full-fine-tuning') && (pair.includes('lora') || pair.includes('qlora'));
  if (comparesLoraWithFull && intents.continuedPretraining === true)
    return loraForPretrainingReply(recommendation, knowledge, profile);
  // "Does RAG beat continued pre-training for facts?": the evidence for facts, then where the plan stands.
  const comparesRetrievalWithPretraining =
    pair.includes('rag') &&
    (pair.includes('full-fine-tuning') || pair.includes('lora') || pair.includes('qlora')) &&
    intents.continuedPretraining === true &&
    // (Asked about the team's own corpus, "pre-train on it or RAG?", the comparison below says what each does with it.)
    intents.comparisonAboutKnowledge !== true;
  if (comparesRetrievalWithPretraining) {
    const evidence = retrievalVsPretrainingReply(recommendation, knowledge);
    if (intents.asksCost === undefined) return evidence;
    // "How long would CPT take? And does RAG beat CPT for facts?": the hours, then the evidence.
    const { asksComparison: _pair, ...rest } = intents;
    const hours = infoReply(rest, recommendation, knowledge, statedFacts, profile);
    return hours === undefined ? evidence : joinAnswers(hours, evidence, knowledge);
  }
  // "LoRA or RAG? and what would change your answer?": the comparison, then any other question in the message.
  const compared = intents.asksComparison
    ? comparisonReply(
        recommendation,
        [method(intents.asksComparison[0]) as MethodId, method(intents.asksComparison[1]) as MethodId],
        knowledge,
        intents.comparisonAboutKnowledge === true,
        intents.continuedPretraining === true,
      )
    : undefined;
  if (
    compared !== undefined &&
    !intents.asksWhatWouldChange &&
    !intents.asksFirstStep &&
    intents.asksCost === undefined
  )
    return { text: compared };
  // "Does training fit? And what is QLoRA?": the definition, then the fit (below).
  let definedFirst: string | undefined;
  if (intents.asksDefinition && intents.asksCost === undefined && intents.asksFit !== undefined) {
    definedFirst = definitionReply(method(intents.asksDefinition) as MethodId, knowledge).text;
  } else if (intents.asksDefinition) {
    const defined = definitionReply(method(intents.asksDefinition) as MethodId, knowledge);
    if (intents.asksCost === undefined) return defined;
    // "What is distillation? And how much would it cost us?": the definition, then the cost of the plan.
    const cost = costReply(recommendation, true, knowledge, {
      ...costFacts(profile, recommendation, knowledge, askedOnAnotherModel),
      monthlyFirst: false,
    });
    return { ...defined, text: `${defined.text}\n\n${cost}` };
  }
  if (intents.asksEncoderInstead) return encoderInsteadReply(recommendation, knowledge, profile);
  if (intents.asksEncoderLength) {
    const length = encoderLengthReply(recommendation, knowledge, profile);
    if (intents.asksCost === undefined) return length;
    // ("how long would training that take? does XLM-RoBERTa even read that much?": the length, then the time.)
    const cost = costReply(recommendation, true, knowledge, {
      ...costFacts(profile, recommendation, knowledge, askedOnAnotherModel),
      monthlyFirst: false,
    });
    return { ...length, text: `${length.text}\n\n${cost}` };
  }
  if (intents.asksKto) return ktoReply(recommendation, knowledge, profile);
  if (intents.asksSmallModelWorry !== undefined)
    return smallModelReply(recommendation, knowledge, profile, intents.asksSmallModelWorry.sizeB);
  if (intents.asksRentMonthly !== undefined) {
    const rent = rentMonthlyReply(
      recommendation,
      knowledge,
      intents.asksRentMonthly,
      planModelServing(profile, recommendation, knowledge).planModelMonthlyUSD,
    );
    if (rent !== undefined) return rent;
  }
  if (intents.asksPerTask !== undefined) return perTaskReply(intents.asksPerTask, knowledge, profile);
  if (intents.asksHallucination) return hallucinationReply(recommendation, knowledge);
  if (intents.asksInstructVsBase) return instructVsBaseReply(recommendation, knowledge, profile as Profile);
  if (intents.asksLongContext !== undefined) return longContextReply(knowledge, profile, intents.asksLongContext);
  if (intents.asksDataMix !== undefined) return dataMixReply(knowledge, profile, intents.asksDataMix);
  if (intents.asksContextFit !== undefined)
    return { text: contextFitReply(recommendation, knowledge, profile as Profile, intents.asksContextFit) };
  if (intents.asksEnoughData)
    return enoughDataReply(
      recommendation,
      knowledge,
      profile as Profile,
      typeof intents.asksEnoughData === 'number' ? intents.asksEnoughData : undefined,
      intents.asksEnoughDataClasses,
      intents.asksEnoughDataRarest,
    );
  if (intents.asksFormatGuarantee)
    return formatGuaranteeReply(recommendation, knowledge, profile, intents.asksLabelChoice === true);
  if (intents.asksTrainOnMac)
    return macTrainingReply(
      recommendation,
      knowledge,
      intents.macMemoryGB === undefined ? profile : { ...profile, deviceMemoryGB: intents.macMemoryGB },
    );
  if (intents.asksOnDeviceRuntime) return onDeviceRuntimeReply(recommendation, knowledge, profile);
  if (intents.asksEvaluation) return evaluationReply(recommendation, knowledge, profile, intents.raterDisagreement);
  if (intents.asksDataQuality) return dataQualityReply(knowledge, profile, intents.asksDataQuality);
  // ("How many weeks until production, and how much will it cost?": the calendar, then the rest of the question.)
  // A cost or fit asked beside another question: answered after it, with that question taken out.
  const costOrFitBeside = (answered: Partial<TurnExtraction['intents']>) =>
    intents.asksCost !== undefined || intents.asksFit !== undefined
      ? infoReply({ ...intents, ...answered }, recommendation, knowledge, statedFacts, profile, askedOnAnotherModel)
      : undefined;
  // ("The whole plan step by step, incl. what it costs": the steps, then the costs.)
  if (intents.asksSteps) {
    const alsoAsked = costOrFitBeside({ asksSteps: false });
    const steps = stepsReply(recommendation, knowledge, profile, alsoAsked !== undefined);
    return alsoAsked === undefined ? steps : joinAnswers(steps, alsoAsked, knowledge);
  }
  if (intents.asksTimeline || intents.asksRisks) {
    const first = intents.asksTimeline
      ? timelineReply(recommendation, knowledge, profile)
      : risksReply(recommendation, knowledge, profile);
    const alsoAsked = costOrFitBeside({ asksTimeline: false, asksRisks: false });
    if (intents.asksTimeline && intents.asksRisks && alsoAsked === undefined)
      return joinAnswers(first, risksReply(recommendation, knowledge, profile), knowledge);
    return alsoAsked === undefined ? first : joinAnswers(first, alsoAsked, knowledge);
  }
  if (intents.asksSftBeforePreference) return sftBeforePreferenceReply(recommendation, knowledge, profile);
  // (Asked beside a fit or a cost: said after them, below.)
  if (intents.asksSpeed && intents.asksFit === undefined && intents.asksCost === undefined)
    return speedReply(knowledge, profile, recommendation);
  if (intents.asksLicence !== undefined) return licenceReply(recommendation, knowledge, intents.asksLicence);
  if (intents.asksLanguage !== undefined) {
    const languages = languageReply(recommendation, knowledge, profile, intents.asksLanguage);
    // ("Is there a BERT-like model for German and Polish? And what would it cost to run?": the cost after it.)
    const alsoAsked = costOrFitBeside({ asksLanguage: undefined });
    return alsoAsked === undefined ? languages : joinAnswers(languages, alsoAsked, knowledge);
  }
  if (intents.asksHostingFee !== undefined) return hostingFeeReply(recommendation, knowledge, intents.asksHostingFee);
  if (intents.asksRetirement !== undefined) {
    const answer = retirementReply(recommendation, knowledge, profile, intents.asksRetirement);
    // "Is GPT-4.1 still going to be available?": the yes of "is it shutting down?" is a no (or a "not for long").
    if (intents.asksStillAvailable !== true) return answer;
    return {
      ...answer,
      text: answer.text.replace(/^Yes: (.+? was shut down)/, 'No: $1').replace(/^Yes: /, 'Not for long: '),
    };
  }
  if (intents.asksTuningChannel !== undefined)
    return tuningChannelReply(recommendation, knowledge, profile, intents.asksTuningChannel);
  // "wouldn't the Batch API + prompt caching already cut the bill? the shared part is ~2k tokens": the levers are the
  // question; the token count only describes the prompt.
  if (intents.asksCostLevers) return costLeversReply(recommendation, knowledge, profile);
  if (intents.asksExactMatchRetrieval) return exactMatchRetrievalReply(knowledge);
  if (intents.asksRetrievedExamples) return retrievedExamplesReply(recommendation, knowledge, profile);
  if (intents.asksBillMismatch) {
    const mismatch = billMismatchReply(knowledge, profile);
    if (mismatch !== undefined) {
      // ("… something's off. and would prompt caching help?": the levers are answered after it.)
      if (!intents.asksCostLevers) return { text: mismatch };
      const levers = costLeversReply(recommendation, knowledge, profile);
      return { ...levers, text: `${mismatch}\n\n${levers.text}` };
    }
  }
  if (intents.asksRatingsForPreference) return ratingsForPreferenceReply(recommendation, knowledge);
  if (intents.asksWhyRent) return { text: whyRentReply(recommendation, knowledge) };
  // ("prompts are ~30,000 tokens in and 1,500 out. does that fit?": the sizes are facts, the fit is the question.)
  if (
    (intents.asksPromptTokens !== undefined || intents.asksOutputTokens !== undefined) &&
    (intents.asksFit === undefined || intents.asksCost !== undefined) &&
    !(intents.asksCost !== undefined && intents.asksBudgetFit !== true)
  ) {
    const sized = promptSizeReply(
      recommendation,
      knowledge,
      profile,
      intents.asksPromptTokens,
      intents.asksOutputTokens,
      intents.asksBudgetFit === true,
    );
    if (sized !== undefined) return { text: sized };
  }
  if (intents.asksSafety)
    return safetyReply(
      recommendation,
      knowledge,
      profile,
      intents.asksPrivacy === true,
      intents.asksSafetyHighStakes === true,
    );
  if (intents.asksCostLevers) return costLeversReply(recommendation, knowledge, profile);
  const parts: string[] = [
    ...(definedFirst === undefined ? [] : [definedFirst]),
    ...(compared === undefined ? [] : [compared]),
  ];
  // "How long would continued pre-training on our 400M tokens take?" while the plan does not pretrain: full
  // fine-tuning over the corpus, timed on the corpus whatever its size (the labelled examples belong to a later stage;
  // the size only decides whether the plan itself pretrains).
  const pretrainingAsked =
    intents.asksCost !== undefined &&
    intents.continuedPretraining === true &&
    recommendation.destination.objective !== 'continued-pretraining' &&
    (profile.corpusTokens ?? 0) > 0;
  // "what will this cost per month? each draft pulls ~40k tokens into the prompt and writes ~3k": the bill at the
  // request size the question gives.
  const sizedForCost: Partial<Profile> = {
    ...profile,
    ...(intents.asksPromptTokens === undefined ? {} : { inputTokensPerRequest: intents.asksPromptTokens }),
    ...(intents.asksOutputTokens === undefined ? {} : { outputTokensPerRequest: intents.asksOutputTokens }),
  };
  const resized =
    sizedForCost.inputTokensPerRequest !== profile.inputTokensPerRequest ||
    sizedForCost.outputTokensPerRequest !== profile.outputTokensPerRequest;
  const costed = resized ? recommendFor(sizedForCost, knowledge) : recommendation;
  if (intents.asksCost !== undefined)
    parts.push(
      costReply(
        pretrainingAsked ? recommend({ ...sizedForCost, labeledExamples: 0 } as Profile, knowledge) : costed,
        pretrainingAsked ? 'full-fine-tuning' : method(intents.asksCost),
        knowledge,
        {
          ...costFacts(sizedForCost, costed, knowledge, askedOnAnotherModel),
          ...(rentedForJob === undefined ? {} : { rentedForJob }),
          monthlyFirst: intents.asksMonthlyCost === true,
          budgetAsked: intents.asksBudgetFit === true,
          fitAnswered: intents.asksFit !== undefined,
          ...(profile.exampleTokens === undefined ? {} : { exampleTokens: profile.exampleTokens }),
          ...(profile.gpuCount ? { ownGpuCount: profile.gpuCount } : {}),
          ...(pretrainingAsked ? { continuedPretraining: true } : {}),
          ...(intents.asksElapsed === true ? { elapsedAsked: true } : {}),
        },
      ),
    );
  if (intents.asksFit !== undefined) {
    // "on one A10G", "on 4 of those cards": the same plan sized for that many of the team's GPUs (estimates carry
    // per-GPU overheads, so the need is computed again, not scaled).
    const gpus = intents.asksFitGpus;
    const subset = gpus !== undefined && profile.gpuCount !== undefined && gpus < profile.gpuCount;
    const sized = subset ? recommendFor({ ...profile, gpuCount: gpus } as Profile, knowledge) : recommendation;
    // Another method asked about on a plan that moved off the named model: its fit on the plan's model.
    const asked = method(intents.asksFit);
    // Serving asked about a plan on a proposed or substitute model: sized on that model.
    const servingOnPlanModel =
      intents.asksFitFor === 'serving' &&
      (sized.destination.model.proposed === true || sized.destination.model.switched);
    // "Can the 6 L4s serve it with the 3B student?": a distillation plan serves its student, not the teacher.
    const student = intents.asksFitFor === 'serving' ? sized.destination.student : undefined;
    const onPlanModel =
      student !== undefined
        ? recommendFor(
            { ...withoutModel((subset ? { ...profile, gpuCount: gpus } : profile) as Profile), modelName: student },
            knowledge,
          )
        : (asked !== true && asked !== sized.destination.method) || servingOnPlanModel
          ? planModelRecommendation(
              (subset ? { ...profile, gpuCount: gpus } : profile) as Profile,
              sized,
              knowledge,
              intents.asksFitFor === 'serving',
            )
          : undefined;
    const fitProfile = { ...profile, ...(subset ? { gpuCount: gpus } : {}) };
    const fitDetails = {
      ...(intents.asksFitFor ? { for: intents.asksFitFor } : {}),
      ...(subset ? { gpus } : {}),
      ...(intents.asksFitSequenceTokens !== undefined ? { sequenceTokens: intents.asksFitSequenceTokens } : {}),
      ...(intents.asksServingPerDay !== undefined ? { perDay: intents.asksServingPerDay } : {}),
      ...(intents.asksConcurrentUsers !== undefined ? { users: intents.asksConcurrentUsers } : {}),
    };
    // "Will full-parameter DPO fit?": the engine costs preference tuning with LoRA; every weight is sized here.
    const fullPreference =
      asked === 'preference-tuning' && intents.fullParameter === true
        ? fullPreferenceFit(sized, knowledge, fitProfile, intents.fitLevers)
        : undefined;
    const fitMethod = method(intents.asksFit);
    const planFit = (details: FitDetails) => fitReply(onPlanModel ?? sized, fitMethod, knowledge, fitProfile, details);
    const onPlan =
      fullPreference ??
      (intents.asksFitBoth === true
        ? `Training: ${planFit({ ...fitDetails, for: 'training' })} Serving: ${planFit({ ...fitDetails, for: 'serving' })}`
        : planFit(fitDetails));
    // "Would QLoRA of the 70B fit?" on a plan that moved to a smaller model: first the model asked about, then the
    // plan's model (never the plan's figure under the named model's name).
    // ("would QLoRA of the 70B fit on ONE L40S?" of a team that named the 70B, on a plan that moved to the 8B: a model
    // named with no other one to vary is the team's own.)
    const namedSized =
      (askedOnAnotherModel || (intents.modelAskedAbout === true && sized.destination.model.switched)) &&
      onPlanModel !== undefined &&
      fullPreference === undefined &&
      (asked !== true || fitDetails.for === 'serving') &&
      profile.modelName !== undefined &&
      sized.destination.model.name !== null &&
      sized.destination.model.name !== profile.modelName &&
      sized.recommendations.find((entry) => entry.method === (asked === true ? sized.destination.method : asked))
        ?.estimates?.memoryGB !== undefined;
    // ("Device model none chosen yet, must fit in 1.5GB. Which student model?": with no model to size, the fit says
    // nothing the model answer does not.)
    const nothingSized = intents.asksModel === true && onPlan.includes("the model's size is not known yet");
    if (!nothingSized)
      parts.push(
        namedSized
          ? `On ${plainModelName(profile.modelName ?? '')}: ${fitReply(sized, asked, knowledge, fitProfile, fitDetails.for === 'serving' ? { ...fitDetails, model: profile.modelName ?? '' } : fitDetails)} On ${plainModelName(sized.destination.model.name ?? '')}, where the plan moves: ${onPlan}`
          : onPlan,
      );
  }
  if (intents.asksWhatWouldChange) parts.push(whatWouldChangeReply(recommendation, knowledge));
  if (intents.asksFirstStep) parts.push(firstStepReply(recommendation, knowledge));
  // ("the notes are all in Dutch. does that change which model?": the pick, then what the cards say of Dutch.)
  // (Alone it keeps its sources; beside other questions, "… and why not Mistral 7B?", it joins their answers.)
  const othersAsked =
    intents.asksWhyNotModel !== undefined || intents.asksAssumptions === true || intents.asksSpeed === true;
  if (intents.asksModel && !intents.asksSummary && intents.modelLanguages !== undefined && parts.length === 0) {
    const joined = joinAnswers(
      { text: modelReply(recommendation, knowledge, profile, intents.asksOpenModel === true) },
      languageReply(recommendation, knowledge, profile, { languages: intents.modelLanguages }),
      knowledge,
    );
    if (!othersAsked) return joined;
    parts.push(joined.text.replace(/\s*\[\d+\]/g, ''));
  }
  if (intents.asksModel && !intents.asksSummary && intents.modelLanguages === undefined)
    parts.push(modelReply(recommendation, knowledge, profile, intents.asksOpenModel === true));
  const weighed = intents.asksWhyNotModel === undefined ? undefined : knowledge.findModel(intents.asksWhyNotModel);
  if (weighed !== undefined) {
    const onWeighed = recommendFor({ ...withoutModel(profile), modelName: weighed.name }, knowledge);
    parts.push(whyNotModelReply(recommendation, onWeighed, weighed, knowledge, profile));
  }
  if (intents.asksAssumptions) {
    const assumed = assumedNote(recommendation, profile).replace(/^\*\*Assumed:\*\*\s*/, '');
    parts.push(
      assumed === ''
        ? 'Nothing beyond what you told me bears on the plan; what I still do not know is listed with the answer.'
        : `Where you have not told me, I assume: ${lowerFirst(assumed)}`,
    );
  }
  // "Will it fit in the 3 GB, and how fast will it generate there?": the speed after the fit.
  if (parts.length > 0 && intents.asksSpeed) {
    const speed = speedReply(knowledge, profile, recommendation);
    return { ...speed, text: `${parts.join(' ')}\n\n${speed.text}` };
  }
  if (parts.length > 0) return { text: parts.join(' ') };
  if (intents.showDetails) return { text: recommendation.explanation?.text ?? '' };
  if (intents.smallTalk && !statedFacts) return { text: smallTalkReply() };
  return undefined;
}

/**
 * "8 A100s in total" after "4x A100 40GB": a GPU named without its memory resolves to the catalog's default variant
 * (the 80 GB one); the variant the team stated before stays, and only the count changes. A name said with its
 * memory ("A100 80GB", "A100s with 80GB") does change it.
 */
export function keepStatedGpuVariant(previous: Partial<Profile>, extraction: TurnExtraction): TurnExtraction {
  const before = previous.gpuName;
  if (before === undefined) return extraction;
  const family = gpuFamily;
  // (The catalog's default variant of the family the team already named, picked because no memory was said.)
  const defaultVariant = (next: string | null | undefined) =>
    typeof next === 'string' &&
    next !== before &&
    family(next) === family(before) &&
    !/\d\s?(?:gb|gib|gigs?)\b/i.test(extraction.evidence.gpuName ?? '');
  // ("What if we used Qwen2.5 72B instead, would it fit on the 4 A100s?" after "4 A100 40GB": the 40 GB stay.)
  const asked = extraction.hypothetical;
  if (asked !== undefined && defaultVariant(asked.gpuName)) {
    const { gpuName: _default, ...rest } = asked;
    extraction = withAsked(extraction, rest);
  }
  if (!defaultVariant(extraction.fields.gpuName)) return extraction;
  const { gpuName: _default, ...fields } = extraction.fields;
  const { gpuName: _words, ...evidence } = extraction.evidence;
  return { ...extraction, fields, evidence };
}

/**
 * "One RTX A6000 with 48GB" (a card the catalog does not list), then "we replaced it with 2 H100s": the 48 GB was the
 * old card's, and no variant of the new one has it, so the new card's catalog memory applies.
 */
function memoryOfAnotherGpu(previous: Partial<Profile>, fields: Partial<Profile>, knowledge: Knowledge): boolean {
  const memory = previous.gpuMemoryGB;
  if (fields.gpuName === undefined || fields.gpuMemoryGB !== undefined || memory === undefined) return false;
  if (previous.gpuName !== undefined) return false; // A named GPU's memory goes with its name (mergeProfile).
  const family = gpuFamily;
  const newFamily = family(fields.gpuName);
  return !knowledge.gpus.some((gpu) => family(gpu.name) === newFamily && gpu.memoryGB === memory);
}

/**
 * "Does the 72B fit on four 40GB cards?" after a "what if" on Qwen2.5 72B (the team is on GPT-4o): a size said alone
 * that is the catalog size of the model the last "what if" asked about names that model again, as a "what if".
 */
function sizeOfModelAskedBefore(
  previous: DialogueState,
  extraction: TurnExtraction,
  knowledge: Knowledge,
): TurnExtraction {
  const named = previous.lastAskedModel;
  if (named === undefined || named === previous.profile.modelName) return extraction;
  // ("our plan is Llama 3.3 70B after all. Does the 70B fit?": the model named now is the one sized.)
  if (extraction.fields.modelName !== undefined || extraction.hypothetical?.modelName !== undefined) return extraction;
  const asked = extraction.hypothetical;
  const inAsked = asked?.modelParamsB != null && asked.modelName === undefined;
  const inFields =
    !inAsked &&
    extraction.fields.modelParamsB != null &&
    extraction.fields.modelName === undefined &&
    (extraction.intents.asksFit !== undefined || extraction.intents.asksCost !== undefined);
  const size = inAsked ? asked?.modelParamsB : inFields ? extraction.fields.modelParamsB : undefined;
  if (size == null || !restatesSize(size, named, knowledge)) return extraction;
  const { modelParamsB: _size, ...fields } = extraction.fields;
  const { modelParamsB: _askedSize, ...rest } = asked ?? {};
  return {
    ...extraction,
    fields: inFields ? fields : extraction.fields,
    hypothetical: { ...rest, modelName: named },
    intents: { ...extraction.intents, whatIf: true },
  };
}

/**
 * "Does the 72B fit on four 40GB cards?" of the team's four A100 40GB: GPUs said as they are asked nothing
 * hypothetical (their memory is the named card's), so only the rest of the "what if" stays.
 */
function withoutRestatedGpus(
  profile: Partial<Profile>,
  extraction: TurnExtraction,
  knowledge: Knowledge,
): TurnExtraction {
  const asked = extraction.hypothetical;
  if (asked === undefined) return extraction;
  const memory = profile.gpuMemoryGB ?? (profile.gpuName ? knowledge.findGpu(profile.gpuName)?.memoryGB : undefined);
  const restated = (field: 'gpuCount' | 'gpuMemoryGB' | 'gpuName') =>
    asked[field] !== undefined &&
    (field === 'gpuMemoryGB' ? asked[field] === memory : sameValue(profile[field], asked[field]));
  const fields = (['gpuCount', 'gpuMemoryGB', 'gpuName'] as const).filter((field) => asked[field] !== undefined);
  // (Only when every GPU fact asked restates the team's: "8 of our 40GB cards" of four is a what-if.)
  if (fields.length === 0 || !fields.every(restated)) return extraction;
  return withAsked(
    extraction,
    Object.fromEntries(Object.entries(asked).filter(([field]) => !fields.includes(field as never))),
  );
}

/** The extraction with `asked` as its "what if"; with nothing left to ask, no "what if" at all (a plain question). */
function withAsked(extraction: TurnExtraction, asked: Partial<Profile>): TurnExtraction {
  if (Object.keys(asked).length > 0) return { ...extraction, hypothetical: asked };
  const { hypothetical: _none, ...withoutAsked } = extraction;
  return { ...withoutAsked, intents: { ...extraction.intents, whatIf: false } };
}

/** A GPU's family without its memory variant: "NVIDIA A100 40GB" → "NVIDIA A100". */
function gpuFamily(name: string): string {
  return name.replace(/\s*\d+\s?GB$/i, '').trim();
}

/** Tasks and a modality a message takes back: "no images in this project", "the task is NOT transcription". */
const TAKEN_BACK: readonly (readonly [
  'noImages' | 'noSpeechTask',
  { taskTypes: readonly NonNullable<Profile['taskType']>[]; modality: NonNullable<Profile['modality']> },
])[] = [
  ['noImages', { taskTypes: ['image-understand', 'image-generate'], modality: 'image' }],
  ['noSpeechTask', { taskTypes: ['transcribe'], modality: 'audio' }],
];

/** True when `size` is the catalog size of the model `name` within SAME_SIZE_TOLERANCE ("the 7B" for 7.6B). */
function restatesSize(size: number, name: string | null | undefined, knowledge: Knowledge): boolean {
  const catalog = knowledge.models.find((model) => model.name === name)?.paramsB;
  return catalog !== undefined && Math.abs(size - catalog) <= catalog * SAME_SIZE_TOLERANCE;
}

/**
 * A size said alone while a catalog model is named: "the 7B" said of Qwen2.5 7B (7.6B in the catalog) restates it and
 * is dropped; "what about 70B instead?" said of Llama 3.1 8B names its sibling of that size in the same release
 * ("Llama 3.1 70B"), not an 8B model with 70B parameters. Otherwise the size stands.
 */
export function readBareSize(
  previous: Partial<Profile>,
  extraction: TurnExtraction,
  knowledge: Knowledge,
  discussed: readonly (string | null | undefined)[] = [],
): TurnExtraction {
  const size = extraction.fields.modelParamsB;
  if (size === undefined || extraction.fields.modelName !== undefined) return extraction;
  // ("why not Llama 3.2 3B?" … "ok let's go with the 3B": the size of a model just talked about names that model; "an 8B
  // running for something else" names no model talked about.)
  const definite = /^the\s/i.test(extraction.evidence.modelParamsB ?? '');
  const talkedAbout = discussed.find(
    (name): name is string =>
      typeof name === 'string' && name !== previous.modelName && restatesSize(size, name, knowledge),
  );
  if (definite && talkedAbout !== undefined && !restatesSize(size, previous.modelName, knowledge)) {
    const { modelParamsB: _size, ...fields } = extraction.fields;
    const { modelParamsB: words, ...evidence } = extraction.evidence;
    return {
      ...extraction,
      fields: { ...fields, modelName: talkedAbout },
      evidence: { ...evidence, ...(words === undefined ? {} : { modelName: words }) },
    };
  }
  if (previous.modelName === undefined) return extraction;
  const restated = restatesSize(size, previous.modelName, knowledge);
  // "we'd have to host the 8b somewhere" on Claude Sonnet: an API model has no size of the team's to set; a bare size
  // is another model's (the student, a self-hosted option), not the API model's.
  const named = knowledge.findModel(previous.modelName);
  if (!restated && named !== undefined && named.access !== 'open-weights' && named.paramsB === undefined) {
    const { modelParamsB: _other, ...rest } = extraction.fields;
    const { modelParamsB: _words, ...restEvidence } = extraction.evidence;
    return { ...extraction, fields: rest, evidence: restEvidence };
  }
  const sibling = restated ? undefined : siblingModel(previous.modelName, size, knowledge);
  if (!restated && sibling === undefined) return extraction;
  const { modelParamsB: _size, ...fields } = extraction.fields;
  const { modelParamsB: words, ...evidence } = extraction.evidence;
  // "our model is 8 billion parameters, not 70": the named model's own size said again clears a different size stored
  // before (a what-if's 70B that stuck), so the catalog's size is used again.
  if (sibling === undefined) {
    const stale =
      previous.modelParamsB !== undefined && !restatesSize(previous.modelParamsB, previous.modelName, knowledge);
    const removedFields = stale
      ? [...(extraction.removedFields ?? []), 'modelParamsB' as const]
      : extraction.removedFields;
    return { ...extraction, fields, evidence, ...(removedFields ? { removedFields } : {}) };
  }
  return {
    ...extraction,
    fields: { ...fields, modelName: sibling },
    evidence: { ...evidence, ...(words === undefined ? {} : { modelName: words }) },
  };
}

/**
 * "Fine-tuning got us to 94%" said of GPT-4o mini: the weights of an API model are out of reach, so the tuning it had
 * was the provider's job (managed fine-tuning), not a full fine-tune ("full fine-tune" said outright stays one).
 */
export function managedTuningOfApiModel(
  previous: Partial<Profile>,
  extraction: TurnExtraction,
  knowledge: Knowledge,
): TurnExtraction {
  const tried = extraction.fields.tried;
  if (tried === undefined || !tried.some((item) => item.method === 'full-fine-tuning')) return extraction;
  if (/\bfull\b/i.test(extraction.evidence.tried ?? '')) return extraction;
  const name = extraction.fields.modelName ?? previous.modelName;
  const access = extraction.fields.modelAccess ?? knowledge.models.find((model) => model.name === name)?.access;
  if (access === undefined || access === 'open-weights') return extraction;
  const fields = {
    ...extraction.fields,
    tried: tried.map((item) =>
      item.method === 'full-fine-tuning' ? { ...item, method: 'managed-fine-tuning' as const } : item,
    ),
  };
  return { ...extraction, fields };
}

/** The catalog model of the same release as `name` ("Llama 3.1") whose size is `size` (within tolerance). */
function siblingModel(name: string, size: number, knowledge: Knowledge): string | undefined {
  const release = (modelName: string) => modelName.replace(/\s+\d+(?:\.\d+)?\s?B\b.*$/i, '');
  const model = knowledge.models.find((entry) => entry.name === name);
  if (model === undefined || restatesSize(size, name, knowledge)) return undefined;
  const family = release(model.name);
  if (family === model.name) return undefined;
  // The size its name says ("Llama 3.2 1B" is 1.24B in the catalog) or its catalog size.
  const namedSize = (modelName: string) => Number(/\s(\d+(?:\.\d+)?)\s?B\b/i.exec(modelName)?.[1] ?? Number.NaN);
  return knowledge.models.find(
    (entry) =>
      entry.name !== name &&
      release(entry.name) === family &&
      entry.paramsB !== undefined &&
      (namedSize(entry.name) === size || Math.abs(size - entry.paramsB) <= entry.paramsB * SAME_SIZE_TOLERANCE),
  )?.name;
}

/**
 * The values a message says of one job only (its residency, model, traffic), each tagged with that job, so they are
 * said back as that job's: "for the marketing drafts: data may leave your premises", never as the team's.
 */
function withTheirJobs(
  understood: UnderstoodField[],
  previous: DialogueState,
  extraction: TurnExtraction,
): UnderstoodField[] {
  const asked =
    previous.requestedJob !== undefined && previous.requestedField !== undefined
      ? { job: previous.requestedJob, field: previous.requestedField }
      : undefined;
  const jobs = mergeJobs(previous.jobs, extraction, asked);
  // (A job's own data or gap said in a clause naming it is that job's too, though the team keeps the latest figure.)
  const only = new Set([
    ...jobOnlyFields(jobs, extraction, asked),
    ...(jobs !== undefined && jobs.length >= 2
      ? (extraction.jobFacts ?? []).flatMap((fact) => Object.keys(fact.fields))
      : []),
  ]);
  if (only.size === 0) return understood;
  return understood.flatMap((item) => {
    if (!only.has(item.field)) return [item];
    const holders = (extraction.jobFacts ?? []).filter((fact) => item.field in fact.fields);
    if (holders.length === 0) return [asked?.field === item.field ? { ...item, job: asked.job } : item];
    return holders.map((fact) => ({
      ...item,
      value: (fact.fields as Record<string, unknown>)[item.field],
      job: fact.name,
    }));
  });
}

function understoodFields(extraction: TurnExtraction): UnderstoodField[] {
  return (Object.keys(extraction.fields) as ProfileField[]).map((field) => ({
    field,
    value: extraction.fields[field],
    text: extraction.evidence[field] ?? '',
    by: extraction.contributedBy?.[field] ?? 'rules',
    corrected: extraction.corrections.includes(field),
  }));
}

function applyUnderstood(
  previous: DialogueState,
  extraction: TurnExtraction,
  understood: UnderstoodField[],
  knowledge: Knowledge,
): DialogueState {
  const evidence = { ...previous.evidence };
  for (const item of understood) evidence[item.field] = { text: item.text, by: item.by };
  // A field the user has now stated is no longer "skipped".
  const skippedFields = previous.skippedFields.filter((field) => !(field in extraction.fields));
  // What the message says of one job only (a model, a traffic figure) stays that job's, not the team's.
  const asked =
    previous.requestedJob !== undefined && previous.requestedField !== undefined
      ? { job: previous.requestedJob, field: previous.requestedField }
      : undefined;
  // Jobs listed in this message, and what clauses naming one job (or answering a question asked for it) say of it.
  const jobs = mergeJobs(previous.jobs, extraction, asked, previous.profile);
  const jobOnly = jobOnlyFields(jobs, extraction, asked);
  const teamFields = Object.fromEntries(
    Object.entries(extraction.fields).filter(([field]) => !jobOnly.has(field)),
  ) as Partial<Profile>;
  // List fields (goals, what was tried) gain items across turns; a correction replaces them.
  const profile = mergeProfile(previous.profile, teamFields, extraction.corrections) as Profile;
  if (memoryOfAnotherGpu(previous.profile, extraction.fields, knowledge)) delete profile.gpuMemoryGB;
  // "We have no document collection": a token count said before no longer describes documents the team has.
  if (extraction.fields.unlabeledCorpus === 'none' && extraction.fields.corpusTokens === undefined)
    delete profile.corpusTokens;
  // Goals taken back ("drop citations from my goals", "we don't need citations") leave the list.
  const removed = new Set<string>(extraction.removedGoals ?? []);
  if (extraction.fields.needsCitations === false) removed.add('citations');
  if (removed.size > 0 && profile.goals !== undefined) {
    const kept = profile.goals.filter((goal) => !removed.has(goal) || (extraction.fields.goals ?? []).includes(goal));
    if (kept.length > 0) profile.goals = kept;
    else delete profile.goals;
  }
  // "We have NOT tried RAG": a method said before as tried leaves the list (unless tried again in this message).
  const untried = new Set<string>(extraction.removedTried ?? []);
  if (untried.size > 0 && profile.tried !== undefined) {
    const stated = new Set((extraction.fields.tried ?? []).map((attempt) => attempt.method));
    profile.tried = profile.tried.filter((attempt) => !untried.has(attempt.method) || stated.has(attempt.method));
  }
  // "Forget the latency": the target said for it goes with the goal.
  if (removed.has('latency') && extraction.fields.latencyTargetMs === undefined) delete profile.latencyTargetMs;
  // "There are no images in this project": an image task or modality read earlier goes.
  // ("The task is NOT transcription, it's text in, text out": a transcription task and audio, likewise.)
  for (const [said, taken] of TAKEN_BACK) {
    if (extraction.intents[said] !== true) continue;
    if (taken.taskTypes.includes(profile.taskType as never) && extraction.fields.taskType === undefined)
      delete profile.taskType;
    if (profile.modality === taken.modality && extraction.fields.modality === undefined) delete profile.modality;
  }
  // "There is no 9-week deadline, forget that": the field goes, and is not asked again.
  for (const field of extraction.removedFields ?? []) {
    if (field in extraction.fields) continue;
    delete profile[field];
    delete evidence[field];
    if (!skippedFields.includes(field)) skippedFields.push(field);
  }
  // (Jobs listed are that many tasks.)
  if (jobs !== undefined && previous.jobs === undefined && profile.tasksCount === undefined)
    profile.tasksCount = jobs.length;
  // (A second job added later: the first job's facts are its own now, not every job's through the team.)
  if (extraction.jobAdded !== undefined && previous.jobs === undefined && jobs !== undefined && jobs.length >= 2)
    for (const field of firstJobKeeps(previous.profile)) if (!(field in teamFields)) delete profile[field];
  // (A listed job that goes on with the task took its own facts: only those leave the team.)
  if (extraction.jobContinued !== undefined && previous.jobs === undefined && jobs !== undefined && jobs.length >= 2)
    for (const field of extraction.jobContinued.fields) if (!(field in teamFields)) delete profile[field];
  // One job left ("forget the receipts"): it is the team's task again, with its own facts.
  if (jobs !== undefined && jobs.length === 1) {
    const [only] = jobs;
    // (With the team's facts it took while there were several, "nothing tried yet" said of the work as a whole.)
    const took = only !== undefined && previous.jobs !== undefined ? inherited(profile, previous.jobs, only) : {};
    for (const field of JOB_OWN_FIELDS) delete profile[field];
    Object.assign(profile, took, only?.profile ?? {});
    if (previous.jobs !== undefined && profile.tasksCount === previous.jobs.length) delete profile.tasksCount;
  }
  const { jobs: _before, requestedJob: _asked, ...rest } = previous;
  const kept = jobs !== undefined && jobs.length >= 2 ? jobs : undefined;
  return {
    ...rest,
    ...(kept !== undefined && previous.requestedJob !== undefined ? { requestedJob: previous.requestedJob } : {}),
    profile,
    evidence,
    skippedFields,
    ...(kept === undefined ? {} : { jobs: kept }),
  };
}

/** A question asked of the user, for one job when the team has several ("For the receipts: how many …?"). */
type AskedQuestion = Question & { job?: string };

/**
 * The one question to ask next. With two or more jobs, a question about the team (its GPUs, its data's residency)
 * comes from the jobs together when it is the most decisive one; a question about a job's own task, gaps or data
 * comes from that job's advice, in the order the jobs were listed, and is asked for that job.
 */
function nextQuestion(
  recommendation: Recommendation,
  state: DialogueState,
  knowledge?: Knowledge,
  /** The job the turn is about (a question that named it): its own questions come first. */
  about?: JobState,
): AskedQuestion | undefined {
  const open = (question: Question, known: Partial<Profile>) =>
    !state.skippedFields.includes(question.field) && !(question.field in known);
  const jobs = state.jobs;
  if (knowledge === undefined || jobs === undefined || jobs.length < 2)
    return recommendation.questions.find((question) => open(question, state.profile));
  // (A job's own task, gaps and data are asked of the job; the model and the traffic of the team as a whole.)
  const ofJob = (question: Question) => (JOB_OWN_FIELDS as readonly string[]).includes(question.field);
  const askForJob = (question: Question, job: JobState): AskedQuestion => ({
    ...question,
    question: `For ${job.name}: ${question.question.charAt(0).toLowerCase()}${question.question.slice(1)}`,
    job: job.name,
  });
  if (about !== undefined) {
    const asked = recommendation.questions.find((question) =>
      open(question, ofJob(question) ? profileOfJob(state.profile, jobs, about) : state.profile),
    );
    return asked !== undefined && ofJob(asked) ? askForJob(asked, about) : asked;
  }
  const first = recommendation.questions.find((question) => open(question, state.profile));
  if (first !== undefined && !ofJob(first)) {
    // ("100k messages a day" said of one job: the traffic is asked of the job still without it, not of the team.)
    const saidOfAJob = jobs.some((job) => first.field in (job.profile ?? {}));
    if (!saidOfAJob) return first;
    const lacking = jobs.find((job) => open(first, profileOfJob(state.profile, jobs, job)));
    if (lacking !== undefined) return askForJob(first, lacking);
  }
  for (const job of jobs) {
    const advice = recommendFor(profileOfJob(state.profile, jobs, job), knowledge);
    // (A fact the job takes from the team, "5,000 labelled examples" said before the jobs, is not asked again.)
    const asked = advice.questions.find(
      (question) => ofJob(question) && open(question, profileOfJob(state.profile, jobs, job)),
    );
    if (asked !== undefined) return askForJob(asked, job);
  }
  return recommendation.questions.find((question) => !ofJob(question) && open(question, state.profile));
}

function askState(state: DialogueState, question: AskedQuestion): DialogueState {
  const { requestedJob: _before, ...rest } = state;
  return {
    ...rest,
    requestedField: question.field,
    questionsAsked: state.questionsAsked + 1,
    ...(question.job === undefined ? {} : { requestedJob: question.job }),
  };
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function acknowledgement(understood: UnderstoodField[]): string {
  return acknowledgementText(understood);
}

/** A question turn: what was understood (one line), the question in bold with why it matters, the way out. */
function questionReply(
  question: Question,
  understood: UnderstoodField[],
  missedField: string | undefined,
  greeting: boolean,
): ReplyData {
  const parts: string[] = [];
  if (greeting) parts.push("Hi! I'll help you choose how to adapt a model to your use case.");
  const ack = acknowledgement(understood);
  if (ack) parts.push(ack);
  if (missedField && understood.length === 0)
    parts.push("I couldn't tell the answer from that, so I'll assume a default for it.");
  return {
    lead: parts.join(' '),
    notes: [questionText(question)],
    hint: 'Or say "just recommend" and I\'ll answer with what I know so far.',
    suggestions: [],
  };
}

function answerReply(
  recommendation: Recommendation,
  understood: UnderstoodField[],
  { provisional, firmUp, thanks }: { provisional: boolean; firmUp: Question | undefined; thanks?: boolean },
  before: Recommendation | undefined,
  knowledge: Knowledge,
  body: string,
  profile: Partial<Profile>,
  /** The destination of the answer the user last saw, when the advice has moved since without being shown. */
  shownBefore?: string,
): ReplyData {
  const parts: string[] = [];
  const notes: string[] = [];
  const ack = acknowledgement(understood);
  if (ack) parts.push(ack);
  const top = recommendation.recommendations[0];
  const topName = top ? methodName(top.method, knowledge) : 'prompt engineering';
  if (!top || (top.verdict === 'not-viable' && !recommendation.destination.model.switched)) {
    // Nothing can be built as described: say so instead of "recommending" a ruled-out method.
    parts.push(
      'Nothing is viable with what you described, so I have no method to recommend yet; the reasons below say what rules each one out and what would change it.',
    );
    if (before) {
      parts.push(
        ...verdictChanges(before, recommendation, knowledge, { viable: 'Now viable', notViable: 'No longer viable' }),
      );
    }
  } else if (before && sameAdvice(before, recommendation)) {
    // Nothing changed since the last answer: say so in one line instead of sending the whole answer again.
    const destination = recommendation.destination;
    const on = destination.model.switched && destination.model.name ? ` on ${destination.model.name}` : '';
    parts.push(
      thanks
        ? `You're welcome. The answer stands: ${methodName(destination.method, knowledge)}${on}, with the same plan.`
        : `That doesn't change my answer: still ${methodName(destination.method, knowledge)}${on}, with the same plan.`,
    );
    return {
      lead: parts.join(' '),
      // (A thank-you closes the exchange: it is not answered with another question.)
      notes: firmUp && !thanks ? [`**To firm this up:** ${firmUp.question}`] : [],
      hint: 'Ask "why not …?", "what if …?" or "show details" for the full answer again.',
      suggestions: [...ANSWER_FOLLOW_UPS],
    };
  } else if (before) {
    // What the plan aims for (on the model it runs on), not only the top of the named model's ranking.
    const aim = recommendation.destination.method;
    const previousAim = before.destination.method;
    const planModel = recommendation.destination.model;
    const aimName = `${methodName(aim, knowledge)}${planModel.switched && planModel.name ? ` on ${planModel.name}` : ''}`;
    // ("Aim for", as the answer says it: the first step may be another method.)
    if (previousAim === aim) parts.push(`Still aiming for ${aimName}.`);
    else parts.push(`Updated recommendation: aim for ${aimName} now (before: ${methodName(previousAim, knowledge)}).`);
    // On a plan that moved off the named model, what stopped being viable stopped being viable there.
    const moved = recommendation.destination.model.switched || recommendation.destination.model.proposed === true;
    parts.push(
      ...verdictChanges(before, recommendation, knowledge, {
        viable: 'Now viable',
        notViable: moved ? 'No longer viable on the model you named' : 'No longer viable',
      }),
    );
  } else if (shownBefore !== undefined && shownBefore !== recommendation.destination.method) {
    // A side answer moved the advice since the answer the user saw: say so against the one they saw.
    const planModel = recommendation.destination.model;
    const aimName = `${methodName(recommendation.destination.method, knowledge)}${planModel.switched && planModel.name ? ` on ${planModel.name}` : ''}`;
    parts.push(
      `Updated recommendation: aim for ${aimName} now (before: ${methodName(shownBefore as MethodId, knowledge)}).`,
    );
  } else if (!body) {
    parts.push(
      provisional ? `Here is my provisional recommendation: ${topName}.` : `Here is my recommendation: ${topName}.`,
    );
  } else {
    // The answer's bold first line names the method; the lead only says how firm it is.
    parts.push(provisional ? 'My provisional answer:' : 'My answer:');
  }
  const explanation = body;
  if (provisional) {
    // The defaults that bear on this plan, then the facts nobody gave that decide the most (src/chat/reply-words.ts).
    const assumed = assumedNote(recommendation, profile);
    if (assumed) notes.push(assumed);
    const unknown = unknownNote(recommendation, profile);
    if (unknown) notes.push(unknown);
    if (firmUp && !explanation?.includes(firmUp.question)) notes.push(`**To firm this up:** ${firmUp.question}`);
  }
  const figures = replyFigures(recommendation);
  return {
    lead: parts.join(' '),
    ...(explanation ? { body: explanation } : {}),
    notes,
    hint: 'Ask "why not …?", "what if …?" or "show details".',
    suggestions: [...ANSWER_FOLLOW_UPS],
    ...(figures ? { figures } : {}),
  };
}

/** Same destination (method and model), same plan and no verdict changed: nothing new to say. */
function sameAdvice(before: Recommendation, after: Recommendation): boolean {
  const key = (recommendation: Recommendation) =>
    JSON.stringify([
      recommendation.destination.method,
      recommendation.destination.model,
      recommendation.plan.map((step) => step.methods),
      recommendation.recommendations.map((item) => [item.method, item.verdict]).sort(),
    ]);
  return key(before) === key(after);
}

/**
 * At most two sentences naming the methods whose feasibility flipped between two recommendations, e.g.
 * "Now viable: LoRA and QLoRA." (`labels` words the two directions: current facts vs a hypothetical).
 */
function verdictChanges(
  before: Recommendation,
  after: Recommendation,
  knowledge: Knowledge,
  labels: { viable: string; notViable: string },
  kept?: MethodId,
): string[] {
  const becameViable: string[] = [];
  const becameNotViable: string[] = [];
  for (const item of after.recommendations) {
    if (item.method === kept) continue;
    const was = before.recommendations.find((other) => other.method === item.method);
    if (was === undefined || (was.verdict === 'not-viable') === (item.verdict === 'not-viable')) continue;
    (item.verdict === 'not-viable' ? becameNotViable : becameViable).push(methodName(item.method, knowledge));
  }
  const sentences: string[] = [];
  if (becameViable.length > 0) sentences.push(`${labels.viable}: ${joinWords(becameViable)}.`);
  if (becameNotViable.length > 0) sentences.push(`${labels.notViable}: ${joinWords(becameNotViable)}.`);
  return sentences;
}

function whyReply(
  method: MethodId,
  recommendation: Recommendation,
  knowledge: Knowledge,
  understood: UnderstoodField[],
  onPlanModel: Recommendation | undefined,
): string {
  const ack = acknowledgement(understood);
  const text = whyMethodReply(recommendation, method, knowledge, onPlanModel);
  return ack ? `${ack} ${text}` : text;
}

/**
 * When the plan runs on another model than the one named (a substitute) or on one it proposes, the verdicts on that
 * model: "why not RAG?" is then about RAG where the plan runs, not only on the model the team named.
 */
function planModelRecommendation(
  profile: Profile,
  recommendation: Recommendation,
  knowledge: Knowledge,
  /** Sizing serving on the plan's model: kept on it (a cost or latency fix would move to a still smaller model). */
  pinned = false,
): Recommendation | undefined {
  const { model } = recommendation.destination;
  if (model.name === null || !(model.switched || model.proposed)) return undefined;
  // (The bill the team pays is for the model it named, not for this one.)
  return recommendFor(
    { ...withoutModel(profile), modelName: model.name, ...(pinned ? { canSwitchModel: false } : {}) },
    knowledge,
  );
}

/**
 * A bill asked on another model is that model's bill, not "today's" with a plan after it: "Today: GPT-4o mini calls
 * cost about $3,960 a month …; after, …" becomes "GPT-4o mini calls would cost about $3,960 a month …".
 */
function onAnotherModel(text: string): string {
  const bill = /^Today: (.{1,80}?) calls cost (about \$[\d,]+ a month[^;.]*);[\s\S]*?\.(?=\s|$)\s*/.exec(text);
  return bill ? `${bill[1]} calls would cost ${bill[2]}. ${text.slice(bill[0].length)}`.trim() : text;
}

/** A "what if" changes nothing stored; every such reply ends by saying so. */
const NOTHING_SAVED = "(Nothing is saved: tell me the change as a fact if it's real.)";

/** The monthly serving bill of the model the plan moved to, from that model's own recommendation. */
function planModelServing(
  profile: Partial<Profile>,
  recommendation: Recommendation,
  knowledge: Knowledge,
): { planModelMonthlyUSD?: number; student?: { name: string; monthlyUSD: number } } {
  const onPlanModel = planModelRecommendation(profile, recommendation, knowledge);
  const monthly = onPlanModel?.recommendations.find((entry) => entry.method === 'prompt-engineering')?.estimates
    ?.monthlyUSD;
  // A distillation's student, served after it: its own serving bill (rented, or no rent on the team's GPUs).
  const { student } = recommendation.destination;
  const studentMonthly =
    recommendation.destination.method === 'distillation' && student !== undefined
      ? recommendFor(
          { ...withoutModel(profile), modelName: student, canSwitchModel: true },
          knowledge,
        ).recommendations.find((entry) => entry.method === 'prompt-engineering')?.estimates?.monthlyUSD
      : undefined;
  return {
    ...(monthly === undefined ? {} : { planModelMonthlyUSD: monthly }),
    ...(student === undefined || studentMonthly === undefined
      ? {}
      : { student: { name: student, monthlyUSD: studentMonthly } }),
  };
}

/**
 * "Why not LoRA on an open model we host?" about an API model, from a team that may switch: the method is ruled out
 * on the named model for want of weights, so say whether it is possible on the open model the engine would propose.
 */
function onAnOpenModel(
  method: MethodId,
  recommendation: Recommendation,
  profile: Partial<Profile>,
  knowledge: Knowledge,
  onPlanModel: Recommendation | undefined,
): string {
  if (onPlanModel !== undefined || profile.canSwitchModel !== true) return '';
  const named = recommendation.recommendations.find((entry) => entry.method === method);
  if (!named?.blockers.some((blocker) => blocker.ruleId === 'weights-needed-for-self-run-tuning')) return '';
  const open = recommendFor({ ...withoutModel(profile), modelName: undefined } as Profile, knowledge);
  const model = open.destination.model.name;
  const entry = open.recommendations.find((item) => item.method === method);
  if (model === null || entry === undefined || entry.verdict === 'not-viable') return '';
  const memory = entry.estimates?.memoryGB
    ? ` (it needs about ${Math.round(entry.estimates.memoryGB.needed)} GB of GPU memory)`
    : '';
  return ` You may switch models, though: on an open model you host, such as ${plainModelName(model)}, ${methodName(method, knowledge)} is possible${memory}; say "we switch to ${plainModelName(model)}" to see the whole plan there.`;
}

/** A "what if" that rents cloud GPUs ("what if we rented 8 H100s"), for a team whose data must stay on its premises. */
function rentsOffPremises(said: UnderstoodField[], pictured: Partial<Profile>): boolean {
  return (
    pictured.dataMustStayOnPrem === true &&
    pictured.gpusRented === true &&
    said.some((item) => item.field === 'gpusRented' && item.value === true)
  );
}

/** The profile without what describes the named model (its access, size and stage follow the new name). */
function withoutModel(profile: Partial<Profile>): Partial<Profile> {
  const {
    modelAccess: _access,
    modelParamsB: _size,
    modelStage: _stage,
    currentMonthlySpendUSD: _bill,
    ...rest
  } = profile;
  return rest;
}

function whatIfReply(
  understood: UnderstoodField[],
  current: Recommendation,
  hypothetical: Recommendation,
  knowledge: Knowledge,
  /** The model runs on the team's devices (phones, an edge box): nothing to host on the premises. */
  onDevice = false,
  /** The "what if" rents cloud GPUs for a team whose data must stay on its premises. */
  offPremises = false,
): string {
  const before = current.recommendations[0]?.method;
  const top = hypothetical.recommendations[0];
  const after = top?.method;
  const parts = [`${ifChange(understood)}:`];
  if (offPremises)
    parts.push(
      'renting cloud GPUs would take your data off your premises, which you said it must not leave; were a dedicated cloud tenant allowed,',
    );
  // Where the hypothetical plan would run, when that is not the model named.
  const model = hypothetical.destination.model;
  const on = model.name !== null && (model.switched || model.proposed) ? ` on ${model.name}` : '';
  if (before === after && after) {
    parts.push(`${methodName(after, knowledge)}${on} would still come first.`);
    const roomier = roomierDevice(understood, hypothetical, knowledge);
    if (roomier) parts.push(roomier);
  } else if (after) {
    parts.push(
      `the top choice would change from ${before ? methodName(before, knowledge) : 'nothing'} to ${methodName(after, knowledge)}${on}.`,
    );
  }
  // The model asked about is itself ruled out: say by what.
  const blocker = model.switched
    ? hypothetical.recommendations.find((entry) => entry.method === hypothetical.destination.method)?.blockers[0]
    : undefined;
  if (blocker)
    parts.push(
      `The model you ${understood.some((item) => item.field === 'modelName') ? 'asked about' : 'named'} is ruled out: ${lowerFirst(blocker.text)}`,
    );
  const memory = top?.estimates?.memoryGB;
  if (top && memory && memory.available !== null && memory.available > 0) {
    // (More than there would be, yet possible: with the lever the estimate names, said with it.)
    const lever =
      memory.needed > memory.available && memory.fit === 'fits-if' && memory.adjustments?.length
        ? `, so it fits only if you ${joinWords([...memory.adjustments])}`
        : '';
    parts.push(
      `It would need about ${Math.round(memory.needed)} GB ${memory.needed > memory.available ? 'against' : 'of'} the ${memory.available} GB of GPU memory you would have${lever}.`,
    );
  }
  // Kept on the premises by a team with no GPUs: the model it would run needs hardware there. (Not on a device, where
  // the data never leaves; the named model's own serving figures when the plan stays on it.)
  const destinationMemory =
    hypothetical.destination.estimates?.memoryGB ??
    hypothetical.recommendations.find((entry) => entry.method === 'prompt-engineering')?.estimates?.memoryGB;
  const keptIn = understood.some((item) => item.field === 'dataMustStayOnPrem' && item.value === true);
  if (keptIn && !onDevice && destinationMemory?.available === 0 && destinationMemory.needed > 0 && model.name !== null)
    parts.push(
      `You have no GPUs, so on your premises ${plainModelName(model.name)} needs hardware: a GPU with about ${Math.ceil(destinationMemory.needed)} GB or more to buy (to serve it at 16 bits; about a third of that at 4 bits), or a CPU server running it at 4 bits (slow, enough for light traffic).`,
    );
  // The verdicts describe the model named; when the plan would move to another model, they are said as such, and the
  // method the plan keeps is not listed as lost.
  const movedOn = model.switched ? ' on the model you named' : '';
  parts.push(
    ...verdictChanges(
      current,
      hypothetical,
      knowledge,
      {
        viable: `Would become viable${movedOn}`,
        notViable: `Would stop being viable${movedOn}`,
      },
      model.switched ? hypothetical.destination.method : undefined,
    ),
  );
  parts.push(NOTHING_SAVED);
  return parts.join(' ');
}

/**
 * "What if the console gave us 8 GB?" with the plan on a small proposed model: what the memory would hold, and why the
 * plan stays small (rule device-needs-a-small-model: on a device only a small model runs well).
 */
function roomierDevice(
  understood: readonly UnderstoodField[],
  hypothetical: Recommendation,
  knowledge: Knowledge,
): string | undefined {
  const memory = understood.find((item) => item.field === 'deviceMemoryGB')?.value;
  const { model } = hypothetical.destination;
  if (typeof memory !== 'number' || !model.proposed || model.name === null) return undefined;
  const planB = knowledge.models.find((entry) => entry.name === model.name)?.paramsB;
  const largest = largestDeviceModel(knowledge, memory);
  if (planB === undefined || planB > SMALL_MODEL_PARAMS_B || largest === undefined || largest.paramsB <= planB * 1.5)
    return undefined;
  return `${memory} GB would hold a model up to ${largest.name} at 4 bits (about ${Math.round(largest.weightsGB * 10) / 10} GB of weights), but on a device I keep to a model of about ${SMALL_MODEL_PARAMS_B}B or less, which generates fast enough there: the extra memory buys context length and headroom, not a bigger model. Measure a larger one on the device before you count on it.`;
}

/** Changes said as conditions, not things to have: "If data must stay on your premises", "If knowledge changes weekly". */
const CONDITION_FIELDS: ReadonlySet<string> = new Set([
  'dataMustStayOnPrem',
  'canSwitchModel',
  'knowledgeChanges',
  'needsCitations',
]);

/**
 * The change as a condition: "If data must stay on your premises", "If it must run on your own servers"; "If you had"
 * before anything the team would have (GPUs, examples, a budget).
 */
function ifChange(understood: readonly UnderstoodField[]): string {
  const described = describeChange(understood);
  const conditions =
    understood.length > 0 &&
    understood.every((item) => CONDITION_FIELDS.has(item.field) || item.field === 'deployment');
  if (!conditions) return `If you had ${joinWords(described)}`;
  // ("run on your own servers" → "it must be run on your own servers".)
  return `If ${joinWords(described.map((phrase) => (/^(?:run|used|self-hosted)\b/.test(phrase) ? `it must be ${phrase}` : phrase)))}`;
}

/** The changed facts in words, a GPU count and name said together: "2 × NVIDIA H100 SXM", not "2 GPUs and GPU …". */
function describeChange(all: readonly UnderstoodField[]): string[] {
  // "Llama 3.1 70B as the model" already says its size.
  const named = all.some((item) => item.field === 'modelName');
  const understood = named ? all.filter((item) => item.field !== 'modelParamsB') : all;
  const count = understood.find((item) => item.field === 'gpuCount');
  const name = understood.find((item) => item.field === 'gpuName');
  // ("1 rented GPU", "8 × NVIDIA H100 SXM, rented": the rent said with the GPUs, not as a sentence of its own.)
  const rented = understood.find((item) => item.field === 'gpusRented' && item.value === true);
  if ((count && Number(count.value) > 0 && (name || rented)) || (name && rented)) {
    const rest = understood.filter((item) => item !== count && item !== name && item !== rented);
    const gpus =
      count === undefined
        ? `${String(name?.value)}, rented`
        : name
          ? `${Number(count.value)} × ${String(name.value)}${rented ? ', rented' : ''}`
          : `${Number(count.value)} rented GPU${Number(count.value) === 1 ? '' : 's'}`;
    return [gpus, ...rest.map((item) => plainValue(item.field, item.value))];
  }
  return understood.map((item) => plainValue(item.field, item.value));
}

/** The method's short name ("LoRA", not "LoRA (low-rank adaptation)"): it is said inside a sentence. */
function methodName(method: MethodId, knowledge: Knowledge): string {
  return shortMethodName(knowledge, method);
}

/** The same value as before (numbers, strings, lists compared as JSON). */
function sameValue(before: unknown, after: unknown): boolean {
  return before !== undefined && JSON.stringify(before) === JSON.stringify(after);
}

/** The extraction without the values only asked about in a "what if" (a model asked about stays unsaved, by name or size). */
function withoutAskedOnly(extraction: TurnExtraction, stated: TurnExtraction): TurnExtraction {
  const asked = new Set<string>(Object.keys(stated.hypothetical ?? {}));
  if (asked.has('modelName') || asked.has('modelParamsB')) {
    asked.add('modelName');
    asked.add('modelParamsB');
  }
  const statedFields = stated.fields as Record<string, unknown>;
  const fields = Object.fromEntries(
    Object.entries(extraction.fields).filter(([field]) => !asked.has(field) || statedFields[field] !== undefined),
  );
  return { ...extraction, fields };
}

/** The model a question names when it is not the team's ("could we just use Claude in Frankfurt?"), in plain words. */
function askedModelOf(extraction: TurnExtraction, profile: Partial<Profile>): string | undefined {
  const name = extraction.hypothetical?.modelName ?? extraction.fields.modelName;
  if (name !== undefined && name !== profile.modelName) return plainModelName(name);
  const word = extraction.evidence.modelAccess;
  // ("which OPEN model": a kind of model, not a name.)
  return word !== undefined && /^[a-z]/i.test(word) && !/\bapi\b|only|weights|\bopen\b|closed|local/i.test(word)
    ? word
    : undefined;
}

/**
 * A region the data may not leave, asked about: residency is where the provider processes the data, not a method, so
 * the named model may stay if its provider serves it there (which I cannot check); tuning that needs another model
 * still moves, to one hosted in the region.
 */
function regionAnswer(
  region: string,
  recommendation: Recommendation,
  profile: Profile,
  knowledge: Knowledge,
  asked?: string,
): string {
  const destination = recommendation.destination;
  const method = shortMethodName(knowledge, destination.method);
  // Data that may not leave the premises: a provider's region is still outside them.
  if (profile.dataMustStayOnPrem === true) {
    const model = asked ?? 'an API model';
    const plan =
      destination.objective === 'none' && destination.method === 'prompt-engineering'
        ? ''
        : ` The plan stays ${method}${destination.model.name ? ` on ${plainModelName(destination.model.name)}` : ''} on your own hardware.`;
    return `You said your data must stay on your premises: a provider's region in ${region} is still outside them, so ${model} there is out while that rule holds (whether a processor in ${region} is allowed is a legal call, not a technical one). If the rule is only about ${region}, tell me "data may go to a cloud region in ${region}" and I'll weigh ${model} there.${plan}`;
  }
  const named =
    asked !== undefined ? asked : profile.modelName === undefined ? undefined : plainModelName(profile.modelName);
  const keep = named
    ? `If ${named}'s provider serves it from ${region} and processes your requests there, you can ${asked !== undefined && profile.modelName !== undefined && asked !== plainModelName(profile.modelName) ? 'use' : 'keep'} ${named} and your prompt for that data; I can't check regions, so confirm it in the provider's terms first.`
    : `Any provider or GPU rental you use must process the data in ${region}; I can't check regions, so confirm it in their terms first.`;
  const moved =
    destination.model.switched && destination.model.name
      ? ` ${method} is another matter: it cannot run on ${named ?? 'the named model'}, so it moves to ${destination.model.name}, ${destination.channel === 'managed' ? `tuned and served by its provider in ${region}` : `hosted (or rented) in ${region}`}.`
      : destination.objective !== 'none'
        ? ` The plan stays ${method}; run its training and serving in ${region} too.`
        : '';
  // Another vendor's API model asked about while the plan trains an open one: the trained model does not come along.
  const askedAccess = asked === undefined ? undefined : knowledge.findModel(asked)?.access;
  const askedIsApi =
    asked !== undefined &&
    (askedAccess === undefined
      ? /\b(?:claude|gpt|gemini|nova|command|o\d)/i.test(asked)
      : askedAccess !== 'open-weights');
  const anotherApiModel =
    askedIsApi &&
    asked !== undefined &&
    profile.modelName !== undefined &&
    asked !== plainModelName(profile.modelName) &&
    destination.objective !== 'none' &&
    destination.channel === 'self-run'
      ? ` ${asked} cannot take ${method} (its weights are not downloadable), so moving to it means giving up the tuned model: compare both on your evaluation set first.`
      : '';
  return `Keeping data in ${region} is about where it is processed, not about the method. ${keep}${moved}${anotherApiModel}`;
}

/** The one job whose plan is on a text encoder (a classifier that reads 512 tokens), if exactly one is. */
function jobOnAnEncoder(state: DialogueState, knowledge: Knowledge): JobState | undefined {
  const jobs = state.jobs ?? [];
  const onEncoder = jobs.filter(
    (job) =>
      catalogEncoder(
        knowledge,
        recommendFor(profileOfJob(state.profile, jobs, job), knowledge).destination.model.name,
      ) !== undefined,
  );
  return onEncoder.length === 1 ? onEncoder[0] : undefined;
}

/**
 * The one job whose plan holds the method asked about ("why not RAG?" when one job's plan retrieves), or, for a
 * supervised tuning method, one of its siblings ("would LoRA fix that?" of the job planned on QLoRA).
 */

function jobHoldingMethod(state: DialogueState, method: MethodId, knowledge: Knowledge): JobState | undefined {
  const jobs = state.jobs ?? [];
  const plans = jobs.map((job) => ({
    job,
    plan: recommendFor(profileOfJob(state.profile, jobs, job), knowledge).plan,
  }));
  const holds = (methods: readonly MethodId[]) =>
    plans.filter(({ plan }) => plan.some((step) => step.methods.some((each) => methods.includes(each))));
  const exact = holds([method]);
  if (exact.length === 1) return exact[0]?.job;
  if (exact.length > 1 || !SFT_SIBLINGS.includes(method)) return undefined;
  const siblings = holds(SFT_SIBLINGS);
  return siblings.length === 1 ? siblings[0]?.job : undefined;
}

/**
 * "no, it's NOT good enough - the voices all sound the same": an attempt said to be good enough before plateaued on
 * what the team still needs. Said as a fact of this turn (so the reply notes it), on the team's attempts or, with
 * several jobs, on the one job that has a good-enough attempt.
 */
function withGoodEnoughTakenBack(previous: DialogueState, extraction: TurnExtraction): TurnExtraction {
  if (extraction.notGoodEnough !== true || extraction.fields.tried !== undefined) return extraction;
  const flip = (tried: Profile['tried']) =>
    tried?.some((attempt) => attempt.result === 'good-enough')
      ? tried.map((attempt) =>
          attempt.result === 'good-enough' ? { ...attempt, result: 'plateaued' as const } : attempt,
        )
      : undefined;
  const team = flip(previous.profile.tried);
  if (team !== undefined)
    return {
      ...extraction,
      fields: { ...extraction.fields, tried: team },
      evidence: { ...extraction.evidence, tried: 'not good enough' },
    };
  const jobs = (previous.jobs ?? []).filter((job) => flip(job.profile?.tried) !== undefined);
  const [only] = jobs;
  if (jobs.length !== 1 || only === undefined) return extraction;
  return {
    ...extraction,
    jobFacts: [...(extraction.jobFacts ?? []), { name: only.name, fields: { tried: flip(only.profile?.tried) } }],
  };
}
