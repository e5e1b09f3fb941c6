import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../src/chat/extract/types.ts';
import {
  CORRECTION_MARKER,
  extractWithLlm,
  type LlmReplyEvent,
  llmReplyEvents,
  mergeLlmExtraction,
  splitReply,
} from '../../src/chat/llm-turn.ts';
import { type ReplyData, replyText, textReply } from '../../src/chat/reply-data.ts';
import type { Recommendation } from '../../src/engine/recommendation-schema.ts';
import type { ExplanationEvent } from '../../src/llm/explain.ts';
import type { LlmExtraction } from '../../src/llm/extract.ts';
import type { LlmLayer } from '../../src/llm/llm-layer.ts';
import { fixtureKnowledge } from '../helpers/build-test-app.ts';

const knowledge = fixtureKnowledge();
const TEMPLATE = 'Prompt engineering first, because it is cheapest [vendor-doc].';
const recommendation = { explanation: { text: TEMPLATE, source: 'template' } } as unknown as Recommendation;
const replyData: ReplyData = {
  lead: 'Got it: 1 GPU. Here is my recommendation: Prompt engineering.',
  body: TEMPLATE,
  notes: [],
  hint: 'Ask "why not …?" about any method.',
  suggestions: [],
};
const reply = replyText(replyData);
const turn = { kind: 'recommendation' as const, reply, replyData, recommendation };

function fakeLlm(events: ExplanationEvent[], extraction?: LlmExtraction): LlmLayer {
  return {
    enabled: true,
    async *streamExplanation() {
      yield* events;
    },
    explainOnce: async () => ({ text: '', source: 'template' }),
    extractProfileWithLlm: async () => extraction ?? { fields: {}, rejected: [], notes: [] },
    status: () => {
      throw new Error('unused');
    },
  };
}

async function collect(events: AsyncIterable<LlmReplyEvent>) {
  const all: LlmReplyEvent[] = [];
  for await (const event of events) all.push(event);
  const text = all.flatMap((event) => (event.type === 'text' ? [event.text] : [])).join('');
  const corrections = all.flatMap((event) => (event.type === 'correction' ? [event.text] : []));
  const final = all.at(-1);
  if (final?.type !== 'final') throw new Error('the last event must be final');
  return { all, text, corrections, final };
}

const rules: Extraction = {
  fields: { gpuCount: 3, modelName: 'Llama 3.1 8B' },
  evidence: { gpuCount: 'actually 3 GPUs', modelName: 'Llama 3.1 8B' },
  corrections: ['gpuCount'],
  intents: { justRecommend: false, whatIf: false, reset: false, greeting: false },
};

describe('mergeLlmExtraction / extractWithLlm', () => {
  it('the LLM fills only fields the rules missed, marked "llm"; corrections and rule values are never overridden', () => {
    const merged = mergeLlmExtraction(rules, { gpuCount: 2, modelName: 'GPT-4o', labeledExamples: 500 });
    expect(merged.fields).toEqual({ gpuCount: 3, modelName: 'Llama 3.1 8B', labeledExamples: 500 });
    expect(merged.contributedBy).toEqual({ gpuCount: 'rules', modelName: 'rules', labeledExamples: 'llm' });
    expect(merged.intents).toBe(rules.intents);
    expect(merged.corrections).toEqual(['gpuCount']);
  });

  it('a failed LLM extraction is ignored (rules returned unchanged) and reported once', async () => {
    const failures: string[] = [];
    const llm = fakeLlm([], { fields: {}, rejected: [], notes: [], fallbackReason: 'timeout' });
    const result = await extractWithLlm(llm, 'text', rules, { onFailure: (reason) => failures.push(reason) });
    expect(result).toBe(rules);
    expect(failures).toEqual(['timeout']);
  });
});

describe('splitReply', () => {
  it('cuts a recommendation reply around the template explanation', () => {
    const parts = splitReply(turn);
    expect(parts.templateBody).toBe(TEMPLATE);
    expect(parts.lead + parts.templateBody + parts.tail + parts.footnotes).toBe(reply);
    expect(parts.lead).toContain('Here is my recommendation');
  });

  it('keeps a "why" reply whole as the lead', () => {
    expect(splitReply({ kind: 'why', replyData: textReply('LoRA is not viable here.') })).toEqual({
      lead: 'LoRA is not viable here.',
      templateBody: '',
      tail: '',
      footnotes: '',
    });
  });
});

describe('llmReplyEvents', () => {
  it('streams lead, LLM deltas and tail; the final text is what was streamed, source llm', async () => {
    const llm = fakeLlm([
      { type: 'delta', text: 'Prompt engineering comes first ' },
      { type: 'delta', text: 'for you.' },
      {
        type: 'final',
        explanation: { text: 'Prompt engineering comes first for you.', source: 'llm' },
        replacesStreamedText: false,
      },
    ]);
    const { text, corrections, final } = await collect(llmReplyEvents(llm, turn, knowledge));
    expect(corrections).toEqual([]);
    expect(text).toBe(
      'Got it: 1 GPU. Here is my recommendation: Prompt engineering.\n\nPrompt engineering comes first for you.\n\nAsk "why not …?" about any method.',
    );
    expect(final).toMatchObject({ text, explanation: { source: 'llm', replacesStreamedText: false } });
  });

  it('a fault before any delta finishes the template reply in the same part: exactly the rule-only reply', async () => {
    const llm = fakeLlm([
      {
        type: 'final',
        explanation: { text: TEMPLATE, source: 'template', fallbackReason: 'circuit-open' },
        replacesStreamedText: false,
      },
    ]);
    const { text, corrections, final } = await collect(llmReplyEvents(llm, turn, knowledge));
    expect(text).toBe(reply);
    expect(corrections).toEqual([]);
    expect(final).toMatchObject({
      text: reply,
      explanation: { source: 'template', fallbackReason: 'circuit-open', replacesStreamedText: false },
    });
  });

  it('a contradiction after deltas adds a marked correction with the template; the final text is the template reply', async () => {
    const llm = fakeLlm([
      { type: 'delta', text: 'You should use full fine-tuning.' },
      {
        type: 'final',
        explanation: { text: TEMPLATE, source: 'template', fallbackReason: 'llm-contradicted-engine' },
        replacesStreamedText: true,
      },
    ]);
    const { text, corrections, final } = await collect(llmReplyEvents(llm, turn, knowledge));
    expect(text).toContain('You should use full fine-tuning.');
    expect(corrections).toHaveLength(1);
    expect(corrections[0]?.startsWith(CORRECTION_MARKER)).toBe(true);
    expect(corrections[0]).toContain('did not match');
    expect(corrections[0]).toContain(TEMPLATE);
    expect(final).toMatchObject({
      text: reply,
      explanation: { source: 'template', fallbackReason: 'llm-contradicted-engine', replacesStreamedText: true },
    });
    expect(final.text).not.toContain('full fine-tuning');
  });

  it('footnotes stay with the template text: left out after an accepted LLM explanation, kept in a correction', async () => {
    const footnotes = 'Sources:\n[1] LoRA (2021) https://arxiv.org/abs/2106.09685';
    const withSources = { ...turn, replyData: { ...replyData, body: `${TEMPLATE} [1]`, footnotes } };
    const withSourcesTurn = { ...withSources, reply: replyText(withSources.replyData) };
    expect(withSourcesTurn.reply.endsWith(`\n\n${footnotes}`)).toBe(true);
    const accepted = await collect(
      llmReplyEvents(
        fakeLlm([
          { type: 'delta', text: 'Prompt engineering first [vendor-doc].' },
          {
            type: 'final',
            explanation: { text: 'Prompt engineering first [vendor-doc].', source: 'llm' },
            replacesStreamedText: false,
          },
        ]),
        withSourcesTurn,
        knowledge,
      ),
    );
    expect(accepted.final.text).not.toContain('Sources:');
    const corrected = await collect(
      llmReplyEvents(
        fakeLlm([
          { type: 'delta', text: 'Prompt engineering is' },
          {
            type: 'final',
            explanation: { text: TEMPLATE, source: 'template', fallbackReason: 'stream-cut' },
            replacesStreamedText: true,
          },
        ]),
        withSourcesTurn,
        knowledge,
      ),
    );
    expect(corrected.corrections[0]?.endsWith(footnotes)).toBe(true);
    expect(corrected.final.text).toBe(withSourcesTurn.reply);
  });
});
