import { describe, expect, it } from 'vitest';
import { extractRequestTokens } from '../../../../src/chat/extract/extractors/request-tokens.ts';
import { run } from '../extract-helpers.ts';

describe('extractRequestTokens', () => {
  it.each([
    ['each lease is maybe 25k tokens in and 2k tokens of json out', { input: 25_000, output: 2000 }],
    ['about 3,000 input and 400 output tokens each', { input: 3000, output: 400 }],
    ['2k prompt / 300 completion tokens', { input: 2000, output: 300 }],
    ['our prompts are about 3k tokens and answers around 400 tokens', { input: 3000, output: 400 }],
    ['~1,200 tokens per call, replies ~150 tokens', { input: 1200, output: 150 }],
    ['3k input tokens per request', { input: 3000 }],
    ['we send about 500 output tokens per request and 4000 input tokens', { input: 4000, output: 500 }],
    ['3k-token prompts, 20k a day', { input: 3000 }],
    ['each request sends ~8,000 tokens', { input: 8000 }],
  ])('reads %j', (message, want) => {
    expect(run(extractRequestTokens, message)).toEqual({
      ...(want.input === undefined ? {} : { inputTokensPerRequest: want.input }),
      ...('output' in want && want.output !== undefined ? { outputTokensPerRequest: want.output } : {}),
    });
  });

  it.each([
    // A training example's length is exampleTokens, not a request.
    'each example is 6k tokens in and 500 out',
    'our training pairs are 2k tokens in and 300 out',
    // A corpus or a context window is neither.
    'we have 2B tokens of manuals',
    'we use a 128k context window',
    'a 32k tokens context',
    'thanks!',
  ])('reads nothing from %j', (message) => {
    expect(run(extractRequestTokens, message)).toEqual({});
  });
});
