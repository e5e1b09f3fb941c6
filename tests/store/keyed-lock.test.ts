import { describe, expect, it } from 'vitest';
import { createKeyedLock } from '../../src/store/keyed-lock.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createKeyedLock', () => {
  it('runs tasks on one key one at a time, in call order, even when earlier ones are slower', async () => {
    const lock = createKeyedLock();
    const events: string[] = [];
    let running = 0;
    await Promise.all(
      [30, 1, 10, 0].map((delay, index) =>
        lock.run('key', async () => {
          running++;
          expect(running).toBe(1);
          events.push(`start ${index}`);
          await sleep(delay);
          events.push(`end ${index}`);
          running--;
        }),
      ),
    );
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('runs different keys concurrently', async () => {
    const lock = createKeyedLock();
    const events: string[] = [];
    await Promise.all([
      lock.run('a', async () => {
        events.push('a start');
        await sleep(20);
        events.push('a end');
      }),
      lock.run('b', async () => {
        events.push('b start');
        events.push('b end');
      }),
    ]);
    expect(events).toEqual(['a start', 'b start', 'b end', 'a end']);
  });

  it('keeps going after a failing task and passes each result or error to its own caller', async () => {
    const lock = createKeyedLock();
    const failing = lock.run('key', () => {
      throw new Error('boom');
    });
    const next = lock.run('key', () => 42);
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
  });

  it('forgets idle keys, so memory does not grow with the number of keys ever used', async () => {
    const lock = createKeyedLock();
    await Promise.all(Array.from({ length: 1_000 }, (_, index) => lock.run(`key-${index}`, () => index)));
    await lock.drain();
    expect(lock.activeKeys).toBe(0);
  });

  it('drain waits for queued tasks', async () => {
    const lock = createKeyedLock();
    let done = false;
    void lock.run('key', async () => {
      await sleep(10);
      done = true;
    });
    await lock.drain();
    expect(done).toBe(true);
  });
});
