/** @module Types shared by the rule-based profile extractors. */
import type { Gpu, Model, Provider } from '../../knowledge/schemas.ts';
import type { MethodId, Profile, ProfileField } from '../../profile/profile-schema.ts';
import type { JobFact, JobReading } from './jobs.ts';

/**
 * The part of `Knowledge` (src/knowledge/knowledge.ts) extraction needs: the model and GPU catalogs and their
 * name resolvers. A real `Knowledge` satisfies it, and so does `createExtractionCatalog` over plain arrays.
 * Pass the same object on every call: the alias index built for scanning free text is cached per catalog object.
 */
export interface ExtractionCatalog {
  readonly models: readonly Model[];
  readonly gpus: readonly Gpu[];
  /** Providers, to tell which one a question names ("in AI Studio"); optional for catalogs built from arrays. */
  readonly providers?: readonly Provider[];
  findModel(name: string): Model | undefined;
  findGpu(name: string): Gpu | undefined;
}

/** What the user asked of the advisor in this message, besides stating facts. */
export interface ExtractionIntents {
  /** "just recommend", "skip", "go ahead", "whatever, give me the answer". */
  justRecommend: boolean;
  /** "why not LoRA?": the method the user asks about. */
  whyNot?: MethodId;
  /** "why RAG?": the recommended method the user wants justified. */
  whyMethod?: MethodId;
  /** "what if we had 2 GPUs?": the extracted fields are hypothetical. */
  whatIf: boolean;
  /** "start over", "reset". */
  reset: boolean;
  /** "hi", "hello": a greeting with or without facts. */
  greeting: boolean;
  /** "how much would LoRA cost?", "how long would it take?": the method asked about, or true for the destination. */
  asksCost?: MethodId | true;
  /** The cost question is about running it every month ("per month", "monthly", "to run"), not the one-off training. */
  asksMonthlyCost?: boolean;
  /** The time question wants the wait, not GPU-hours: "in days", "in real time", "wall-clock", "how many days". */
  asksElapsed?: boolean;
  /** "will QLoRA fit on our GPUs?": the method, or true for the destination. */
  asksFit?: MethodId | true;
  /** What the fit question is about: serving the model, or training it (unsaid: the method's own use). */
  asksFitFor?: 'serving' | 'training';
  /** How many GPUs the fit question puts it on ("on one A10G", "on 4 of those cards"). */
  asksFitGpus?: number;
  /** "will QLoRA training fit on the 2 L40S, and can we serve it on them after?": both fits asked in one question. */
  asksFitBoth?: boolean;
  /** "Can the 2 L40S serve 6000 letters a day?": the daily volume a serving question asks about. */
  asksServingPerDay?: number;
  /** "how many techs could use it at once, we have around 60": people served at once (their count, if said). */
  asksConcurrentUsers?: number | true;
  /** The sequence length the fit question names ("with 6k-token sequences"). */
  asksFitSequenceTokens?: number;
  /** "what is RAG?": a definition from the methods table. */
  asksDefinition?: MethodId;
  /** "LoRA or RAG?", "QLoRA vs full fine-tuning": two methods side by side. */
  asksComparison?: readonly [MethodId, MethodId];
  /** The comparison is about the team's facts ("RAG or LoRA for the lore?"): knowledge, not behaviour. */
  comparisonAboutKnowledge?: boolean;
  /** "what would change your answer?": the sensitivity and the open questions. */
  asksWhatWouldChange?: boolean;
  /** "what should we do first?": the first step. */
  asksFirstStep?: boolean;
  /** "show details", "full reasoning": the engine's full explanation. */
  showDetails?: boolean;
  /** "thanks", "great", "ok": a short reply, never the whole recommendation. */
  smallTalk?: boolean;
  /** The method was named only as "fine-tuning" (not "full fine-tuning"): for an API model it means the provider's job. */
  genericFineTuning?: boolean;
  /** "adapters" said bare (not "adapter layers", "bottleneck adapters"): LoRA's adapters when the plan is LoRA. */
  bareAdapters?: boolean;
  /** "continued pre-training" named: the plan's continued pre-training, whichever method runs it. */
  continuedPretraining?: boolean;
  /** "full-parameter DPO", "full DPO", "every weight": preference tuning of every weight, not with LoRA. */
  fullParameter?: boolean;
  /** "…with 8-bit Adam and precomputed reference log-probs": levers that shrink the memory of a full-parameter fit. */
  fitLevers?: { eightBitAdam?: true; precomputedReference?: true };
  /** "which model would you pick?": the model the plan runs on, and the alternatives. */
  asksModel?: boolean;
  /** "why not Llama 3.2 1B?": a catalog model weighed against the plan's (its display name). */
  asksWhyNotModel?: string;
  /** "which open model fits my Mac?": the pick must be open weights the team runs itself, never an API tier. */
  asksOpenModel?: boolean;
  /** "what's the final plan?", "recap", "what should I tell leadership?": the whole answer again, on purpose. */
  asksSummary?: boolean;
  /** "one adapter per character or one model for all?": per-tenant design; the unit asked about ("character"). */
  asksPerTask?: string;
  /** "what would you assume if I don't tell you?": the defaults the answer rests on. */
  asksAssumptions?: boolean;
  /** "Is this safe enough for clinical use?", "can we trust its answers?". */
  asksSafety?: boolean;
  /** The safety question itself says the stakes: "our regulator will ask…", "…without a human checking each one?". */
  asksSafetyHighStakes?: boolean;
  /** "Can the model memorise and leak patient names? Should we de-identify first?". */
  asksPrivacy?: boolean;
  /** "How do we stop it from making stuff up?", "how can we reduce hallucinations?". */
  asksHallucination?: boolean;
  /** "is an instruct model better than our base checkpoint?", "should we use the chat version instead of base?". */
  asksInstructVsBase?: boolean;
  /** "…anyway, thanks, this helped": thanks said beside other words (a short reply is `smallTalk`). */
  thanks?: boolean;
  /** "Does that even fit Qwen's context?": whether a prompt of this many tokens fits the model's window (0 when unsaid). */
  asksContextFit?: number;
  /** "How do we guarantee the output is always valid JSON matching the schema?". */
  asksFormatGuarantee?: boolean;
  /** "…only ever outputs one of our category codes": the format asked about is a closed set of labels. */
  asksLabelChoice?: boolean;
  /** "Is 150 examples really enough to fine-tune?", "do we have enough data?", "how many examples do we need?". */
  asksEnoughData?: number | true;
  /** "is 1,500 enough for 40 intents?": the number of classes the examples are spread over. */
  asksEnoughDataClasses?: number;
  /** "…rare categories only have around 30 examples each": the examples of the smallest classes. */
  asksEnoughDataRarest?: number;
  /** "each question pulls 6k tokens into the prompt; does your number include that?": input tokens per request. */
  asksPromptTokens?: number;
  /** "each draft writes ~3k tokens": the output tokens a cost question gives, per request. */
  asksOutputTokens?: number;
  /** "can I fine-tune on the Mac?": training on Apple silicon, which is no GPU in the catalog. */
  asksTrainOnMac?: boolean;
  /** The Mac's memory said with the question ("a MacBook Pro M3 Max with 64 GB of unified memory"). */
  macMemoryGB?: number;
  /** "how fast will it generate on a GTX 1660?", "how many tokens per second?": generation speed. */
  asksSpeed?: boolean;
  /** "how do we evaluate it before we roll it out?": the evaluation set, the score and the bar. */
  asksEvaluation?: boolean;
  /** "give me the whole plan again, step by step": each step of the plan with its reason and what the data is for. */
  asksSteps?: boolean;
  /**
   * "only a third of the 3,500 notes are really good, should we train on all of them?", "only on the 900 best, or also
   * the rest?": whether to train on the weaker examples too, with the counts said.
   */
  asksDataQuality?: { total?: number; good?: number };
  /**
   * "our own correctors disagree with each other by up to 40 points": the people who grade disagree (true), with the
   * spread in points when one is said; the evaluation answer takes it as the ceiling.
   */
  raterDisagreement?: { points?: number; unit?: 'marks' };
  /** "how many weeks until this is in production?": the plan's calendar, step by step. */
  asksTimeline?: boolean;
  /** "does that still fit $200?": a cost asked against the budget. */
  asksBudgetFit?: boolean;
  /** "Compare the monthly bill for Gemini 2.5 Flash and GPT-4.1 mini": bills weighed, the team's model kept. */
  comparesBills?: boolean;
  /** The catalog models the bill comparison names, by catalog name ("the tuned Gemini 2.5 Flash-Lite"). */
  billModels?: string[];
  /** "what could go wrong?": the risks of the plan for this team. */
  asksRisks?: boolean;
  /** "do we need the SFT step first or can we go straight to DPO?": supervised tuning before preference tuning. */
  asksSftBeforePreference?: boolean;
  /** "how do we quantize it and run it on android?": the path from the checkpoint to a phone's runtime. */
  asksOnDeviceRuntime?: boolean;
  /** "qwen 2.5 14b license - ok for commercial use?": a model's licence, by its catalog name (true: the plan's model). */
  asksLicence?: string | true;
  /**
   * "Is Llama 3.1 8B any good in Swahili?", "which model handles Tagalog best?": the languages asked about, and the
   * catalog model the question names (if any).
   */
  asksLanguage?: { languages: string[]; model?: string };
  /** "why don't we just fine-tune on the manuals so it knows them?": tuning asked as the way to put facts in. */
  factsByTuning?: boolean;
  /** "the notes are all in Dutch. does that change which model?": the model asked for, in the languages stated. */
  modelLanguages?: string[];
  /** "does azure charge monthly for hosting a fine-tuned model?": the provider's hosting fee (a provider id, or true). */
  asksHostingFee?: string | true;
  /** "can we fine-tune Gemini in AI Studio?": where a model can be tuned (catalog model name and provider id, if named). */
  asksTuningChannel?: { model?: string; provider?: string };
  /** "is gpt-4.1 mini shutting down too?": a model's end of life (its catalog name, or true for the team's model). */
  asksRetirement?: string | true;
  /** The end of life asked as "is it still going to be available?" (the answer's yes and no turn around). */
  asksStillAvailable?: true;
  /** "All data must stay in the EU": a residency region, which no profile field holds ("the EU"). */
  /** "is an Azure region in South Africa ok?": the region is asked about, not only stated as a rule. */
  asksRegion?: boolean;
  dataRegion?: string;
  /** "What about prompt caching or the Batch API to cut the bill?": levers on the bill that change no model. */
  asksCostLevers?: boolean;
  /** "Renting one L4 around the clock — what's that per month?": a GPU kept all month, priced (not the team's). */
  asksRentMonthly?: RentMonthlyAsked;
  /** "why would we rent an MI300X, we have two 3090s?": why a rental is shown beside the team's own GPUs. */
  asksWhyRent?: boolean;
  /** "can we do DPO with the 120k thumbs up/down votes?": whether single ratings are preference data. */
  asksRatingsForPreference?: boolean;
  /**
   * "could we just paste all the docs into the 200k window instead of RAG?": long context against retrieval, with the
   * window and the corpus the message states (tokens, or pages at about 400 tokens a page).
   */
  asksLongContext?: LongContextAsked;
  /** "SFT on the 20k teacher summaries, the 1.5k human ones, or both?": teacher-written against human-written data. */
  asksDataMix?: DataMixAsked;
  /** "will embedding search even find exact codes like E-217?": whether retrieval finds exact identifiers. */
  asksExactMatchRetrieval?: boolean;
  /** "why not a BERT-style encoder classifier instead of an 8B LLM?": a text encoder weighed as the model to use. */
  asksEncoderInstead?: boolean;
  /** "DPO or KTO? my pairs are noisy": KTO weighed against the plan's preference tuning (DPO). */
  asksKto?: boolean;
  /** "XLM-RoBERTa only reads 512 tokens, right?", "can the encoder even read a 3,000-token letter?": its input length. */
  asksEncoderLength?: boolean;
  /** "There are no images in this project": an image task or modality read earlier is taken back. */
  noImages?: boolean;
  /** "it's NOT transcription, it's text in, text out": a transcription task read earlier is taken back. */
  noSpeechTask?: boolean;
  /** "I worry a 1B model will be dumb with unusual commands": a doubt about a small model, with the size it names. */
  asksSmallModelWorry?: { sizeB?: number };
  /** "What would the BERT-style route cost to train and run on our CPU server?": an encoder's own figures. */
  asksEncoderCost?: boolean;
  /** "could we retrieve similar past emails per request as examples?": dynamic few-shot. */
  asksRetrievedExamples?: boolean;
  /** "we pay 900 now and you say 342? something's off": the estimate against the bill paid. */
  asksBillMismatch?: boolean;
  /** "and the Qwen2.5 1.5B, will it fit?": a fit or cost question names a model without saying it is the team's. */
  modelAskedAbout?: boolean;
  /** "ok, we'll go with Llama 3.1 8B": the model named is taken up (even the one the advice proposed). */
  adoptsModel?: boolean;
  /** The message says budget, a cap or what may be spent: an amount in it is a budget, even one the advice quoted. */
  saysBudget?: boolean;
  /** "why do you need to know that?", "does it matter?": why the advisor asks its pending question. */
  asksAboutTheQuestion?: boolean;
  /**
   * Questions of a message that asks several, which no intent above reads (answered, each one, with "I can't answer
   * that one" rather than silence): the words as typed.
   */
  unanswered?: readonly string[];
  /**
   * "CPT or RAG over the corpus? and if CPT, LoRA or full? will full fit across the 32 cards?": each question of a
   * message that asks several, with what it asks read on its own (one reading of the whole message keeps only some).
   */
  separately?: readonly AskedQuestion[];
  /**
   * The message asks something ("…?", "how do we…", "is an instruct model better…"): with no intent above and no
   * fact in it, it is answered as a question (never read as an unclear answer to the advisor's own question).
   */
  asksSomething?: boolean;
}

/** One question of a message that asks several: its words and what it asks, read on its own. */
export interface AskedQuestion {
  readonly text: string;
  readonly intents: ExtractionIntents;
  /** The values it asks about ("would it fit on 8 H100s?"), when it is a "what if". */
  readonly hypothetical?: Partial<Profile>;
}

/** The result of `extractProfile`. */
export interface Extraction {
  /** Profile values the message states as the team's facts (never the values a "what if" asks about). */
  fields: Partial<Profile>;
  /** The values a "what if" message asks about ("what if we had 8 GPUs?" → gpuCount 8); only when `intents.whatIf`. */
  hypothetical?: Partial<Profile>;
  /** Goals the team takes back ("drop 'citations' from my goals"): removed from the goals said before. */
  removedGoals?: NonNullable<Profile['goals']>;
  /** Methods the user says were never tried ("we have NOT tried RAG"): removed from what was tried before. */
  removedTried?: MethodId[];
  /**
   * "no, it's NOT good enough": what was said to be good enough before (a method the message does not name) falls
   * short; it is now plateaued.
   */
  notGoodEnough?: boolean;
  /** Fields the user takes back as not applying ("there is no deadline", "forget the 9-week deadline"). */
  removedFields?: ProfileField[];
  /**
   * Amounts said in a currency far from the dollar with no rate stated ("₹5 lakh"), as typed: left out of the profile
   * (read 1:1 they would be tens of times too large), so the reply can ask for them in dollars.
   */
  unconvertedMoney?: string[];
  /**
   * Examples said per tenant (or client, customer, brand) with no count of tenants in the message ("per tenant we have
   * between 150 and 400"): the lower end, so that a tenant count known from earlier can make it the total.
   */
  perUnitExamples?: number;
  /**
   * The model named as the one being left ("switch off GPT-4o mini") or the one a past pilot ran on: kept as the
   * team's model only when no other model is known.
   */
  leftBehindModel?: string;
  /** A catalog model a question of the message weighs ("why not Llama 3.2 3B?"), not the one it states. */
  talkedAboutModel?: string;
  /** The other models a cost "what if" names ("… gemini 2.5 flash, would that cut the bill? or claude haiku?"). */
  alsoAskedModels?: string[];
  /** A GPU the message says is gone ("the lab took the 3090 back"): the team's GPUs are none if it was theirs. */
  goneGpu?: string;
  /** A model the message says is not the team's ("GPT-4o is NOT our model"): it leaves the profile if it was there. */
  deniedModel?: string;
  /** A model family the message denies by its bare name ("we are NOT using gemma"): the team's model leaves if of it. */
  deniedFamily?: string;
  /** Languages other than English the message states without a task ("the notes are all in Dutch"). */
  statedLanguages?: string[];
  /** The message names a GPU the catalog does not list: the GPU named before is no longer the team's. */
  unlistedGpu?: boolean;
  /** The stated languages correct the ones said before ("sorry, they are in French actually"). */
  languagesCorrected?: boolean;
  /** The language of a message plainly not in English ("French"): the reply says only English is read. */
  otherLanguage?: string;
  /** The pages of the team's documents in all, when said ("about 900 pages of PDFs", "2,000 contracts of 12 pages each"). */
  corpusPages?: number;
  /** The jobs the message lists, when it lists two or more that differ (src/chat/extract/jobs.ts). */
  jobs?: JobReading[];
  /** What clauses naming one job only say of that job's own fields. */
  jobFacts?: JobFact[];
  /**
   * A second job announced in a conversation about one task ("ok another thing, separate job: we also want a chatbot
   * …"): its task and what the message says of it (the dialogue pairs it with the task it had).
   */
  jobAdded?: { task: string; fields: Partial<Profile> };
  /** The one job the message names, when it names one of the conversation's jobs and no other. */
  jobNamed?: string;
  /** A job the message takes back ("forget the receipts"). */
  jobDropped?: string;
  /** For each extracted field, the exact words of the message it came from. */
  evidence: Partial<Record<ProfileField, string>>;
  /** Fields the user explicitly corrected ("actually 3 GPUs", "make that 500 examples"). */
  corrections: ProfileField[];
  intents: ExtractionIntents;
}

/** One value found in the message, with the span of the original text it came from. */
export interface Finding<F extends ProfileField = ProfileField> {
  readonly field: F;
  readonly value: NonNullable<Profile[F]>;
  /** Start offset (inclusive) in the message. */
  readonly start: number;
  /** End offset (exclusive) in the message. */
  readonly end: number;
}

/** A message ready for matching: `lower` has the same length as `original`, so offsets carry over. */
export interface PreparedMessage {
  readonly original: string;
  readonly lower: string;
}

/** What every extractor receives besides the message. */
export interface ExtractorContext {
  readonly catalog: ExtractionCatalog;
  /** The field the advisor just asked about: decides, for example, the period of a bare "$800". */
  readonly requestedField?: ProfileField | undefined;
  /**
   * Today's date (`YYYY-MM-DD`, UTC), so a deadline given as a date ("by March 15", "end of Q1") becomes weeks from
   * now. Without it such deadlines are not read (extraction stays a pure function of its inputs).
   */
  readonly today?: string | undefined;
}

/** A value other fields imply, and the fields whose words say it (their evidence becomes its evidence). */
export interface Implied<V> {
  readonly value: V;
  readonly from: readonly ProfileField[];
}

/** An extractor: a pure function from a prepared message to the findings it recognises. */
export type Extractor = (message: PreparedMessage, context: ExtractorContext) => Finding[];

/** What a long-context question states: the window ("200k context"), the corpus ("1,400 pages"). */
export interface LongContextAsked {
  windowTokens?: number;
  corpusTokens?: number;
  /** True when the corpus was said in pages (the answer then says how pages were counted). */
  fromPages?: boolean;
}

/** What a teacher-or-human data question states: the count of each kind of example. */
export interface DataMixAsked {
  teacherCount?: number;
  humanCount?: number;
}

/** A GPU asked about as a monthly rental: how many, and the name as said (resolved against the catalog). */
export interface RentMonthlyAsked {
  readonly count: number;
  readonly gpu: string;
}
