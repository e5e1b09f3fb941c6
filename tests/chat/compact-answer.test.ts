import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleExtract } from '../../src/chat/chat-service.ts';
import { compactAnswer } from '../../src/chat/compact-answer.ts';
import { initialDialogueState } from '../../src/chat/dialogue-state.ts';
import { runTurn } from '../../src/chat/run-turn.ts';
import { recommend } from '../../src/engine/recommend.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';

const knowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));
let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(knowledgeDir);
});

describe('compactAnswer', () => {
  it('says where a managed job is bought', () => {
    const result = recommend(
      { modelName: 'GPT-4.1 nano', labeledExamples: 1000, needsStyleOrFormat: true },
      knowledge,
      {
        explain: 'none',
      },
    );
    const lead = compactAnswer(result, knowledge).split('\n')[0] ?? '';
    expect(lead).toContain('through Azure OpenAI');
  });

  it('names no provider for a prompt-side answer', () => {
    const result = recommend(
      { modelName: 'GPT-4o mini', knowledgeChanges: 'weekly', needsCitations: true },
      knowledge,
      {
        explain: 'none',
      },
    );
    expect(compactAnswer(result, knowledge).split('\n')[0]).not.toContain('through');
  });

  it('warns next to the answer when the model shuts down within months', () => {
    const result = recommend(
      { modelName: 'GPT-4o mini', knowledgeChanges: 'weekly', needsCitations: true },
      knowledge,
      {
        explain: 'none',
      },
    );
    expect(compactAnswer(result, knowledge)).toMatch(/\*\*Heads-up:\*\* OpenAI shuts GPT-4o mini down on 2027-01-14/);
  });

  it('names the proposed model when none was named', () => {
    const result = recommend(
      {
        deployment: 'mobile',
        deviceMemoryGB: 3,
        labeledExamples: 3000,
        gpuName: 'RTX 4090',
        gpuCount: 1,
        taskType: 'generate',
      },
      knowledge,
      { explain: 'none' },
    );
    expect(compactAnswer(result, knowledge).split('\n')[0]).toMatch(/ on .+ \(a model that fits what you described\)/);
  });

  it('says the end of life once: as a heads-up, not again among the assumed defaults', async () => {
    const message = 'We use GPT-4o mini for a support bot over our help center articles. Just recommend.';
    const turn = runTurn(initialDialogueState(), await ruleExtract(message, { knowledge }), knowledge);
    expect(turn.reply.match(/shuts GPT-4o mini down/g)?.length).toBe(1);
  });

  it('costs a provider-run job as billed by the provider, with no rented GPU assumed', async () => {
    // (A GPT-4o team used to be sent to the provider's distillation into GPT-4o mini; both shut down on 2027-01-14, so
    // the plan now trains an open student, and a provider's tuning job on a live model shows the billing instead.)
    const message =
      'Gemini 2.5 Flash on Vertex AI classifies 40,000 support tickets a day into 30 categories; prompting plateaued at 85%. We have 5,000 labeled tickets. Just recommend.';
    const turn = runTurn(initialDialogueState(), await ruleExtract(message, { knowledge }), knowledge);
    expect(turn.recommendation.destination.channel).toBe('managed');
    expect(turn.reply).toMatch(/Cost: .+ is billed by the provider/);
    expect(turn.reply).not.toMatch(/Assumed:\*\* .*rented cloud GPU/);
  });

  it('names in "Ruled out" the methods a reader weighs, not adapter layers or prompt tuning', () => {
    const result = recommend(
      { modelName: 'GPT-4o mini', knowledgeChanges: 'weekly', needsCitations: true, labeledExamples: 0 },
      knowledge,
      { explain: 'none' },
    );
    const ruledOut = /Ruled out[^:]*: ([^\n]*)/.exec(compactAnswer(result, knowledge))?.[1] ?? '';
    expect(ruledOut).not.toMatch(/Adapter layers|Prompt tuning|Prefix tuning/);
  });
});
