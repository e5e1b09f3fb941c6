/** How pg and socket failures become the store's StoreUnavailableError codes (the rest is tested on a real server). */
import { describe, expect, it } from 'vitest';
import { postgresErrorCode, storeUnavailable } from '../../src/store/postgres/pg-errors.ts';
import { StoreUnavailableError } from '../../src/store/store-errors.ts';

const withCode = (code: string, message = 'failure') => Object.assign(new Error(message), { code });

describe('postgresErrorCode', () => {
  it.each([
    ['53100', 'ENOSPC'],
    ['53200', 'ENOMEM'],
    ['53300', 'PG_TOO_MANY_CONNECTIONS'],
    ['25006', 'EROFS'],
    ['57014', 'ETIMEDOUT'],
    ['55P03', 'ETIMEDOUT'],
    ['25P03', 'ETIMEDOUT'],
    ['57P01', 'PG_SHUTDOWN'],
    ['57P03', 'PG_SHUTDOWN'],
    ['28P01', 'EACCES'],
    ['3D000', 'PG_NO_DATABASE'],
    ['42P01', 'PG_NO_SCHEMA'],
    ['08006', 'ECONNRESET'],
    ['08001', 'ECONNRESET'],
    ['XX000', 'PG_XX000'],
    ['ECONNREFUSED', 'ECONNREFUSED'],
    ['ENOTFOUND', 'ENOTFOUND'],
  ])('maps %s to %s', (code, expected) => {
    expect(postgresErrorCode(withCode(code))).toBe(expected);
  });

  it('recognises pg errors that carry no code by their message', () => {
    expect(postgresErrorCode(new Error('timeout exceeded when trying to connect'))).toBe('ETIMEDOUT');
    expect(postgresErrorCode(new Error('Connection terminated unexpectedly'))).toBe('ECONNRESET');
    expect(postgresErrorCode(new Error('something else'))).toBe('PG_UNKNOWN');
  });
});

describe('storeUnavailable', () => {
  it('names the operation and a readable reason, and keeps the original error as the cause', () => {
    const original = withCode('53100', 'could not extend file');
    const error = storeUnavailable('writing session abc', original);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.code).toBe('ENOSPC');
    expect(error.message).toBe(
      'Session store unavailable: writing session abc failed (ENOSPC: no space left on device)',
    );
    expect((error.cause as Error).cause).toBe(original);
  });

  it('passes a StoreUnavailableError through unchanged', () => {
    const error = storeUnavailable('x', withCode('ECONNREFUSED'));
    expect(storeUnavailable('y', error)).toBe(error);
  });
});
