import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * next-auth hands `authorize` the request's headers but not its socket, so the auth
 * handler copies the socket's address into this header first. It always overwrites
 * what a client sent under that name, so the value cannot be forged.
 */
export const SOCKET_ADDRESS_HEADER = 'x-jobstream-socket-address';

type Headers = Readonly<Record<string, unknown>>;

/** Records the peer address on the request's own headers (see SOCKET_ADDRESS_HEADER). */
export function stampSocketAddress(req: IncomingMessage): void {
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
}

/**
 * The address sign-in throttling counts against. Behind a trusted balancer it is the
 * last X-Forwarded-For entry (the peer the balancer itself saw: right whether the
 * balancer overwrites the header or appends to it); otherwise the socket's peer.
 */
export function clientAddress(headers: Headers | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? lastForwarded(headers?.['x-forwarded-for']) : null;
  const socket = normalizeAddress(firstString(headers?.[SOCKET_ADDRESS_HEADER]));
  return forwarded ?? socket ?? 'unknown';
}

function firstString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

function lastForwarded(value: unknown): string | null {
  const header = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(',') : firstString(value);
  const last = header.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return last ? normalizeAddress(last) : null;
}

/**
 * One spelling per client: IPv4-mapped IPv6 becomes IPv4, ports and zones go, and an
 * IPv6 address becomes its /64, since one subscriber usually holds a whole /64 and
 * could otherwise pick a fresh address for every guess.
 */
export function normalizeAddress(raw: string): string | null {
  const address = stripPort(raw.trim()).replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return ipv6Slash64(address);
  return null;
}

/** "[2001:db8::1]:443" and "203.0.113.7:5000" (some balancers add the port). */
function stripPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  return v4WithPort?.[1] ?? value;
}

function ipv6Slash64(address: string): string {
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
