import { boardPostings, findPosting } from '../board';
import { boardPage } from '../pages/board-page';
import { messagePage } from '../pages/message-page';
import { postingPage } from '../pages/posting-page';
import { searchPostings } from '../search';
import type { RouteContext } from './context';
import { boardQuerySchema, firstIssue, queryObject } from './query';
import { sendHtml } from './respond';

/** GET /sandbox */
export function handleBoard(ctx: RouteContext): void {
  const parsed = boardQuerySchema.safeParse(queryObject(ctx.query, ['q', 'location']));
  if (!parsed.success) return sendHtml(ctx.res, 400, messagePage('Bad request', firstIssue(parsed.error)));
  const all = boardPostings();
  const { q, location } = parsed.data;
  sendHtml(ctx.res, 200, boardPage({ q, location, results: searchPostings(all, q, location), total: all.length }));
}

/** GET /sandbox/jobs/:id */
export function handlePosting(ctx: RouteContext, id: string): void {
  const posting = findPosting(id);
  if (!posting) return sendHtml(ctx.res, 404, messagePage('Job not found', 'This job does not exist or is no longer open.'));
  sendHtml(ctx.res, 200, postingPage(posting));
}
