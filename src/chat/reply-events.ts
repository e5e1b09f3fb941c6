/**
 * @module chat/reply-events: one source of the events of an assistant reply, for every wire protocol. A reply is
 * `start`, typed data parts, its text as deltas, more data parts, then `finish` (or an `error` the encoder writes in
 * its own protocol). The template reply yields its sections as they are; the LLM reply yields the template lead, the
 * LLM's deltas as they arrive and the template tail, then how its explanation ended. The encoders in
 * src/http/encoders/ only frame these events: they decide nothing about the reply.
 */
import type { Question, Recommendation } from '../engine/recommendation-schema.ts';
import type { ProfilePartData } from './chat-service.ts';
import type { FootnoteSource } from './compact-answer.ts';
import type { LlmReplyEvent, ReplyExplanation } from './llm-turn.ts';
import type { TurnKind } from './run-turn.ts';

/** The `data-session` payload: the session to send back next turn (the token only in the turn that created it). */
export interface ReplySessionPart {
  sessionId: string;
  chatId?: string;
  sessionToken?: string;
}

/** The `data-profile` payload as clients read it (a {@link ProfilePartData}, field names as plain strings). */
export interface ReplyProfilePart {
  profile: ProfilePartData['profile'];
  understood: { field: string; value: unknown; text: string; by: 'rules' | 'llm'; corrected: boolean }[];
  evidence: Record<string, { text: string; by: 'rules' | 'llm' }>;
}

/** The `data-suggestions` payload: follow-up messages the advisor understands (quick replies). */
export interface ReplySuggestionsPart {
  suggestions: string[];
}

/** The `data-sources` payload: the numbered footnotes of an answer (the marks [1]… in its text). */
export interface ReplySourcesPart {
  sources: FootnoteSource[];
}

/** The typed data parts of a reply, by name (the AI SDK stream sends each as `data-<name>`). */
export type ReplyDataParts = {
  session: ReplySessionPart;
  profile: ReplyProfilePart;
  recommendation: Recommendation;
  question: Question;
  explanation: ReplyExplanation;
  suggestions: ReplySuggestionsPart;
  sources: ReplySourcesPart;
};
export type ReplyDataName = keyof ReplyDataParts;

/** One data part event; `transient` parts are not part of the stored message (the session part). */
export type ReplyDataEvent = {
  [Name in ReplyDataName]: { type: 'data'; name: Name; data: ReplyDataParts[Name]; transient?: boolean };
}[ReplyDataName];

export type ReplyEvent =
  /** `kind` and `provisional` are absent only on a failed turn (it has no reply to describe). */
  | { type: 'start'; messageId?: string; kind?: TurnKind; provisional?: boolean }
  | ReplyDataEvent
  /**
   * Text to append. `part` is `reply` for the answer, `correction` for a marked replacement of withdrawn LLM text
   * (a separate text part where the protocol has parts; a new paragraph where it has only text).
   */
  | { type: 'text-delta'; text: string; part: 'reply' | 'correction' }
  /** Always last of a complete reply. `text` is the truthful final text (never withdrawn LLM text). */
  | { type: 'finish'; text: string }
  /** The reply could not be finished; `message` is safe to show (generic, with the request id). */
  | { type: 'error'; message: string };

/** Everything a reply carries apart from its text, in protocol order around it. */
export interface ReplyEnvelope {
  messageId?: string;
  kind: TurnKind;
  provisional: boolean;
  /** Sent first (transient): the session to keep. */
  session?: ReplySessionPart;
  profile?: ReplyProfilePart;
  /** A stored explanation outcome (a regenerated LLM reply); a live LLM reply sends its own. */
  explanation?: ReplyExplanation;
  recommendation?: Recommendation;
  question?: Question;
  sources?: readonly FootnoteSource[];
  suggestions?: readonly string[];
}

/** The text of a template reply, in the sections it was written in (joined they are the reply's text). */
export interface TemplateText {
  sections: readonly string[];
}

/** The LLM explanation of a reply: the events of `llmReplyEvents` (src/chat/llm-turn.ts). */
export interface LlmText {
  events: AsyncIterable<LlmReplyEvent>;
  /** Runs when the explanation has ended, before its outcome is sent (the route stores the final text here). */
  onFinal?: (final: Extract<LlmReplyEvent, { type: 'final' }>) => void | Promise<void>;
}

/**
 * The events of one reply: start, session, profile, the text (template sections, or lead + LLM deltas + tail with
 * a correction part when streamed LLM text is withdrawn), explanation, recommendation, question, sources,
 * suggestions, finish.
 * Errors thrown by the LLM source propagate to the encoder, which masks them.
 */
export async function* replyEvents(
  envelope: ReplyEnvelope,
  text: TemplateText | LlmText,
): AsyncGenerator<ReplyEvent, void, undefined> {
  yield {
    type: 'start',
    ...(envelope.messageId === undefined ? {} : { messageId: envelope.messageId }),
    kind: envelope.kind,
    provisional: envelope.provisional,
  };
  if (envelope.session !== undefined) yield { type: 'data', name: 'session', data: envelope.session, transient: true };
  if (envelope.profile !== undefined) yield { type: 'data', name: 'profile', data: envelope.profile };

  let finalText = '';
  let explanation = envelope.explanation;
  if ('sections' in text) {
    for (const section of text.sections) {
      if (section === '') continue;
      finalText += section;
      yield { type: 'text-delta', text: section, part: 'reply' };
    }
  } else {
    for await (const event of text.events) {
      if (event.type === 'text') yield { type: 'text-delta', text: event.text, part: 'reply' };
      else if (event.type === 'correction') yield { type: 'text-delta', text: event.text, part: 'correction' };
      else {
        await text.onFinal?.(event);
        finalText = event.text;
        explanation = event.explanation;
      }
    }
  }

  if (explanation !== undefined) yield { type: 'data', name: 'explanation', data: explanation };
  if (envelope.recommendation !== undefined) {
    yield { type: 'data', name: 'recommendation', data: envelope.recommendation };
  }
  if (envelope.question !== undefined) yield { type: 'data', name: 'question', data: envelope.question };
  if (envelope.sources !== undefined && envelope.sources.length > 0) {
    yield { type: 'data', name: 'sources', data: { sources: [...envelope.sources] } };
  }
  if (envelope.suggestions !== undefined && envelope.suggestions.length > 0) {
    yield { type: 'data', name: 'suggestions', data: { suggestions: [...envelope.suggestions] } };
  }
  yield { type: 'finish', text: finalText };
}

/** The events of a turn that failed before it had a reply: start, session, and a safe error message. */
export async function* failedReplyEvents(
  session: ReplySessionPart | undefined,
  message: string,
): AsyncGenerator<ReplyEvent, void, undefined> {
  yield { type: 'start' };
  if (session !== undefined) yield { type: 'data', name: 'session', data: session, transient: true };
  yield { type: 'error', message };
}

/** A stored reply's text in paragraph-sized sections (joined they are the text), for re-sending it. */
export function paragraphSections(text: string): string[] {
  return text.split(/(?=\n\n)/);
}
