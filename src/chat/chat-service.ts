/**
 * @module chat/chat-service: one chat turn against a stored session. Loads the session, extracts facts from the
 * message, runs the pure dialogue turn and persists the user message, the assistant reply and the new dialogue state
 * in one write, all inside the session's lock (so concurrent turns on one session run one after the other, in call
 * order). The reply is returned only once it is on disk.
 */
import { AppError, NotFoundError } from '../errors.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { PROFILE_FIELDS, type Profile, type ProfileField } from '../profile/profile-schema.ts';
import type { Session, StoredMessage } from '../store/session-schema.ts';
import type { SessionStore } from '../store/session-store.ts';
import { newMessageId } from '../store/session-token.ts';
import { DialogueState, initialDialogueState } from './dialogue-state.ts';
import { extractProfile } from './extract/index.ts';
import type { Extraction } from './extract/types.ts';
import { runTurn, type TurnKind, type TurnOptions, type TurnResult, type UnderstoodField } from './run-turn.ts';

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
  },
) => Extraction | Promise<Extraction>;

/** The rule-only extractor (src/chat/extract), as an {@link ExtractFunction}; an unknown `requestedField` is ignored. */
export const ruleExtract: ExtractFunction = (message, { requestedField, knowledge }) =>
  extractProfile(message, {
    requestedField: PROFILE_FIELDS.includes(requestedField as ProfileField)
      ? (requestedField as ProfileField)
      : undefined,
    knowledge,
  });

/** The pure dialogue turn (src/chat/run-turn.ts); injectable for tests. */
export type RunTurnFunction = typeof runTurn;

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

export interface ChatService {
  /**
   * Loads the session named by `credentials` (throws NotFoundError when unknown or the token is wrong: the same
   * answer either way) or, without credentials, creates one. Store errors propagate (StoreUnavailableError, ...).
   */
  openSession(credentials?: SessionCredentials): Promise<OpenedSession>;
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
            knowledge,
            history,
            ...(signal ? { signal } : {}),
          });
          result = turn(previous, extraction, knowledge, options.turnOptions);
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

/** The stored assistant message: reply text, the small typed parts, and what is needed to recompute the rest. */
function assistantMessageFor(result: TurnResult, previous: DialogueState, at: Date): StoredMessage {
  const parts: unknown[] = [{ type: 'data-profile', data: profilePartData(result) }];
  if (result.question !== undefined) parts.push({ type: 'data-question', data: result.question });
  const meta: AssistantMessageMeta = { kind: result.kind, provisional: result.provisional };
  if (turnCarriesRecommendation(result.kind)) {
    meta.recommendationProfile = (
      result.kind === 'what-if' ? hypotheticalProfile(previous.profile, result.understood) : result.state.profile
    ) as Profile;
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
