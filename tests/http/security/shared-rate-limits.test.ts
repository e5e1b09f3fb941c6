/**
 * Rate limits shared through PostgreSQL (src/http/security/shared-rate-limits.ts) against a real server on loopback
 * (tests/support/postgres-server.ts): two stores on two pools stand for two instances.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimitStore } from '../../../src/http/security/rate-limiter.ts';
import {
  createPostgresRateLimitStore,
  openRateLimitStore,
  RATE_LIMIT_TABLE,
} from '../../../src/http/security/shared-rate-limits.ts';
import { createLogger } from '../../../src/logger.ts';
import { type PostgresServer, postgresTestsSkipped, startPostgresServer } from '../../support/postgres-server.ts';
import { buildSecureApp } from './secure-app.ts';

type SecureApp = Awaited<ReturnType<typeof buildSecureApp>>['app'];

const MINUTE_MS = 60_000;

describe.skipIf(postgresTestsSkipped())('PostgreSQL rate-limit store', () => {
  let server: PostgresServer;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    server = await startPostgresServer();
  }, 600_000);
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await server?.stop();
  });

  /** A store on its own pool, as one instance would have; `events` records outages and recoveries. */
  async function instance(url: string, retryAfterMs = 5000) {
    const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 2000, query_timeout: 2000 });
    pool.on('error', () => undefined);
    const events: string[] = [];
    const store = await createPostgresRateLimitStore({
      pool,
      ownsPool: true,
      retryAfterMs,
      onUnavailable: () => events.push('unavailable'),
      onRecovered: () => events.push('recovered'),
    });
    cleanups.push(() => store.close());
    return { store, events };
  }

  it('admits N requests in total across two instances, not 2N, under concurrency', async () => {
    const database = await server.createDatabase('limits');
    const stores: RateLimitStore[] = [(await instance(database.url)).store, (await instance(database.url)).store];
    expect(stores[0]?.kind).toBe('postgres');
    const limiters = stores.map((store) => store.createLimiter({ name: 'general', limit: 7, windowMs: MINUTE_MS }));
    const decisions = await Promise.all(
      Array.from({ length: 40 }, (_, index) => limiters[index % 2]?.consume('address:203.0.113.1')),
    );
    expect(decisions.filter((decision) => decision?.allowed)).toHaveLength(7);
    const refused = decisions.find((decision) => decision?.allowed === false);
    expect(refused).toMatchObject({ limit: 7, remaining: 0, windowSeconds: 60 });
    expect(refused?.resetSeconds).toBeGreaterThanOrEqual(1);
    expect(refused?.resetSeconds).toBeLessThanOrEqual(60);
    // Another client, and another limiter on the same key, count separately.
    expect((await limiters[1]?.consume('address:203.0.113.2'))?.allowed).toBe(true);
    const sessions = stores[0]?.createLimiter({ name: 'sessions', limit: 1, windowMs: 60 * MINUTE_MS });
    expect(await sessions?.consume('address:203.0.113.1')).toMatchObject({ allowed: true, resetSeconds: 3600 });
    const { rows } = await server.query<{ key: string }>(
      `SELECT key FROM ${RATE_LIMIT_TABLE} ORDER BY key`,
      [],
      database.name,
    );
    expect(rows.map((row) => row.key)).toEqual([
      'general:address:203.0.113.1',
      'general:address:203.0.113.2',
      'sessions:address:203.0.113.1',
    ]);
  });

  it('charges all or nothing, refunds across instances, and never refunds a window not started', async () => {
    const database = await server.createDatabase('limits');
    const one = (await instance(database.url)).store.createLimiter({ name: 'general', limit: 10, windowMs: MINUTE_MS });
    const two = (await instance(database.url)).store.createLimiter({ name: 'general', limit: 10, windowMs: MINUTE_MS });
    expect(await one.consume('k', 7)).toMatchObject({ allowed: true, remaining: 3 });
    expect(await two.consume('k', 4)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await two.consume('k', 3)).toMatchObject({ allowed: true, remaining: 0 });
    await one.refund('k');
    expect(await two.consume('k')).toMatchObject({ allowed: true, remaining: 0 });
    await two.refund('never-seen');
    expect(await one.consume('never-seen')).toMatchObject({ allowed: true, remaining: 9 });
    await expect(one.consume('k', 0)).rejects.toThrow(RangeError);
  });

  it('the middleware of two apps on one database: a limit of N per minute admits N in total, then 429 with Retry-After', async () => {
    const database = await server.createDatabase('limits');
    const apps: SecureApp[] = [];
    for (let index = 0; index < 2; index++) {
      const { store } = await instance(database.url);
      apps.push((await buildSecureApp({ RATE_LIMIT_PER_MINUTE: 5 }, { rateLimitStore: store })).app);
    }
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let request = 0; request < 10; request++) {
      const response = await (apps[request % 2] as SecureApp).request('/v1/methods');
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
    expect(limited?.headers.get('ratelimit-limit')).toBe('5');
    expect(limited?.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited?.headers.get('retry-after')).toBe(limited?.headers.get('ratelimit-reset'));
    expect(await limited?.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('sessions per client are counted once for all instances, and a failed request gives its reservation back', async () => {
    const database = await server.createDatabase('limits');
    const apps: SecureApp[] = [];
    for (let index = 0; index < 2; index++) {
      const { store } = await instance(database.url);
      apps.push((await buildSecureApp({ MAX_SESSIONS_PER_CLIENT: 2 }, { rateLimitStore: store })).app);
    }
    const newChat = (index: number, body: string) =>
      (apps[index % 2] as SecureApp).request('/v1/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const chat = () =>
      JSON.stringify({
        id: `chat-${Math.random().toString(36).slice(2)}`,
        trigger: 'submit-message',
        messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: 'hello' }] }],
      });
    expect((await newChat(0, '{"id":"x"}')).status).toBe(400); // refused before creating: refunded
    for (const index of [0, 1]) {
      const response = await newChat(index, chat());
      expect(response.status).toBe(200);
      await response.text();
    }
    const refused = await newChat(0, chat());
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_sessions' } });
    expect((await newChat(1, chat())).status).toBe(429);
  });

  it('while the database is down, each instance limits on its own (logged once); shared again once it is back', async () => {
    const database = await server.createDatabase('limits');
    const first = await instance(database.url, 200);
    const second = await instance(database.url, 200);
    const spec = { name: 'general', limit: 3, windowMs: MINUTE_MS };
    const limiters = [first.store.createLimiter(spec), second.store.createLimiter(spec)];
    expect((await limiters[0]?.consume('k'))?.allowed).toBe(true);

    await server.kill();
    try {
      // Each instance now counts in its own memory: 3 each, whatever the other did.
      for (const limiter of limiters) {
        const outcomes = [];
        for (let request = 0; request < 4; request++) outcomes.push((await limiter?.consume('k'))?.allowed);
        expect(outcomes).toEqual([true, true, true, false]);
      }
      expect(first.events).toEqual(['unavailable']);
      expect(second.events).toEqual(['unavailable']);
    } finally {
      await server.restart();
    }

    // After retryAfterMs the database is tried again; its count (1 before the outage) is shared once more.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await limiters[0]?.consume('k')).toMatchObject({ allowed: true, remaining: 1 });
    expect(await limiters[1]?.consume('k')).toMatchObject({ allowed: true, remaining: 0 });
    expect((await limiters[0]?.consume('k'))?.allowed).toBe(false);
    expect(first.events).toEqual(['unavailable', 'recovered']);
    expect(second.events).toEqual(['unavailable', 'recovered']);
  });

  it('starts while the database is down and creates its table once it answers', async () => {
    const database = await server.createDatabase('limits');
    await server.kill();
    let started: Awaited<ReturnType<typeof instance>>;
    try {
      started = await instance(database.url, 100);
      expect(started.events).toEqual(['unavailable']);
      const limiter = started.store.createLimiter({ name: 'general', limit: 1, windowMs: MINUTE_MS });
      expect((await limiter.consume('k')).allowed).toBe(true);
    } finally {
      await server.restart();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const limiter = started.store.createLimiter({ name: 'general', limit: 1, windowMs: MINUTE_MS });
    expect((await limiter.consume('k')).allowed).toBe(true); // the database's own count starts now
    expect((await limiter.consume('k')).allowed).toBe(false);
    expect(started.events).toEqual(['unavailable', 'recovered']);
    const { rows } = await server.query(`SELECT key FROM ${RATE_LIMIT_TABLE}`, [], database.name);
    expect(rows).toHaveLength(1);
  });

  it('DATABASE_URL selects the store: memory without it, PostgreSQL with it (logged)', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'info', write: (line) => lines.push(JSON.parse(line)) });
    expect((await openRateLimitStore(undefined, logger)).kind).toBe('memory');
    expect((await openRateLimitStore('', logger)).kind).toBe('memory');
    const database = await server.createDatabase('limits');
    const store = await openRateLimitStore(database.url, logger);
    cleanups.push(() => store.close());
    expect(store.kind).toBe('postgres');
    expect(lines.map((line) => line.msg)).toEqual(['rate limits shared through PostgreSQL']);
    const limiter = store.createLimiter({ name: 'general', limit: 2, windowMs: MINUTE_MS });
    expect(await limiter.consume('k')).toMatchObject({ allowed: true, remaining: 1 });
  });
});
