'use client';

import { useMemo } from 'react';
import { isTerminalStatus } from '~/shared/pipeline';
import type { RouterOutputs } from '~/trpc/types';
import { applicationsInOrder, jobsByScore, lanesFor, openQuestions } from '~/shared/run-state';
import { Applications } from './applications';
import { EventLog } from './event-log';
import { JobsFound } from './jobs-found';
import { LiveBrowser } from './live-browser';
import { QuestionPrompt } from './question-prompt';
import { RunControls } from './run-controls';
import { RunHeader } from './run-header';
import { StageLanes } from './stage-lanes';
import { useLiveFrame } from './use-live-frame';
import { useQuestionDialog } from './use-question-dialog';
import { useRunEvents } from './use-run-events';

type Run = Extract<RouterOutputs['pipeline']['get'], { kind: 'pipeline' }>;

/**
 * The run as its events tell it. The run as loaded fills in only until the events
 * have spoken: they are newer than any snapshot.
 */
export function RunDashboard({ run }: { run: Run }) {
  const { state, error } = useRunEvents(run.runId, true);
  const status = state.status ?? run.status;
  const params = state.params ?? run.params;
  const finished = isTerminalStatus(status);
  // Only the applier has a browser, and a finished run's browser is closed; the last frame stays on screen.
  const frame = useLiveFrame(run.runId, params.autoApply && !finished);
  const questions = useMemo(() => openQuestions(state), [state]);
  const jobs = useMemo(() => jobsByScore(state), [state]);
  const applications = useMemo(() => applicationsInOrder(state), [state]);
  const dialog = useQuestionDialog(questions);

  return (
    <div className="space-y-6">
      <RunHeader
        params={params}
        status={status}
        stage={state.stage ?? run.stage}
        progress={state.progress ?? run.progress}
        attempt={state.attempt || run.attempt}
        outcome={state.outcome}
      />
      <RunControls runId={run.runId} status={status} />
      <QuestionPrompt runId={run.runId} dialog={dialog} drafts={state.drafts} />
      <StageLanes lanes={lanesFor(state, run.params)} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <EventLog events={state.events} agents={state.agents} types={state.types} streamError={error} />
        <LiveBrowser frame={frame} narration={state.narration} autoApply={params.autoApply} finished={finished} />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <JobsFound jobs={jobs} />
        <Applications applications={applications} autoApply={params.autoApply} onReview={dialog.open} />
      </div>
    </div>
  );
}
