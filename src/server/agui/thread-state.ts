import type { RunEvent } from '~/shared/events';
import type { RunKind } from '~/shared/pipeline';
import { applicationsInOrder, initialRunState, LANES, openQuestions, reduceRunEvents, type RunState } from '~/shared/run-state';
import { sessionEndAfter, sessionStatusAfter, type SessionEnd } from '~/shared/session-state';

/**
 * The run as an AG-UI client holds it in `agent.state`: what the run page's fold
 * builds (stages, jobs, applications, open questions), as plain JSON. STATE_SNAPSHOT
 * sends it whole and STATE_DELTA (JSON Patch) its changes, so a client that applies
 * every delta holds exactly this. `lastSeq` is the last event folded in: HttpAgent
 * sends its state with every request, which is how a reconnect says where it was.
 */
export interface RunFold {
  runId: string;
  kind: RunKind;
  run: RunState;
  /** How a session ended (sessions end with session_complete, which the pipeline fold does not know). */
  sessionEnd: SessionEnd | null;
  /** A session has said its piece and waits for the user's turn. */
  awaitingTurn: boolean;
  /** The last turn the user took, and the turn the session's latest reply answered. */
  takenTurn: string | null;
  repliedTurn: string | null;
  /** Tool calls whose result comes with a later event, whichever connection saw the call. */
  pendingCalls: PendingCalls;
}

/** The scout's searches waiting for what they found (by source, oldest first: a source may have several boards), and the applier's submits (by job). */
export interface PendingCalls {
  searches: ReadonlyMap<string, readonly string[]>;
  submits: ReadonlyMap<string, string>;
}

const NO_CALLS: PendingCalls = { searches: new Map(), submits: new Map() };

/** A tool call's id is its event's: the same on every connection. */
export const callIdOf = (event: RunEvent): string => `${event.runId}-${event.seq}-call`;

function trackCalls(calls: PendingCalls, event: RunEvent): PendingCalls {
  switch (event.type) {
    case 'pipeline_start':
      return NO_CALLS;
    case 'scout_searching': {
      const searches = new Map(calls.searches);
      searches.set(event.data.source, [...(searches.get(event.data.source) ?? []), callIdOf(event)]);
      return { ...calls, searches };
    }
    case 'scout_found': {
      const searches = new Map(calls.searches);
      searches.set(event.data.source, (searches.get(event.data.source) ?? []).slice(1));
      return { ...calls, searches };
    }
    case 'applier_submit':
      return { ...calls, submits: new Map(calls.submits).set(event.data.jobUrl, callIdOf(event)) };
    case 'applier_submitted':
    case 'applier_error': {
      if (!calls.submits.has(event.data.jobUrl)) return calls;
      const submits = new Map(calls.submits);
      submits.delete(event.data.jobUrl);
      return { ...calls, submits };
    }
    default:
      return calls;
  }
}

/** The events after which a session waits for the user: a reply that does not close it, a question to answer. */
export function awaitsUser(event: RunEvent): boolean {
  switch (event.type) {
    case 'salary_battle_ai_response':
      return event.data.phase !== 'closed';
    case 'career_chat_response':
    case 'interview_question':
      return true;
    default:
      return false;
  }
}

/** The turn id of a turn the user took (a career chat's turns show only in the replies). */
function turnTaken(event: RunEvent): string | null {
  return event.type === 'salary_battle_user_turn' || event.type === 'interview_answer' ? event.data.turnId : null;
}

export function initialRunFold(runId: string, kind: RunKind): RunFold {
  return { runId, kind, run: initialRunState, sessionEnd: null, awaitingTurn: false, takenTurn: null, repliedTurn: null, pendingCalls: NO_CALLS };
}

/** Folds events in seq order; the fold keeps no event list (a thread may run to thousands of events). */
export function foldEvents(fold: RunFold, batch: readonly RunEvent[]): RunFold {
  // Without the event list the fold cannot tell an old event from a new one: only newer ones go in.
  const events = batch.filter((e) => e.seq > fold.run.lastSeq);
  if (events.length === 0) return fold;
  const run = reduceRunEvents({ ...fold.run, events: [] }, events);
  let sessionEnd = fold.sessionEnd;
  let status = run.status;
  let { awaitingTurn, takenTurn, repliedTurn, pendingCalls } = fold;
  for (const event of events) {
    pendingCalls = trackCalls(pendingCalls, event);
    sessionEnd = sessionEndAfter(sessionEnd, event);
    if (event.type === 'session_complete') status = sessionStatusAfter(status, event);
    const taken = turnTaken(event);
    if (taken) {
      takenTurn = taken;
      awaitingTurn = false;
    } else if (awaitsUser(event)) {
      awaitingTurn = true;
      repliedTurn = event.type === 'career_chat_response' ? event.data.turnId : takenTurn;
    }
  }
  return { ...fold, run: { ...run, status, events: [] }, sessionEnd, awaitingTurn, takenTurn, repliedTurn, pendingCalls };
}

/** How the run ended, the same for every kind; null while it goes on. */
export function runEnding(fold: RunFold): SessionEnd | null {
  const { outcome } = fold.run;
  if (outcome?.kind === 'completed') {
    return { kind: 'completed', outcome: 'completed', summary: summaryOf(outcome.summary) };
  }
  return outcome ?? fold.sessionEnd;
}

function summaryOf(s: { jobsFound: number; jobsQualified: number; applicationsDrafted: number; applicationsSubmitted: number }): string {
  return `${s.jobsFound} jobs found, ${s.jobsQualified} qualified, ${s.applicationsDrafted} drafted, ${s.applicationsSubmitted} submitted`;
}

/** The JSON the client holds. Jobs and applications are lists in discovery order, so a new one is an append. */
export function threadState(fold: RunFold) {
  const { run } = fold;
  return {
    runId: fold.runId,
    kind: fold.kind,
    lastSeq: run.lastSeq,
    status: run.status,
    stage: run.stage,
    progress: run.progress,
    attempt: run.attempt,
    lanes: Object.fromEntries(LANES.map((lane) => [lane, { ...run.lanes[lane] }])),
    jobs: [...run.jobs.values()]
      .sort((a, b) => a.order - b.order)
      .map((job) => ({ ...job, matchedSkills: [...job.matchedSkills], missingSkills: [...job.missingSkills] })),
    applications: applicationsInOrder(run),
    questions: openQuestions(run).map((q) => ({
      hitlId: q.hitlId,
      agent: q.agent,
      question: q.question,
      options: [...q.options],
      answerKind: q.answerKind,
      multiple: q.multiple,
      expiresAt: q.expiresAt,
      defaultAnswer: q.defaultAnswer,
      jobUrl: q.jobUrl,
    })),
    ending: runEnding(fold),
  };
}
export type ThreadState = ReturnType<typeof threadState>;
