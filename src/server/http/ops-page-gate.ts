import type { IncomingMessage, ServerResponse } from 'node:http';
import type next from 'next';
import { isAdmin } from '../auth/admin';
import type { ServerServices } from '../services';

const OPS_PAGE = '/ops';

export const isOpsPage = (path: string): boolean => path === OPS_PAGE || path.startsWith(`${OPS_PAGE}/`);

type NextHandler = ReturnType<ReturnType<typeof next>['getRequestHandler']>;

/** Next's built-in not-found route (app/not-found.tsx), as the parsed URL Next's handler takes. */
const NOT_FOUND_ROUTE = {
  pathname: '/_not-found',
  href: '/_not-found',
  query: {},
  search: null,
  hash: null,
  hostname: null,
  port: null,
  protocol: null,
  slashes: null,
} satisfies Parameters<NextHandler>[2];

/**
 * The operator's page (/ops) is decided here, before Next renders anything: a page's own
 * notFound() runs after Next has begun streaming, when the status is already 200. So an
 * operator (ADMIN_EMAILS) gets the page, a signed-out visitor is sent to sign in (as from
 * any page that needs a user), and anyone else gets the app's own 404 page with a 404
 * status, the answer for an address where there is nothing.
 */
export async function serveOpsPage(services: ServerServices, req: IncomingMessage, res: ServerResponse, handleNext: NextHandler): Promise<void> {
  const user = await services.sessions.authenticate(req.headers);
  if (!user) {
    res.writeHead(307, { location: `/signin?next=${encodeURIComponent(OPS_PAGE)}`, 'cache-control': 'no-store' }).end();
    return;
  }
  if (isAdmin(user, services.env.ADMIN_EMAILS)) return handleNext(req, res);
  // Rendered with a 404 status; the address stays /ops.
  return handleNext(req, res, NOT_FOUND_ROUTE);
}
