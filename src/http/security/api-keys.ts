/**
 * @module http/security/api-keys: optional API keys for the direct and OpenAI-compatible APIs. Keys are hashed with
 * sha256 when the environment is parsed; only the digests are kept, and a presented key is compared against every
 * digest in constant time (`timingSafeEqual` over equal-length 32-byte digests), so neither the keys nor their
 * prefixes can be recovered from memory dumps, logs or response timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Shortest accepted API key: 16 characters (e.g. `openssl rand -hex 32` gives 64). */
export const MIN_API_KEY_LENGTH = 16;

/** The sha256 digest of a key, as lowercase hex (64 characters). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Splits a comma-separated `API_KEYS` value into keys (trimmed, empty entries dropped, duplicates removed). */
export function splitApiKeys(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key !== ''),
    ),
  ];
}

/**
 * The keys a request presents, in order: the token of `Authorization: Bearer <key>`, then `x-api-key`. Both are
 * returned because on the chat routes the Authorization header may carry a session token while x-api-key carries the
 * API key. Empty when neither is present.
 */
export function presentedApiKeys(headers: { get(name: string): string | null }): string[] {
  const keys: string[] = [];
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.get('authorization') ?? '')?.[1];
  if (bearer !== undefined) keys.push(bearer);
  const apiKey = headers.get('x-api-key')?.trim();
  if (apiKey !== undefined && apiKey !== '') keys.push(apiKey);
  return keys;
}

/** Checks presented keys against the configured digests. */
export interface ApiKeyVerifier {
  /** True when at least one key is configured (the protected routes then need one). */
  readonly enabled: boolean;
  /**
   * The hex digest of `candidate` when it matches a configured key, else undefined. Every configured digest is
   * compared (no early exit) with `timingSafeEqual`, so the time taken does not depend on which key matched or on how
   * much of a wrong key is right.
   */
  verify(candidate: string | undefined): string | undefined;
}

/** Builds a verifier from hex sha256 digests (as produced by {@link hashApiKey}; `Config.API_KEYS` holds them). */
export function createApiKeyVerifier(keyHashes: readonly string[]): ApiKeyVerifier {
  const digests = keyHashes.map((hash) => {
    if (!/^[0-9a-f]{64}$/.test(hash))
      throw new TypeError('API key hashes must be 64-character lowercase hex sha256 digests');
    return Buffer.from(hash, 'hex');
  });
  return {
    enabled: digests.length > 0,
    verify(candidate) {
      if (candidate === undefined || digests.length === 0) return undefined;
      const presented = createHash('sha256').update(candidate, 'utf8').digest();
      let matched: Buffer | undefined;
      for (const digest of digests) {
        if (timingSafeEqual(presented, digest)) matched = digest;
      }
      return matched?.toString('hex');
    },
  };
}
