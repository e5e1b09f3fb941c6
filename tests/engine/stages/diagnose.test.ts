import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/engine/diagnose.ts';
import type { Profile } from '../../../src/profile/profile-schema.ts';

describe('diagnose (stage 4)', () => {
  it.each<[string, Profile, string[]]>([
    ['nothing stated', {}, []],
    ['goals map one to one', { goals: ['alignment', 'cost'] }, ['alignment', 'cost']],
    ['citations and weekly changes', { needsCitations: true, knowledgeChanges: 'weekly' }, ['freshness', 'citations']],
    ['a strict format', { needsStyleOrFormat: true }, ['format']],
    ['extraction is format and skill', { taskType: 'extract' }, ['format', 'task-skill']],
    ['a search task is knowledge', { taskType: 'search' }, ['knowledge']],
    ['image generation is style', { taskType: 'image-generate' }, ['style']],
    [
      'answering from docs, in words',
      { task: 'A bot that answers questions from our policy documents' },
      ['knowledge'],
    ],
    // Documents as the input of an extraction are not a knowledge gap.
    [
      'documents as input',
      { task: 'Extract 30 fields from loan documents', taskType: 'extract' },
      ['format', 'task-skill'],
    ],
    ['"summaries" is a task skill, like "summarise"', { task: 'draft discharge summaries from notes' }, ['task-skill']],
    ['"a summary of each call" too', { task: 'write a summary of each sales call' }, ['task-skill']],
    ['a base model must learn to follow instructions', { modelStage: 'base' }, ['instruction-following']],
    ['autocomplete is what a base model does already', { modelStage: 'base', task: 'autocomplete our lab notes' }, []],
    [
      'protocols and a formulary are documents to answer from',
      { task: "answer staff questions from the clinic's protocols and drug formulary" },
      ['knowledge'],
    ],
    [
      'a coding assistant that knows our monorepo',
      { task: 'a coding assistant that knows our monorepo' },
      ['knowledge'],
    ],
    // A label or fields learnt from pairs of the task itself: supervised tuning teaches the mapping directly.
    [
      'a base model classifying from its own pairs needs no instruction tuning',
      { modelStage: 'base', taskType: 'classify', labeledExamples: 40_000 },
      ['task-skill'],
    ],
    [
      'a base model that must chat still does',
      { modelStage: 'base', taskType: 'chat', labeledExamples: 40_000 },
      ['instruction-following'],
    ],
    ['preference pairs are an alignment gap', { preferencePairs: 800 }, ['alignment']],
    ['a phone is on-device', { deployment: 'mobile' }, ['on-device']],
    ['a tight latency target', { latencyTargetMs: 200 }, ['latency']],
    ['volume is cost', { requestsPerDay: 500_000 }, ['cost']],
    ['thousands of labels with no other need are a task skill', { labeledExamples: 5000 }, ['task-skill']],
  ])('%s', (_name, profile, needs) => {
    expect(diagnose(profile, {}).entries.map((entry) => entry.need)).toEqual(needs);
  });

  it('takes volume as a cost gap for a per-call API model or a large model, not for a small one the team serves', () => {
    const needs = (facts: Record<string, unknown>) =>
      diagnose({ requestsPerDay: 100_000 }, facts).entries.map((entry) => entry.need);
    expect(needs({ weightsAvailable: false })).toContain('cost');
    expect(needs({ weightsAvailable: true, largeModel: true })).toContain('cost');
    expect(needs({ weightsAvailable: true, largeModel: false })).not.toContain('cost');
  });

  it('reads tried: plateaued prompting, failed retrieval, and the method that is good enough', () => {
    const result = diagnose(
      {
        tried: [
          { method: 'prompt-engineering', result: 'plateaued' },
          { method: 'rag', result: 'failed' },
          { method: 'in-context-learning', result: 'good-enough' },
        ],
      },
      {},
    );
    expect(result.promptingExhausted).toBe(true);
    expect(result.retrievalExhausted).toBe(true);
    expect(result.goodEnough).toBe('in-context-learning');
    expect([...result.failed]).toEqual(['rag']);
  });

  it('tells explicit evidence from task words, and which knowledge needs make retrieval required', () => {
    expect(diagnose({ task: 'answer questions from our wiki' }, {})).toMatchObject({
      explicit: false,
      strongKnowledge: false,
    });
    expect(diagnose({ needsCitations: true }, {})).toMatchObject({ explicit: true, retrievalRequired: true });
    expect(diagnose({ goals: ['knowledge'] }, {})).toMatchObject({ strongKnowledge: true, retrievalRequired: false });
  });
});
