/**
 * @module chat/reply-data: a chat reply as data. A turn returns its reply in sections (the one-line lead, the body
 * an LLM may rewrite, short notes, the follow-up hint, the footnotes), the figures the text quotes and follow-up suggestions; the
 * stored and streamed text is always {@link replyText} of these sections, so nothing has to find a section again in
 * a string. Pure.
 */
import type { Recommendation } from '../engine/recommendation-schema.ts';
import type { MethodId } from '../profile/profile-schema.ts';
import type { FootnoteSource } from './compact-answer.ts';

/** The computed figures of the recommended method, as the reply quotes them (absent when the engine has none). */
export interface ReplyFigures {
  method: MethodId;
  /** GPU-hours for three training runs. */
  trainingGpuHours?: number;
  /** One-time dollars (0 on GPUs the user owns). */
  oneTimeUSD?: number;
  /** Monthly dollars: API calls for an API model, GPU time at the rental price for a self-run one. */
  monthlyUSD?: number;
  memoryNeededGB?: number;
  memoryAvailableGB?: number | null;
}

export interface ReplyData {
  /** The first paragraph: the answer in one line (with what was understood), or the whole reply of a short turn. */
  lead: string;
  /** Answers: the explanation an LLM may replace (the compact answer). */
  body?: string;
  /** Paragraphs after the body: what was assumed, what is still unknown, the open question. */
  notes: string[];
  /** The closing line naming what the user may ask next ("" or absent: none). */
  hint?: string;
  /** The numbered sources the body's marks [1]… point to ("Sources:" and one line each), always last. */
  footnotes?: string;
  /** The same sources as data (sent as a `data-sources` part). */
  sources?: FootnoteSource[];
  /** Follow-up messages the advisor understands, for quick-reply buttons (sent as a `data-suggestions` part). */
  suggestions: string[];
  /** The figures behind the cost line, for clients that show them apart from the text. */
  figures?: ReplyFigures;
}

/** A reply of one paragraph and nothing else (questions, short answers). */
export function textReply(text: string, suggestions: string[] = []): ReplyData {
  return { lead: text, notes: [], suggestions };
}

/** The sections of a reply in reading order, each but the first starting with its paragraph break. */
export function replySections(reply: ReplyData): string[] {
  const [first = '', ...rest] = [reply.lead, reply.body, ...reply.notes, reply.hint, reply.footnotes].filter(
    (section): section is string => section !== undefined && section !== '',
  );
  return [first, ...rest.map((section) => `\n\n${section}`)].filter((section) => section !== '');
}

/** The reply's text: its sections joined (what is stored and what the template path streams). */
export function replyText(reply: ReplyData): string {
  return replySections(reply).join('');
}

/** The figures of the destination method, from the engine's estimates (undefined when it has none). */
export function replyFigures(recommendation: Recommendation): ReplyFigures | undefined {
  const method = recommendation.destination.method;
  const estimates = recommendation.recommendations.find((entry) => entry.method === method)?.estimates;
  if (estimates === undefined) return undefined;
  const figures: ReplyFigures = { method };
  if (estimates.trainingGpuHours !== undefined) figures.trainingGpuHours = estimates.trainingGpuHours;
  if (estimates.oneTimeUSD !== undefined) figures.oneTimeUSD = estimates.oneTimeUSD;
  if (estimates.monthlyUSD !== undefined) figures.monthlyUSD = estimates.monthlyUSD;
  if (estimates.memoryGB !== undefined) {
    figures.memoryNeededGB = estimates.memoryGB.needed;
    figures.memoryAvailableGB = estimates.memoryGB.available;
  }
  return figures;
}

/** Follow-ups offered after an answer; each is a message the extractor understands. */
export const ANSWER_FOLLOW_UPS: readonly string[] = [
  'What would it cost?',
  'What should we do first?',
  'What would change your answer?',
  'Show details',
];
