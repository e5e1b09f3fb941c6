import { describe, expect, it } from 'vitest';
import type { ExtractFunction } from '../../src/chat/chat-service.ts';
import { ruleExtract } from '../../src/chat/chat-service.ts';
import { replayHistory } from '../../src/chat/replay-history.ts';
import { fixtureKnowledge } from '../helpers/build-test-app.ts';

const knowledge = fixtureKnowledge();

describe('replayHistory', () => {
  it('gives the same state and reply for the same history', async () => {
    const history = ['We want a support bot', 'weekly', 'We have two A100s and about 300 labeled examples'];
    const first = await replayHistory(history, knowledge);
    const second = await replayHistory([...history], knowledge);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.turns).toHaveLength(3);
    expect(first.state.profile).toMatchObject({ knowledgeChanges: 'weekly', gpuCount: 2, labeledExamples: 300 });
  });

  it('lets a correction in a later message win', async () => {
    const { state, lastTurn } = await replayHistory(['We have two A100s', 'actually 3 GPUs'], knowledge);
    expect(state.profile.gpuCount).toBe(3);
    expect(state.profile.gpuName).toBe('NVIDIA A100 80GB');
    expect(lastTurn.understood).toEqual([expect.objectContaining({ field: 'gpuCount', value: 3, corrected: true })]);
  });

  it('reads a short answer as the answer to the question the previous turn asked', async () => {
    const asked = await replayHistory(['We want a support bot'], knowledge);
    expect(asked.lastTurn.kind).toBe('question');
    expect(asked.state.requestedField).toBe('knowledgeChanges');
    const answered = await replayHistory(['We want a support bot', 'weekly'], knowledge);
    expect(answered.state.profile.knowledgeChanges).toBe('weekly');
    // A bare number with no question before it fills nothing.
    const bare = await replayHistory(['2'], knowledge);
    expect(bare.state.profile).toEqual({});
  });

  it('passes each message the field asked about by the turn before', async () => {
    const calls: { message: string; requestedField?: string }[] = [];
    const extract: ExtractFunction = (message, options) => {
      calls.push({ message, requestedField: options.requestedField });
      return ruleExtract(message, options);
    };
    await replayHistory(['hello', 'weekly', 'thanks'], knowledge, { extract });
    expect(calls).toEqual([
      { message: 'hello', requestedField: undefined },
      { message: 'weekly', requestedField: 'knowledgeChanges' },
      { message: 'thanks', requestedField: undefined },
    ]);
  });

  it('refuses an empty history', async () => {
    await expect(replayHistory([], knowledge)).rejects.toThrow(RangeError);
  });
});
