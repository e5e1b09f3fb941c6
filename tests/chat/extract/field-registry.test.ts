/**
 * The field registry (src/chat/fields/registry.ts): one entry per profile field, whose label and question are the
 * profile's and the engine's, whose extractor runs on every message, and whose answer reader understands a reply
 * to that question — including the v2 fields, which had no reader before, and replies longer than a few words.
 */
import { describe, expect, it } from 'vitest';
import { describeField } from '../../../src/chat/describe-field.ts';
import { extractProfile } from '../../../src/chat/extract/index.ts';
import { EXTRACTORS, FIELD_REGISTRY } from '../../../src/chat/fields/registry.ts';
import { FIELD_QUESTIONS } from '../../../src/engine/field-questions.ts';
import { fieldLabel } from '../../../src/profile/field-labels.ts';
import { PROFILE_FIELDS, type ProfileField } from '../../../src/profile/profile-schema.ts';
import { fixtureCatalog } from './fixture-catalog.ts';

const answer = (field: ProfileField, message: string) =>
  extractProfile(message, { knowledge: fixtureCatalog, requestedField: field }).fields[field];

describe('field registry', () => {
  it('has one entry per profile field, with the profile label, the engine question and a running extractor', () => {
    expect(Object.keys(FIELD_REGISTRY).sort()).toEqual([...PROFILE_FIELDS].sort());
    for (const field of PROFILE_FIELDS) {
      const entry = FIELD_REGISTRY[field];
      expect(entry.field).toBe(field);
      expect(entry.label).toBe(fieldLabel(field));
      expect(entry.question).toBe(FIELD_QUESTIONS[field].question);
      expect(EXTRACTORS).toContain(entry.extractor);
    }
  });

  it('reads short answers to the v2 questions', () => {
    expect(answer('goals', 'format and cost, mostly')).toEqual(['format', 'cost']);
    expect(answer('goals', 'not cost, it needs to know our docs')).toEqual(['knowledge']);
    expect(answer('taskType', 'classification')).toBe('classify');
    expect(answer('taskType', 'mostly extracting fields')).toBe('extract');
    expect(answer('modelStage', 'base')).toBe('base');
    expect(answer('modelStage', "it's the instruct one")).toBe('instruct');
    expect(answer('tried', 'prompting and few-shot, both plateaued')).toEqual([
      { method: 'prompt-engineering', result: 'plateaued' },
      { method: 'in-context-learning', result: 'plateaued' },
    ]);
    expect(answer('tried', 'nothing yet')).toEqual([]);
    expect(answer('tried', 'prompting')).toBeUndefined();
    expect(answer('teacherModel', 'GPT-4o')).toBe('GPT-4o');
    expect(answer('deviceMemoryGB', '4 gb')).toBe(4);
    expect(answer('corpusTokens', 'about 2 billion')).toBe(2e9);
    expect(answer('corpusTokens', '300M')).toBe(3e8);
    expect(answer('preferencePairs', 'none')).toBe(0);
    expect(answer('canSwitchModel', 'yes, any model is fine')).toBe(true);
    expect(answer('canSwitchModel', 'no')).toBe(false);
  });

  it('reads an answer to its own question at any length', () => {
    expect(
      answer(
        'needsCitations',
        'yes, every answer has to link back to the exact article it came from so that agents can check it',
      ),
    ).toBe(true);
    expect(
      answer(
        'labeledExamples',
        'about 300, mostly resolved tickets that our support leads went through by hand last spring',
      ),
    ).toBe(300);
    // A number the field cannot take ("6 months") does not compete with the answer.
    expect(answer('labeledExamples', 'we have about 6 months of GPT-4o labels logged, roughly 2 million')).toBe(
      2_000_000,
    );
  });

  it('says values in plain words', () => {
    expect(describeField('monthlyBudgetUSD', 500)).toBe('monthly budget $500');
    expect(describeField('gpuCount', 1)).toBe('1 GPU');
    expect(describeField('tried', [])).toBe('nothing tried yet');
    expect(describeField('goals', ['knowledge', 'citations'])).toBe('goals: answers from your documents and citations');
    expect(describeField('teacherModel', 'GPT-4o')).toBe('teacher model: GPT-4o');
    expect(describeField('deployment', 'on-prem')).toBe('deployment: on-prem');
  });
});
