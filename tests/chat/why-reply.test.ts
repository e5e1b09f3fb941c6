import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { whyMethodReply } from '../../src/chat/why-reply.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';

const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));
let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(knowledgeDir);
});

describe('whyMethodReply', () => {
  it('says what rules a method out, in the blocker’s words, and what is done instead', () => {
    const result = recommend({ modelName: 'GPT-4o', labeledExamples: 3000, needsStyleOrFormat: true }, knowledge);
    const text = whyMethodReply(result, 'lora', knowledge);
    expect(text).toMatch(/^\*\*LoRA is ruled out here\.\*\* /);
    expect(text).toContain(result.recommendations.find((entry) => entry.method === 'lora')?.blockers[0]?.text ?? '—');
    expect(text).toMatch(/Instead: /);
    expect(text).not.toMatch(/score|ranked|verdict/);
  });

  it('explains the pick with its reasons', () => {
    const result = recommend(
      { modelName: 'Llama 3.1 8B', gpuName: 'RTX 4090', gpuCount: 1, labeledExamples: 2000, needsStyleOrFormat: true },
      knowledge,
    );
    const text = whyMethodReply(result, result.destination.method, knowledge);
    expect(text).toMatch(/is my pick\.\*\*/);
    expect(text).toContain(result.destination.why);
  });
});
