/**
 * @module chat/replay-history: the stateless dialogue of the OpenAI-compatible API. There is no stored session, so
 * every call re-derives the state by replaying each user message, in order, through extraction and the dialogue turn
 * from the initial state. Deterministic: the same history gives the same profile and reply.
 */
import type { Knowledge } from '../knowledge/knowledge.ts';
import { type ExtractFunction, type RunTurnFunction, ruleExtract } from './chat-service.ts';
import { type DialogueState, initialDialogueState } from './dialogue-state.ts';
import { runTurn, type TurnOptions, type TurnResult } from './run-turn.ts';

export interface ReplayOptions {
  /** Defaults to the rule-only extractor. */
  extract?: ExtractFunction;
  /** Defaults to `runTurn` from run-turn.ts. */
  runTurn?: RunTurnFunction;
  turnOptions?: TurnOptions;
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
 * @throws RangeError when `userMessages` is empty.
 */
export async function replayHistory(
  userMessages: readonly string[],
  knowledge: Knowledge,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  if (userMessages.length === 0) throw new RangeError('replayHistory needs at least one user message');
  const turn = options.runTurn ?? runTurn;
  const extract = options.extract ?? ruleExtract;
  let state = initialDialogueState();
  const turns: TurnResult[] = [];
  for (const message of userMessages) {
    const extraction = await extract(message, { requestedField: state.requestedField, knowledge });
    const result = turn(state, extraction, knowledge, options.turnOptions);
    turns.push(result);
    state = result.state;
  }
  return { state, lastTurn: turns[turns.length - 1]!, turns };
}
