/**
 * POST /v1/chat/completions bounds the work of one stateless call (issue 11, item 1): it replays every user message
 * of the history, so the history is capped in messages and characters (REPLAY_MAX_CHARS), and a long history counts
 * as several requests against RATE_LIMIT_PER_MINUTE.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractFunction } from '../../src/chat/chat-service.ts';
import { ruleExtract } from '../../src/chat/chat-service.ts';
import { openAiCompatibleRoutes } from '../../src/http/routes/openai-compatible.ts';
import { replayRequestCost } from '../../src/http/security/replay-cost.ts';
import { buildTestApp } from '../helpers/build-test-app.ts';
import { buildSecureApp, jsonHeaders } from './security/secure-app.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T10:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

const completion = (userMessages: readonly string[]) =>
  JSON.stringify({
    model: 'adaptation-advisor',
    messages: userMessages.flatMap((content, index) => [
      ...(index > 0 ? [{ role: 'assistant', content: 'noted' }] : []),
      { role: 'user', content },
    ]),
  });

const post = (body: string, address = '203.0.113.7') => ({
  method: 'POST',
  headers: jsonHeaders({ 'x-forwarded-for': address }),
  body,
});

describe('POST /v1/chat/completions replay limits', () => {
  it('answers 400 context_length_exceeded past REPLAY_MAX_CHARS, without replaying anything', async () => {
    const seen: string[] = [];
    const extract: ExtractFunction = (message, options) => {
      seen.push(message);
      return ruleExtract(message, options);
    };
    const { app } = buildTestApp({
      config: { REPLAY_MAX_CHARS: 10_000 },
      routeModules: [openAiCompatibleRoutes({ extract })],
    });
    const history = [
      'We have two A100s. '.padEnd(4000, '.'),
      'weekly '.padEnd(4000, '-'),
      'and 300 examples '.padEnd(2001, '-'),
    ];
    const response = await app.request('/v1/chat/completions', post(completion(history)));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; code: string; param: string } };
    expect(body.error).toMatchObject({
      code: 'context_length_exceeded',
      param: 'messages',
      type: 'invalid_request_error',
    });
    expect(body.error.message).toContain('REPLAY_MAX_CHARS');
    expect(seen).toEqual([]);

    // Just within the limit: replayed.
    const within = await app.request('/v1/chat/completions', post(completion(history.slice(0, 2))));
    expect(within.status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it('defaults REPLAY_MAX_CHARS to 32,000: nine full 4,000-character messages are refused, eight are replayed', async () => {
    const { app } = buildTestApp({ routeModules: [openAiCompatibleRoutes()] });
    const full = 'a100 '.repeat(800);
    expect((await app.request('/v1/chat/completions', post(completion(Array(9).fill(full))))).status).toBe(400);
    expect((await app.request('/v1/chat/completions', post(completion(Array(8).fill(full))))).status).toBe(200);
  });

  it('still refuses more than 100 user messages', async () => {
    const { app } = buildTestApp({ routeModules: [openAiCompatibleRoutes()] });
    const response = await app.request('/v1/chat/completions', post(completion(Array(101).fill('hi'))));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('too_many_messages');
  });
});

describe('a replayed history counts against RATE_LIMIT_PER_MINUTE by its size', () => {
  it('charges one request per started 4,000 replayed characters', async () => {
    const { app } = await buildSecureApp({ RATE_LIMIT_PER_MINUTE: 20, TRUST_PROXY: true });
    const heavy = completion(Array(8).fill('x'.repeat(4000)));
    const first = await app.request('/v1/chat/completions', post(heavy));
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-remaining')).toBe('12');
    const second = await app.request('/v1/chat/completions', post(heavy));
    expect(second.status).toBe(200);
    expect(second.headers.get('ratelimit-remaining')).toBe('4');
    // A short history still counts as one; another client is not affected.
    const short = await app.request('/v1/chat/completions', post(completion(['hello', 'weekly'])));
    expect(short.headers.get('ratelimit-remaining')).toBe('3');
    const other = await app.request('/v1/chat/completions', post(heavy, '203.0.113.8'));
    expect(other.headers.get('ratelimit-remaining')).toBe('12');
    // The next window starts afresh.
    vi.setSystemTime(new Date('2026-11-20T10:01:00.000Z'));
    expect((await app.request('/v1/chat/completions', post(heavy))).headers.get('ratelimit-remaining')).toBe('12');
  });

  it('refuses a history that does not fit in what is left, and says it counts as several requests', async () => {
    const { app } = await buildSecureApp({ RATE_LIMIT_PER_MINUTE: 12, TRUST_PROXY: true });
    const heavy = completion(Array(8).fill('x'.repeat(4000)));
    expect((await app.request('/v1/chat/completions', post(heavy))).status).toBe(200); // 8 used
    const refused = await app.request('/v1/chat/completions', post(heavy)); // gate: 9 used; 7 more do not fit
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('counts as 8');
    // The refused extra units were not counted: 3 single requests still fit (9 → 12).
    for (let request = 0; request < 3; request++)
      expect((await app.request('/v1/chat/completions', post(completion(['hello'])))).status).toBe(200);
    expect((await app.request('/v1/chat/completions', post(completion(['hello'])))).status).toBe(429);
  });
});

describe('replayRequestCost', () => {
  const costOf = async (body: unknown, maxReplay = 32_000, path = '/v1/chat/completions') => {
    const { app } = buildTestApp({
      routeModules: [
        (routes) => {
          routes.post(path, async (c) =>
            c.json({ cost: await replayRequestCost(c, async () => body, maxReplay) }, 200),
          );
        },
      ],
    });
    const response = await app.request(path, { method: 'POST', headers: jsonHeaders(), body: '{}' });
    return ((await response.json()) as { cost: number }).cost;
  };

  it('is one per started 4,000 characters or 20 user messages, whichever is more', async () => {
    const user = (content: unknown) => ({ role: 'user', content });
    expect(await costOf({ messages: [user('hi')] })).toBe(1);
    expect(await costOf({ messages: [user('x'.repeat(4001))] })).toBe(2);
    expect(await costOf({ messages: [user([{ type: 'text', text: 'x'.repeat(8000) }])] })).toBe(2);
    expect(await costOf({ messages: Array(100).fill(user('hi')) })).toBe(5);
    // Assistant and system messages are not replayed; characters past the replay limit are not charged.
    expect(await costOf({ messages: [{ role: 'assistant', content: 'x'.repeat(40_000) }, user('hi')] })).toBe(1);
    expect(await costOf({ messages: [user('x'.repeat(100_000))] })).toBe(8);
    expect(await costOf('not an object')).toBe(1);
    expect(await costOf({ messages: [user('x'.repeat(100_000))] }, 32_000, '/v1/other')).toBe(1);
  });
});
