import { ruleExtract } from '../../src/chat/chat-service.ts';
import { type DialogueState, initialDialogueState } from '../../src/chat/dialogue-state.ts';
import { runTurn, type TurnResult } from '../../src/chat/run-turn.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';

/**
 * Runs a conversation through the rule-only turn, each message with the field the turn before asked about (and the
 * one before it that went unanswered), as the chat service does.
 */
export async function converse(messages: readonly string[], knowledge: Knowledge): Promise<TurnResult[]> {
  let state: DialogueState = initialDialogueState();
  const turns: TurnResult[] = [];
  for (const [index, message] of messages.entries()) {
    const turn = runTurn(
      state,
      await ruleExtract(message, {
        requestedField: state.requestedField,
        knowledge,
        ...(state.lastMissedField === undefined ? {} : { earlierField: state.lastMissedField }),
        ...(state.jobs === undefined ? {} : { jobs: state.jobs }),
        // (The user's earlier messages, as the chat service passes them.)
        history: messages.slice(0, index).map((text) => ({ role: 'user' as const, text })),
      }),
      knowledge,
    );
    turns.push(turn);
    state = turn.state;
  }
  return turns;
}
