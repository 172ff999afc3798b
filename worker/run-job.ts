import { WaitingError, type Job } from 'bullmq';
import type { Env } from '~/env';
import type { Agent, NewEvent } from '~/shared/events';
import type { JobProgress } from '~/shared/ops';
import type { RunStatus, RunSummary, Stage } from '~/shared/pipeline';
import type { ProfileFields } from '~/shared/profile';
import type { Stores } from '~/store';
import { RunStateLostError } from '~/store/event-log';
import type { PipelineJobData } from '~/store/queue';
import { agentContext, type AgentContext, type AgentSettings, type RunScope } from './agent-context';
import { streamPage } from './browser/frame-streamer';
import { runBrowser, type RunBrowser } from './browser/run-browser';
import { askHuman } from './hitl';
import type { LlmClient } from './llm/types';
import { runPipeline } from './orchestrator';
import { HandedBack, RunControl, RunStateLost, StopRequested } from './run-control';
import { createSessionIO } from './session-io';
import { sessionAgents, type SessionOutcome } from './sessions';
import { announceQueued, type TaskEventDeps } from './task-events';
import type { WorkerBus } from './worker-bus';
import { userMessage } from './user-facing-error';

export interface JobRunnerDeps {
  env: Env;
  stores: Stores;
  bus: WorkerBus;
  workerId: string;
  /** Runs this worker holds, so that shutdown can hand them back. */
  active: Map<string, RunControl>;
  tasks: TaskEventDeps;
  /** The chat model when LLM_BASE_URL is set. */
  llm: LlmClient | null;
  /** The current Redis epoch, checked (src/store/epoch.ts): a run remembers the one it started in. */
  epoch: () => Promise<string>;
}

/**
 * Runs one run (a pipeline or a session) from start to its final event. The run's status is moved
 * before its final event is published, so a client that reacts to the event and
 * reads the run sees the new status.
 */
export async function processPipelineJob(deps: JobRunnerDeps, job: Job<PipelineJobData>, token: string): Promise<void> {
  const { stores } = deps;
  const { runId } = job.data;
  const run = await stores.runs.get(runId);
  if (!run) return; // expired from Redis long ago; nothing left to run
  const attempt = Math.max(1, job.attemptsStarted);
  const control = new RunControl();
  control.epoch = await deps.epoch();
  const publish = async (event: NewEvent): Promise<void> => {
    try {
      await stores.log.publish(event);
    } catch (err) {
      // Redis lost the run's state: whatever the agents do next can no longer be recorded.
      if (err instanceof RunStateLostError) control.lose();
      throw err;
    }
  };
  const jobId = job.id ?? runId;

  if (attempt > 1) await recoverFromLostWorker(deps, run, attempt, publish);
  const started = await stores.runs.transition(runId, ['queued', 'running', 'paused'], 'running', {
    startedAt: new Date().toISOString(),
    attempt: String(attempt),
    handoff: '0',
  });
  if (!started.ok) return; // stopped (or finished) before a worker got to it
  // Unless a worker watching the queue already said so, the wait is announced now, before the start.
  const waited = attempt === 1 ? `Pipeline waited ${((Date.now() - job.timestamp) / 1000).toFixed(1)} s in the queue` : `Attempt ${attempt} queued`;
  await announceQueued(deps.tasks, runId, attempt, waited);
  notifyStatus(deps, run, 'running');

  const stopWatching = deps.bus.watchRun(runId, {
    onControl: (action, reason) => control.apply(action, reason),
    // A failed re-read leaves the state as it was; the next control message or reconnect corrects it.
    resync: () =>
      void stores.control
        .state(runId)
        .then((s) => control.applyState(s.state, s.reason))
        .catch(() => undefined),
  });
  deps.active.set(runId, control);
  const browser = runBrowser(deps.env.BROWSER_EXECUTABLE_PATH, control.signal);
  const startedAt = Date.now();
  let stage: Stage = 'queued';
  try {
    const stored = await stores.control.state(runId);
    control.applyState(stored.state, stored.reason);
    await publish({
      runId,
      type: 'task_started',
      agent: 'task',
      message: `Worker picked up the run (attempt ${attempt})`,
      data: { jobId, attempt, workerId: deps.workerId },
    });
    const inputs = await stores.inputs.profile(runId);
    if (!inputs) throw new Error('the profile this run started with is no longer stored; start a new run');
    const scope = reportingProgressTo(job, createRunScope(deps, run, control, publish, (s) => (stage = s), { ...inputs, browser }));
    const closing = await runByKind(run, scope, attempt, startedAt);
    await finish(deps, run, 'completed', publish, [
      { runId, type: 'task_complete', agent: 'task', message: 'Job complete', data: { jobId, durationMs: Date.now() - startedAt } },
      closing,
    ]);
  } catch (err) {
    const reason: unknown = control.signal.aborted ? control.signal.reason : err;
    if (reason instanceof StopRequested) {
      await finish(deps, run, 'stopped', publish, [
        { runId, type: 'task_complete', agent: 'task', message: 'Job ended by a stop', data: { jobId, durationMs: Date.now() - startedAt } },
        { runId, type: 'pipeline_stopped', agent: 'system', message: `${runNoun(run)} stopped: ${reason.reason}`, data: { reason: reason.reason, stage } },
      ]);
      return;
    }
    if (reason instanceof RunStateLost) {
      // Its record, queue job and log are gone; a web instance closes the run with an error event.
      console.warn(`[worker] run ${runId}: its live state in Redis is gone (Redis lost its data); stopped it without further events`);
      return;
    }
    if (reason instanceof HandedBack) {
      await handBack(deps, job, token, runId, attempt);
      notifyStatus(deps, run, 'queued');
      throw new WaitingError();
    }
    const message = userMessage(err, 'something went wrong in the worker (its log has the details)', `run ${runId} failed`);
    await finish(deps, run, 'failed', publish, [
      { runId, type: 'task_failed', agent: 'task', message: `Job failed: ${message}`, data: { jobId, error: message, retrying: false } },
      { runId, type: 'pipeline_error', agent: 'system', message: `${runNoun(run)} failed: ${message}. Start a new one to try again.`, data: { error: message, retrying: false, attempt } },
    ]);
    throw err;
  } finally {
    await browser.close();
    stopWatching();
    deps.active.delete(runId);
  }
}

/**
 * Runs the run's agents, by its kind, and returns the event that closes it: a
 * pipeline's summary, or a session's outcome.
 */
async function runByKind(run: RunSummary, scope: RunScope<RunSummary['params']>, attempt: number, startedAt: number): Promise<NewEvent> {
  const { runId } = run;
  if (run.kind === 'pipeline') {
    const summary = await runPipeline({ ...scope, params: run.params }, attempt);
    const message = `Pipeline complete: ${summary.jobsFound} found, ${summary.applicationsSubmitted} applied`;
    return { runId, type: 'pipeline_complete', agent: 'system', message, data: summary };
  }
  const { outcome, summary } = await runSession(run, scope);
  const data = { kind: run.kind, outcome, summary, durationMs: Date.now() - startedAt };
  return { runId, type: 'session_complete', agent: 'system', message: summary, data };
}

type SessionRun = Exclude<RunSummary, { kind: 'pipeline' }>;

async function runSession(run: SessionRun, scope: RunScope<RunSummary['params']>): Promise<SessionOutcome> {
  // startRunOfKind stored the kind with parameters its schema validated, so the pair always matches.
  const entry = sessionAgents[run.kind] as unknown as { agent: Agent; run: (ctx: AgentContext<SessionRun['params']>) => Promise<SessionOutcome> };
  // The run's stage says "in session" from the start (a stop reports it too).
  await scope.progress('session', 0);
  return entry.run(agentContext({ ...scope, params: run.params }, entry.agent, 'session'));
}

const runNoun = (run: RunSummary): string => (run.kind === 'pipeline' ? 'Pipeline' : 'Session');

function createRunScope(
  deps: JobRunnerDeps,
  run: RunSummary,
  control: RunControl,
  publish: (event: NewEvent) => Promise<void>,
  onStage: (stage: Stage) => void,
  inputs: { profile: ProfileFields; appliedJobUrls: string[]; browser: RunBrowser },
): RunScope<RunSummary['params']> {
  const { stores, env } = deps;
  const { runId, userId, params } = run;
  let lastProgress = -1;
  let frameNumber = 0;
  return {
    runId,
    userId,
    params,
    profile: inputs.profile,
    resumeFile: () => stores.inputs.resume(runId),
    llm: deps.llm,
    settings: agentSettings(env),
    browser: () => inputs.browser.context(),
    liveView: (page) =>
      streamPage(page, {
        runId,
        fps: env.BROWSER_FPS,
        jpegQuality: env.BROWSER_JPEG_QUALITY,
        nextFrameNumber: () => ++frameNumber,
        publish: (frame) => stores.frames.publish(frame),
      }),
    applications: stores.applications,
    appliedJobUrls: new Set(inputs.appliedJobUrls),
    appUrl: env.APP_URL,
    stepDelayMs: env.AGENT_STEP_DELAY_MS,
    signal: control.signal,
    session: createSessionIO({ turns: stores.turns, bus: deps.bus, runId, signal: control.signal, turnTimeoutMs: env.SESSION_TURN_TIMEOUT_MS, idleTimeoutMs: env.SESSION_IDLE_TIMEOUT_MS }),
    publish,
    ask: (agent, question, context, options, opts) =>
      askHuman(
        { store: stores.hitl, bus: deps.bus, publish, notifier: stores.notifier, defaultTimeoutMs: env.HITL_TIMEOUT_MS },
        { runId, userId, signal: control.signal },
        agent,
        question,
        context,
        options,
        opts,
      ),
    async pausePoint(stage, step) {
      onStage(stage);
      control.signal.throwIfAborted();
      if (!control.paused) return;
      const pausedAt = Date.now();
      await stores.runs.transition(runId, ['running'], 'paused');
      notifyStatus(deps, run, 'paused');
      await publish({ runId, type: 'pipeline_paused', agent: 'system', message: `Paused before: ${step}`, data: { stage, step } });
      try {
        await control.holdWhilePaused();
      } finally {
        await stores.runs.transition(runId, ['paused'], 'running');
        if (!control.signal.aborted) notifyStatus(deps, run, 'running');
      }
      const pausedMs = Date.now() - pausedAt;
      await publish({ runId, type: 'pipeline_resumed', agent: 'system', message: `Resumed: ${step}`, data: { stage, step, pausedMs } });
    },
    async progress(stage, percent) {
      onStage(stage);
      const value = Math.max(0, Math.min(100, Math.round(percent)));
      if (value === lastProgress) return;
      lastProgress = value;
      await stores.runs.setProgress(runId, stage, value);
      await publish({ runId, type: 'task_progress', agent: 'task', message: `${value}%`, data: { jobId: runId, progress: value, stage } });
    },
  };
}

/**
 * The run's progress also goes to its BullMQ job, whose queue events feed the operator's
 * dashboard (task_updated). A progress the job could not take never fails the run.
 */
function reportingProgressTo<P>(job: Job<PipelineJobData>, scope: RunScope<P>): RunScope<P> {
  let last = '';
  return {
    ...scope,
    async progress(stage, percent) {
      await scope.progress(stage, percent);
      const update: JobProgress = { stage, progress: Math.max(0, Math.min(100, Math.round(percent))) };
      const key = `${update.stage}:${update.progress}`;
      if (key === last) return;
      last = key;
      await job.updateProgress(update).catch(() => undefined);
    },
  };
}

function agentSettings(env: Env): AgentSettings {
  return {
    GREENHOUSE_API_URL: env.GREENHOUSE_API_URL,
    GITHUB_API_URL: env.GITHUB_API_URL,
    LEVER_API_URL: env.LEVER_API_URL,
    SOURCE_TIMEOUT_MS: env.SOURCE_TIMEOUT_MS,
    SCOUT_MAX_POSTINGS: env.SCOUT_MAX_POSTINGS,
    BROWSER_EXECUTABLE_PATH: env.BROWSER_EXECUTABLE_PATH,
    BROWSER_FPS: env.BROWSER_FPS,
    BROWSER_JPEG_QUALITY: env.BROWSER_JPEG_QUALITY,
    BROWSER_STEP_TIMEOUT_MS: env.BROWSER_STEP_TIMEOUT_MS,
  };
}

/** Records the outcome, then publishes the closing events (the terminal one last). */
async function finish(
  deps: JobRunnerDeps,
  run: RunSummary,
  status: 'completed' | 'stopped' | 'failed',
  publish: (event: NewEvent) => Promise<void>,
  events: NewEvent[],
): Promise<void> {
  const error = events.find((e) => e.type === 'pipeline_error');
  const moved = await deps.stores.runs.transition(run.runId, ['running', 'paused'], status, {
    stage: 'done',
    ...(error?.type === 'pipeline_error' ? { error: error.data.error } : {}),
  });
  if (!moved.ok) return; // someone else (a stalled-job handler) already closed the run
  for (const event of events) await publish(event);
  notifyStatus(deps, run, status);
}

/** Tells the owner's own room; a notice that fails to go out never fails the run. */
function notifyStatus(deps: JobRunnerDeps, run: RunSummary, status: RunStatus): void {
  void deps.stores.notifier.toUser(run.userId, { type: 'run_status', runId: run.runId, status }).catch(() => undefined);
}

/**
 * A new attempt after the previous worker vanished: withdraw the questions it left
 * open and say that the run starts over.
 */
async function recoverFromLostWorker(
  deps: JobRunnerDeps,
  { runId, userId }: RunSummary,
  attempt: number,
  publish: (event: NewEvent) => Promise<void>,
): Promise<void> {
  for (const q of await deps.stores.hitl.listPending(userId, runId)) {
    if ((await deps.stores.hitl.settle(q.hitlId, 'cancelled', null, 'system')) !== 'ok') continue;
    await publish({ runId, type: 'hitl_cancelled', agent: 'hitl', message: 'Question withdrawn: its worker was lost', data: { hitlId: q.hitlId, reason: 'worker lost' } });
  }
  const handedBack = (await deps.stores.runs.field(runId, 'handoff')) === '1';
  await publish({
    runId,
    type: 'pipeline_error',
    agent: 'system',
    message: handedBack
      ? `A worker shut down and handed the run back; starting again (attempt ${attempt})`
      : `The worker running this pipeline was lost; starting again (attempt ${attempt})`,
    data: { error: handedBack ? 'worker shut down' : 'worker lost', retrying: true, attempt },
  });
}

async function handBack(deps: JobRunnerDeps, job: Job<PipelineJobData>, token: string, runId: string, attempt: number): Promise<void> {
  await deps.stores.runs.transition(runId, ['running', 'paused'], 'queued', { handoff: '1' });
  await announceQueued(deps.tasks, runId, attempt + 1, 'Worker shutting down; run handed back to the queue');
  await job.moveToWait(token);
}
