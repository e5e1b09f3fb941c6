/**
 * @module chat/llm-turn: what the optional LLM adds to a chat turn, for both chat front doors (`POST /v1/chat` and
 * `POST /v1/chat/completions`). The engine's turn (src/chat/run-turn.ts) stays the single source of every decision;
 * this module only (1) merges an LLM extraction into the rule-based one and (2) turns a template reply into
 * "template lead + streamed LLM prose + template tail", deciding at the end what the truthful final text is.
 */
import type { Explanation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { FallbackReason, TokenUsage } from '../llm/explain.ts';
import type { ChatTurn } from '../llm/explain-prompt.ts';
import { mergeExtractions } from '../llm/extract.ts';
import type { LlmLayer } from '../llm/llm-layer.ts';
import { PROFILE_FIELDS, type Profile, type ProfileField } from '../profile/profile-schema.ts';
import type { SessionStore } from '../store/session-store.ts';
import { type ExtractFunction, ruleExtract } from './chat-service.ts';
import type { Extraction } from './extract/types.ts';
import { replySections, replyText } from './reply-data.ts';
import type { TurnExtraction, TurnKind, TurnResult } from './run-turn.ts';

/** Turn kinds whose reply explains a recommendation: the LLM writes their prose. Questions stay template-only. */
const EXPLAINED_KINDS: ReadonlySet<TurnKind> = new Set(['recommendation', 'why', 'what-if']);

/** True when a turn of this kind gets an LLM explanation (when the LLM is on). */
export function turnGetsLlmExplanation(kind: TurnKind): boolean {
  return EXPLAINED_KINDS.has(kind);
}

/** The marker that opens the text shown after a streamed explanation was withdrawn. */
export const CORRECTION_MARKER = 'Correction:';

/**
 * Merge the LLM's reading of a message into the rule-based extraction (pure). The rule extractor's values and the
 * user's explicit corrections always win; the LLM only fills fields nobody else found, and those are marked
 * `contributedBy: 'llm'` (shown in `data-profile` as `understood[].by`). Intents stay the rule extractor's.
 */
export function mergeLlmExtraction(rules: Extraction, llmFields: Partial<Profile>): TurnExtraction {
  const explicitCorrections: Record<string, unknown> = {};
  for (const field of rules.corrections) explicitCorrections[field] = rules.fields[field];
  const merged = mergeExtractions(rules.fields, llmFields, {
    explicitCorrections: explicitCorrections as Partial<Profile>,
  });
  // Keep the rule extractor's field order (the acknowledgement lists fields in that order), then the LLM's additions.
  const fields: Record<string, unknown> = { ...rules.fields };
  const contributedBy: TurnExtraction['contributedBy'] = {};
  for (const field of Object.keys(rules.fields) as ProfileField[]) contributedBy[field] = 'rules';
  for (const [field, by] of Object.entries(merged.contributedBy) as [ProfileField, 'rules' | 'llm'][]) {
    if (by !== 'llm') continue;
    fields[field] = merged.fields[field];
    contributedBy[field] = 'llm';
  }
  return { ...rules, fields: fields as Partial<Profile>, contributedBy };
}

export interface LlmExtractOptions {
  requestedField?: string;
  history?: readonly ChatTurn[];
  signal?: AbortSignal;
  /** Called with the fallback reason when the LLM extraction failed (it is then ignored). Not called for 'llm-off'. */
  onFailure?: (reason: string) => void;
}

/**
 * The rule extraction of `message`, merged with the LLM's (see {@link mergeLlmExtraction}). A failed LLM extraction
 * is ignored: the rule extraction is returned unchanged and `onFailure` is told why. Never throws for LLM faults.
 */
export async function extractWithLlm(
  llm: LlmLayer,
  message: string,
  rules: Extraction,
  options: LlmExtractOptions = {},
): Promise<TurnExtraction> {
  const requestedField = PROFILE_FIELDS.includes(options.requestedField as ProfileField)
    ? (options.requestedField as ProfileField)
    : undefined;
  const result = await llm.extractProfileWithLlm(message, {
    ...(requestedField ? { requestedField } : {}),
    ...(options.history ? { history: options.history } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (result.fallbackReason !== undefined) {
    if (result.fallbackReason !== 'llm-off') options.onFailure?.(result.fallbackReason);
    return rules;
  }
  return mergeLlmExtraction(rules, result.fields);
}

/**
 * An {@link ExtractFunction} that runs the rule extractor and the LLM extraction (with the conversation as context and
 * the client's abort signal) and merges them; see {@link extractWithLlm}.
 */
export function createLlmAssistedExtract(
  llm: LlmLayer,
  options: { onFailure?: (reason: string) => void } = {},
): ExtractFunction {
  return async (message, context) => {
    const rules = await ruleExtract(message, context);
    return extractWithLlm(llm, message, rules, {
      ...(context.requestedField ? { requestedField: context.requestedField } : {}),
      ...(context.history ? { history: chatHistory(context.history) } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
      ...(options.onFailure ? { onFailure: options.onFailure } : {}),
    });
  };
}

/**
 * A template reply cut around its explanation: `lead + templateBody + tail + footnotes === reply`.
 * - recommendation turns: the lead is the acknowledgement and "Here is my recommendation: X." (with the paragraph
 *   break after it), the body the compact answer, the tail the notes and the hint, the footnotes the sources the
 *   body's marks point to (an LLM explanation cites by source id, so its reply leaves them out);
 * - every other turn: the whole reply is the lead (a "why" or "what if" answers the question from the engine's
 *   trace); the LLM's prose is added after it, and the template adds nothing.
 */
export interface ReplyParts {
  lead: string;
  templateBody: string;
  tail: string;
  footnotes: string;
}

/** Cut a turn's reply into {@link ReplyParts} from its sections (pure; no searching in the text). */
export function splitReply(turn: Pick<TurnResult, 'kind' | 'replyData'>): ReplyParts {
  const { replyData } = turn;
  if (turn.kind === 'recommendation' && replyData.body) {
    const tail = replySections({ ...replyData, lead: '', body: undefined, footnotes: undefined }).join('');
    const lead = replyData.lead === '' ? '' : `${replyData.lead}\n\n`;
    const footnotes = replyData.footnotes ? `\n\n${replyData.footnotes}` : '';
    return { lead, templateBody: replyData.body, tail: tail === '' ? '' : `\n\n${tail}`, footnotes };
  }
  return { lead: replyText(replyData), templateBody: '', tail: '', footnotes: '' };
}

/** How the explanation of a chat reply ended: stored with the message and sent as `data-explanation`. */
export interface ReplyExplanation {
  source: Explanation['source'];
  fallbackReason?: FallbackReason | string;
  /** True when LLM text was streamed and then withdrawn (the stream shows a marked correction after it). */
  replacesStreamedText: boolean;
}

export type LlmReplyEvent =
  /** Text to append to the reply's (first) text part: the lead, LLM deltas, or the template rest. */
  | { type: 'text'; text: string }
  /**
   * The streamed LLM text was withdrawn: show `text` (starting with {@link CORRECTION_MARKER}) as a new, separate
   * text part, so a client can tell it apart from the withdrawn one.
   */
  | { type: 'correction'; text: string }
  /** Always last. `text` is the truthful full reply to persist (the LLM version, or exactly the template reply). */
  | { type: 'final'; text: string; explanation: ReplyExplanation; usage?: TokenUsage; detail?: string };

/**
 * Stream a recommendation turn's reply with the LLM: the template lead at once, then the LLM's explanation deltas,
 * then the template tail; the engine check runs at the end (in the LLM layer). When the LLM fails before writing
 * anything, the rest of the template reply follows instead, so the client sees exactly the rule-only reply. When
 * it fails (or contradicts the engine) after deltas were sent, a `correction` event carries a clearly marked
 * replacement: the template explanation and tail. `final.text` never contains withdrawn text. Never throws.
 */
export async function* llmReplyEvents(
  llm: LlmLayer,
  turn: Pick<TurnResult, 'kind' | 'reply' | 'replyData' | 'recommendation'>,
  knowledge: Knowledge,
  options: { history?: readonly ChatTurn[]; signal?: AbortSignal } = {},
): AsyncGenerator<LlmReplyEvent, void, undefined> {
  const parts = splitReply(turn);
  const lead = parts.lead.trimEnd();
  const tail = parts.tail === '' || parts.tail.startsWith('\n') ? parts.tail : `\n\n${parts.tail.trimStart()}`;
  if (lead !== '') yield { type: 'text', text: lead };

  let streamed = '';
  const events = llm.streamExplanation({
    recommendation: turn.recommendation,
    knowledge,
    ...(options.history ? { history: options.history } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  for await (const event of events) {
    if (event.type === 'delta') {
      yield { type: 'text', text: streamed === '' && lead !== '' ? `\n\n${event.text}` : event.text };
      streamed += event.text;
      continue;
    }
    const { explanation } = event;
    const extras = {
      ...(event.usage ? { usage: event.usage } : {}),
      ...(event.detail ? { detail: event.detail } : {}),
    };
    if (explanation.source === 'llm') {
      if (tail !== '') yield { type: 'text', text: tail };
      const text = `${lead}${lead === '' ? '' : '\n\n'}${explanation.text}${tail}`;
      yield { type: 'final', text, explanation: { source: 'llm', replacesStreamedText: false }, ...extras };
      return;
    }
    const fallback: ReplyExplanation = {
      source: 'template',
      ...(explanation.fallbackReason ? { fallbackReason: explanation.fallbackReason } : {}),
      replacesStreamedText: streamed !== '',
    };
    if (streamed === '') {
      // Nothing from the LLM was shown: finish the template reply in the same text part.
      const rest = turn.reply.slice(lead.length);
      if (rest !== '') yield { type: 'text', text: rest };
    } else {
      yield { type: 'correction', text: correctionText(parts, explanation.fallbackReason) };
    }
    yield { type: 'final', text: turn.reply, explanation: fallback, ...extras };
    return;
  }
}

/** The marked replacement shown after withdrawn LLM text. */
export function correctionText(parts: ReplyParts, fallbackReason: string | undefined): string {
  const why =
    fallbackReason === 'llm-contradicted-engine'
      ? 'the explanation above did not match the advisor’s analysis, so it is withdrawn.'
      : 'the explanation above was cut off, so it is withdrawn.';
  const replacement = `${parts.templateBody}${parts.tail}${parts.footnotes}`.trim();
  return replacement === ''
    ? `${CORRECTION_MARKER} ${why} The answer above it stands.`
    : `${CORRECTION_MARKER} ${why} The verified explanation:\n\n${replacement}`;
}

/** Earlier chat messages as LLM history (user and assistant text only). */
export function chatHistory(messages: readonly { role: string; text: string }[]): ChatTurn[] {
  return messages
    .filter((message) => message.role === 'user' || message.role === 'assistant')
    .map((message) => ({ role: message.role as 'user' | 'assistant', content: message.text }));
}

/**
 * Store the truthful final reply of a turn whose reply was first persisted as the template (so nothing was ever
 * lost while the LLM streamed): sets the assistant message's text and records how its explanation ended in
 * `meta.explanation` and a `data-explanation` part. Resolves false when the session or the message is gone.
 */
export async function persistFinalReply(
  store: Pick<SessionStore, 'update'>,
  credentials: { sessionId: string; sessionToken: string },
  messageId: string,
  final: { text: string; explanation: ReplyExplanation },
): Promise<boolean> {
  let found = false;
  const session = await store.update(credentials.sessionId, credentials.sessionToken, (draft) => {
    const message = draft.messages.find((candidate) => candidate.id === messageId && candidate.role === 'assistant');
    if (message === undefined) return;
    found = true;
    message.text = final.text;
    message.meta = { ...message.meta, explanation: final.explanation };
    const parts = (message.parts ?? []).filter(
      (part) => (part as { type?: unknown } | null)?.type !== 'data-explanation',
    );
    message.parts = [...parts, { type: 'data-explanation', data: final.explanation }];
  });
  return session !== undefined && found;
}

/**
 * Most recent user messages an OpenAI-compatible request has read by the LLM. The endpoint is stateless and replays
 * the whole history on every call; reading every message with the LLM would make a conversation's cost grow with the
 * square of its length, so older messages are read by the rule extractor only.
 */
export const MAX_LLM_EXTRACTED_MESSAGES = 4;

/**
 * An {@link ExtractFunction} for `replayHistory` over `conversation` (user and assistant texts, oldest first): the
 * last {@link MAX_LLM_EXTRACTED_MESSAGES} user messages are read by the LLM too, in parallel and up front (each with
 * the messages before it as context), then merged turn by turn as the replay calls the extractor in order.
 */
export async function createReplayExtract(
  llm: LlmLayer,
  conversation: readonly { role: 'user' | 'assistant'; text: string }[],
  options: { signal?: AbortSignal; onFailure?: (reason: string) => void } = {},
): Promise<ExtractFunction> {
  const userIndexes = conversation.flatMap((message, index) => (message.role === 'user' ? [index] : []));
  const firstRead = Math.max(0, userIndexes.length - MAX_LLM_EXTRACTED_MESSAGES);
  const llmFields = await Promise.all(
    userIndexes.map(async (conversationIndex, userIndex) => {
      if (userIndex < firstRead) return undefined;
      const result = await llm.extractProfileWithLlm(conversation[conversationIndex]!.text, {
        history: chatHistory(conversation.slice(0, conversationIndex)),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (result.fallbackReason !== undefined) {
        if (result.fallbackReason !== 'llm-off') options.onFailure?.(result.fallbackReason);
        return undefined;
      }
      return result.fields;
    }),
  );
  let call = 0;
  return async (message, context) => {
    const rules = await ruleExtract(message, context);
    const fields = llmFields[call];
    call += 1;
    return fields === undefined ? rules : mergeLlmExtraction(rules, fields);
  };
}
