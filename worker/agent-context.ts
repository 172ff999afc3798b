import type { Agent, EventData, EventType, NewEvent } from '~/shared/events';
import type { PipelineParams, Stage } from '~/shared/pipeline';

export interface HitlAskOptions {
  /** How long to wait before applying `default` (HITL_TIMEOUT_MS when left out). */
  timeoutMs?: number;
  /** What the agent does when nobody answers in time; null means "no answer". */
  default: string | null;
}

export interface HitlAnswer {
  answer: string | null;
  by: 'human' | 'timeout';
}

/**
 * The one interface through which an agent talks to the world: typed events, questions
 * for the human, cancellation, and pause points. Agents never see Redis or BullMQ.
 */
export interface AgentContext {
  readonly runId: string;
  readonly params: PipelineParams;
  /** Aborts when the user stops the run (or the worker hands it back). */
  readonly signal: AbortSignal;
  emit<T extends EventType>(type: T, message: string, data: EventData<T>): Promise<void>;
  hitl: {
    /** Blocks this agent (only) until an answer, the timeout, or a stop. */
    ask(question: string, context: string, options: string[], opts: HitlAskOptions): Promise<HitlAnswer>;
  };
  /** A step boundary: holds here while the run is paused; throws if it was stopped. */
  pausePoint(step: string): Promise<void>;
  /** Waits, but wakes at once on stop. */
  sleep(ms: number): Promise<void>;
  /** Waits the configured step delay (AGENT_STEP_DELAY_MS), so a demo run unfolds at a human pace. */
  pace(): Promise<void>;
  /** The app's public origin (APP_URL). */
  readonly appUrl: string;
  /** Overall progress of the run, 0–100, reported as task_progress. */
  progress(percent: number): Promise<void>;
}

export interface RunScope {
  runId: string;
  appUrl: string;
  stepDelayMs: number;
  params: PipelineParams;
  signal: AbortSignal;
  publish(event: NewEvent): Promise<void>;
  ask(agent: Agent, question: string, context: string, options: string[], opts: HitlAskOptions): Promise<HitlAnswer>;
  pausePoint(stage: Stage, step: string): Promise<void>;
  progress(stage: Stage, percent: number): Promise<void>;
}

/** An agent's view of its run, with its name and stage filled in. */
export function agentContext(scope: RunScope, agent: Agent, stage: Stage): AgentContext {
  return {
    runId: scope.runId,
    params: scope.params,
    signal: scope.signal,
    emit: (type, message, data) => scope.publish({ runId: scope.runId, type, agent, message, data } as NewEvent),
    hitl: { ask: (question, context, options, opts) => scope.ask(agent, question, context, options, opts) },
    pausePoint: (step) => scope.pausePoint(stage, step),
    sleep: (ms) => abortableSleep(ms, scope.signal),
    pace: () => abortableSleep(scope.stepDelayMs, scope.signal),
    appUrl: scope.appUrl,
    progress: (percent) => scope.progress(stage, percent),
  };
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
