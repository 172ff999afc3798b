import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which IP addresses the worker may connect to without an allowlist entry. Only
 * addresses anyone on the internet can reach are public; everything else (this
 * machine, the private network, the cloud's metadata service, ranges reserved for
 * documentation or the future) is refused, because a job board must not be able to
 * make the worker talk to our own services.
 *
 * IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, NAT64
 * 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address, since that is where
 * the packets end up.
 */

export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared (CGNAT)'
  | 'link-local'
  | 'multicast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'unique-local'
  | 'not an IP address';

export interface AddressVerdict {
  /** The address as given (without brackets or zone). */
  address: string;
  kind: AddressKind;
  /** For embedded IPv4 (mapped, NAT64, 6to4): the IPv4 address it was judged by. */
  embeddedIPv4?: string;
}

interface Range {
  /** Network address as a number (IPv4) or bigint (IPv6). */
  base: bigint;
  bits: number;
  kind: Exclude<AddressKind, 'public' | 'not an IP address'>;
}

// IANA's IPv4 special-purpose registry (RFC 6890 and successors), most specific first
// where ranges nest. Ranges that are globally reachable but special (AS112, AMT) are
// left public on purpose: they are ordinary internet services.
const IPV4_RANGES: readonly Range[] = [
  v4('0.0.0.0', 32, 'unspecified'),
  v4('0.0.0.0', 8, 'reserved'), // "this network"
  v4('10.0.0.0', 8, 'private'),
  v4('100.64.0.0', 10, 'shared (CGNAT)'),
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link-local'), // includes the cloud metadata service 169.254.169.254
  v4('172.16.0.0', 12, 'private'),
  v4('192.0.0.0', 24, 'reserved'), // IETF protocol assignments
  v4('192.0.2.0', 24, 'documentation'),
  v4('192.88.99.0', 24, 'reserved'), // deprecated 6to4 relay anycast
  v4('192.168.0.0', 16, 'private'),
  v4('198.18.0.0', 15, 'benchmarking'),
  v4('198.51.100.0', 24, 'documentation'),
  v4('203.0.113.0', 24, 'documentation'),
  v4('224.0.0.0', 4, 'multicast'),
  v4('240.0.0.0', 4, 'reserved'), // future use, and 255.255.255.255 broadcast
];

// Only 2000::/3 is global unicast; inside it, these are not public. Everything outside
// 2000::/3 (::1, ::, fc00::/7, fe80::/10, ff00::/8, 100::/64 …) is refused below.
const IPV6_GLOBAL_EXCEPTIONS: readonly Range[] = [
  v6('2001:db8::', 32, 'documentation'),
  v6('2001::', 23, 'reserved'), // IETF protocol assignments: Teredo, benchmarking 2001:2::/48, ORCHID
  v6('3fff::', 20, 'documentation'),
];

const IPV6_OUTSIDE_GLOBAL: readonly Range[] = [
  v6('::', 128, 'unspecified'),
  v6('::1', 128, 'loopback'),
  v6('64:ff9b:1::', 48, 'private'), // local-use NAT64 (RFC 8215)
  v6('100::', 64, 'reserved'), // discard-only
  v6('fc00::', 7, 'unique-local'),
  v6('fe80::', 10, 'link-local'),
  v6('fec0::', 10, 'private'), // deprecated site-local
  v6('ff00::', 8, 'multicast'),
];

const MAPPED = v6('::ffff:0:0', 96, 'reserved');
const NAT64 = v6('64:ff9b::', 96, 'reserved');
const SIX_TO_FOUR = v6('2002::', 16, 'reserved');
const GLOBAL_UNICAST = v6('2000::', 3, 'reserved');

/** What kind of address this is; only 'public' may be reached without an allowlist entry. */
export function classifyAddress(input: string): AddressVerdict {
  const address = stripBracketsAndZone(input);
  if (isIPv4(address)) return { address, kind: classifyIPv4(ipv4ToInt(address)) };
  if (isIPv6(address)) return classifyIPv6(address, ipv6ToBigInt(address));
  return { address, kind: 'not an IP address' };
}

export function isPublicAddress(input: string): boolean {
  return classifyAddress(input).kind === 'public';
}

function classifyIPv4(value: bigint): AddressKind {
  return IPV4_RANGES.find((r) => inRange(value, r, 32))?.kind ?? 'public';
}

function classifyIPv6(address: string, value: bigint): AddressVerdict {
  for (const carrier of [MAPPED, NAT64]) {
    if (inRange(value, carrier, 128)) return judgedByIPv4(address, value & 0xffffffffn);
  }
  if (inRange(value, SIX_TO_FOUR, 128)) return judgedByIPv4(address, (value >> 80n) & 0xffffffffn);
  if (inRange(value, GLOBAL_UNICAST, 128)) {
    return { address, kind: IPV6_GLOBAL_EXCEPTIONS.find((r) => inRange(value, r, 128))?.kind ?? 'public' };
  }
  // ::a.b.c.d (IPv4-compatible) and anything unassigned falls through to reserved.
  return { address, kind: IPV6_OUTSIDE_GLOBAL.find((r) => inRange(value, r, 128))?.kind ?? 'reserved' };
}

function judgedByIPv4(address: string, ipv4: bigint): AddressVerdict {
  return { address, kind: classifyIPv4(ipv4), embeddedIPv4: intToIPv4(ipv4) };
}

function inRange(value: bigint, range: Range, width: 32 | 128): boolean {
  const shift = BigInt(width - range.bits);
  return value >> shift === range.base >> shift;
}

function stripBracketsAndZone(input: string): string {
  const bare = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  const zone = bare.indexOf('%');
  return zone === -1 ? bare : bare.slice(0, zone);
}

function ipv4ToInt(address: string): bigint {
  return address.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function intToIPv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** Expands "::" and a trailing dotted quad; the caller has checked isIPv6. */
function ipv6ToBigInt(address: string): bigint {
  let text = address.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4value = ipv4ToInt(tail);
    text = `${text.slice(0, lastColon + 1)}${(v4value >> 16n).toString(16)}:${(v4value & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function v4(base: string, bits: number, kind: Range['kind']): Range {
  return { base: ipv4ToInt(base), bits, kind };
}

function v6(base: string, bits: number, kind: Range['kind']): Range {
  return { base: ipv6ToBigInt(base), bits, kind };
}
