import { describe, expect, it } from 'vitest';
import { extractCitations } from '../../../../src/chat/extract/extractors/citations.ts';
import { extractKnowledgeChanges } from '../../../../src/chat/extract/extractors/knowledge-changes.ts';
import { extractOnPrem } from '../../../../src/chat/extract/extractors/on-prem.ts';
import { extractSafety } from '../../../../src/chat/extract/extractors/safety.ts';
import { extractStyleOrFormat } from '../../../../src/chat/extract/extractors/style-format.ts';
import { run } from '../extract-helpers.ts';

describe('extractKnowledgeChanges', () => {
  it.each([
    ['docs change weekly', 'weekly'],
    ['updated daily', 'daily'],
    ['static knowledge', 'never'],
    ['it rarely changes', 'rarely'],
    ['correction: weekly', 'weekly'],
    ['prices change constantly', 'daily'],
    ['regulations are revised quarterly', 'rarely'],
  ])('reads %j as %s', (message, frequency) => {
    expect(run(extractKnowledgeChanges, message)).toEqual({ knowledgeChanges: frequency });
  });

  it.each(['10k requests daily', 'we meet weekly', 'fixed prices', "we don't change the model"])(
    'ignores %j',
    (message) => {
      expect(run(extractKnowledgeChanges, message)).toEqual({});
    },
  );
});

describe('extractCitations', () => {
  it.each([
    ['must cite the policy', true],
    ['needs to show sources', true],
    ["don't need citations", false],
    ['no citations needed', false],
  ])('reads %j as %s', (message, value) => {
    expect(run(extractCitations, message)).toEqual({ needsCitations: value });
  });
});

describe('extractStyleOrFormat', () => {
  it.each([
    ['strict JSON output', true],
    ['our brand voice', true],
    ["format doesn't matter", false],
    ['they do not sound like our brand', true],
    ['the copy is off-brand', true],
  ])('reads %j as %s', (message, value) => {
    expect(run(extractStyleOrFormat, message)).toEqual({ needsStyleOrFormat: value });
  });
});

describe('extractOnPrem', () => {
  it.each([
    ["data can't leave our datacenter", true],
    ['we are air-gapped', true],
    ['HIPAA, must stay on-prem', true],
    ['cloud is fine', false],
    ["we don't need to be on-prem", false],
  ])('reads %j as %s', (message, value) => {
    expect(run(extractOnPrem, message)).toEqual({ dataMustStayOnPrem: value });
  });

  it('does not read HIPAA alone as on-prem (a BAA with a cloud vendor is allowed)', () => {
    expect(run(extractOnPrem, 'we are HIPAA covered')).toEqual({});
  });
});

describe('extractSafety', () => {
  it.each([
    ['medical triage', true],
    ['safety-critical', true],
    ['legal advice', true],
    ['low stakes', false],
    ["it's not safety-critical", false],
  ])('reads %j as %s', (message, value) => {
    expect(run(extractSafety, message)).toEqual({ safetyCritical: value });
  });

  it('does not read "latency isn\'t critical" as a safety statement', () => {
    expect(run(extractSafety, "latency isn't critical")).toEqual({});
  });
});
