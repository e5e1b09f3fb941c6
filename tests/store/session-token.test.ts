import { describe, expect, it } from 'vitest';
import { isValidSessionId } from '../../src/store/session-schema.ts';
import { hashSessionToken, newSessionId, newSessionToken, verifySessionToken } from '../../src/store/session-token.ts';

describe('session ids and tokens', () => {
  it('generates 128-bit ids and 256-bit tokens in base64url, all distinct', () => {
    const ids = new Set(Array.from({ length: 1_000 }, newSessionId));
    expect(ids.size).toBe(1_000);
    for (const id of ids) {
      expect(isValidSessionId(id)).toBe(true);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('verifies a token against its sha256 only', () => {
    const token = newSessionToken();
    const hash = hashSessionToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(verifySessionToken(token, hash)).toBe(true);
    expect(verifySessionToken(newSessionToken(), hash)).toBe(false);
    expect(verifySessionToken(undefined, hash)).toBe(false);
    expect(verifySessionToken('', hash)).toBe(false);
    expect(verifySessionToken(`${token}=`, hash)).toBe(false);
    expect(verifySessionToken({ token }, hash)).toBe(false);
    expect(verifySessionToken(token, undefined)).toBe(false);
  });

  it('never accepts a malformed token, even one whose hash was stored', () => {
    const malformed = 'short';
    expect(verifySessionToken(malformed, hashSessionToken(malformed))).toBe(false);
    // The empty string hashes like the placeholder a malformed token is compared as: still rejected.
    expect(verifySessionToken('', hashSessionToken(''))).toBe(false);
  });
});
