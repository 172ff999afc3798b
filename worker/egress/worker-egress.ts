import { env } from '~/env';
import { allowlistFromSettings, normalizeOrigin } from './allowlist';
import { createEgress, type Egress } from './dispatcher';

/**
 * The worker process's egress, built from its configuration on first use: one
 * connection pool for everything it fetches, and the allowlist the browser proxy uses.
 */
let shared: Egress | undefined;
const withExtra = new Map<string, Egress>();

export function workerEgress(): Egress {
  shared ??= createEgress(allowlistFromSettings(env()));
  return shared;
}

/**
 * The worker's egress plus one configured endpoint's own origin (a job board API or
 * the LLM the client was made for), so that a client built with an explicit URL
 * reaches it like the configured one. One per origin, so pools are shared.
 */
export function workerEgressWith(url: string): Egress {
  const origin = normalizeOrigin(url);
  const base = workerEgress();
  if (origin === null || base.allowlist.allowsOrigin(origin)) return base;
  let egress = withExtra.get(origin);
  if (!egress) {
    egress = createEgress(base.allowlist.with([origin]));
    withExtra.set(origin, egress);
  }
  return egress;
}
