import type { EventData } from '~/shared/events';
import { agentContext, type RunScope } from './agent-context';
import { analyst } from './agents/analyst';
import { applier } from './agents/applier';
import { scout } from './agents/scout';

const DEFAULT_MAX_APPLICATIONS = 5;

/**
 * The pipeline: scout, analyst, then (with autoApply) the applier. Each stage runs
 * through its own AgentContext; progress is split 0–10 / 10–60 / 60–100. The job
 * runner publishes the final event, after recording the run's outcome.
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

  const scored = await analyst(agentContext(scope, 'analyst', 'analyst'), jobs, { from: 10, to: 60 });
  const qualified = scored
    .filter((j) => j.matchScore >= params.minMatchScore)
    .sort((a, b) => b.matchScore - a.matchScore);

  const applied =
    params.autoApply && qualified.length > 0
      ? await applier(
          agentContext(scope, 'applier', 'applier'),
          qualified.slice(0, params.maxApplications ?? DEFAULT_MAX_APPLICATIONS),
          { from: 60, to: 100 },
        )
      : { drafted: 0, submitted: 0, failed: 0 };

  await agentContext(scope, 'system', 'done').progress(100);
  return {
    jobsFound: jobs.length,
    jobsAnalyzed: scored.length,
    jobsQualified: qualified.length,
    applicationsDrafted: applied.drafted,
    applicationsSubmitted: applied.submitted,
    durationMs: Date.now() - started,
  };
}
