import type { EventData } from '~/shared/events';
import { agentContext, type RunScope } from './agent-context';
import { analyst } from './agents/analyst';
import { applier, type ApplierOutcome } from './agents/applier';
import { scout } from './agents/scout';
import { postingFromLink } from './sources/link';
import type { JobPosting } from './sources/types';
import { prepareDocuments } from './application-documents';

const DEFAULT_MAX_APPLICATIONS = 5;

/**
 * The pipeline: scout, analyst, then for the best matches the optional document
 * stages (company research, tailored resume, cover letter) and, with autoApply, the
 * applier. Progress: scout 0–10, analyst 10–50, documents 50–70, applier 70–100.
 * The job runner publishes the final event, after recording the run's outcome.
 */
export type PipelineSummary = EventData<'pipeline_complete'>;

async function search(scope: RunScope): Promise<JobPosting[]> {
  const ctx = agentContext(scope, 'scout', 'scout');
  await ctx.pausePoint('search');
  const jobs = await scout(ctx);
  await ctx.progress(10);
  return jobs;
}

/** One pasted link instead of a search: the analyst still reads and scores it, so the user sees the fit. */
async function jobFromLink(scope: RunScope, url: string): Promise<JobPosting> {
  const ctx = agentContext(scope, 'system', 'queued');
  await ctx.pausePoint('read the link');
  const job = await postingFromLink(url, scope.signal, scope.settings.SOURCE_TIMEOUT_MS);
  await ctx.emit('browser_action', `Applying to one link: ${job.title} at ${job.company}`, {
    action: 'apply_to_link',
    detail: `${job.title} at ${job.company} (${url})`.slice(0, 1000),
  });
  await ctx.progress(10);
  return job;
}

export async function runPipeline(scope: RunScope, attempt: number): Promise<PipelineSummary> {
  scope.signal.throwIfAborted(); // stopped while it was queued
  const started = Date.now();
  const { params } = scope;
  const system = agentContext(scope, 'system', 'queued');
  const what = params.applyUrl ? `Applying to ${params.applyUrl}` : `Pipeline started: "${params.query}" in ${params.location}`;
  await system.emit('pipeline_start', what.slice(0, 1000), { params, attempt });

  const jobs = params.applyUrl ? [await jobFromLink(scope, params.applyUrl)] : await search(scope);

  const scored = await analyst(agentContext(scope, 'analyst', 'analyst'), jobs, { from: 10, to: 50 });
  const shortlist = scored
    .filter((j) => j.matchScore >= params.minMatchScore)
    .sort((a, b) => b.matchScore - a.matchScore)
    .slice(0, params.maxApplications ?? DEFAULT_MAX_APPLICATIONS);

  const documentsFor = await prepareDocuments(scope, shortlist, { from: 50, to: params.autoApply ? 70 : 100 });
  const applied: ApplierOutcome =
    params.autoApply && shortlist.length > 0
      ? await applier(agentContext(scope, 'applier', 'applier'), shortlist, documentsFor, { from: 70, to: 100 })
      : { drafted: 0, submitted: 0, failed: 0 };

  await agentContext(scope, 'system', 'done').progress(100);
  return {
    jobsFound: jobs.length,
    jobsAnalyzed: scored.length,
    jobsQualified: scored.filter((j) => j.matchScore >= params.minMatchScore).length,
    applicationsDrafted: applied.drafted,
    applicationsSubmitted: applied.submitted,
    durationMs: Date.now() - started,
  };
}
