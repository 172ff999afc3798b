import { boardPostings, findPosting } from '../board';
import { toSandboxJob } from '../job-json';
import { searchPostings } from '../search';
import type { RouteContext } from './context';
import { firstIssue, jobsQuerySchema, queryObject } from './query';
import { sendJson } from './respond';

/** GET /sandbox/api/jobs?q=&location=&limit=&offset= */
export function handleJobsApi(ctx: RouteContext): void {
  const parsed = jobsQuerySchema.safeParse(queryObject(ctx.query, ['q', 'location', 'limit', 'offset']));
  if (!parsed.success) return sendJson(ctx.res, 400, { error: firstIssue(parsed.error) });
  const { q, location, limit, offset } = parsed.data;
  const matches = searchPostings(boardPostings(), q, location);
  const jobs = matches.slice(offset, offset + limit).map((p) => toSandboxJob(p, ctx.appUrl));
  sendJson(ctx.res, 200, { jobs, total: matches.length });
}

/** GET /sandbox/api/jobs/:id/stats: how many applications arrived, and nothing about who sent them. */
export async function handleJobStats(ctx: RouteContext, jobId: string): Promise<void> {
  if (!findPosting(jobId)) return sendJson(ctx.res, 404, { error: `no job ${jobId}` });
  sendJson(ctx.res, 200, { jobId, submissions: await ctx.submissions.count(jobId) });
}

/** GET /sandbox/applications/:receiptId: the receipt id is the capability. */
export async function handleReceipt(ctx: RouteContext, receiptId: string): Promise<void> {
  const submission = await ctx.submissions.find(receiptId);
  if (!submission) return sendJson(ctx.res, 404, { error: 'no application with this receipt' });
  sendJson(ctx.res, 200, submission);
}
