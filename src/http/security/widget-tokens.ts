/**
 * @module http/security/widget-tokens: short-lived, signed tokens that let a browser use the chat widget routes on
 * behalf of a site whose backend holds an API key.
 *
 * An allowed `Origin` header alone is not authentication: any script can send it. So a site's backend, which holds an
 * API key, mints a widget token for its page (`POST /v1/widget-tokens`, after its own checks: login, bot protection,
 * its own quotas) and the page sends it as `x-widget-token`. The token is
 *
 *   wt1.<base64url(JSON {v, kid, o, iat, exp})>.<base64url(HMAC-SHA256)>
 *
 * bound to one origin (`o`, compared with the request's Origin) and to the minting key (`kid`, a hash of the key's
 * digest). It is signed with a secret derived from that key's sha256 digest, which only the server holds (API_KEYS
 * are hashed at start-up), so nothing new has to be configured or shared between instances, and removing a key from
 * API_KEYS revokes every token it minted. Tokens expire after at most WIDGET_TOKEN_TTL_SECONDS.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The request header that carries a widget token. */
export const WIDGET_TOKEN_HEADER = 'x-widget-token';

/** Prefix (and version) of every token. */
const PREFIX = 'wt1';
/** Clock skew tolerated on `iat`, in seconds. */
const SKEW_SECONDS = 30;
/** Longest token accepted for parsing (a real one is about 200 characters). */
const MAX_TOKEN_LENGTH = 1024;

interface Payload {
  v: 1;
  /** Key id: the first 16 hex characters of sha256(key digest). */
  kid: string;
  /** The origin the token is for. */
  o: string;
  /** Issued at, unix seconds. */
  iat: number;
  /** Expires at, unix seconds. */
  exp: number;
}

/** The outcome of {@link WidgetTokens.verify}. */
export type WidgetTokenCheck =
  | { ok: true; keyId: string; origin: string; expiresAt: number }
  | { ok: false; reason: string };

export interface WidgetTokens {
  /** True when API keys are configured (tokens are minted with one). */
  readonly enabled: boolean;
  /** Mints a token for `origin` with the key whose sha256 hex digest is `keyHash`, valid for `ttlSeconds`. */
  mint(keyHash: string, origin: string, ttlSeconds: number): { token: string; expiresAt: Date };
  /** Checks a presented token against the request's Origin (undefined when the request sent none). */
  verify(token: string, origin: string | undefined): WidgetTokenCheck;
}

/** The key id of a key digest (hex): not the digest itself, so a token does not reveal even part of it. */
function keyIdOf(keyHash: string): string {
  return createHash('sha256').update(`advisor-widget-kid:${keyHash}`).digest('hex').slice(0, 16);
}

/** The signing secret of a key digest (hex). */
function secretOf(keyHash: string): Buffer {
  return createHmac('sha256', Buffer.from(keyHash, 'hex')).update('adaptation-advisor widget token v1').digest();
}

function sign(secret: Buffer, signedPart: string): Buffer {
  return createHmac('sha256', secret).update(signedPart).digest();
}

/** Creates the minting and checking of widget tokens for the configured key digests (`Config.API_KEYS`). */
export function createWidgetTokens(keyHashes: readonly string[], options: { now?: () => number } = {}): WidgetTokens {
  const now = options.now ?? (() => Date.now());
  const secrets = new Map<string, Buffer>();
  for (const keyHash of keyHashes) secrets.set(keyIdOf(keyHash), secretOf(keyHash));

  return {
    enabled: secrets.size > 0,
    mint(keyHash, origin, ttlSeconds) {
      const kid = keyIdOf(keyHash);
      const secret = secrets.get(kid);
      if (secret === undefined) throw new RangeError('widget tokens are minted with a configured API key');
      const iat = Math.floor(now() / 1000);
      const payload: Payload = { v: 1, kid, o: origin, iat, exp: iat + ttlSeconds };
      const signedPart = `${PREFIX}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      return {
        token: `${signedPart}.${sign(secret, signedPart).toString('base64url')}`,
        expiresAt: new Date(payload.exp * 1000),
      };
    },
    verify(token, origin) {
      const malformed = { ok: false as const, reason: 'The widget token is malformed' };
      if (token.length > MAX_TOKEN_LENGTH) return malformed;
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== PREFIX) return malformed;
      const [, encodedPayload = '', encodedSignature = ''] = parts;
      let payload: Partial<Payload>;
      try {
        payload = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8')) as Partial<Payload>;
      } catch {
        return malformed;
      }
      if (
        payload?.v !== 1 ||
        typeof payload.kid !== 'string' ||
        typeof payload.o !== 'string' ||
        typeof payload.exp !== 'number' ||
        typeof payload.iat !== 'number'
      )
        return malformed;
      const secret = secrets.get(payload.kid);
      // An unknown key id: the key was removed from API_KEYS (or never existed). Same answer as a bad signature.
      const expected = sign(secret ?? Buffer.alloc(32), `${PREFIX}.${encodedPayload}`);
      const presented = Buffer.from(encodedSignature, 'base64url');
      const signatureOk =
        secret !== undefined && presented.length === expected.length && timingSafeEqual(presented, expected);
      if (!signatureOk) {
        return { ok: false, reason: 'The widget token is not valid (bad signature, or its API key was removed)' };
      }
      const seconds = now() / 1000;
      if (payload.exp <= seconds) {
        return { ok: false, reason: 'The widget token has expired; ask your backend for a new one' };
      }
      if (payload.iat > seconds + SKEW_SECONDS) return { ok: false, reason: 'The widget token is not valid yet' };
      if (origin !== payload.o) {
        return {
          ok: false,
          reason: `The widget token was minted for ${payload.o}; the request comes from ${origin === undefined ? 'no Origin' : JSON.stringify(origin.slice(0, 200))}`,
        };
      }
      return { ok: true, keyId: payload.kid, origin: payload.o, expiresAt: payload.exp };
    },
  };
}
