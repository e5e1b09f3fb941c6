import { describe, expect, it } from 'vitest';
import type { ExtractFunction } from '../../src/chat/chat-service.ts';
import { ruleExtract } from '../../src/chat/chat-service.ts';
import { ReplayLimitError, replayHistory } from '../../src/chat/replay-history.ts';
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
    expect(asked.state.requestedField).toBe('task');
    const answered = await replayHistory(['We want a support bot', 'answer questions from our docs'], knowledge);
    expect(answered.state.profile.task).toBe('answer questions from our docs');
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
    await replayHistory(['hello', 'answer questions from our docs', 'weekly'], knowledge, { extract });
    expect(calls.map((call) => call.message)).toEqual(['hello', 'answer questions from our docs', 'weekly']);
    expect(calls[0]?.requestedField).toBeUndefined();
    expect(calls[1]?.requestedField).toBe('task');
    expect(calls[2]?.requestedField).toBe(
      (await replayHistory(['hello', 'answer questions from our docs'], knowledge)).state.requestedField,
    );
  });

  it('refuses an empty history', async () => {
    await expect(replayHistory([], knowledge)).rejects.toThrow(RangeError);
  });
});

describe('replayHistory work bounds (issue 11, item 1)', () => {
  const counting = () => {
    const seen: string[] = [];
    const extract: ExtractFunction = (message, options) => {
      seen.push(message);
      return ruleExtract(message, options);
    };
    return { seen, extract };
  };

  it('refuses a history with too many characters before extracting anything', async () => {
    const { seen, extract } = counting();
    const history = ['a'.repeat(3000), 'b'.repeat(3000)];
    const replay = replayHistory(history, knowledge, { extract, limits: { maxMessages: 10, maxCharacters: 5999 } });
    await expect(replay).rejects.toThrow(ReplayLimitError);
    await expect(replay).rejects.toMatchObject({ limit: 'characters', actual: 6000, maximum: 5999 });
    expect(seen).toEqual([]);
  });

  it('refuses a history with too many messages before extracting anything', async () => {
    const { seen, extract } = counting();
    const replay = replayHistory(['hi', 'hi', 'hi'], knowledge, {
      extract,
      limits: { maxMessages: 2, maxCharacters: 100 },
    });
    await expect(replay).rejects.toMatchObject({ name: 'ReplayLimitError', limit: 'messages', actual: 3 });
    expect(seen).toEqual([]);
  });

  it('replays 100 messages of 320 characters under the default limits', async () => {
    const { seen, extract } = counting();
    const history = Array.from({ length: 100 }, (_, index) => `${index} `.padEnd(320, 'x'));
    await replayHistory(history, knowledge, { extract });
    expect(seen).toHaveLength(100);
    await expect(replayHistory([...history, 'one more'], knowledge)).rejects.toThrow(ReplayLimitError);
  });

  it('yields to the event loop between messages once a slice of work is used up', async () => {
    let clock = 0;
    let yields = 0;
    const extract: ExtractFunction = (message, options) => {
      clock += 5; // each message "takes" 5 ms
      return ruleExtract(message, options);
    };
    await replayHistory(['hello', 'weekly', 'thanks', 'ok', 'fine', 'go'], knowledge, {
      extract,
      now: () => clock,
      yieldToEventLoop: async () => {
        yields++;
      },
    });
    // 8 ms slices of 5 ms messages: a yield before messages 3 and 5 (after 10 ms of work each time).
    expect(yields).toBe(2);
  });

  it('lets a timer scheduled during a long replay run before the replay ends', async () => {
    const order: string[] = [];
    const busy = (milliseconds: number) => {
      const until = performance.now() + milliseconds;
      while (performance.now() < until) {
        // burn CPU like a heavy extraction
      }
    };
    const extract: ExtractFunction = (message, options) => {
      busy(6);
      order.push(`extract ${message}`);
      return ruleExtract(message, options);
    };
    setImmediate(() => order.push('bystander'));
    await replayHistory(['a', 'b', 'c', 'd'], knowledge, { extract });
    order.push('replay done');
    expect(order.indexOf('bystander')).toBeGreaterThan(0);
    expect(order.indexOf('bystander')).toBeLessThan(order.indexOf('extract d'));
  });
});

describe('replayHistory and tenfold jumps', () => {
  it('asks about a tenfold jump and applies it after "yes", the same way on every replay', async () => {
    const asked = await replayHistory(['We have 2 A100s', 'We have 20 A100s'], knowledge);
    expect(asked.lastTurn.kind).toBe('question');
    expect(asked.state.profile.gpuCount).toBe(2);
    expect(asked.state.pendingConfirmation).toEqual([
      expect.objectContaining({ field: 'gpuCount', value: 20, previous: 2 }),
    ]);
    const confirmed = await replayHistory(['We have 2 A100s', 'We have 20 A100s', 'yes, that is right'], knowledge);
    expect(confirmed.state.profile.gpuCount).toBe(20);
    expect(confirmed.state.pendingConfirmation).toBeUndefined();
  });
});
