import { Agent, buildConnector } from 'undici';
import type { EgressAllowlist } from './allowlist';
import { publicAddressOf, type LookupAll } from './destination';

/**
 * The policy where it cannot be bypassed: in the function that opens every TCP (and
 * TLS) connection of an undici Agent. A redirect, a retry or a pooled origin all come
 * through here when they need a new connection.
 */

/** What a worker fetch goes through: the allowlist it was built with, and its connection pool. */
export interface Egress {
  readonly allowlist: EgressAllowlist;
  readonly dispatcher: Agent;
}

export function createEgress(allowlist: EgressAllowlist): Egress {
  return { allowlist, dispatcher: new Agent({ connect: guardedConnector(allowlist) }) };
}

/**
 * Allowlisted origins connect as usual. Any other host is resolved here, every address
 * is checked, and the socket is opened to the checked address. `host` stays the name,
 * so TLS still sends it as SNI and verifies the certificate against it.
 */
export function guardedConnector(
  allowlist: EgressAllowlist,
  connect: buildConnector.connector = buildConnector({}),
  resolve?: LookupAll,
): buildConnector.connector {
  return (options, callback) => {
    const host = options.host ?? (options.port ? `${options.hostname}:${options.port}` : options.hostname);
    if (allowlist.allowsOrigin(`${options.protocol}//${host}`)) {
      connect(options, callback);
      return;
    }
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    publicAddressOf(options.hostname, port, resolve).then(
      ({ address }) => connect({ ...options, host, hostname: address }, callback),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
    );
  };
}
