import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress, SOCKET_ADDRESS_HEADER } from '~/server/auth/client-address';
import { readThrottleMessage, throttleMessage } from '~/server/auth/throttle-message';

describe('the address sign-in throttling counts against', () => {
  it('is the socket’s peer unless the proxy is trusted, and then the last X-Forwarded-For entry', () => {
    const headers = { [SOCKET_ADDRESS_HEADER]: '::ffff:10.0.0.5', 'x-forwarded-for': '203.0.113.9, 198.51.100.7' };
    expect(clientAddress(headers, false)).toBe('10.0.0.5');
    expect(clientAddress(headers, true)).toBe('198.51.100.7');
    expect(clientAddress({ [SOCKET_ADDRESS_HEADER]: '10.0.0.5', 'x-forwarded-for': 'garbage' }, true)).toBe('10.0.0.5');
    expect(clientAddress({}, true)).toBe('unknown');
  });

  it('spells each client one way: IPv6 by its /64, without ports or zones', () => {
    expect(normalizeAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(normalizeAddress('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(normalizeAddress('[2001:db8::1]:443')).toBe('2001:db8:0:0::/64');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(normalizeAddress('::1')).toBe('0:0:0:0::/64');
    expect(normalizeAddress('203.0.113.7:5000')).toBe('203.0.113.7');
    expect(normalizeAddress('not an address')).toBeNull();
  });
});

describe('the throttle message', () => {
  it('says whose attempts and how long to wait, rounded up', () => {
    expect(throttleMessage('account', 120)).toBe('Too many sign-in attempts for this account. Try again in 2 minutes.');
    expect(throttleMessage('account', 61)).toBe('Too many sign-in attempts for this account. Try again in 2 minutes.');
    expect(throttleMessage('address', 1)).toBe('Too many sign-in attempts from your network. Try again in 1 second.');
    expect(throttleMessage('address', 0.2)).toBe('Too many sign-in attempts from your network. Try again in 1 second.');
  });

  it('is read back only when it is exactly ours, so a crafted ?error= shows nothing of its own', () => {
    const message = throttleMessage('account', 900);
    expect(readThrottleMessage(message)).toBe(message);
    expect(readThrottleMessage('Too many sign-in attempts for this account. Try again in 2 minutes. Call +1 555 0100.')).toBeNull();
    expect(readThrottleMessage('CredentialsSignin')).toBeNull();
    expect(readThrottleMessage(null)).toBeNull();
  });
});
