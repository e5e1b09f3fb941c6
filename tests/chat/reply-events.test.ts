import { describe, expect, it } from 'vitest';
import type { LlmReplyEvent } from '../../src/chat/llm-turn.ts';
import { type ReplyData, replySections, replyText } from '../../src/chat/reply-data.ts';
import { paragraphSections, type ReplyEvent, replyEvents } from '../../src/chat/reply-events.ts';
import type { Recommendation } from '../../src/engine/recommendation-schema.ts';

const recommendation = { destination: { method: 'lora' } } as unknown as Recommendation;
const envelope = {
  messageId: 'm1',
  kind: 'recommendation' as const,
  provisional: true,
  session: { sessionId: 's1' },
  recommendation,
  sources: [{ n: 1, id: 'lora-paper', title: 'LoRA', year: 2021, url: 'https://arxiv.org/abs/2106.09685' }],
  suggestions: ['What would it cost?'],
};

async function collect(events: AsyncIterable<ReplyEvent>): Promise<ReplyEvent[]> {
  const all: ReplyEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

async function* llmEvents(events: LlmReplyEvent[]): AsyncGenerator<LlmReplyEvent> {
  yield* events;
}

describe('reply data', () => {
  it('the text is the sections joined, each after the first on a new paragraph; empty sections are left out', () => {
    const reply: ReplyData = { lead: 'Lead.', body: 'Body.', notes: ['', 'Note.'], hint: 'Hint.', suggestions: [] };
    expect(replySections(reply)).toEqual(['Lead.', '\n\nBody.', '\n\nNote.', '\n\nHint.']);
    expect(replyText(reply)).toBe('Lead.\n\nBody.\n\nNote.\n\nHint.');
    expect(replyText({ lead: '', notes: ['**Question?**'], hint: 'Hint.', suggestions: [] })).toBe(
      '**Question?**\n\nHint.',
    );
    expect(paragraphSections('a\n\nb\nc\n\nd').join('')).toBe('a\n\nb\nc\n\nd');
  });
});

describe('replyEvents', () => {
  it('a template reply: start, session, its sections, the recommendation and suggestions, finish with the text', async () => {
    const events = await collect(replyEvents(envelope, { sections: ['Lead.', '\n\nBody.'] }));
    expect(events.map((event) => (event.type === 'data' ? `data-${event.name}` : event.type))).toEqual([
      'start',
      'data-session',
      'text-delta',
      'text-delta',
      'data-recommendation',
      'data-sources',
      'data-suggestions',
      'finish',
    ]);
    expect(events[1]).toMatchObject({ transient: true });
    expect(events.at(-1)).toEqual({ type: 'finish', text: 'Lead.\n\nBody.' });
  });

  it('an LLM reply: its deltas, a correction part, the outcome after the text; finish carries the truthful text', async () => {
    const finals: string[] = [];
    const events = await collect(
      replyEvents(envelope, {
        events: llmEvents([
          { type: 'text', text: 'Lead.' },
          { type: 'text', text: '\n\nLoRA is' },
          { type: 'correction', text: 'Correction: withdrawn.' },
          {
            type: 'final',
            text: 'Lead.\n\nTemplate.',
            explanation: { source: 'template', fallbackReason: 'stream-cut', replacesStreamedText: true },
          },
        ]),
        onFinal: (final) => {
          finals.push(final.text);
        },
      }),
    );
    const texts = events.flatMap((event) => (event.type === 'text-delta' ? [[event.part, event.text]] : []));
    expect(texts).toEqual([
      ['reply', 'Lead.'],
      ['reply', '\n\nLoRA is'],
      ['correction', 'Correction: withdrawn.'],
    ]);
    const afterText = events.slice(events.findLastIndex((event) => event.type === 'text-delta') + 1);
    expect(afterText.map((event) => (event.type === 'data' ? event.name : event.type))).toEqual([
      'explanation',
      'recommendation',
      'sources',
      'suggestions',
      'finish',
    ]);
    expect(events.at(-1)).toEqual({ type: 'finish', text: 'Lead.\n\nTemplate.' });
    expect(finals).toEqual(['Lead.\n\nTemplate.']);
  });

  it('an LLM source that throws propagates (the encoder masks it)', async () => {
    async function* failing(): AsyncGenerator<LlmReplyEvent> {
      yield { type: 'text', text: 'Lead.' };
      throw new Error('upstream broke');
    }
    await expect(collect(replyEvents(envelope, { events: failing() }))).rejects.toThrow('upstream broke');
  });
});
