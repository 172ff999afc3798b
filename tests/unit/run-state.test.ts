import { describe, expect, it } from 'vitest';
import {
  applicationsInOrder,
  initialRunState,
  jobsByScore,
  laneProgress,
  lanesFor,
  openQuestions,
  reduceRunEvents,
  type RunState,
} from '~/shared/run-state';
import { runEventSchema, type Agent, type EventData, type EventType, type RunEvent } from '~/shared/events';
import { pipelineParamsSchema } from '~/shared/pipeline';

const RUN_ID = 'run_0123456789abcdef';
const HITL_A = 'hitl_aaaaaaaaaaaa';
const HITL_B = 'hitl_bbbbbbbbbbbb';
const JOB_1 = 'http://localhost:3000/sandbox/jobs/1';
const JOB_2 = 'http://localhost:3000/sandbox/jobs/2';
const JOB_3 = 'http://localhost:3000/sandbox/jobs/3';

const params = pipelineParamsSchema.parse({ query: 'python', location: '', autoApply: true, minMatchScore: 50, maxApplications: 2 });

/** A real event, validated by the catalog, so the tests cannot drift from what the server sends. */
function ev<T extends EventType>(seq: number, type: T, data: EventData<T>, agent: Agent = 'system'): RunEvent {
  return runEventSchema.parse({
    id: String(seq),
    runId: RUN_ID,
    seq,
    type,
    agent,
    message: `${type} #${seq}`,
    data,
    timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
  });
}

const fold = (events: RunEvent[], from: RunState = initialRunState): RunState => reduceRunEvents(from, events);

/** A run up to the applier's approval question for JOB_1. */
function runToApproval(): RunEvent[] {
  let seq = 0;
  const next = () => ++seq;
  return [
    ev(next(), 'task_queued', { jobId: RUN_ID, queue: 'pipeline' }, 'task'),
    ev(next(), 'task_started', { jobId: RUN_ID, attempt: 1, workerId: 'w1' }, 'task'),
    ev(next(), 'pipeline_start', { params, attempt: 1 }),
    ev(next(), 'scout_start', { query: 'python', location: '', sources: ['sandbox'] }, 'scout'),
    ev(next(), 'scout_found', { source: 'sandbox', count: 3, urls: [JOB_1, JOB_2, JOB_3] }, 'scout'),
    ev(next(), 'scout_complete', { count: 3, duplicatesRemoved: 0 }, 'scout'),
    ev(next(), 'analyst_start', { jobUrl: JOB_1, title: 'Backend', company: 'Acme', jobIndex: 1, total: 3, progress: 33 }, 'analyst'),
    ev(next(), 'analyst_result', { jobUrl: JOB_1, title: 'Backend', company: 'Acme', matchScore: 72, matchedSkills: ['Python'], missingSkills: ['Rust'], explanation: 'Good fit' }, 'analyst'),
    ev(next(), 'analyst_start', { jobUrl: JOB_2, title: 'Data', company: 'Beta', jobIndex: 2, total: 3, progress: 67 }, 'analyst'),
    ev(next(), 'analyst_skipped', { jobUrl: JOB_2, title: 'Data', company: 'Beta', matchScore: 20, minMatchScore: 50, reason: 'Different field' }, 'analyst'),
    ev(next(), 'analyst_start', { jobUrl: JOB_3, title: 'Platform', company: 'Gamma', jobIndex: 3, total: 3, progress: 100 }, 'analyst'),
    ev(next(), 'analyst_result', { jobUrl: JOB_3, title: 'Platform', company: 'Gamma', matchScore: 91, matchedSkills: ['Python', 'Go'], missingSkills: [], explanation: 'Great fit' }, 'analyst'),
    ev(next(), 'analyst_complete', { analyzed: 3, qualified: 2 }, 'analyst'),
    ev(next(), 'task_progress', { jobId: RUN_ID, progress: 50, stage: 'analyst' }, 'task'),
    ev(next(), 'applier_start', { jobUrl: JOB_1, title: 'Backend', company: 'Acme', draftMode: true }, 'applier'),
    ev(next(), 'applier_type', { field: 'Name', value: 'Jordan' }, 'applier'),
    ev(next(), 'applier_draft_ready', { jobUrl: JOB_1, title: 'Backend', company: 'Acme', fields: [{ label: 'Name', value: 'Jordan', confident: true }, { label: 'Salary', value: '?', confident: false }], screenshot: 'AAAA' }, 'applier'),
    ev(next(), 'hitl_request', { hitlId: HITL_A, question: 'Submit the application to Backend at Acme?', context: '2 fields', options: ['approve', 'reject'], timeoutMs: 120000, expiresAt: '2026-01-01T12:10:00.000Z', defaultAnswer: 'reject' }, 'applier'),
  ];
}

describe('run state from events', () => {
  it('folds a run in seq order: status, lanes, jobs, applications, the open approval', () => {
    const state = fold(runToApproval());
    expect(state.lastSeq).toBe(18);
    expect(state.status).toBe('running');
    expect(state.progress).toBe(50);
    expect(state.lanes.scout).toMatchObject({ status: 'done', handled: 1, total: 1 });
    expect(state.lanes.analyst).toMatchObject({ status: 'done', handled: 3 });
    expect(state.lanes.company).toMatchObject({ status: 'skipped', note: 'Off for this run' });
    expect(state.lanes.applier).toMatchObject({ status: 'working', handled: 0, total: 2 });
    expect(laneProgress(state.lanes.applier)).toBe(0);

    const jobs = jobsByScore(state);
    expect(jobs.map((j) => [j.jobUrl, j.matchScore, j.verdict])).toEqual([
      [JOB_3, 91, 'qualified'],
      [JOB_1, 72, 'qualified'],
      [JOB_2, 20, 'below'],
    ]);
    expect(jobs[0]).toMatchObject({ title: 'Platform', company: 'Gamma', matchedSkills: ['Python', 'Go'], source: 'sandbox' });

    const [question] = openQuestions(state);
    expect(question).toMatchObject({ hitlId: HITL_A, isApproval: true, jobUrl: JOB_1, options: ['approve', 'reject'] });
    expect(state.drafts.get(JOB_1)).toMatchObject({ screenshot: 'AAAA', fields: [{ label: 'Name' }, { label: 'Salary' }] });
    expect(applicationsInOrder(state)).toEqual([
      expect.objectContaining({ jobUrl: JOB_1, stage: 'awaiting_approval', fieldCount: 2, unsureFields: 1, approvalHitlId: HITL_A }),
    ]);
    expect(state.narration?.text).toBe('applier_draft_ready #17');
    expect(state.agents).toEqual(['analyst', 'applier', 'scout', 'system', 'task']);
    expect(state.types).toContain('hitl_request');
  });

  it('ignores duplicate seqs, within a batch and across batches, and returns the same state for nothing new', () => {
    const events = runToApproval();
    const once = fold(events);
    const replayed = fold([...events.slice(10), ...events.slice(10)], fold(events.slice(0, 12)));
    expect(replayed.events.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
    expect(replayed.lanes).toEqual(once.lanes);
    expect(jobsByScore(replayed)).toEqual(jobsByScore(once));
    expect(reduceRunEvents(once, events.slice(3, 7))).toBe(once);
    // A duplicate seq with different content is still the same event: the first one stays.
    const impostor = ev(5, 'scout_found', { source: 'lever', count: 1, urls: ['https://example.com/x'] }, 'scout');
    expect(reduceRunEvents(once, [impostor])).toBe(once);
  });

  it('gives the same state whatever order the events arrive in', () => {
    const events = runToApproval();
    const inOrder = fold(events);
    const shuffled = [...events].reverse();
    const oneByOne = shuffled.reduce((state, e) => reduceRunEvents(state, [e]), initialRunState);
    for (const state of [fold(shuffled), oneByOne]) {
      expect(state.events.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
      expect(state.status).toBe(inOrder.status);
      expect(state.lanes).toEqual(inOrder.lanes);
      expect(openQuestions(state)).toEqual(openQuestions(inOrder));
      expect(applicationsInOrder(state)).toEqual(applicationsInOrder(inOrder));
    }
  });

  it('settles questions: an approval leads to submitted with the confirmation', () => {
    const events = runToApproval();
    const approved = fold([
      ...events,
      ev(19, 'hitl_response', { hitlId: HITL_A, response: 'approve' }, 'applier'),
      ev(20, 'applier_submit', { jobUrl: JOB_1 }, 'applier'),
      ev(21, 'applier_submitted', { jobUrl: JOB_1, title: 'Backend', company: 'Acme', confirmation: 'SBX-42' }, 'applier'),
    ]);
    expect(openQuestions(approved)).toEqual([]);
    expect(approved.applications.get(JOB_1)).toMatchObject({ stage: 'submitted', confirmation: 'SBX-42' });
    expect(approved.lanes.applier).toMatchObject({ status: 'working', handled: 1, total: 2 });
    expect(laneProgress(approved.lanes.applier)).toBe(50);
  });

  it('settles questions: a rejection or a timeout leaves a draft; a failure keeps its reason', () => {
    const events = runToApproval();
    const rejected = fold([...events, ev(19, 'hitl_response', { hitlId: HITL_A, response: 'reject' }, 'applier')]);
    expect(rejected.applications.get(JOB_1)?.stage).toBe('not_approved');
    const timedOut = fold([...events, ev(19, 'hitl_timeout', { hitlId: HITL_A, timeoutMs: 120000, appliedDefault: 'reject' }, 'applier')]);
    expect(openQuestions(timedOut)).toEqual([]);
    expect(timedOut.applications.get(JOB_1)?.stage).toBe('not_approved');

    const failed = fold([
      ...events,
      ev(19, 'hitl_response', { hitlId: HITL_A, response: 'approve' }, 'applier'),
      ev(20, 'applier_error', { jobUrl: JOB_1, error: 'the form has no submit button' }, 'applier'),
    ]);
    expect(failed.applications.get(JOB_1)).toMatchObject({ stage: 'failed', error: 'the form has no submit button' });
  });

  it('counts a job the applier skips (applied before) as handled', () => {
    const base = fold(runToApproval());
    const skipped = reduceRunEvents(base, [
      ev(19, 'hitl_response', { hitlId: HITL_A, response: 'reject' }, 'applier'),
      ev(20, 'browser_action', { action: 'skip', detail: 'Already applied to Platform at Gamma; not applying twice' }, 'applier'),
    ]);
    expect(skipped.lanes.applier).toMatchObject({ status: 'done', handled: 2, total: 2 });
  });

  it('keeps questions from other agents open until they are settled, oldest first', () => {
    const base = fold(runToApproval());
    const withField = reduceRunEvents(base, [
      ev(19, 'hitl_request', { hitlId: HITL_B, question: 'Resume for Acme?', context: '', options: [], timeoutMs: 1000, expiresAt: '2026-01-01T12:10:00.000Z', defaultAnswer: null }, 'resume'),
    ]);
    expect(openQuestions(withField).map((q) => [q.hitlId, q.isApproval, q.jobUrl])).toEqual([
      [HITL_A, true, JOB_1],
      [HITL_B, false, null],
    ]);
    const cancelled = reduceRunEvents(withField, [ev(20, 'hitl_cancelled', { hitlId: HITL_B, reason: 'run stopped' }, 'resume')]);
    expect(openQuestions(cancelled).map((q) => q.hitlId)).toEqual([HITL_A]);
  });

  it('pauses and resumes, then stops: the stop closes lanes and withdraws questions', () => {
    const base = fold(runToApproval());
    const paused = reduceRunEvents(base, [ev(19, 'pipeline_paused', { stage: 'applier', step: 'apply' })]);
    expect(paused.status).toBe('paused');
    const resumed = reduceRunEvents(paused, [ev(20, 'pipeline_resumed', { stage: 'applier', step: 'apply', pausedMs: 1200 })]);
    expect(resumed.status).toBe('running');
    const stopped = reduceRunEvents(resumed, [
      ev(21, 'task_complete', { jobId: RUN_ID, durationMs: 9000 }, 'task'),
      ev(22, 'pipeline_stopped', { reason: 'Stopped by user', stage: 'applier' }),
    ]);
    expect(stopped.status).toBe('stopped');
    expect(stopped.outcome).toEqual({ kind: 'stopped', reason: 'Stopped by user' });
    expect(stopped.lanes.applier).toMatchObject({ status: 'skipped', note: 'Stopped' });
    expect(stopped.lanes.scout.status).toBe('done');
    expect(openQuestions(stopped)).toEqual([]);
    expect(stopped.applications.get(JOB_1)?.stage).toBe('drafted');
    // A finished run stays finished whatever straggles in after.
    const late = reduceRunEvents(stopped, [ev(23, 'pipeline_resumed', { stage: 'applier', step: 'x', pausedMs: 0 })]);
    expect(late.status).toBe('stopped');
  });

  it('reads the status of a queued run from the job-control events', () => {
    const queued = fold([ev(1, 'task_queued', { jobId: RUN_ID, queue: 'pipeline' }, 'task')]);
    expect(queued.status).toBe('queued');
    const paused = reduceRunEvents(queued, [ev(2, 'job_paused', { jobId: RUN_ID }, 'task')]);
    expect(paused.status).toBe('paused');
    expect(reduceRunEvents(paused, [ev(3, 'job_resumed', { jobId: RUN_ID }, 'task')]).status).toBe('queued');
    const cancelled = reduceRunEvents(paused, [
      ev(3, 'job_cancelled', { jobId: RUN_ID, reason: 'Stopped by user' }, 'task'),
      ev(4, 'pipeline_stopped', { reason: 'Stopped by user', stage: 'queued' }),
    ]);
    expect(cancelled.status).toBe('stopped');
    expect(Object.values(cancelled.lanes).every((l) => l.status === 'skipped')).toBe(true);
  });

  it('completes: open lanes finish, lanes that never ran are skipped', () => {
    const events = runToApproval();
    const done = fold([
      ...events,
      ev(19, 'hitl_response', { hitlId: HITL_A, response: 'approve' }, 'applier'),
      ev(20, 'applier_submitted', { jobUrl: JOB_1, title: 'Backend', company: 'Acme', confirmation: 'SBX-1' }, 'applier'),
      ev(21, 'applier_complete', { drafted: 1, submitted: 1, failed: 0 }, 'applier'),
      ev(22, 'pipeline_complete', { jobsFound: 3, jobsAnalyzed: 3, jobsQualified: 2, applicationsDrafted: 1, applicationsSubmitted: 1, durationMs: 5000 }),
    ]);
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(100);
    expect(done.lanes.applier.status).toBe('done');
    expect(laneProgress(done.lanes.applier)).toBe(100);
    expect(done.outcome?.kind).toBe('completed');
  });

  it('fails for good on a final pipeline_error, and goes on after a retried one', () => {
    const started = fold(runToApproval().slice(0, 8));
    const retrying = reduceRunEvents(started, [ev(9, 'pipeline_error', { error: 'worker lost', retrying: true, attempt: 2 })]);
    expect(retrying.status).toBe('running');
    const restarted = reduceRunEvents(retrying, [ev(10, 'pipeline_start', { params, attempt: 2 })]);
    expect(restarted.attempt).toBe(2);
    expect(restarted.lanes.scout.status).toBe('waiting');
    const failed = reduceRunEvents(restarted, [
      ev(11, 'scout_start', { query: 'python', location: '', sources: ['sandbox'] }, 'scout'),
      ev(12, 'task_failed', { jobId: RUN_ID, error: 'boom', retrying: false }, 'task'),
      ev(13, 'pipeline_error', { error: 'boom', retrying: false, attempt: 2 }),
    ]);
    expect(failed.status).toBe('failed');
    expect(failed.lanes.scout).toMatchObject({ status: 'failed', note: 'boom' });
    expect(failed.lanes.analyst.status).toBe('skipped');
  });

  it('shows stages switched off by the run parameters before the run has started', () => {
    const lanes = lanesFor(initialRunState, pipelineParamsSchema.parse({ query: 'x', useCoverLetter: true }));
    expect(lanes.cover_letter.status).toBe('waiting');
    expect(lanes.company.status).toBe('skipped');
    expect(lanes.applier.status).toBe('skipped');
  });
});
