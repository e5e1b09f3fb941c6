/**
 * @module http/security/client-address: who is calling, for rate limits and per-client session limits. The socket's
 * remote address (from @hono/node-server's `getConnInfo`) is the truth; `X-Forwarded-For` is read only when the
 * operator says a reverse proxy stands in front (`TRUST_PROXY=true`), and then only its last entry (the address the
 * proxy itself saw), because earlier entries are whatever the client chose to send.
 */
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The address used when none is known (in-process `app.request()` calls have no socket). */
export const UNKNOWN_ADDRESS = 'unknown';

/** The socket's remote address, or undefined when the request did not come through @hono/node-server. */
export function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The client's address: with `trustProxy`, the last valid IP in `X-Forwarded-For` (falling back to the socket when the
 * header is missing or its last entry is not an IP); without it, the socket address. IPv4-mapped IPv6 addresses
 * (`::ffff:1.2.3.4`) are returned as IPv4. {@link UNKNOWN_ADDRESS} when nothing is known.
 */
export function clientAddress(c: Context, options: { trustProxy: boolean }): string {
  if (options.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last !== undefined && isIP(last) !== 0) return unmapIpv4(last);
  }
  const address = socketAddress(c);
  return address === undefined || address === '' ? UNKNOWN_ADDRESS : unmapIpv4(address);
}

function unmapIpv4(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

/**
 * The rate-limit key of an address: IPv4 as is; IPv6 by its /64 prefix, since one subscriber usually holds a whole
 * /64 and could otherwise rotate through addresses to escape the limit. Anything else is returned unchanged.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIpv6(address);
  return groups === undefined ? address : `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (lowercase, no leading zeros); undefined when it cannot be parsed. */
export function expandIpv6(address: string): string[] | undefined {
  let text = address.toLowerCase().split('%')[0] ?? '';
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) becomes two hex groups.
  const ipv4Tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (ipv4Tail !== null) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : (halves[0] ?? '').split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : (halves[1] ?? '').split(':')) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return undefined;
  const groups = [...head, ...Array.from({ length: missing }, () => '0'), ...tail];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => Number.parseInt(group, 16).toString(16));
}
