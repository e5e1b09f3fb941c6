/**
 * Found by the seventeenth code review (3afc280..7ac264f): relative negations ("no other data") that erased counted
 * data, the pilot rule marking the model the team moves to, data-may-leave phrases read in refusals, questions and
 * conditions, GPUs dropped from a question about them, spec lines that counted classes as examples, the team's own
 * model taken as one considered, "distill into it" making the student its own teacher, a hypothetical read as tried,
 * triage judged by the word before it, and a question to the advisor read as quoting it.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/chat/extract/index.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.ts';
import { converse } from '../helpers/converse.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(fileURLToPath(new URL('../../knowledge/', import.meta.url)));
});
const read = (text: string) => extractProfile(text, { knowledge, today: '2026-12-05' });

describe('review17: facts read right', () => {
  it.each<[string, Record<string, unknown>]>([
    ['We have 3,000 labelled tickets and no other data.', { labeledExamples: 3000 }],
    ['We have 4,000 PDFs of manuals and there is no other documentation.', { unlabeledCorpus: 'large' }],
    ['We have zero separate SFT examples.', { labeledExamples: 0 }],
    ["What's the difference between LoRA and QLoRA on our 2 A100s?", { gpuCount: 2 }],
    ['Which is cheaper for us, LoRA vs full fine-tuning, given we have no GPUs at all?', { gpuCount: 0 }],
    ['We could try LoRA on our Llama 3.1 8B, which runs on our 2 A100s.', { modelName: 'Llama 3.1 8B' }],
    ['Can you say whether our 2 A100s are enough for LoRA?', { gpuCount: 2 }],
    ['Patient message triage for our clinic.', { safetyCritical: true }],
  ])('%j', (text, want) => {
    expect(read(text).fields).toMatchObject(want);
  });

  it.each<[string, string]>([
    ['Privacy is not an issue we can compromise on: patient data stays in our hospital.', 'dataMustStayOnPrem'],
    ['Our examples can be sent to Google? Legal hasn’t decided.', 'dataMustStayOnPrem'],
    ['Labels: 3 (positive, negative, neutral).', 'labeledExamples'],
    ['Training data: 2 years of support logs.', 'labeledExamples'],
    ['If, after a month, RAG plateaus, should we fine-tune?', 'tried'],
    ['We triage incoming support tickets into 12 queues with GPT-4o mini.', 'safetyCritical'],
  ])('%j states no %s', (text, field) => {
    expect(read(text).fields).not.toHaveProperty(field);
  });

  it('"distill into it" makes no student its own teacher', () => {
    const { fields } = read('Our student will be Qwen2.5 1.5B; we want to distill into it later.');
    expect(fields.teacherModel).toBeUndefined();
  });

  it('"why not have GPT-4o label more tickets?" weighs no model swap', () => {
    expect(read('Why not have GPT-4o label more tickets for us?').intents.asksWhyNotModel).toBeUndefined();
  });
});

describe('review17: the model a team moves to', () => {
  it('is not marked as left behind by a pilot said before a comma', async () => {
    expect(read("The 8B was only the pilot, we're planning on Llama 3.1 70B.").leftBehindModel).toBeUndefined();
    const turns = await converse(
      [
        'We answer HR policy questions with Llama 3.1 8B on our 2 A100s.',
        'Our pilot had Llama 3.1 8B, we now run Qwen2.5 72B.',
      ],
      knowledge,
    );
    expect(turns[1]?.state.profile.modelName).toBe('Qwen2.5 72B');
  });
});

describe('review17: a prompt good enough on a retired API model', () => {
  it('is no baseline on the model the plan moves to', async () => {
    const { recommend } = await import('../../src/engine/recommend.ts');
    const result = recommend(
      {
        modelName: 'Claude 3 Haiku',
        taskType: 'classify',
        task: 'route support emails into 12 categories',
        tried: [{ method: 'prompt-engineering', result: 'good-enough' }],
        labeledExamples: 2000,
      },
      knowledge,
    );
    expect(result.destination.model.switched).toBe(true);
    expect(result.firstStep.methods).toEqual(['prompt-engineering', 'in-context-learning']);
  });
});
