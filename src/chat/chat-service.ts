/**
 * @module chat/chat-service: one chat turn against a stored session. Loads the session, extracts facts from the
 * message, runs the pure dialogue turn and persists the user message, the assistant reply and the new dialogue state
 * in one write, all inside the session's lock (so concurrent turns on one session run one after the other, in call
 * order). The reply is returned only once it is on disk.
 */
import { AppError, NotFoundError } from '../errors.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { fieldLabel } from '../profile/field-labels.ts';
import type { Job } from '../profile/job-schema.ts';
import { PROFILE_FIELDS, type Profile, type ProfileField } from '../profile/profile-schema.ts';
import type { Session, StoredMessage } from '../store/session-schema.ts';
import type { SessionStore } from '../store/session-store.ts';
import { newMessageId, sessionIdForChat } from '../store/session-token.ts';
import { SessionExistsError } from '../store/store-errors.ts';
import {
  DialogueState,
  findTenfoldJumps,
  initialDialogueState,
  JUMP_FACTOR,
  type PendingConfirmation,
} from './dialogue-state.ts';
import { statedRates } from './extract/exchange-rate.ts';
import { extractProfile } from './extract/index.ts';
import type { KnownJob } from './extract/jobs.ts';
import type { Extraction } from './extract/types.ts';
import { jobsForEngine, profileOfJob } from './jobs-state.ts';
import { replyText, textReply } from './reply-data.ts';
import {
  addsASecondJob,
  runTurn,
  type TurnExtraction,
  type TurnKind,
  type TurnOptions,
  type TurnResult,
  type UnderstoodField,
} from './run-turn.ts';

/** Rule-based (or LLM-assisted) extraction of one message, given the field last asked about. May be async. */
export type ExtractFunction = (
  message: string,
  options: {
    requestedField?: string;
    knowledge: Knowledge;
    /** Earlier messages of the conversation, oldest first (an LLM extractor reads them as context). */
    history?: readonly { role: 'user' | 'assistant'; text: string }[];
    /** Aborted when the client leaves (an LLM extractor cancels its upstream call). */
    signal?: AbortSignal;
    /** Today's date (`YYYY-MM-DD`, UTC): a deadline given as a date is read as weeks from it. */
    today?: string;
    /** The question asked before the pending one and left unanswered: a late short answer may be for it. */
    earlierField?: string;
    /** The conversation's jobs, when the team listed two or more: clauses naming one add to it. */
    jobs?: readonly KnownJob[];
  },
) => Extraction | Promise<Extraction>;

/** The rule-only extractor (src/chat/extract), as an {@link ExtractFunction}; an unknown `requestedField` is ignored. */
export const ruleExtract: ExtractFunction = (
  message,
  { requestedField, knowledge, today, earlierField, history, jobs },
) => {
  // An exchange rate the user gave earlier ("1 USD = 84 INR" in the first message) converts money said later.
  const earlierRates = (history ?? [])
    .filter((entry) => entry.role === 'user')
    .flatMap((entry) => statedRates(entry.text.toLowerCase()));
  const read = (field: string | undefined) =>
    extractProfile(message, {
      requestedField: PROFILE_FIELDS.includes(field as ProfileField) ? (field as ProfileField) : undefined,
      knowledge,
      ...(today === undefined ? {} : { today }),
      ...(earlierRates.length === 0 ? {} : { earlierRates }),
      ...((history ?? []).some((entry) => entry.role === 'user') ? { midConversation: true } : {}),
      ...(jobs === undefined ? {} : { jobs }),
    });
  const extraction = read(requestedField);
  // "12k", sent after "we have some labelled data" was not understood and the next question came: a short reply
  // that answers nothing asked now is read against the question before.
  if (
    earlierField !== undefined &&
    earlierField !== requestedField &&
    !extraction.intents.whatIf &&
    Object.keys(extraction.fields).length === 0 &&
    message.trim().length <= LATE_ANSWER_MAX_CHARS
  ) {
    const late = read(earlierField);
    if (earlierField in late.fields) return late;
  }
  return extraction;
};

/** A late answer to the question before is a short reply (a number, a word or two). */
const LATE_ANSWER_MAX_CHARS = 40;

/** The pure dialogue turn (src/chat/run-turn.ts); injectable for tests. */
export type RunTurnFunction = typeof runTurn;

/**
 * "All data must stay in the EU": no profile field holds a region, so the reply says what that means for the advice
 * instead of passing over it (found by the seventh new-user trial).
 */
function withRegionNote(result: TurnResult, said: string | undefined, remembered: string | undefined): TurnResult {
  const region = said ?? remembered;
  const state = { ...result.state, dataRegion: region };
  if (region === undefined) return { ...result, state };
  if (result.replyData.lead?.startsWith('Keeping data in')) return { ...result, state };
  // The residency assumption holds only for processing in that region, on every later answer too.
  const notes = result.replyData.notes.map((line) =>
    // The phrase ends at a full stop or semicolon, not at the dot of a version ("Gemini 2.0 Flash", "GPT-4.1").
    line.replace(/(your data may (?:be sent to|go to) .*?)(?=\.(?:\s|$)|;| Tell me)/i, `$1, processed in ${region}`),
  );
  // What a region means for the advice is said once, on the turn that says it.
  const note = `Data kept in ${region}: I can't check regions. The rentals, hosted trainers and provider jobs I name are not filtered by region, so choose their regions in ${region} (or an open model on your own hardware); say "data must stay on our premises" if it may not leave your own machines at all.`;
  const replyData = { ...result.replyData, notes: said === undefined ? notes : [...notes, note] };
  return { ...result, state, replyData, reply: replyText(replyData) };
}

/** "yes", "correct", "that's right": the held-back numbers are confirmed. */
const CONFIRMS =
  /^\W*(?:yes|yeah|yep|yup|ya|correct|right|confirm(?:ed)?|that's\s+(?:right|correct)|exactly|indeed|sure|true|it\s+is|100\s?%)\b/i;

/**
 * One dialogue turn with tenfold-jump confirmation around `turn` (issue 11, item 4): a number that moved tenfold or
 * more from what the user said before ("2 GPUs" … "100 GPUs") is held back and the reply asks whether it is right;
 * the rest of the message is applied as usual. The next message confirms it ("yes", or the same number again), or
 * replaces it (another number), or leaves it unused (anything else). "What if" and "start over" are not checked.
 * Deterministic, so a replayed history asks and applies the same way.
 */
export function runTurnConfirmingJumps(
  turn: RunTurnFunction,
  previous: DialogueState,
  extraction: TurnExtraction,
  text: string,
  knowledge: Knowledge,
  options?: TurnOptions,
): TurnResult {
  const pending = previous.pendingConfirmation ?? [];
  const { pendingConfirmation: _pending, ...state } = previous;
  let input = extraction;
  if (pending.length > 0) {
    const restated = pending.filter((item) => extraction.fields[item.field as ProfileField] === item.value);
    const confirmed = CONFIRMS.test(text) ? pending : restated;
    if (confirmed.length > 0) input = withConfirmed(extraction, confirmed);
  }
  const { intents } = input;
  // ("ok another thing, separate job: … Maybe 200 questions a day": the figures of a job announced now are that job's,
  // not a change of the one the conversation had.)
  // (Only when it does become a job of its own: with no task to keep, the figures change the one profile.)
  const ofNewJob = addsASecondJob(state, input) ? Object.keys(input.jobAdded?.fields ?? {}) : [];
  const jumps =
    intents.whatIf || intents.reset
      ? []
      : withHeldJobs(
          findTenfoldJumps(
            jumpBaseline(state, input),
            input.fields,
            input.evidence,
            // Values the user just confirmed are not asked about again.
            [...input.corrections, ...pending.map((item) => item.field), ...ofNewJob],
          ),
          input,
        );
  if (jumps.length === 0) {
    const result = withRegionNote(
      turn(state, input, knowledge, options),
      intents.dataRegion,
      // "Start over" forgets the region with the rest.
      intents.reset ? undefined : state.dataRegion,
    );
    const { pendingConfirmation: _stale, ...clean } = result.state;
    // A question asked instead of the confirmation keeps it waiting, and the reply says which value it still uses.
    const unanswered = pending.filter((item) => !(item.field in input.fields));
    if (unanswered.length > 0 && movesOnWithAQuestion(input, text)) {
      const replyData = { ...result.replyData, notes: [...result.replyData.notes, stillUsing(unanswered)] };
      return {
        ...result,
        replyData,
        reply: replyText(replyData),
        state: { ...clean, pendingConfirmation: unanswered },
      };
    }
    return { ...result, state: clean };
  }
  const held = new Set(jumps.map((item) => item.field));
  const fields = Object.fromEntries(Object.entries(input.fields).filter(([field]) => !held.has(field)));
  const evidence = Object.fromEntries(Object.entries(input.evidence).filter(([field]) => !held.has(field)));
  // (A figure held for one job is held from that job too, until it is confirmed.)
  const jobFacts = input.jobFacts?.map((fact) => ({
    ...fact,
    fields: Object.fromEntries(Object.entries(fact.fields).filter(([field]) => !held.has(field))),
  }));
  const result = turn(
    state,
    { ...input, fields, evidence, ...(jobFacts === undefined ? {} : { jobFacts }) },
    knowledge,
    options,
  );
  const { pendingConfirmation: _stale, requestedField: _asked, ...rest } = result.state;
  const question = confirmationQuestion(jumps);
  const { body: _body, ...withoutBody } = result;
  return {
    ...withoutBody,
    kind: 'question',
    reply: question.question,
    replyData: textReply(question.question),
    question,
    state: {
      ...rest,
      dataRegion: intents.dataRegion ?? state.dataRegion,
      // The turn's own question is not asked: the reply asks for the confirmation instead.
      questionsAsked: result.question === undefined ? rest.questionsAsked : state.questionsAsked,
      pendingConfirmation: jumps,
    },
  };
}

/** The message asks something (cost, fit, why, …) instead of answering the confirmation; a "no" answers it. */
function movesOnWithAQuestion(extraction: TurnExtraction, text: string): boolean {
  if (/^\W*(?:no|nope|nah|not)\b/i.test(text)) return false;
  const { intents } = extraction;
  return (
    intents.asksSomething === true ||
    intents.asksCost !== undefined ||
    intents.asksFit !== undefined ||
    intents.whyNot !== undefined ||
    intents.whyMethod !== undefined
  );
}

/** "I'm still using 3,000 labeled examples; say "yes" if it is 30,000." */
function stillUsing(pending: readonly PendingConfirmation[]): string {
  const uses = pending.map((item) => `${formatNumber(item.previous)} for ${fieldLabel(item.field)}`);
  const instead = pending.map((item) => formatNumber(item.value));
  return `I'm still using ${uses.join(' and ')}; say "yes" if it is ${instead.join(' and ')}.`;
}

function withConfirmed(extraction: TurnExtraction, confirmed: readonly PendingConfirmation[]): TurnExtraction {
  const fields: Record<string, unknown> = { ...extraction.fields };
  const evidence: Record<string, string | undefined> = { ...extraction.evidence };
  const jobFacts = [...(extraction.jobFacts ?? [])];
  for (const item of confirmed) {
    fields[item.field] = item.value;
    evidence[item.field] ??= item.text;
    // (A figure held for one job goes to that job once confirmed.)
    for (const job of item.jobs ?? [])
      if (!jobFacts.some((fact) => fact.name === job && item.field in fact.fields))
        jobFacts.push({ name: job, fields: { [item.field]: item.value } });
  }
  return {
    ...extraction,
    fields: fields as TurnExtraction['fields'],
    evidence,
    ...(jobFacts.length === 0 ? {} : { jobFacts }),
  };
}

/**
 * What a new figure is compared with for the tenfold check: a figure said of one of the team's jobs ("for the memo
 * questions we have 40,000 pairs") against that job's own, not the figure another job holds on the team profile.
 */
function jumpBaseline(state: DialogueState, extraction: TurnExtraction): DialogueState['profile'] {
  const jobs = state.jobs;
  if (jobs === undefined || jobs.length < 2 || extraction.jobFacts === undefined) return state.profile;
  const baseline: Record<string, unknown> = { ...state.profile };
  // (Against the value each job was advised on, its own or the team's it took; said of several jobs, the first
  // one's that has a value.)
  for (const field of new Set(extraction.jobFacts.flatMap((fact) => Object.keys(fact.fields)))) {
    const values = extraction.jobFacts
      .filter((fact) => field in fact.fields)
      .map((fact) => jobs.find((each) => each.name === fact.name))
      .map((job) => (job === undefined ? undefined : profileOfJob(state.profile, jobs, job)[field as ProfileField]));
    baseline[field] = values.find((value) => value !== undefined);
  }
  return baseline as DialogueState['profile'];
}

/** Each held figure with the jobs it was said of (every job whose facts hold it: "for both" is both). */
function withHeldJobs(jumps: PendingConfirmation[], extraction: TurnExtraction): PendingConfirmation[] {
  return jumps.map((item) => {
    const jobs = (extraction.jobFacts ?? []).filter((fact) => item.field in fact.fields).map((fact) => fact.name);
    return jobs.length === 0 ? item : { ...item, jobs };
  });
}

function confirmationQuestion(jumps: readonly PendingConfirmation[]): { field: string; question: string; why: string } {
  const changes = jumps.map(
    (item) => `${fieldLabel(item.field)}: ${formatNumber(item.value)} (you said ${formatNumber(item.previous)} before)`,
  );
  const question =
    `Before I use ${jumps.length === 1 ? 'this' : 'these'}, please check: ${changes.join('; ')}. ` +
    `That is a ${JUMP_FACTOR}-fold change or more. Is it right? Answer "yes" to use it, or give the right number.`;
  return {
    field: jumps[0]!.field,
    question,
    why: `A number ${JUMP_FACTOR} times larger or smaller than before changes the advice a lot; a typo or a figure pasted from elsewhere is more likely than such a change.`,
  };
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export interface ChatServiceOptions {
  store: SessionStore;
  knowledge: Knowledge;
  /** Defaults to {@link ruleExtract}. */
  extract?: ExtractFunction;
  /** Defaults to `runTurn` from run-turn.ts. */
  runTurn?: RunTurnFunction;
  turnOptions?: TurnOptions;
  /** Clock for message timestamps. Default `() => new Date()`. */
  now?: () => Date;
}

/** Credentials of an existing session. */
export interface SessionCredentials {
  sessionId: string;
  sessionToken: string;
}

/** A session ready for a turn: `sessionToken` is what the caller sent, or the new token when `created`. */
export interface OpenedSession extends SessionCredentials {
  created: boolean;
}

/** The `data-profile` payload: the profile so far, what this message added, and which words each value came from. */
export interface ProfilePartData {
  profile: Profile;
  understood: UnderstoodField[];
  evidence: DialogueState['evidence'];
}

/** `meta` of a stored assistant message: enough to re-send the turn's typed parts without storing the recommendation. */
export interface AssistantMessageMeta {
  kind: TurnKind;
  provisional: boolean;
  /** The profile the turn's recommendation was computed on (the hypothetical one for "what if"); absent for questions. */
  recommendationProfile?: Profile;
  /** The jobs whose advice the turn's recommendation carried (`jobs`), as the engine takes them. */
  recommendationJobs?: Job[];
}

export interface ChatTurnOutcome {
  session: Session;
  userMessage: StoredMessage;
  assistantMessage: StoredMessage;
  turn: TurnResult;
}

/**
 * The engine (extraction or dialogue turn) threw. The user's message was persisted anyway (nothing accepted is lost);
 * no assistant reply was stored.
 */
export class ChatTurnFailedError extends AppError {
  override name = 'ChatTurnFailedError';
  readonly userMessage: StoredMessage;

  constructor(userMessage: StoredMessage, cause: unknown) {
    super('turn_failed', 'The advisor could not process this message; it was saved, so you can rephrase or retry.', {
      cause,
    });
    this.userMessage = userMessage;
  }
}

/** Kinds whose reply carries the engine's recommendation as a typed part. */
const KINDS_WITH_RECOMMENDATION: ReadonlySet<TurnKind> = new Set(['recommendation', 'what-if', 'why']);

/** True when a turn of this kind sends `data-recommendation`. */
export function turnCarriesRecommendation(kind: TurnKind): boolean {
  return KINDS_WITH_RECOMMENDATION.has(kind);
}

/**
 * The dialogue state stored with a session, validated; a missing or invalid one falls back to a fresh state seeded
 * with the session's profile, requested field and question count. The session's `profile` always wins.
 */
export function restoreDialogueState(session: Session): DialogueState {
  const parsed = DialogueState.safeParse({ ...session.dialogue, profile: session.profile });
  if (parsed.success) return { ...parsed.data, profile: session.profile };
  const fallback: DialogueState = {
    ...initialDialogueState(),
    profile: session.profile,
    questionsAsked: session.questionsAsked,
  };
  if (session.requestedField !== undefined) fallback.requestedField = session.requestedField;
  return fallback;
}

/**
 * A turn on a chat id that has a session, sent without the session's owner token (HTTP 401). Never answered by
 * starting a new session: that would silently forget the conversation.
 */
export class SessionTokenRequiredError extends AppError {
  override name = 'SessionTokenRequiredError';

  constructor(chatId: string) {
    super(
      'session_token_required',
      `Chat ${JSON.stringify(chatId.slice(0, 80))} already has a session and this request sent no session token. Send ` +
        'the token returned by its first turn (the x-session-token response header, or sessionToken in the ' +
        'data-session part) as the x-session-token header or as sessionToken in the body, or start a new chat with a new id.',
      { details: [{ path: 'x-session-token', message: 'Required: this chat id already has a session' }] },
    );
  }
}

/** A turn on a chat id whose session exists, with a token that is not its owner token (HTTP 403). */
export class SessionTokenInvalidError extends AppError {
  override name = 'SessionTokenInvalidError';

  constructor(chatId: string) {
    super(
      'session_token_invalid',
      `The session token does not match the session of chat ${JSON.stringify(chatId.slice(0, 80))}. Send the token ` +
        'returned by its first turn, or start a new chat with a new id.',
      { details: [{ path: 'x-session-token', message: 'Does not match this chat session' }] },
    );
  }
}

/**
 * A turn that sent a session token for a chat id that has no session (HTTP 404): it expired (SESSION_TTL_MS) or
 * was deleted. The client should start a new chat (a new id, no token).
 */
export class ChatSessionGoneError extends AppError {
  override name = 'ChatSessionGoneError';

  constructor(chatId: string) {
    super(
      'session_not_found',
      `Chat ${JSON.stringify(chatId.slice(0, 80))} has no session (it expired or was deleted). Start a new chat: a ` +
        'new id, and no session token.',
      { details: [{ path: 'id', message: 'No session for this chat id' }] },
    );
  }
}

export interface ChatService {
  /**
   * Loads the session named by `credentials` (throws NotFoundError when unknown or the token is wrong: the same
   * answer either way) or, without credentials, creates one. Store errors propagate (StoreUnavailableError, ...).
   */
  openSession(credentials?: SessionCredentials): Promise<OpenedSession>;
  /**
   * The session keyed on a client's chat id (`sessionIdForChat`). Without a token: creates it (the first turn), or
   * throws {@link SessionTokenRequiredError} when it exists. With a token: opens it, or throws
   * {@link SessionTokenInvalidError} (it exists, wrong token) or {@link ChatSessionGoneError} (it does not exist).
   */
  openChatSession(chatId: string, token?: string): Promise<OpenedSession>;
  /**
   * Runs one turn and resolves once the user message, the reply and the new state are on disk.
   * Throws NotFoundError (session gone or wrong token), ChatTurnFailedError (engine threw; the user message was
   * persisted), or the store's errors (nothing persisted). Turns on one session run in call order.
   */
  runTurn(input: {
    credentials: SessionCredentials;
    text: string;
    userMessageId?: string;
    /** Passed to the extractor (client disconnect). */
    signal?: AbortSignal;
  }): Promise<ChatTurnOutcome>;
}

/** Accepted client message ids: short and plain, so they can be stored and echoed safely. */
const CLIENT_MESSAGE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the chat service. */
export function createChatService(options: ChatServiceOptions): ChatService {
  const { store, knowledge } = options;
  const extract = options.extract ?? ruleExtract;
  const turn = options.runTurn ?? runTurn;
  const now = options.now ?? (() => new Date());

  return {
    async openSession(credentials) {
      if (credentials === undefined) {
        const { session, token } = await store.create();
        return { sessionId: session.id, sessionToken: token, created: true };
      }
      const session = await store.get(credentials.sessionId, credentials.sessionToken);
      if (session === undefined) throw sessionNotFound();
      return { ...credentials, created: false };
    },

    async openChatSession(chatId, token) {
      const sessionId = sessionIdForChat(chatId);
      if (token === undefined || token === '') {
        try {
          const { token: created } = await store.create({ id: sessionId });
          return { sessionId, sessionToken: created, created: true };
        } catch (error) {
          if (error instanceof SessionExistsError) throw new SessionTokenRequiredError(chatId);
          throw error;
        }
      }
      const session = await store.get(sessionId, token);
      if (session !== undefined) return { sessionId, sessionToken: token, created: false };
      throw (await store.has(sessionId)) ? new SessionTokenInvalidError(chatId) : new ChatSessionGoneError(chatId);
    },

    async runTurn({ credentials, text, userMessageId, signal }) {
      let outcome: { userMessage: StoredMessage; assistantMessage: StoredMessage; turn: TurnResult } | undefined;
      let failure: ChatTurnFailedError | undefined;
      // No await before store.update: turns on one session queue in the order they were called.
      const session = await store.update(credentials.sessionId, credentials.sessionToken, async (draft) => {
        const previous = restoreDialogueState(draft);
        const userMessage: StoredMessage = {
          id: userMessageId !== undefined && CLIENT_MESSAGE_ID.test(userMessageId) ? userMessageId : newMessageId(),
          role: 'user',
          text,
          createdAt: now().toISOString(),
        };
        const history = draft.messages.map((message) => ({ role: message.role, text: message.text }));
        draft.messages.push(userMessage);
        let result: TurnResult;
        try {
          const extraction = await extract(text, {
            requestedField: previous.requestedField,
            ...(previous.lastMissedField === undefined ? {} : { earlierField: previous.lastMissedField }),
            ...(previous.jobs === undefined ? {} : { jobs: previous.jobs }),
            knowledge,
            today: now().toISOString().slice(0, 10),
            history,
            ...(signal ? { signal } : {}),
          });
          result = runTurnConfirmingJumps(turn, previous, extraction, text, knowledge, options.turnOptions);
        } catch (error) {
          // Keep the user's message (nothing accepted is lost) and leave the dialogue state as it was.
          failure = new ChatTurnFailedError(userMessage, error);
          return;
        }
        const assistantMessage = assistantMessageFor(result, previous, now());
        draft.messages.push(assistantMessage);
        applyState(draft, result.state);
        outcome = { userMessage, assistantMessage, turn: result };
      });
      if (session === undefined) throw sessionNotFound();
      if (failure !== undefined) throw failure;
      if (outcome === undefined) throw new Error('chat turn finished without an outcome');
      return { session, ...outcome };
    },
  };
}

function sessionNotFound(): NotFoundError {
  return new NotFoundError('Chat session not found (unknown id, or the session token does not match)');
}

/** Copies the dialogue state onto the session: the profile, requested field and count as first-class fields too. */
function applyState(session: Session, state: DialogueState): void {
  session.profile = state.profile as Profile;
  session.questionsAsked = state.questionsAsked;
  if (state.requestedField === undefined) delete session.requestedField;
  else session.requestedField = state.requestedField;
  const { profile: _profile, ...rest } = state;
  session.dialogue = rest;
}

/**
 * The stored assistant message: reply text, the small typed parts, and what is needed to recompute the rest. Its
 * `data-profile` keeps the evidence of this turn's fields only: the accumulated evidence lives once in the dialogue
 * state, so a session grows by one turn's words per turn, not by everything said so far (issue 11, item 5).
 */
function assistantMessageFor(result: TurnResult, previous: DialogueState, at: Date): StoredMessage {
  const data = profilePartData(result);
  const turnFields = new Set<string>(result.understood.map((item) => item.field));
  const evidence = Object.fromEntries(Object.entries(data.evidence).filter(([field]) => turnFields.has(field)));
  const parts: unknown[] = [{ type: 'data-profile', data: { ...data, evidence } }];
  if (result.question !== undefined) parts.push({ type: 'data-question', data: result.question });
  const { suggestions, sources } = result.replyData;
  if (sources !== undefined && sources.length > 0) parts.push({ type: 'data-sources', data: { sources } });
  if (suggestions.length > 0) parts.push({ type: 'data-suggestions', data: { suggestions } });
  const meta: AssistantMessageMeta = { kind: result.kind, provisional: result.provisional };
  if (turnCarriesRecommendation(result.kind)) {
    meta.recommendationProfile = (
      result.kind === 'what-if'
        ? hypotheticalProfile(previous.profile, result.understood)
        : (result.advisedProfile ?? result.state.profile)
    ) as Profile;
    const jobs = result.state.jobs;
    if (result.recommendation.jobs !== undefined && jobs !== undefined && jobs.length >= 2)
      meta.recommendationJobs = jobsForEngine(result.state.profile, jobs);
  }
  return {
    id: newMessageId(),
    role: 'assistant',
    text: result.reply,
    createdAt: at.toISOString(),
    parts,
    meta: { ...meta },
  };
}

/** The `data-profile` payload of a turn. For "what if" the profile is the stored (unchanged) one. */
export function profilePartData(result: TurnResult): ProfilePartData {
  return { profile: result.state.profile as Profile, understood: result.understood, evidence: result.state.evidence };
}

function hypotheticalProfile(profile: DialogueState['profile'], understood: readonly UnderstoodField[]): Profile {
  const merged: Record<string, unknown> = { ...profile };
  for (const item of understood) if (item.value !== undefined) merged[item.field] = item.value;
  return merged as Profile;
}
