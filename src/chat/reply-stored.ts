/**
 * @module chat/reply-stored: a stored assistant message as a reply again (regenerate, history): its meta with
 * defaults, its typed parts as a {@link ReplyEnvelope}, its recommendation recomputed from the stored profile (the
 * engine is deterministic, so the tens of kilobytes are not stored). Pure.
 */

import { withJobs } from '../engine/advise-jobs.ts';
import { recommend } from '../engine/recommend.ts';
import type { Question, Recommendation } from '../engine/recommendation-schema.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { type Job, Jobs } from '../profile/job-schema.ts';
import { Profile } from '../profile/profile-schema.ts';
import type { StoredMessage } from '../store/session-schema.ts';
import type { AssistantMessageMeta } from './chat-service.ts';
import type { FootnoteSource } from './compact-answer.ts';
import type { ReplyExplanation } from './llm-turn.ts';
import type { ReplyEnvelope, ReplyProfilePart, ReplySessionPart } from './reply-events.ts';

/**
 * What a reply carries besides its text, from the stored assistant message (its typed parts and meta) and the
 * recommendation recomputed or computed for it; the session part first.
 */
export function storedReplyEnvelope(
  message: StoredMessage,
  sessionPart: ReplySessionPart | undefined,
  recommendation: Recommendation | undefined,
): ReplyEnvelope {
  const meta = assistantMeta(message);
  const parts = (message.parts ?? []) as { type?: unknown; data?: unknown }[];
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.data;
  const profile = part('data-profile') as ReplyProfilePart | undefined;
  const question = part('data-question') as Question | undefined;
  const explanation = part('data-explanation') as ReplyExplanation | undefined;
  const suggestions = (part('data-suggestions') as { suggestions?: string[] } | undefined)?.suggestions;
  const sources = (part('data-sources') as { sources?: FootnoteSource[] } | undefined)?.sources;
  return {
    messageId: message.id,
    kind: meta.kind,
    provisional: meta.provisional,
    ...(sessionPart === undefined ? {} : { session: sessionPart }),
    ...(profile === undefined ? {} : { profile }),
    ...(explanation === undefined ? {} : { explanation }),
    ...(recommendation === undefined ? {} : { recommendation }),
    ...(question === undefined ? {} : { question }),
    ...(sources === undefined ? {} : { sources }),
    ...(suggestions === undefined ? {} : { suggestions }),
  };
}

/** A stored assistant message's meta, with defaults for messages stored before a field existed. */
export function assistantMeta(message: StoredMessage): AssistantMessageMeta {
  const meta = (message.meta ?? {}) as Partial<AssistantMessageMeta>;
  return { kind: meta.kind ?? 'recommendation', provisional: meta.provisional ?? false, ...meta };
}

/** The engine as a stored reply recomputes with it: the profile's recommendation, with each stored job's advice. */
export function storedRecommender(
  knowledge: Knowledge,
  advise: (profile: Profile, knowledge: Knowledge) => Recommendation = recommend,
): (profile: Profile, jobs?: Job[]) => Recommendation {
  return (profile, jobs) => withJobs(advise(profile, knowledge), profile, jobs, knowledge);
}

/** Recomputes a stored reply's recommendation from the profile it was computed on (the engine is deterministic). */
export function recommendationFor(
  message: StoredMessage,
  compute: (profile: Profile, jobs?: Job[]) => Recommendation,
): Recommendation | undefined {
  const meta = assistantMeta(message);
  const parsed = Profile.safeParse(meta.recommendationProfile);
  if (!parsed.success) return undefined;
  // (A reply that carried each job's advice carries it again; jobs stored wrongly leave the team's advice alone.)
  const jobs = meta.recommendationJobs === undefined ? undefined : Jobs.safeParse(meta.recommendationJobs);
  return jobs?.success === true ? compute(parsed.data, jobs.data) : compute(parsed.data);
}
