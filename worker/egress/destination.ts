import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from './address';
import { EgressRefused } from './errors';

/** An address to connect to, checked by the policy. */
export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

const lookupAll: LookupAll = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * The address to connect to for a host that is not allowlisted. An IP literal is
 * judged as it is (Node would not look it up anyway); a name is resolved, and every
 * address it resolves to must be public, so that a name pointing at both a public and
 * a private address cannot be used to reach the private one. The caller then connects
 * to the returned address itself, never to the name, so nothing can resolve the name
 * differently between this check and the connection (DNS rebinding).
 */
export async function publicAddressOf(hostname: string, port: number, resolve: LookupAll = lookupAll): Promise<CheckedAddress> {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  const literal = isIP(bare);
  const candidates = literal !== 0 ? [{ address: bare, family: literal }] : await resolve(bare);
  const first = candidates[0];
  if (!first) throw Object.assign(new Error(`${bare} has no address`), { code: 'ENOTFOUND' });
  for (const candidate of candidates) {
    const verdict = classifyAddress(candidate.address);
    if (verdict.kind !== 'public') throw new EgressRefused(`${bare}:${port}`, verdict);
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
