import type { Page, Request, Response } from 'playwright-core';
import { EGRESS_HEADER } from '../egress';

/**
 * Notices when the egress proxy refused what the applier's page tried to load. An
 * http:// request comes back as the proxy's 403 with a header that says so; an
 * https:// one fails as a tunnel the proxy would not open, and then the URL is put to
 * the policy again to tell a refusal from a site that is merely down.
 */

export type WatchedKind = 'navigation' | 'post';

export interface RefusalWatch {
  /** Whether a request of this kind was refused since the last reset. */
  refused(kind: WatchedKind): Promise<boolean>;
  /** Forgets what was seen, before the next step. */
  reset(): void;
  stop(): void;
}

interface Seen {
  kinds: WatchedKind[];
  /** True when the proxy's own answer said so; otherwise the URL still has to be judged. */
  confirmed: boolean;
  url: string;
}

export function watchRefusals(page: Page, isRefused: (url: string) => Promise<boolean>): RefusalWatch {
  let seen: Seen[] = [];
  const kindsOf = (request: Request): WatchedKind[] => {
    const kinds: WatchedKind[] = [];
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) kinds.push('navigation');
    if (request.method() === 'POST') kinds.push('post');
    return kinds;
  };
  const onResponse = (response: Response) => {
    const kinds = kindsOf(response.request());
    if (kinds.length > 0 && response.headers()[EGRESS_HEADER] === 'refused') seen.push({ kinds, confirmed: true, url: response.url() });
  };
  const onFailed = (request: Request) => {
    const kinds = kindsOf(request);
    if (kinds.length > 0) seen.push({ kinds, confirmed: false, url: request.url() });
  };
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  return {
    async refused(kind) {
      for (const s of seen.filter((x) => x.kinds.includes(kind))) {
        if (s.confirmed || (await isRefused(s.url))) return true;
      }
      return false;
    },
    reset: () => {
      seen = [];
    },
    stop: () => {
      page.off('response', onResponse);
      page.off('requestfailed', onFailed);
    },
  };
}
