import { randomInt, randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import { isTerminalStatus, type PipelineParams, type RunStatus, type RunSummary } from '~/shared/pipeline';
import type { ControlAction } from '~/store/control';
import { profileFieldsSchema } from '~/shared/profile';
import type { RunInputs } from '~/store/run-inputs';
import type { RunStart } from '~/store/run-store';
import type { ServerServices } from './index';
import { assertMayStartRun } from './limits';
import { getProfile } from './profiles';
import { loadResumeFile } from './resume-files';

/** What a control call did, so that a click on a finished run is a clear no-op. */
export interface ControlResult {
  runId: string;
  status: RunStatus;
  /** false when the run had already finished (or was already in that state). */
  changed: boolean;
  message: string;
}

/** Starts a pipeline (the default kind). */
export function startRun(s: ServerServices, userId: string, params: PipelineParams): Promise<{ runId: string }> {
  return startRunOfKind(s, userId, { kind: 'pipeline', params });
}

/**
 * A start as a client asks for it: a negotiation without a seed gets a random one, kept
 * with the run so that the same battle can be replayed.
 */
export function startRequestedRun(s: ServerServices, userId: string, start: RunStart): Promise<{ runId: string }> {
  if (start.kind !== 'salary_battle') return startRunOfKind(s, userId, start);
  return startRunOfKind(s, userId, { kind: 'salary_battle', params: { ...start.params, seed: start.params.seed ?? randomInt(2 ** 31 - 1) } });
}

/**
 * Starts a run of any kind: a pipeline or a session. Every kind goes through the same
 * limits, the same queue and the same per-run log, so sessions reuse all of it.
 */
export async function startRunOfKind(s: ServerServices, userId: string, start: RunStart): Promise<{ runId: string }> {
  await assertMayStartRun(s, userId);
  const runId = `run_${randomUUID().replaceAll('-', '')}`;
  await s.db.prisma.pipelineRun.create({ data: { id: runId, userId, kind: start.kind, params: start.params } });
  await s.stores.inputs.save(runId, await runInputsFor(s, userId));
  // The job id is the run id: a double submit cannot queue one run twice.
  await s.stores.runs.create(runId, userId, start, runId);
  await s.queue.add('pipeline', { runId }, { jobId: runId });
  return { runId };
}

/** The profile, resume and past applications the run's worker needs, read from the database now. */
async function runInputsFor(s: ServerServices, userId: string): Promise<RunInputs> {
  // The schema keeps the profile's fields and drops the view's extras (file, dates).
  const profile = profileFieldsSchema.parse(await getProfile(s, userId));
  const [resume, applied] = await Promise.all([
    loadResumeFile(s.db, userId),
    s.db.prisma.application.findMany({ where: { userId, status: 'submitted' }, select: { jobUrl: true } }),
  ]);
  return { profile, resume, appliedJobUrls: applied.map((a) => a.jobUrl) };
}

/**
 * Records the user's wish and, for a run no worker holds yet, carries it out here;
 * a worker holding the run obeys it at once (stop) or at the next step (pause).
 */
export async function controlRun(
  s: ServerServices,
  run: RunSummary,
  action: ControlAction,
  reason: string,
): Promise<ControlResult> {
  const { runId } = run;
  if (isTerminalStatus(run.status)) {
    return { runId, status: run.status, changed: false, message: `Run already ${run.status}; nothing to ${action}.` };
  }
  const state = await s.stores.control.request(runId, action, reason);
  if (state === 'stopped' && action !== 'stop') {
    return { runId, status: run.status, changed: false, message: 'Run is stopping; it cannot be paused or resumed.' };
  }
  const job = await s.queue.getJob(runId);
  const waiting = job ? ['waiting', 'delayed', 'prioritized'].includes(await job.getState()) : false;
  if (waiting && action === 'stop' && job) return cancelQueuedRun(s, runId, reason, job);
  if (waiting && action !== 'stop') {
    await s.stores.log.publish({
      runId,
      type: action === 'pause' ? 'job_paused' : 'job_resumed',
      agent: 'task',
      message: action === 'pause' ? 'Queued run paused; it will hold when a worker picks it up' : 'Queued run resumed',
      data: { jobId: runId },
    });
  }
  const pending = action === 'stop' ? 'stopping' : action === 'pause' ? 'pausing at the next step' : 'resuming';
  return { runId, status: run.status, changed: true, message: `Run ${pending}.` };
}

async function cancelQueuedRun(s: ServerServices, runId: string, reason: string, job: Job): Promise<ControlResult> {
  try {
    await job.remove();
  } catch {
    // A worker took the job in the meantime; it sees the stop and ends the run.
    return { runId, status: 'running', changed: true, message: 'Run stopping.' };
  }
  const moved = await s.stores.runs.transition(runId, ['queued', 'paused'], 'stopped', { stage: 'done' });
  if (moved.ok) {
    await s.stores.log.publish({
      runId,
      type: 'job_cancelled',
      agent: 'task',
      message: 'Queued job cancelled before a worker started it',
      data: { jobId: runId, reason },
    });
    await s.stores.log.publish({
      runId,
      type: 'pipeline_stopped',
      agent: 'system',
      message: `Pipeline stopped: ${reason}`,
      data: { reason, stage: 'queued' },
    });
    const userId = (await s.stores.runs.get(runId))?.userId;
    if (userId) await s.stores.notifier.toUser(userId, { type: 'run_status', runId, status: 'stopped' });
  }
  return { runId, status: 'stopped', changed: true, message: 'Run stopped before it started.' };
}
