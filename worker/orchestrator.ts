import type { EventData } from '~/shared/events';
import { agentContext, type RunScope } from './agent-context';
import { analyst } from './agents/analyst';
import { applier, type ApplierOutcome } from './agents/applier';
import { scout } from './agents/scout';
import { prepareDocuments } from './application-documents';

const DEFAULT_MAX_APPLICATIONS = 5;

/**
 * The pipeline: scout, analyst, then for the best matches the optional document
 * stages (company research, tailored resume, cover letter) and, with autoApply, the
 * applier. Progress: scout 0–10, analyst 10–50, documents 50–70, applier 70–100.
 * The job runner publishes the final event, after recording the run's outcome.
 */
export type PipelineSummary = EventData<'pipeline_complete'>;

export async function runPipeline(scope: RunScope, attempt: number): Promise<PipelineSummary> {
  scope.signal.throwIfAborted(); // stopped while it was queued
  const started = Date.now();
  const { params } = scope;
  const system = agentContext(scope, 'system', 'queued');
  await system.emit('pipeline_start', `Pipeline started: "${params.query}" in ${params.location}`, { params, attempt });

  const scoutCtx = agentContext(scope, 'scout', 'scout');
  await scoutCtx.pausePoint('search');
  const jobs = await scout(scoutCtx);
  await scoutCtx.progress(10);

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
