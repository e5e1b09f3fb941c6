import { describe, expect, it } from 'vitest';
import {
  createApiKeyVerifier,
  hashApiKey,
  presentedApiKeys,
  splitApiKeys,
} from '../../../src/http/security/api-keys.ts';

describe('API keys', () => {
  it('hashApiKey is the sha256 hex digest', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('splitApiKeys trims, drops empty entries and duplicates', () => {
    expect(splitApiKeys(' a , b,,a ,')).toEqual(['a', 'b']);
    expect(splitApiKeys('')).toEqual([]);
  });

  it('the verifier accepts configured keys (returning their digest) and nothing else', () => {
    const verifier = createApiKeyVerifier([hashApiKey('first-key-0123456789'), hashApiKey('second-key-0123456789')]);
    expect(verifier.enabled).toBe(true);
    expect(verifier.verify('second-key-0123456789')).toBe(hashApiKey('second-key-0123456789'));
    expect(verifier.verify('first-key-0123456789')).toBe(hashApiKey('first-key-0123456789'));
    expect(verifier.verify('first-key-012345678')).toBeUndefined();
    expect(verifier.verify('')).toBeUndefined();
    expect(verifier.verify(undefined)).toBeUndefined();
    expect(verifier.verify('x'.repeat(100_000))).toBeUndefined();
  });

  it('an empty verifier is disabled and accepts nothing', () => {
    const verifier = createApiKeyVerifier([]);
    expect(verifier.enabled).toBe(false);
    expect(verifier.verify('anything-at-all-here')).toBeUndefined();
  });

  it('rejects digests that are not sha256 hex', () => {
    expect(() => createApiKeyVerifier(['not-a-digest'])).toThrow(TypeError);
  });

  it('presentedApiKeys reads Bearer tokens first, then x-api-key', () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    expect(presentedApiKeys(headers({ authorization: 'Bearer abc', 'x-api-key': 'def' }))).toEqual(['abc', 'def']);
    expect(presentedApiKeys(headers({ authorization: 'bearer   abc  ' }))).toEqual(['abc']);
    expect(presentedApiKeys(headers({ authorization: 'Basic dXNlcjpwYXNz' }))).toEqual([]);
    expect(presentedApiKeys(headers({ authorization: 'Bearer a b' }))).toEqual([]);
    expect(presentedApiKeys(headers({ 'x-api-key': '  ' }))).toEqual([]);
    expect(presentedApiKeys(headers({}))).toEqual([]);
  });
});
