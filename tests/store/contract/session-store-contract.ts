/**
 * The SessionStore contract (issue 13, item 2): one suite that every implementation passes, run against the lowdb
 * file store (file-store.contract.test.ts) and PostgreSQL on a real server (postgres-store.contract.test.ts).
 * Behaviour only an implementation has (file permissions and temp files, the LRU cache, fs call counts; migrations,
 * cross-instance locking, SKIP LOCKED pruning) is tested next to that implementation.
 *
 * A {@link StoreUnderTest} gives each test fresh, empty storage and the few storage-level hooks the contract needs:
 * a raw snapshot of one session (to prove a refused write changed nothing), a way to damage a session, and a way to
 * make the storage refuse writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionStore } from '../../../src/store/session-store.ts';
import {
  SessionCorruptError,
  SessionTooLargeError,
  SessionValidationError,
  StoreFullError,
  StoreUnavailableError,
} from '../../../src/store/store-errors.ts';

/** The store options every implementation understands. */
export interface ContractStoreOptions {
  ttlMs?: number;
  now?: () => Date;
  maxSessionBytes?: number;
  maxTotalBytes?: number;
}

/** How a test damages a stored session. */
export type Damage = 'truncated' | 'garbage' | 'wrong-shape';

/** One implementation over one test's storage. */
export interface StoreUnderTest {
  /** A store over this test's storage, not initialised. Stopped by `dispose`. */
  create(options?: ContractStoreOptions): SessionStore;
  /** The stored form of a session (file bytes, or its rows), or undefined when it is not stored. */
  snapshot(id: string): Promise<string | undefined>;
  /** Damages a stored session. */
  damage(id: string, how: Damage): Promise<void>;
  /**
   * Makes the storage refuse writes the way a read-only file system or database does; reads keep working. Resolves
   * with the store error code writes then fail with, and a function that makes it writable again.
   */
  refuseWrites(): Promise<{ code: string; reasonPattern: RegExp; restore: () => Promise<void> }>;
  /** Stops every store created and removes the storage. */
  dispose(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const bigText = (kilobytes: number) => 'x'.repeat(kilobytes * 1024);

/** Registers the contract tests for one implementation. `setUp` gives fresh, empty storage for each test. */
export function describeSessionStoreContract(name: string, setUp: () => Promise<StoreUnderTest>): void {
  describe(`SessionStore contract: ${name}`, () => {
    let storage: StoreUnderTest;

    beforeEach(async () => {
      storage = await setUp();
    });
    afterEach(async () => {
      await storage.dispose();
    });

    async function openStore(options: ContractStoreOptions = {}): Promise<SessionStore> {
      const store = storage.create(options);
      await store.init();
      return store;
    }

    describe('create / get / update / delete', () => {
      it('creates a session storing only the token hash, and reads it back with the token', async () => {
        const store = await openStore();
        const { session, token } = await store.create({
          profile: { gpuCount: 2 },
          requestedField: 'labeledExamples',
        });
        expect(session.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const stored = await storage.snapshot(session.id);
        expect(stored).toBeDefined();
        expect(stored).not.toContain(token);
        expect(stored).toContain(session.tokenHash);
        expect(await store.get(session.id, token)).toEqual(session);
        expect(await store.count()).toBe(1);
        expect(await store.has(session.id)).toBe(true);
        expect(await store.has('AAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
        expect(await store.has('../etc/passwd')).toBe(false);
      });

      it('persists across store instances (a restart)', async () => {
        const first = await openStore();
        const { session, token } = await first.create();
        await first.appendMessages(session.id, token, [{ role: 'user', text: 'two A100s' }], {
          profile: { gpuCount: 2, gpuName: 'A100' },
          requestedField: 'labeledExamples',
          questionsAsked: 1,
        });
        await first.update(session.id, token, (draft) => {
          draft.dialogue = { skippedFields: ['timelineWeeks'] }; // the chat layer's opaque state
        });
        await first.stop();

        const second = await openStore();
        const reloaded = await second.get(session.id, token);
        expect(reloaded?.messages.map((message) => message.text)).toEqual(['two A100s']);
        expect(reloaded?.profile).toEqual({ gpuCount: 2, gpuName: 'A100' });
        expect(reloaded?.requestedField).toBe('labeledExamples');
        expect(reloaded?.questionsAsked).toBe(1);
        expect(reloaded?.dialogue).toEqual({ skippedFields: ['timelineWeeks'] });
      });

      it('keeps text that JSON escapes or databases reject (NUL, lone surrogates, emoji) exactly', async () => {
        const store = await openStore();
        const { session, token } = await store.create();
        const awkward = ['nul \u0000 byte', 'lone \ud800 surrogate', 'emoji 🚀 and ünïcödé', '"quotes" \\ back'];
        await store.appendMessages(
          session.id,
          token,
          awkward.map((text) => ({ role: 'user' as const, text })),
        );
        await store.stop();
        const reopened = await openStore();
        expect((await reopened.get(session.id, token))?.messages.map((message) => message.text)).toEqual(awkward);
      });

      it('clears requestedField when the patch sets it to undefined, and stamps updatedAt from the clock', async () => {
        let clock = new Date('2025-01-01T00:00:00.000Z');
        const store = await openStore({ now: () => clock });
        const { session, token } = await store.create({ requestedField: 'gpuCount' });
        clock = new Date('2025-01-02T00:00:00.000Z');
        const updated = await store.appendMessages(session.id, token, [{ role: 'user', text: '2' }], {
          requestedField: undefined,
        });
        expect(updated).not.toHaveProperty('requestedField');
        expect(updated?.createdAt).toBe('2025-01-01T00:00:00.000Z');
        expect(updated?.updatedAt).toBe('2025-01-02T00:00:00.000Z');
        expect(updated?.messages[0]?.createdAt).toBe('2025-01-02T00:00:00.000Z');
        expect(await store.get(session.id, token)).toEqual(updated);
      });

      it('returns copies: mutating a returned session changes nothing stored', async () => {
        const store = await openStore();
        const { session, token } = await store.create();
        session.messages.push({ id: 'x', role: 'user', text: 'sneaky', createdAt: session.createdAt });
        const read = await store.get(session.id, token);
        read?.messages.push({ id: 'y', role: 'user', text: 'sneaky', createdAt: session.createdAt });
        expect((await store.get(session.id, token))?.messages).toEqual([]);
      });

      it('returns deep copies from update, and a failed updater leaves nothing of its draft behind', async () => {
        const store = await openStore();
        const { session, token } = await store.create();
        const part = { type: 'data-profile', data: { fields: ['modelName'] } };
        const updated = await store.update(session.id, token, (draft) => {
          draft.messages.push({ id: 'a', role: 'assistant', text: 'hi', createdAt: session.createdAt, parts: [part] });
        });
        part.data.fields.push('changed after the update');
        const returnedPart = updated?.messages[0]?.parts?.[0] as typeof part | undefined;
        expect(returnedPart).toBeDefined();
        returnedPart?.data.fields.push('changed in the returned copy');
        await expect(
          store.update(session.id, token, (draft) => {
            const draftPart = draft.messages[0]?.parts?.[0] as typeof part | undefined;
            draftPart?.data.fields.push('changed in a failed draft');
            throw new Error('updater failed');
          }),
        ).rejects.toThrow('updater failed');
        const read = await store.get(session.id, token);
        expect(read?.messages[0]?.parts).toEqual([{ type: 'data-profile', data: { fields: ['modelName'] } }]);
      });

      it('rejects an update that breaks the schema or changes immutable fields, writing nothing', async () => {
        const store = await openStore();
        const { session, token } = await store.create({ messages: [{ role: 'user', text: 'kept' }] });
        const before = await storage.snapshot(session.id);
        const stored = await store.get(session.id, token);

        await expect(
          store.update(session.id, token, (draft) => {
            draft.questionsAsked = -1;
          }),
        ).rejects.toBeInstanceOf(SessionValidationError);
        await expect(
          store.update(session.id, token, (draft) => {
            (draft.profile as Record<string, unknown>).gpuCout = 2; // typo: Profile is strict
          }),
        ).rejects.toBeInstanceOf(SessionValidationError);
        await expect(
          store.update(session.id, token, (draft) => ({ ...draft, tokenHash: '0'.repeat(64) })),
        ).rejects.toBeInstanceOf(SessionValidationError);
        await expect(
          store.appendMessages(session.id, token, [{ role: 'assistant', text: 'x', parts: [{ big: 1n }] }]),
        ).rejects.toBeInstanceOf(SessionValidationError);
        // An updater that throws writes nothing either, and its error comes back unchanged.
        const ownError = new Error('the turn failed');
        await expect(
          store.update(session.id, token, (draft) => {
            draft.messages.push({ id: 'z', role: 'user', text: 'half a turn', createdAt: draft.createdAt });
            throw ownError;
          }),
        ).rejects.toBe(ownError);

        expect(await storage.snapshot(session.id)).toBe(before);
        expect(await store.get(session.id, token)).toEqual(stored);
      });

      it('accepts an async updater that returns a replacement session', async () => {
        const store = await openStore();
        const { session, token } = await store.create();
        const updated = await store.update(session.id, token, async (draft) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return { ...draft, questionsAsked: 2 };
        });
        expect(updated?.questionsAsked).toBe(2);
      });

      it('stores an update that edits or removes earlier messages, not only appends', async () => {
        const store = await openStore();
        const { session, token } = await store.create({
          messages: ['one', 'two', 'three'].map((text) => ({ role: 'user' as const, text })),
        });
        await store.update(session.id, token, (draft) => {
          draft.messages[1]!.text = 'TWO';
          draft.messages.pop();
        });
        await store.stop();
        const reopened = await openStore();
        expect((await reopened.get(session.id, token))?.messages.map((message) => message.text)).toEqual([
          'one',
          'TWO',
        ]);
      });

      it('deletes with the right token only', async () => {
        const store = await openStore();
        const { session, token } = await store.create();
        const other = await store.create();
        expect(await store.delete(session.id, other.token)).toBe(false);
        expect(await store.delete(session.id, token)).toBe(true);
        expect(await store.get(session.id, token)).toBeUndefined();
        expect(await storage.snapshot(session.id)).toBeUndefined();
        expect(await store.delete(session.id, token)).toBe(false);
        expect(await store.count()).toBe(1);
        expect(await store.has(session.id)).toBe(false);
      });

      it('creates a session with a chosen id once; a second create with that id writes nothing', async () => {
        const store = await openStore();
        const id = 'ChosenIdAAAAAAAAAAAAAA';
        const first = await store.create({ id, messages: [{ role: 'user', text: 'first' }] });
        const before = await storage.snapshot(id);
        await expect(store.create({ id })).rejects.toMatchObject({ name: 'SessionExistsError', sessionId: id });
        expect(await storage.snapshot(id)).toBe(before);
        expect((await store.get(id, first.token))?.messages.map((message) => message.text)).toEqual(['first']);
        await expect(store.create({ id: 'bad/id' })).rejects.toBeInstanceOf(RangeError);
      });

      it('throws a helpful error when used before init()', async () => {
        const store = storage.create();
        await expect(store.create()).rejects.toThrow(/init\(\)/);
      });
    });

    describe('tokens and ids', () => {
      const INVALID_IDS = [
        '../../etc/passwd',
        'a/b',
        '..',
        '',
        'AAAAAAAAAAAAAAAAAAAAAAA', // 23 characters
        'AAAAAAAAAAAAAAAAAAAAA', // 21 characters
        "AAAAAAAAAAAAAAAA'; --A", // 22 characters, wrong charset (and SQL)
        'AAAAAAAAAAAAAAAAAAAA\0A',
        'x'.repeat(10_000),
      ];

      it('answers undefined for a wrong, missing or malformed token, like for an unknown id', async () => {
        const store = await openStore();
        const { session, token } = await store.create();
        const other = await store.create();
        expect(await store.get(session.id, other.token)).toBeUndefined();
        expect(await store.get(session.id, undefined)).toBeUndefined();
        expect(await store.get(session.id, '')).toBeUndefined();
        expect(await store.get(session.id, `${token}x`)).toBeUndefined();
        expect(await store.get(session.id, token.slice(0, -1))).toBeUndefined();
        expect(await store.get(session.id, 42 as unknown as string)).toBeUndefined();
        expect(await store.update(session.id, other.token, () => undefined)).toBeUndefined();
        expect(await store.appendMessages(session.id, undefined, [{ role: 'user', text: 'x' }])).toBeUndefined();
        expect(await store.get('AAAAAAAAAAAAAAAAAAAAAA', token)).toBeUndefined();
        expect((await store.get(session.id, token))?.messages).toEqual([]);
      });

      it.each(INVALID_IDS)('treats id %j as not found, writing nothing', async (id) => {
        const store = await openStore();
        const { token } = await store.create();
        expect(await store.get(id, token)).toBeUndefined();
        expect(await store.update(id, token, () => undefined)).toBeUndefined();
        expect(await store.appendMessages(id, token, [{ role: 'user', text: 'x' }])).toBeUndefined();
        expect(await store.delete(id, token)).toBe(false);
        expect(await store.has(id)).toBe(false);
        expect(await store.count()).toBe(1);
      });
    });

    describe('corrupt data', () => {
      it.each(['truncated', 'garbage', 'wrong-shape'] as const)(
        'a %s session throws SessionCorruptError on every access, is left untouched and never pruned',
        async (how) => {
          const start = Date.parse('2025-01-01T00:00:00.000Z');
          let clock = start;
          const writer = await openStore({ now: () => new Date(clock) });
          const valid = await writer.create({ messages: [{ role: 'user', text: 'hello' }] });
          const damaged = await writer.create({ messages: [{ role: 'user', text: 'about to break' }] });
          await writer.stop();
          // Damaged while no store had it open (a cached copy would hide it until evicted; see the file store tests).
          await storage.damage(damaged.session.id, how);
          const broken = await storage.snapshot(damaged.session.id);
          const store = await openStore({ now: () => new Date(clock), ttlMs: DAY_MS });

          const error = await store.get(damaged.session.id, damaged.token).catch((caught: unknown) => caught);
          expect(error).toBeInstanceOf(SessionCorruptError);
          expect((error as SessionCorruptError).sessionId).toBe(damaged.session.id);
          expect((error as SessionCorruptError).file).toContain(damaged.session.id);
          await expect(
            store.appendMessages(damaged.session.id, damaged.token, [{ role: 'user', text: 'x' }]),
          ).rejects.toBeInstanceOf(SessionCorruptError);
          await expect(store.delete(damaged.session.id, damaged.token)).rejects.toBeInstanceOf(SessionCorruptError);
          expect((await store.get(valid.session.id, valid.token))?.messages).toHaveLength(1);

          clock = start + 2 * DAY_MS; // both expired: only the valid one goes
          expect(await store.pruneExpired()).toBe(1);
          expect(await storage.snapshot(damaged.session.id)).toBe(broken);
          expect(await store.has(damaged.session.id)).toBe(true);
        },
      );
    });

    describe('TTL pruning', () => {
      it('removes only sessions whose updatedAt is older than the TTL', async () => {
        const start = new Date('2025-01-01T00:00:00.000Z').getTime();
        let clock = start;
        const store = await openStore({ now: () => new Date(clock), ttlMs: 30 * DAY_MS });
        const old = await store.create();
        const refreshed = await store.create();
        clock = start + 20 * DAY_MS;
        const recent = await store.create();
        await store.appendMessages(refreshed.session.id, refreshed.token, [{ role: 'user', text: 'still here' }]);

        clock = start + 30 * DAY_MS; // exactly the TTL: not older than it
        expect(await store.pruneExpired()).toBe(0);
        clock = start + 31 * DAY_MS;
        expect(await store.pruneExpired()).toBe(1);

        expect(await store.get(old.session.id, old.token)).toBeUndefined();
        expect(await storage.snapshot(old.session.id)).toBeUndefined();
        expect(await store.get(refreshed.session.id, refreshed.token)).toBeDefined();
        expect(await store.get(recent.session.id, recent.token)).toBeDefined();
        expect(await store.count()).toBe(2);
        await store.stop();

        // After a restart, what is stored still says when each session was last updated.
        const restarted = await openStore({ now: () => new Date(start + 51 * DAY_MS), ttlMs: 30 * DAY_MS });
        expect(await restarted.pruneExpired()).toBe(2);
        expect(await restarted.count()).toBe(0);
      });

      it('leaves a session alone that a queued write is about to refresh', async () => {
        const start = Date.parse('2025-01-01T00:00:00.000Z');
        let clock = start;
        const store = await openStore({ now: () => new Date(clock), ttlMs: DAY_MS });
        const { session, token } = await store.create();
        clock = start + 2 * DAY_MS;
        // The append is queued first; the prune runs after it or skips the session, so it survives.
        const append = store.appendMessages(session.id, token, [{ role: 'user', text: 'hi' }]);
        const pruned = store.pruneExpired();
        expect(await pruned).toBe(0);
        expect((await append)?.messages).toHaveLength(1);
      });

      it('prunes on an interval once started, and stop() ends it', async () => {
        const start = Date.parse('2025-01-01T00:00:00.000Z');
        let clock = start;
        const store = await openStore({ now: () => new Date(clock), ttlMs: DAY_MS });
        await store.create();
        await store.create();
        clock = start + 2 * DAY_MS;
        store.startPruning(10);
        const deadline = Date.now() + 5_000;
        while ((await store.count()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        expect(await store.count()).toBe(0);
        await store.stop();
      });
    });

    describe('concurrency', () => {
      it('100 concurrent updates to one session lose no message and keep the order they were issued in', async () => {
        const store = await openStore();
        const { session, token } = await store.create();
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, index) =>
            // Each update awaits inside the lock (like a turn that runs the extractor), so any unserialised
            // read-modify-write would lose messages.
            store.update(session.id, token, async (draft) => {
              await new Promise((resolve) => setTimeout(resolve, index % 3));
              draft.messages.push({
                id: `m${index}`,
                role: 'user',
                text: `message ${index}`,
                createdAt: draft.updatedAt,
              });
              draft.questionsAsked += 1;
            }),
          ),
        );
        const expectedIds = Array.from({ length: 100 }, (_, index) => `m${index}`);
        // Each call resolved with the state right after its own write: call i saw exactly i + 1 messages.
        expect(results.map((result) => result?.messages.length)).toEqual(expectedIds.map((_, index) => index + 1));
        await store.stop();
        const reopened = await openStore();
        const stored = await reopened.get(session.id, token);
        expect(stored?.messages.map((message) => message.id)).toEqual(expectedIds);
        expect(stored?.questionsAsked).toBe(100);
      });

      it('keeps every session whole when many sessions are written concurrently', async () => {
        const store = await openStore();
        const sessions = await Promise.all(Array.from({ length: 8 }, () => store.create()));
        await Promise.all(
          Array.from({ length: 240 }, (_, index) => {
            const target = sessions[index % sessions.length]!;
            return store.appendMessages(target.session.id, target.token, [
              { id: `m${index}`, role: 'user', text: `${index}` },
            ]);
          }),
        );
        for (const [position, { session, token }] of sessions.entries()) {
          const expected = Array.from({ length: 30 }, (_, turn) => `m${turn * sessions.length + position}`);
          expect((await store.get(session.id, token))?.messages.map((message) => message.id)).toEqual(expected);
        }
      });
    });

    describe('bounds', () => {
      it('refuses a write past maxSessionBytes with SessionTooLargeError and writes nothing', async () => {
        const store = await openStore({ maxSessionBytes: 30 * 1024 });
        const { session, token } = await store.create();
        await store.appendMessages(session.id, token, [{ role: 'user', text: bigText(10) }]);
        const before = await storage.snapshot(session.id);

        const error = await store
          .appendMessages(session.id, token, [{ role: 'user', text: bigText(25) }])
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(SessionTooLargeError);
        expect(error).toMatchObject({ code: 'session_message_limit', maxBytes: 30 * 1024 });
        expect(await storage.snapshot(session.id)).toBe(before);
        // Still usable within the cap, from its last acknowledged state.
        const after = await store.appendMessages(session.id, token, [{ role: 'user', text: 'short' }]);
        expect(after?.messages).toHaveLength(2);
      });

      it('refuses new sessions once the sessions hold maxTotalBytes, keeps existing ones working', async () => {
        const store = await openStore({ maxTotalBytes: 50 * 1024 });
        const sessionOf = async (kilobytes: number) => {
          const created = await store.create();
          await store.appendMessages(created.session.id, created.token, [{ role: 'user', text: bigText(kilobytes) }]);
          return created;
        };
        const first = await sessionOf(30);
        const second = await sessionOf(30); // over the quota now

        const refused = await store.create().catch((caught: unknown) => caught);
        expect(refused).toBeInstanceOf(StoreFullError);
        expect(refused).toBeInstanceOf(StoreUnavailableError);
        expect(refused).toMatchObject({ code: 'STORE_FULL' });
        expect((refused as Error).message).toContain('the session store is full');
        expect(await store.count()).toBe(2);

        expect(await store.appendMessages(first.session.id, first.token, [{ role: 'user', text: 'ok' }])).toBeDefined();
        expect(await store.delete(second.session.id, second.token)).toBe(true);
        await expect(store.create()).resolves.toMatchObject({ token: expect.any(String) });
      });

      it('counts the sessions already stored at start-up towards the quota', async () => {
        const writer = await openStore();
        for (let index = 0; index < 2; index++) {
          const created = await writer.create();
          await writer.appendMessages(created.session.id, created.token, [{ role: 'user', text: bigText(30) }]);
        }
        await writer.stop();
        const restarted = await openStore({ maxTotalBytes: 50 * 1024 });
        await expect(restarted.create()).rejects.toBeInstanceOf(StoreFullError);
      });
    });

    describe('storage that refuses writes', () => {
      it('rejects writes with StoreUnavailableError, says so in checkWritable, keeps reads and data intact', async () => {
        const store = await openStore();
        expect(await store.checkWritable()).toEqual({ ok: true });
        const { session, token } = await store.create({ messages: [{ role: 'user', text: 'before the failure' }] });
        const before = await storage.snapshot(session.id);

        const { code, reasonPattern, restore } = await storage.refuseWrites();
        try {
          const appendError = await store
            .appendMessages(session.id, token, [{ role: 'user', text: 'lost' }])
            .catch((error: unknown) => error);
          expect(appendError).toBeInstanceOf(StoreUnavailableError);
          expect((appendError as StoreUnavailableError).code).toBe(code);
          await expect(store.create()).rejects.toBeInstanceOf(StoreUnavailableError);
          await expect(store.delete(session.id, token)).rejects.toBeInstanceOf(StoreUnavailableError);

          const check = await store.checkWritable();
          expect(check.ok).toBe(false);
          expect(check.code).toBe(code);
          expect(check.reason).toMatch(reasonPattern);
          // Reads keep working and show the last acknowledged state, not the failed write.
          expect((await store.get(session.id, token))?.messages.map((message) => message.text)).toEqual([
            'before the failure',
          ]);
        } finally {
          await restore();
        }
        expect(await storage.snapshot(session.id)).toBe(before);
        expect(await store.count()).toBe(1);
        // Writable again: the store carries on from the acknowledged state.
        expect(await store.checkWritable()).toEqual({ ok: true });
        const updated = await store.appendMessages(session.id, token, [{ role: 'user', text: 'after recovery' }]);
        expect(updated?.messages.map((message) => message.text)).toEqual(['before the failure', 'after recovery']);
      });
    });
  });
}
