/**
 * @module http/encoders/ai-sdk-ui-history: stored messages as AI SDK `UIMessage[]` (what `GET /v1/chat/{id}` returns
 * and `useChat({ messages })` restores), parts in the order the UI-message stream delivered them.
 */

import { assistantMeta, recommendationFor } from '../../chat/reply-stored.ts';
import type { Recommendation } from '../../engine/recommendation-schema.ts';
import type { Job } from '../../profile/job-schema.ts';
import type { Profile } from '../../profile/profile-schema.ts';
import type { StoredMessage } from '../../store/session-schema.ts';
import type { AdvisorUIMessage } from './ai-sdk-ui-stream.ts';

/**
 * Stored messages as AI SDK `UIMessage`s, parts in the order the stream delivered them: data-profile, text,
 * data-explanation, data-recommendation (only on the latest message that carried one, recomputed from its stored
 * profile), data-question, then any other stored part. User messages have one text part and no metadata.
 */
export function historyUIMessages(
  messages: readonly StoredMessage[],
  compute: (profile: Profile, jobs?: Job[]) => Recommendation,
): AdvisorUIMessage[] {
  const latestAnswer = messages.findLastIndex(
    (message) => message.role === 'assistant' && assistantMeta(message).recommendationProfile !== undefined,
  );
  return messages.map((message, index): AdvisorUIMessage => {
    const text = { type: 'text' as const, text: message.text, state: 'done' as const };
    if (message.role === 'user') return { id: message.id, role: 'user', parts: [text] };
    const meta = assistantMeta(message);
    const stored = (message.parts ?? []) as AdvisorUIMessage['parts'];
    const byType = (type: string) => stored.filter((part) => part.type === type);
    const recommendation = index === latestAnswer ? recommendationFor(message, compute) : undefined;
    const known = new Set(['data-profile', 'data-explanation', 'data-question']);
    const parts: AdvisorUIMessage['parts'] = [
      ...byType('data-profile'),
      text,
      ...byType('data-explanation'),
      ...(recommendation === undefined ? [] : [{ type: 'data-recommendation' as const, data: recommendation }]),
      ...byType('data-question'),
      ...stored.filter((part) => !known.has(part.type)),
    ];
    return {
      id: message.id,
      role: 'assistant',
      metadata: { kind: meta.kind, provisional: meta.provisional, createdAt: message.createdAt },
      parts,
    };
  });
}
