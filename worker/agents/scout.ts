import { generatePostings, searchPostings, type Posting } from '~/sandbox/postings';
import type { AgentContext } from '../agent-context';

export interface FoundJob extends Posting {
  url: string;
}

const board = generatePostings();

/** Finds postings for the query and location. (The sandbox board for now; real sources come with the agents issue.) */
export async function scout(ctx: AgentContext): Promise<FoundJob[]> {
  const { query, location } = ctx.params;
  const sources = ctx.params.sources ?? ['sandbox'];
  await ctx.emit('scout_start', `Searching for "${query}" in ${location}`, { query, location, sources });
  await ctx.pace();
  await ctx.emit('scout_searching', `Searching the sandbox board`, { source: 'sandbox', query, location });
  const jobs = searchPostings(board, query, location).map((p) => ({ ...p, url: `${ctx.appUrl}/sandbox/jobs/${p.id}` }));
  await ctx.emit('scout_found', `Found ${jobs.length} job listings`, {
    source: 'sandbox',
    count: jobs.length,
    urls: jobs.map((j) => j.url),
  });
  await ctx.emit('scout_complete', `Search complete: ${jobs.length} jobs`, { count: jobs.length, duplicatesRemoved: 0 });
  return jobs;
}
