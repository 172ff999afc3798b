import type { RunStatus, Stage } from '~/shared/pipeline';

export const STATUS_LABEL: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  stopped: 'Stopped',
  failed: 'Failed',
};

/** Colour backs up the text, never replaces it; every pair is above 4.5:1. */
export const STATUS_LOOK: Record<RunStatus, string> = {
  queued: 'bg-slate-200 text-slate-900',
  running: 'bg-blue-100 text-blue-900',
  paused: 'bg-amber-100 text-amber-950',
  completed: 'bg-emerald-100 text-emerald-900',
  stopped: 'bg-slate-200 text-slate-800',
  failed: 'bg-red-100 text-red-900',
};

export const STAGE_LABEL: Record<Stage, string> = {
  queued: 'Waiting for a worker',
  scout: 'Scout: finding jobs',
  analyst: 'Analyst: scoring matches',
  company: 'Researching companies',
  resume: 'Tailoring resumes',
  cover_letter: 'Writing cover letters',
  applier: 'Applier: filling applications',
  session: 'In session',
  done: 'Done',
};
