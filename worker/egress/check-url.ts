import { normalizeOrigin } from './allowlist';
import { publicAddressOf } from './destination';
import type { Egress } from './dispatcher';
import { EgressRefused } from './errors';

/**
 * Whether a URL would be refused, asked before the browser is sent there (the browser
 * proxy checks again when it connects). Resolves when the URL is allowed or its name
 * does not resolve (that is the site's problem, not the policy's); rejects with
 * EgressRefused otherwise.
 */
export async function checkUrl(url: string, egress: Egress): Promise<void> {
  const origin = normalizeOrigin(url);
  if (origin === null) throw new EgressRefused(url.slice(0, 200), null);
  if (egress.allowlist.allowsOrigin(origin)) return;
  const { hostname, port, protocol } = new URL(url);
  try {
    await publicAddressOf(hostname, port === '' ? (protocol === 'https:' ? 443 : 80) : Number(port));
  } catch (err) {
    if (err instanceof EgressRefused) throw err;
  }
}
