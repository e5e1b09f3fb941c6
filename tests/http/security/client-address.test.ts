import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  addressBucket,
  clientAddress,
  expandIpv6,
  UNKNOWN_ADDRESS,
} from '../../../src/http/security/client-address.ts';

async function addressOf(headers: Record<string, string>, trustProxy: boolean, socket?: string): Promise<string> {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, { trustProxy })));
  const env = socket === undefined ? undefined : { incoming: { socket: { remoteAddress: socket } } };
  const response = await app.request('/', { headers }, env);
  return response.text();
}

describe('clientAddress', () => {
  it('uses the socket address and ignores X-Forwarded-For without TRUST_PROXY', async () => {
    expect(await addressOf({ 'x-forwarded-for': '9.9.9.9' }, false, '10.0.0.7')).toBe('10.0.0.7');
  });

  it('with TRUST_PROXY uses the last X-Forwarded-For entry (the one the proxy wrote), not the spoofable first', async () => {
    expect(await addressOf({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }, true, '10.0.0.7')).toBe('203.0.113.9');
  });

  it('with TRUST_PROXY falls back to the socket when the last entry is not an IP', async () => {
    expect(await addressOf({ 'x-forwarded-for': '203.0.113.9, not-an-ip' }, true, '10.0.0.7')).toBe('10.0.0.7');
    expect(await addressOf({}, true, '10.0.0.7')).toBe('10.0.0.7');
  });

  it('unmaps IPv4-mapped IPv6 and reports unknown without a socket (in-process requests)', async () => {
    expect(await addressOf({}, false, '::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(await addressOf({}, false)).toBe(UNKNOWN_ADDRESS);
  });
});

describe('addressBucket', () => {
  it('keeps IPv4 and groups IPv6 by /64', () => {
    expect(addressBucket('192.0.2.1')).toBe('192.0.2.1');
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket(UNKNOWN_ADDRESS)).toBe(UNKNOWN_ADDRESS);
  });

  it('expandIpv6 handles ::, embedded IPv4 and rejects garbage', () => {
    expect(expandIpv6('::')).toEqual(['0', '0', '0', '0', '0', '0', '0', '0']);
    expect(expandIpv6('64:ff9b::192.0.2.33')).toEqual(['64', 'ff9b', '0', '0', '0', '0', 'c000', '221']);
    expect(expandIpv6('1::2::3')).toBeUndefined();
    expect(expandIpv6('1:2:3')).toBeUndefined();
  });
});
