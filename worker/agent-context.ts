import type { BrowserContext, Page } from 'playwright-core';
import type { Env } from '~/env';
import type { Agent, EventData, EventType, NewEvent } from '~/shared/events';
import type { PipelineParams, Stage } from '~/shared/pipeline';
import type { HitlAnswerKind, HitlSaveAs } from '~/shared/hitl';
import type { ProfileFields } from '~/shared/profile';
import type { ApplicationLedger } from '~/store/application-ledger';
import type { LiveView } from './browser/frame-streamer';
import type { LlmClient } from './llm/types';

export interface HitlAskOptions {
  /** How long to wait before applying `default` (HITL_TIMEOUT_MS when left out). */
  timeoutMs?: number;
  /** What the agent does when nobody answers in time; null means "no answer". */
  default: string | null;
  /**
   * Publishes the agent's own event about the question (resume_review,
   * applier_draft_ready…) with its id, after the question is stored and before
   * hitl_request goes out, so that a viewer sees what is asked about first.
   */
  announce?: (hitlId: string) => Promise<void>;
  /** The answer's shape (text when left out; choice when there are options). */
  answerKind?: HitlAnswerKind;
  /** Several options may be chosen (one per line in the answer). */
  multiple?: boolean;
  /** Where the user may keep the answer so that it is not asked again. */
  saveAs?: HitlSaveAs;
}

/** The settings agents read; the rest of the environment stays with the job runner. */
export type AgentSettings = Pick<
  Env,
  | 'GREENHOUSE_API_URL'
  | 'GITHUB_API_URL'
  | 'LEVER_API_URL'
  | 'SOURCE_TIMEOUT_MS'
  | 'SCOUT_MAX_POSTINGS'
  | 'BROWSER_EXECUTABLE_PATH'
  | 'BROWSER_FPS'
  | 'BROWSER_JPEG_QUALITY'
  | 'BROWSER_STEP_TIMEOUT_MS'
>;

/** The user's resume as a file, when they uploaded one. */
export interface ResumeFile {
  fileName: string;
  bytes: Buffer;
}

export interface HitlAnswer {
  answer: string | null;
  by: 'human' | 'timeout';
  /** The user also kept it in their profile (only when the question offered it). */
  savedToProfile: boolean;
  /** For a file question answered with a file: the file. */
  file: ResumeFile | null;
}

/** A user's turn in a session (sessions.say), as the agent receives it. */
export interface UserTurn {
  turnId: string;
  text: string;
  /** An amount the user named (a negotiation's ask), or null. */
  offer: number | null;
  round: number;
}

/** Text being written (model tokens): shown live, never stored; the finished text goes into a durable event. */
export interface TypingStream {
  write(delta: string): void;
  end(): void;
}

/** What a session (a run that talks back) has beyond a pipeline's agents. */
export interface SessionIO {
  /** How long the user has for a turn (SESSION_TURN_TIMEOUT_MS) before the session ends as abandoned. */
  readonly turnTimeoutMs: number;
  /** How long a conversation waits for its next message before it ends (SESSION_IDLE_TIMEOUT_MS). */
  readonly idleTimeoutMs: number;
  /**
   * Opens the session for the user's next turn and waits for it: a turn (first one
   * wins, across web instances), null when none comes within the turn timeout, or a
   * throw on stop.
   */
  nextTurn(request: { round: number; timeoutMs?: number }): Promise<UserTurn | null>;
  /** Streams text as it is written, under `messageId`; the durable event with that id replaces it. */
  typing(messageId: string): TypingStream;
}

/**
 * The one interface through which an agent talks to the world: typed events, questions
 * for the human, cancellation, and pause points. Agents never see Redis or BullMQ.
 * `P` is the run's parameters: a pipeline's, or a session kind's.
 */
export interface AgentContext<P = PipelineParams> {
  readonly runId: string;
  readonly userId: string;
  readonly params: P;
  /** The user's profile as it was when the run started. */
  readonly profile: ProfileFields;
  /** The uploaded resume PDF, if any (loaded on first use). */
  resumeFile(): Promise<ResumeFile | null>;
  /** The chat model, when LLM_BASE_URL is set; agents fall back to their deterministic engines otherwise. */
  readonly llm: LlmClient | null;
  readonly settings: AgentSettings;
  /**
   * The run's browser context (one Chromium per run, started on first use). A stop
   * closes it, so a page action in flight fails at once.
   */
  browser(): Promise<BrowserContext>;
  /** Streams a page to the run's viewers at BROWSER_FPS (live frames, never stored) until stopped. */
  liveView(page: Page): Promise<LiveView>;
  /** Jobs this user has applied to, shared by every worker: claim before submitting, record after. */
  readonly applications: ApplicationLedger;
  /** Jobs the database says were submitted before this run started. */
  readonly appliedJobUrls: ReadonlySet<string>;
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
  /** Turns and live text, for sessions. */
  readonly session: SessionIO;
}

export interface RunScope<P = PipelineParams> {
  runId: string;
  userId: string;
  profile: ProfileFields;
  resumeFile: () => Promise<ResumeFile | null>;
  llm: LlmClient | null;
  settings: AgentSettings;
  browser: () => Promise<BrowserContext>;
  liveView: (page: Page) => Promise<LiveView>;
  applications: ApplicationLedger;
  appliedJobUrls: ReadonlySet<string>;
  appUrl: string;
  stepDelayMs: number;
  params: P;
  session: SessionIO;
  signal: AbortSignal;
  publish(event: NewEvent): Promise<void>;
  ask(agent: Agent, question: string, context: string, options: string[], opts: HitlAskOptions): Promise<HitlAnswer>;
  pausePoint(stage: Stage, step: string): Promise<void>;
  progress(stage: Stage, percent: number): Promise<void>;
}

/** An agent's view of its run, with its name and stage filled in. */
export function agentContext<P>(scope: RunScope<P>, agent: Agent, stage: Stage): AgentContext<P> {
  return {
    runId: scope.runId,
    userId: scope.userId,
    params: scope.params,
    profile: scope.profile,
    resumeFile: scope.resumeFile,
    llm: scope.llm,
    settings: scope.settings,
    browser: scope.browser,
    liveView: scope.liveView,
    applications: scope.applications,
    appliedJobUrls: scope.appliedJobUrls,
    signal: scope.signal,
    emit: (type, message, data) => scope.publish({ runId: scope.runId, type, agent, message, data } as NewEvent),
    hitl: { ask: (question, context, options, opts) => scope.ask(agent, question, context, options, opts) },
    pausePoint: (step) => scope.pausePoint(stage, step),
    sleep: (ms) => abortableSleep(ms, scope.signal),
    pace: () => abortableSleep(scope.stepDelayMs, scope.signal),
    appUrl: scope.appUrl,
    progress: (percent) => scope.progress(stage, percent),
    session: scope.session,
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
