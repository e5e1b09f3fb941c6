/**
 * @module chat/replay-history: the stateless dialogue of the OpenAI-compatible API. There is no stored session, so
 * every call re-derives the state by replaying each user message, in order, through extraction and the dialogue turn
 * from the initial state. Deterministic: the same history gives the same profile and reply.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { type ExtractFunction, type RunTurnFunction, ruleExtract, runTurnConfirmingJumps } from './chat-service.ts';
import { type DialogueState, initialDialogueState } from './dialogue-state.ts';
import { runTurn, type TurnOptions, type TurnResult } from './run-turn.ts';

/**
 * Most work one replay may do. A stateless call replays every user message through extraction and the engine, so
 * without a bound one request can hold the event loop for seconds (issue 11: 100 messages of 4,000 characters).
 */
export interface ReplayLimits {
  /** Most user messages replayed. */
  maxMessages: number;
  /** Most characters, summed over the user messages. */
  maxCharacters: number;
}

/** Defaults: 100 messages and 32,000 characters (eight full 4,000-character messages, or 100 of 320). */
export const DEFAULT_REPLAY_LIMITS: ReplayLimits = { maxMessages: 100, maxCharacters: 32_000 };

/** A history above the replay limits; nothing was replayed. */
export class ReplayLimitError extends RangeError {
  readonly limit: 'messages' | 'characters';
  readonly actual: number;
  readonly maximum: number;
  constructor(limit: 'messages' | 'characters', actual: number, maximum: number) {
    super(
      limit === 'messages'
        ? `the history has ${actual} user messages; at most ${maximum} are replayed`
        : `the user messages of the history have ${actual} characters in total; at most ${maximum} are replayed`,
    );
    this.name = 'ReplayLimitError';
    this.limit = limit;
    this.actual = actual;
    this.maximum = maximum;
  }
}

/** Throws a {@link ReplayLimitError} when `userMessages` exceed `limits` (messages first, then characters). */
export function checkReplayLimits(userMessages: readonly string[], limits: ReplayLimits): void {
  if (userMessages.length > limits.maxMessages)
    throw new ReplayLimitError('messages', userMessages.length, limits.maxMessages);
  const characters = replayedCharacters(userMessages);
  if (characters > limits.maxCharacters) throw new ReplayLimitError('characters', characters, limits.maxCharacters);
}

/** Characters a replay of `userMessages` reads. */
export function replayedCharacters(userMessages: readonly string[]): number {
  let total = 0;
  for (const message of userMessages) total += message.length;
  return total;
}

/**
 * After this much synchronous work the replay yields to the event loop, so other requests are served between
 * replayed messages instead of waiting for the whole history.
 */
export const REPLAY_SLICE_MS = 8;

/**
 * Replays run one at a time per process, first come first served. They are pure CPU work on one thread, so running
 * several at once gains nothing, while each one in flight adds a slice to every turn of the event loop: with four
 * at once, every other request waits behind 4 × 8 ms per step instead of 8 ms.
 */
export const MAX_CONCURRENT_REPLAYS = 1;

/** A first-come-first-served queue of at most `slots` holders at a time. */
function createSlots(slots: number) {
  let free = slots;
  const waiting: (() => void)[] = [];
  return {
    async acquire(signal?: AbortSignal): Promise<void> {
      signal?.throwIfAborted();
      if (free > 0) {
        free--;
        return;
      }
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = waiting.indexOf(grant);
          if (index >= 0) waiting.splice(index, 1);
          reject(signal?.reason);
        };
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        waiting.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    release(): void {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

const replaySlots = createSlots(MAX_CONCURRENT_REPLAYS);

export interface ReplayOptions {
  /** Defaults to the rule-only extractor. */
  extract?: ExtractFunction;
  /** Defaults to `runTurn` from run-turn.ts. */
  runTurn?: RunTurnFunction;
  turnOptions?: TurnOptions;
  /** Defaults to {@link DEFAULT_REPLAY_LIMITS}. */
  limits?: ReplayLimits;
  /** Clock for the slicing (tests); default `performance.now`. */
  now?: () => number;
  /** How the replay yields between slices (tests); default `setImmediate`. */
  yieldToEventLoop?: () => Promise<void>;
  /** Stops the replay (while it waits for its turn, or between messages) when the client has gone. */
  signal?: AbortSignal;
  /** Today's date (`YYYY-MM-DD`, UTC), for deadlines given as dates; without it they are not read. */
  today?: string;
}

export interface ReplayResult {
  /** The state after the last user message. */
  state: DialogueState;
  /** The turn of the last user message: its reply answers the request. */
  lastTurn: TurnResult;
  /** Every turn, in order (the first user message first). */
  turns: TurnResult[];
}

/**
 * Replays `userMessages` (texts of the user's messages, oldest first; at least one) from the initial dialogue state.
 * Each message is extracted with the field the previous turn asked about, exactly as in a stored session, so a short
 * answer such as "2" fills the question it answered and a later correction ("actually 3 GPUs") wins.
 * Between messages it yields to the event loop after every {@link REPLAY_SLICE_MS} of work; replays run one at a time
 * ({@link MAX_CONCURRENT_REPLAYS}).
 * @throws RangeError when `userMessages` is empty; {@link ReplayLimitError} (before any work) above `options.limits`;
 *   the signal's reason when `options.signal` aborts.
 */
export async function replayHistory(
  userMessages: readonly string[],
  knowledge: Knowledge,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  if (userMessages.length === 0) throw new RangeError('replayHistory needs at least one user message');
  checkReplayLimits(userMessages, options.limits ?? DEFAULT_REPLAY_LIMITS);
  const turn = options.runTurn ?? runTurn;
  const extract = options.extract ?? ruleExtract;
  const now = options.now ?? (() => performance.now());
  const yieldToEventLoop = options.yieldToEventLoop ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  await replaySlots.acquire(options.signal);
  try {
    let state = initialDialogueState();
    const turns: TurnResult[] = [];
    let sliceStart = now();
    for (const [index, message] of userMessages.entries()) {
      if (now() - sliceStart >= REPLAY_SLICE_MS) {
        await yieldToEventLoop();
        options.signal?.throwIfAborted();
        sliceStart = now();
      }
      const extraction = await extract(message, {
        requestedField: state.requestedField,
        ...(state.lastMissedField === undefined ? {} : { earlierField: state.lastMissedField }),
        ...(state.jobs === undefined ? {} : { jobs: state.jobs }),
        knowledge,
        ...(options.today === undefined ? {} : { today: options.today }),
        // (The user's earlier messages, as the stored dialogue passes them: an exchange rate said before applies.)
        history: userMessages.slice(0, index).map((text) => ({ role: 'user' as const, text })),
      });
      const result = runTurnConfirmingJumps(turn, state, extraction, message, knowledge, options.turnOptions);
      turns.push(result);
      state = result.state;
    }
    return { state, lastTurn: turns[turns.length - 1]!, turns };
  } finally {
    replaySlots.release();
  }
}
