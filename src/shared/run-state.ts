import type { Agent, EventData, EventType, RunEvent, RunEventOf } from '~/shared/events';
import { isTerminalStatus, type JobSource, type PipelineParams, type RunStatus, type Stage } from '~/shared/pipeline';
import type { HitlAnswerKind, HitlSaveAs } from '~/shared/hitl';

/**
 * Everything the run page shows, folded from the run's events alone. The fold is
 * keyed by seq: an event whose seq is already known changes nothing, so a resumed
 * stream, a reloaded cache and a reconnect can overlap without doubling anything.
 */

/** The stages that get a lane, in pipeline order. */
export const LANES = ['scout', 'analyst', 'company', 'resume', 'cover_letter', 'applier'] as const satisfies readonly Stage[];
export type Lane = (typeof LANES)[number];

export type LaneStatus = 'waiting' | 'working' | 'done' | 'skipped' | 'failed';

export interface LaneState {
  status: LaneStatus;
  /** Sources searched, jobs analysed, documents or applications finished. */
  handled: number;
  /** How many the lane will handle, once the events have said; null while unknown. */
  total: number | null;
  /** Why a lane was skipped or failed, in a few words. */
  note: string | null;
}

type FilledField = EventData<'applier_draft_ready'>['fields'][number];

export interface FoundJob {
  jobUrl: string;
  title: string | null;
  company: string | null;
  source: JobSource | null;
  /** pending: found, not scored yet; qualified / below: the analyst's verdict. */
  verdict: 'pending' | 'qualified' | 'below';
  matchScore: number | null;
  minMatchScore: number | null;
  matchedSkills: readonly string[];
  missingSkills: readonly string[];
  explanation: string | null;
  /** Discovery order, so that equal scores keep a stable order. */
  order: number;
}

export type ApplicationStage =
  | 'filling'
  | 'drafted'
  | 'awaiting_approval'
  | 'approved'
  | 'not_approved'
  | 'submitted'
  | 'failed';

export interface ApplicationState {
  jobUrl: string;
  title: string;
  company: string;
  stage: ApplicationStage;
  draftMode: boolean;
  fieldCount: number | null;
  unsureFields: number;
  confirmation: string | null;
  error: string | null;
  /** The approval question for the current draft, while one is (or was last) asked. */
  approvalHitlId: string | null;
  order: number;
}

export interface DraftState {
  jobUrl: string;
  title: string;
  company: string;
  fields: readonly FilledField[];
  screenshot?: string;
  seq: number;
}

export interface OpenQuestion {
  hitlId: string;
  agent: Agent;
  question: string;
  context: string;
  options: readonly string[];
  answerKind: HitlAnswerKind;
  multiple: boolean;
  saveAs: HitlSaveAs | null;
  expiresAt: string;
  defaultAnswer: string | null;
  askedSeq: number;
  /** The job the question is about, when the applier asked it. */
  jobUrl: string | null;
  /** The applier asking to submit a draft: the draft review goes with it. */
  isApproval: boolean;
}

export interface Narration {
  text: string;
  seq: number;
  timestamp: string;
}

export type RunOutcome =
  | { kind: 'completed'; summary: EventData<'pipeline_complete'> }
  | { kind: 'stopped'; reason: string }
  | { kind: 'failed'; error: string };

export interface RunState {
  /** Highest seq folded in; the subscription resumes after it. */
  lastSeq: number;
  /** Every event once, in seq order. */
  events: readonly RunEvent[];
  /** null until an event has said anything about the run's status. */
  status: RunStatus | null;
  stage: Stage | null;
  progress: number | null;
  params: PipelineParams | null;
  attempt: number;
  lanes: Readonly<Record<Lane, LaneState>>;
  jobs: ReadonlyMap<string, FoundJob>;
  applications: ReadonlyMap<string, ApplicationState>;
  /** The latest draft per job, for the draft review. */
  drafts: ReadonlyMap<string, DraftState>;
  /** Questions asked and not yet answered, timed out or withdrawn. */
  questions: ReadonlyMap<string, OpenQuestion>;
  /** The applier's latest narration (browser_action and applier_* messages). */
  narration: Narration | null;
  outcome: RunOutcome | null;
  /** Agents and types seen so far, for the log's filters. */
  agents: readonly Agent[];
  types: readonly EventType[];
  /** How many jobs the document stages and the applier will take, once known. */
  shortlist: number | null;
  /** The job whose draft was just announced: the applier's next question is its approval. */
  approvalFor: string | null;
  /** The job the applier is working on. */
  applierJob: string | null;
}

const isLane = (agent: string): agent is Lane => (LANES as readonly string[]).includes(agent);

const freshLane = (): LaneState => ({ status: 'waiting', handled: 0, total: null, note: null });

function freshLanes(): Record<Lane, LaneState> {
  return { scout: freshLane(), analyst: freshLane(), company: freshLane(), resume: freshLane(), cover_letter: freshLane(), applier: freshLane() };
}

export const initialRunState: RunState = {
  lastSeq: 0,
  events: [],
  status: null,
  stage: null,
  progress: null,
  params: null,
  attempt: 0,
  lanes: freshLanes(),
  jobs: new Map(),
  applications: new Map(),
  drafts: new Map(),
  questions: new Map(),
  narration: null,
  outcome: null,
  agents: [],
  types: [],
  shortlist: null,
  approvalFor: null,
  applierJob: null,
};

/** The fold's working copy: containers are copied once per batch, never mutated in place across batches. */
interface Draft {
  status: RunStatus | null;
  stage: Stage | null;
  progress: number | null;
  params: PipelineParams | null;
  attempt: number;
  lanes: Record<Lane, LaneState>;
  jobs: Map<string, FoundJob>;
  applications: Map<string, ApplicationState>;
  drafts: Map<string, DraftState>;
  questions: Map<string, OpenQuestion>;
  narration: Narration | null;
  outcome: RunOutcome | null;
  agents: Set<Agent>;
  types: Set<EventType>;
  shortlist: number | null;
  approvalFor: string | null;
  applierJob: string | null;
}

function draftOf(state: RunState): Draft {
  return {
    status: state.status,
    stage: state.stage,
    progress: state.progress,
    params: state.params,
    attempt: state.attempt,
    lanes: { ...state.lanes },
    jobs: new Map(state.jobs),
    applications: new Map(state.applications),
    drafts: new Map(state.drafts),
    questions: new Map(state.questions),
    narration: state.narration,
    outcome: state.outcome,
    agents: new Set(state.agents),
    types: new Set(state.types),
    shortlist: state.shortlist,
    approvalFor: state.approvalFor,
    applierJob: state.applierJob,
  };
}

function stateOf(d: Draft, events: readonly RunEvent[]): RunState {
  return {
    ...d,
    lastSeq: events.at(-1)?.seq ?? 0,
    events,
    agents: [...d.agents].sort(),
    types: [...d.types].sort(),
  };
}

/** Index of the first event whose seq is >= seq (events are in seq order). */
function lowerBound(events: readonly RunEvent[], seq: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((events[mid]?.seq ?? Infinity) < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function has(events: readonly RunEvent[], seq: number): boolean {
  return events[lowerBound(events, seq)]?.seq === seq;
}

/**
 * Folds a batch of events into the state. Returns the same object when nothing in
 * the batch was new, so React skips the render.
 */
export function reduceRunEvents(state: RunState, batch: readonly RunEvent[]): RunState {
  const incoming = new Map<number, RunEvent>();
  for (const event of batch) {
    if (!Number.isInteger(event.seq) || event.seq < 1) continue;
    if (!incoming.has(event.seq) && !has(state.events, event.seq)) incoming.set(event.seq, event);
  }
  if (incoming.size === 0) return state;
  const fresh = [...incoming.values()].sort((a, b) => a.seq - b.seq);
  const first = fresh[0];
  if (first && first.seq > state.lastSeq) {
    // The usual case: the stream continues where it was.
    const d = draftOf(state);
    for (const event of fresh) apply(d, event);
    return stateOf(d, [...state.events, ...fresh]);
  }
  // An event older than one already folded: status and lanes depend on order, so fold everything again.
  const merged = [...state.events, ...fresh].sort((a, b) => a.seq - b.seq);
  const d = draftOf(initialRunState);
  for (const event of merged) apply(d, event);
  return stateOf(d, merged);
}

/** The run's status after an event; a finished run stays finished. */
export function statusAfter(current: RunStatus | null, event: RunEvent): RunStatus | null {
  if (current && isTerminalStatus(current)) return current;
  switch (event.type) {
    case 'task_queued':
      // A queued run that was paused stays paused however late the queue announces it.
      return current === 'paused' ? 'paused' : current === null || current === 'queued' ? 'queued' : current;
    case 'job_paused':
    case 'pipeline_paused':
      return 'paused';
    case 'job_resumed':
      return 'queued';
    case 'task_started':
    case 'pipeline_start':
    case 'pipeline_resumed':
      return 'running';
    case 'job_cancelled':
    case 'pipeline_stopped':
      return 'stopped';
    case 'pipeline_complete':
      return 'completed';
    case 'pipeline_error':
      return event.data.retrying ? (current ?? 'running') : 'failed';
    case 'task_failed':
      return event.data.retrying ? current : 'failed';
    default:
      return current;
  }
}

function setLane(d: Draft, lane: Lane, change: Partial<LaneState>): void {
  d.lanes[lane] = { ...d.lanes[lane], ...change };
}

function startLane(d: Draft, lane: Lane): void {
  if (d.lanes[lane].status === 'waiting') setLane(d, lane, { status: 'working' });
}

/** One more item finished; the lane is done when it has handled all it will. */
function stepLane(d: Draft, lane: Lane): void {
  const current = d.lanes[lane];
  const handled = current.handled + 1;
  const finished = current.total !== null && handled >= current.total;
  setLane(d, lane, { handled, status: finished ? 'done' : current.status === 'waiting' ? 'working' : current.status });
}

function finishLane(d: Draft, lane: Lane): void {
  const current = d.lanes[lane];
  if (current.status === 'skipped' || current.status === 'failed') return;
  setLane(d, lane, { status: 'done', total: current.total ?? current.handled, handled: Math.max(current.handled, current.total ?? 0) });
}

/** At the end of a run, each lane still open is closed one way or another. */
function closeLanes(d: Draft, working: LaneStatus, waiting: LaneStatus, note: string | null): void {
  for (const lane of LANES) {
    const current = d.lanes[lane];
    if (current.status === 'working') setLane(d, lane, { status: working, note: working === 'done' ? null : note });
    else if (current.status === 'waiting') setLane(d, lane, { status: waiting, note });
  }
}

function skipByParams(d: Draft, params: PipelineParams): void {
  const off: [Lane, boolean][] = [
    ['company', params.useCompanyResearch],
    ['resume', params.useResumeTailoring],
    ['cover_letter', params.useCoverLetter],
    ['applier', params.autoApply],
  ];
  for (const [lane, on] of off) if (!on) setLane(d, lane, { status: 'skipped', note: 'Off for this run' });
}

function upsertJob(d: Draft, jobUrl: string, change: Partial<FoundJob>): void {
  const existing = d.jobs.get(jobUrl);
  const base: FoundJob = existing ?? {
    jobUrl,
    title: null,
    company: null,
    source: null,
    verdict: 'pending',
    matchScore: null,
    minMatchScore: null,
    matchedSkills: [],
    missingSkills: [],
    explanation: null,
    order: d.jobs.size,
  };
  d.jobs.set(jobUrl, { ...base, ...change });
}

function updateApplication(d: Draft, jobUrl: string, change: Partial<ApplicationState>): void {
  const existing = d.applications.get(jobUrl);
  const job = d.jobs.get(jobUrl);
  const base: ApplicationState = existing ?? {
    jobUrl,
    title: job?.title ?? jobUrl,
    company: job?.company ?? '',
    stage: 'filling',
    draftMode: d.params?.draftMode ?? true,
    fieldCount: null,
    unsureFields: 0,
    confirmation: null,
    error: null,
    approvalHitlId: null,
    order: d.applications.size,
  };
  d.applications.set(jobUrl, { ...base, ...change });
}

/** Once the analyst has spoken, the later lanes know how many jobs they will take. */
function setShortlist(d: Draft, qualified: number): void {
  const max = d.params?.maxApplications;
  d.shortlist = max === undefined ? null : Math.min(qualified, max);
  for (const lane of ['company', 'resume', 'cover_letter', 'applier'] as const) {
    const current = d.lanes[lane];
    if (current.status === 'skipped') continue;
    if (qualified === 0) setLane(d, lane, { status: 'skipped', note: 'No job qualified' });
    else setLane(d, lane, { total: d.shortlist });
  }
}

/** The approval question of a job's draft was settled: approved drafts go on to be submitted. */
function settleApproval(d: Draft, question: OpenQuestion, answer: string | null): void {
  if (!question.isApproval || !question.jobUrl) return;
  const app = d.applications.get(question.jobUrl);
  if (!app || app.approvalHitlId !== question.hitlId) return;
  if (answer === 'approve') {
    updateApplication(d, question.jobUrl, { stage: 'approved' });
  } else if (answer === null) {
    // Withdrawn (the run is stopping): the draft stays a draft.
    updateApplication(d, question.jobUrl, { stage: 'drafted' });
  } else {
    updateApplication(d, question.jobUrl, { stage: 'not_approved' });
    stepLane(d, 'applier');
  }
}

function closeQuestion(d: Draft, hitlId: string, answer: string | null): void {
  const question = d.questions.get(hitlId);
  if (!question) return;
  d.questions.delete(hitlId);
  settleApproval(d, question, answer);
}

function openQuestion(d: Draft, event: RunEventOf<'hitl_request'>): void {
  const { data } = event;
  const isApproval = event.agent === 'applier' && d.approvalFor !== null;
  const jobUrl = isApproval ? d.approvalFor : event.agent === 'applier' ? d.applierJob : null;
  d.questions.set(data.hitlId, {
    hitlId: data.hitlId,
    agent: event.agent,
    question: data.question,
    context: data.context,
    options: data.options,
    // Events from before answers had kinds were text or choice.
    answerKind: data.answerKind ?? (data.options.length > 0 ? 'choice' : 'text'),
    multiple: data.multiple ?? false,
    saveAs: data.saveAs ?? null,
    expiresAt: data.expiresAt,
    defaultAnswer: data.defaultAnswer,
    askedSeq: event.seq,
    jobUrl,
    isApproval,
  });
  if (isApproval && jobUrl) updateApplication(d, jobUrl, { stage: 'awaiting_approval', approvalHitlId: data.hitlId });
  d.approvalFor = null;
}

/** The run has ended: nobody can answer its questions any more. */
function endRun(d: Draft, outcome: RunOutcome): void {
  d.outcome = outcome;
  for (const hitlId of [...d.questions.keys()]) closeQuestion(d, hitlId, null);
  d.approvalFor = null;
}

function narrate(d: Draft, event: RunEvent): void {
  if (event.type === 'browser_action' || event.type.startsWith('applier_')) {
    d.narration = { text: event.message, seq: event.seq, timestamp: event.timestamp };
  }
}

function apply(d: Draft, event: RunEvent): void {
  d.agents.add(event.agent);
  d.types.add(event.type);
  d.status = statusAfter(d.status, event);
  // task_progress reports a stage only when progress moves; the agent speaking is where the run is now.
  if (isLane(event.agent) && !d.outcome) d.stage = event.agent;
  narrate(d, event);
  switch (event.type) {
    case 'pipeline_start':
      // A new attempt starts over: its stages report again from the beginning.
      d.params = event.data.params;
      d.attempt = event.data.attempt;
      d.lanes = freshLanes();
      d.shortlist = null;
      d.approvalFor = null;
      d.applierJob = null;
      skipByParams(d, event.data.params);
      break;
    case 'task_progress':
      d.progress = event.data.progress;
      d.stage = event.data.stage;
      break;
    case 'pipeline_paused':
    case 'pipeline_resumed':
      d.stage = event.data.stage;
      break;
    case 'pipeline_complete':
      d.progress = 100;
      d.stage = 'done';
      closeLanes(d, 'done', 'skipped', 'Not needed');
      endRun(d, { kind: 'completed', summary: event.data });
      break;
    case 'pipeline_stopped':
      closeLanes(d, 'skipped', 'skipped', 'Stopped');
      endRun(d, { kind: 'stopped', reason: event.data.reason });
      break;
    case 'job_cancelled':
      closeLanes(d, 'skipped', 'skipped', 'Stopped');
      endRun(d, { kind: 'stopped', reason: event.data.reason });
      break;
    case 'pipeline_error':
      if (!event.data.retrying) {
        closeLanes(d, 'failed', 'skipped', event.data.error);
        endRun(d, { kind: 'failed', error: event.data.error });
      }
      break;
    case 'task_failed':
      if (!event.data.retrying && !d.outcome) {
        closeLanes(d, 'failed', 'skipped', event.data.error);
        endRun(d, { kind: 'failed', error: event.data.error });
      }
      break;

    case 'scout_start':
      setLane(d, 'scout', { status: 'working', handled: 0, total: event.data.sources.length });
      break;
    case 'scout_found':
      stepLane(d, 'scout');
      for (const url of event.data.urls) upsertJob(d, url, { source: d.jobs.get(url)?.source ?? event.data.source });
      break;
    case 'scout_complete':
      finishLane(d, 'scout');
      break;

    case 'analyst_start':
      setLane(d, 'analyst', { status: 'working', handled: event.data.jobIndex - 1, total: event.data.total });
      upsertJob(d, event.data.jobUrl, { title: event.data.title, company: event.data.company });
      break;
    case 'analyst_result':
      stepLane(d, 'analyst');
      upsertJob(d, event.data.jobUrl, {
        title: event.data.title,
        company: event.data.company,
        verdict: 'qualified',
        matchScore: event.data.matchScore,
        matchedSkills: event.data.matchedSkills,
        missingSkills: event.data.missingSkills,
        explanation: event.data.explanation,
      });
      break;
    case 'analyst_skipped':
      stepLane(d, 'analyst');
      upsertJob(d, event.data.jobUrl, {
        title: event.data.title,
        company: event.data.company,
        verdict: 'below',
        matchScore: event.data.matchScore,
        minMatchScore: event.data.minMatchScore,
        explanation: event.data.reason,
      });
      break;
    case 'analyst_complete':
      finishLane(d, 'analyst');
      setShortlist(d, event.data.qualified);
      break;

    case 'company_start':
      startLane(d, 'company');
      break;
    case 'company_result':
    case 'company_error':
      stepLane(d, 'company');
      break;
    case 'resume_start':
      startLane(d, 'resume');
      break;
    case 'resume_complete':
      stepLane(d, 'resume');
      break;
    case 'cover_letter_start':
      startLane(d, 'cover_letter');
      break;
    case 'cover_letter_complete':
      stepLane(d, 'cover_letter');
      break;

    case 'applier_start':
      // The document stages run before the applier: once it starts, they are through.
      for (const lane of ['company', 'resume', 'cover_letter'] as const) if (d.lanes[lane].status === 'working') finishLane(d, lane);
      startLane(d, 'applier');
      d.applierJob = event.data.jobUrl;
      if (!d.jobs.get(event.data.jobUrl)?.title) upsertJob(d, event.data.jobUrl, { title: event.data.title, company: event.data.company });
      updateApplication(d, event.data.jobUrl, {
        title: event.data.title,
        company: event.data.company,
        draftMode: event.data.draftMode,
        stage: 'filling',
        error: null,
        approvalHitlId: null,
      });
      break;
    case 'applier_draft_ready': {
      const { jobUrl, title, company, fields, screenshot } = event.data;
      d.drafts.set(jobUrl, { jobUrl, title, company, fields, seq: event.seq, ...(screenshot ? { screenshot } : {}) });
      const draftMode = d.applications.get(jobUrl)?.draftMode ?? d.params?.draftMode ?? true;
      updateApplication(d, jobUrl, {
        title,
        company,
        stage: draftMode ? 'drafted' : 'approved',
        fieldCount: fields.length,
        unsureFields: fields.filter((f) => !f.confident).length,
      });
      // In draft mode the approval question follows this event directly.
      d.approvalFor = draftMode ? jobUrl : null;
      break;
    }
    case 'applier_submitted':
      updateApplication(d, event.data.jobUrl, { stage: 'submitted', confirmation: event.data.confirmation, title: event.data.title, company: event.data.company });
      stepLane(d, 'applier');
      break;
    case 'applier_error':
      updateApplication(d, event.data.jobUrl, { stage: 'failed', error: event.data.error });
      stepLane(d, 'applier');
      break;
    case 'browser_action':
      // The applier's "skip" closes a job without applying (applied before): one more job handled.
      if (event.agent === 'applier' && event.data.action === 'skip') stepLane(d, 'applier');
      break;
    case 'applier_complete':
      finishLane(d, 'applier');
      d.applierJob = null;
      break;

    case 'hitl_request':
      openQuestion(d, event);
      break;
    case 'hitl_response':
      closeQuestion(d, event.data.hitlId, event.data.response);
      break;
    case 'hitl_timeout':
      closeQuestion(d, event.data.hitlId, event.data.appliedDefault ?? 'no answer');
      break;
    case 'hitl_cancelled':
      closeQuestion(d, event.data.hitlId, null);
      break;
    default:
      break;
  }
}

/** Jobs by score, best first; jobs not scored yet last, in the order they were found. */
export function jobsByScore(state: RunState): FoundJob[] {
  return [...state.jobs.values()].sort((a, b) => (b.matchScore ?? -1) - (a.matchScore ?? -1) || a.order - b.order);
}

export function applicationsInOrder(state: RunState): ApplicationState[] {
  return [...state.applications.values()].sort((a, b) => a.order - b.order);
}

/** Open questions, oldest first: the one to answer now is the first. */
export function openQuestions(state: RunState): OpenQuestion[] {
  return [...state.questions.values()].sort((a, b) => a.askedSeq - b.askedSeq);
}

/**
 * Lanes as they should read: before the run's own pipeline_start arrives (a queued
 * run), the stages switched off in its parameters already show as skipped.
 */
export function lanesFor(state: RunState, params: PipelineParams | null): Readonly<Record<Lane, LaneState>> {
  if (state.params || !params) return state.lanes;
  const d = draftOf(state);
  skipByParams(d, params);
  return d.lanes;
}

/** The lane's progress in percent, or null when its size is not known yet. */
export function laneProgress(lane: LaneState): number | null {
  if (lane.status === 'done') return 100;
  if (lane.status === 'waiting') return 0;
  if (lane.total === null || lane.total === 0) return lane.status === 'working' ? null : 0;
  return Math.min(100, Math.round((lane.handled / lane.total) * 100));
}
