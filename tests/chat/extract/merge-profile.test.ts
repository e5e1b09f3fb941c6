/** Merging a turn's understanding into the conversation's profile: list fields accumulate across turns. */
import { describe, expect, it } from 'vitest';
import { mergeProfile } from '../../../src/chat/fields/merge-profile.ts';

describe('mergeProfile', () => {
  it('replaces single values and adds to list fields', () => {
    const merged = mergeProfile(
      { goals: ['on-device'], tried: [{ method: 'rag', result: 'failed' }], gpuCount: 1 },
      { goals: ['instruction-following'], tried: [{ method: 'lora', result: 'good-enough' }], gpuCount: 2 },
    );
    expect(merged).toEqual({
      goals: ['on-device', 'instruction-following'],
      tried: [
        { method: 'rag', result: 'failed' },
        { method: 'lora', result: 'good-enough' },
      ],
      gpuCount: 2,
    });
  });

  it('takes the later result of a method tried again, and replaces a corrected list', () => {
    expect(
      mergeProfile(
        { tried: [{ method: 'rag', result: 'good-enough' }] },
        { tried: [{ method: 'rag', result: 'plateaued' }] },
      ).tried,
    ).toEqual([{ method: 'rag', result: 'plateaued' }]);
    expect(mergeProfile({ goals: ['cost', 'latency'] }, { goals: ['cost'] }, ['goals']).goals).toEqual(['cost']);
  });
});
