'use client';

import { useCallback, useId, useMemo, useState } from 'react';
import { interviewHref } from '~/app/interview/_lib/prefill';
import { SENIORITY_LABEL } from '~/app/_components/session-forms/seniority';
import { isTerminalStatus } from '~/shared/pipeline';
import { api } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import {
  awaitingFeedback,
  currentQuestion,
  durationText,
  interviewStateOf,
  isInterviewOpen,
  latestFeedback,
  pastQuestions,
  scoreText,
  type InterviewState,
} from '../../_lib/interview-state';
import { EventLog } from '../event-log';
import { RunControls } from '../run-controls';
import { useRunEvents } from '../use-run-events';
import { InterviewFeedback } from './interview-feedback';
import { InterviewPastQuestions } from './interview-past-questions';
import { InterviewQuestion } from './interview-question';
import { InterviewSummary } from './interview-summary';
import { MessageBox } from './message-box';
import { ReplyAnnouncer } from './reply-announcer';
import { PostingLink } from './posting-link';
import { SessionHeader } from './session-header';
import { TurnCountdown } from './turn-countdown';
import { useOpenRound } from './use-open-round';
import { useRunTurnSay, useTextTurn, type OutgoingText } from './use-text-turn';

type Run = Extract<RouterOutputs['pipeline']['get'], { kind: 'interview' }>;

/** What the live region says: the newest feedback, or how it ended. The questions are read with the answer box. */
function announcement(state: InterviewState): string {
  if (state.summary) {
    const average = state.summary.averageScore;
    return `The interview is over${average === null ? '' : `: average score ${scoreText(average)}`}. The summary is below the controls.`;
  }
  const latest = latestFeedback(state);
  if (!latest) return '';
  return `Feedback on question ${latest.question.index}: ${scoreText(latest.feedback.score)}. ${latest.feedback.feedback}`;
}

/**
 * Interview practice: the question being asked with its timer and the answer box, the
 * feedback on each answer as it arrives, the questions already put and, at the end, the
 * summary with the three things to work on.
 */
export function InterviewView({ run }: { run: Run }) {
  const { runId, params } = run;
  const id = useId();
  const { state, error } = useRunEvents(runId, true);
  const interview = useMemo(() => interviewStateOf(state.events), [state.events]);
  const status = interview.status ?? run.status;
  const live = !isTerminalStatus(status);
  const open = live && isInterviewOpen(interview);
  const current = currentQuestion(interview);

  const [outgoing, setOutgoing] = useState<OutgoingText | null>(null);
  const onSending = useCallback((turn: OutgoingText) => setOutgoing(turn), []);
  const onSent = useCallback(({ turnId }: { turnId: string }) => setOutgoing((o) => (o?.turnId === turnId ? { ...o, state: 'sent' } : o)), []);
  const onFailed = useCallback((turnId: string) => setOutgoing((o) => (o?.turnId === turnId ? null : o)), []);
  // An answer sent but not yet in the events still counts as given: the round is taken.
  const delivering = outgoing !== null && !interview.questions.some((q) => q.answer?.turnId === outgoing.turnId);

  const say = useRunTurnSay(runId, api.sessions.say.useMutation());
  const sender = useTextTurn({ say, onSending, onSent, onFailed });

  const expected = open && current !== null && !delivering;
  const answeredCount = interview.questions.filter((q) => q.answer !== null).length;
  const { round, unknown } = useOpenRound(runId, open, expected, interview.questions.length + answeredCount);
  // The open round is the authority (an answer sent before it opens is refused); the events stand in only when it cannot be asked.
  const yourTurn = open && current !== null && !delivering && (round !== null || (unknown && expected));

  const setup = interview.setup;
  const total = setup?.questions ?? params.questions;
  const role = setup?.role ?? params.role ?? 'A posting';
  const company = setup?.company ?? null;
  const againHref = interviewHref({ role: params.role ?? setup?.role ?? '', jobUrl: params.jobUrl ?? '' });
  const latest = latestFeedback(interview);
  const scoring = awaitingFeedback(interview);
  const questionTextId = `${id}-question`;

  const details = (
    <>
      {total} {total === 1 ? 'question' : 'questions'}
      {params.seniority ? ` · ${SENIORITY_LABEL[params.seniority]}` : ''}
      {setup ? ` · ${durationText(setup.answerSeconds)} per answer` : ''}
      {setup && setup.skills.length > 0 ? ` · Skills: ${setup.skills.slice(0, 6).join(', ')}` : ''}
      <PostingLink url={params.jobUrl} />
    </>
  );

  const feedbackPanel = latest ? (
    <section aria-labelledby={`${id}-feedback`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id={`${id}-feedback`} className="text-lg font-semibold text-slate-900">
        Feedback on question {latest.question.index}
      </h2>
      <InterviewFeedback feedback={latest.feedback} />
    </section>
  ) : null;
  const past = <InterviewPastQuestions questions={pastQuestions(interview)} />;
  // Something is (or will be) asked: the question and the answer box get the wide column.
  const asking = live && interview.summary === null && interview.end === null;

  return (
    <div className="space-y-6">
      <SessionHeader
        eyebrow="Interview practice"
        title={
          <>
            {role}
            {company ? <span className="font-normal text-slate-700"> at {company}</span> : null}
          </>
        }
        details={details}
        status={status}
        end={interview.end}
      />
      <RunControls runId={runId} status={status} />
      <ReplyAnnouncer text={announcement(interview)} />
      {interview.summary ? <InterviewSummary summary={interview.summary} asked={interview.questions.length || total} againHref={againHref} /> : null}
      {asking ? (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="min-w-0 space-y-4">
            {current ? (
              <InterviewQuestion question={current} total={total} textId={questionTextId} />
            ) : (
              <p role="status" className="rounded-lg border border-slate-200 bg-white p-3 text-slate-700 sm:p-4">
                {interview.questions.length === 0
                  ? params.jobUrl
                    ? 'Reading the posting and preparing the questions…'
                    : 'Preparing the questions for the role…'
                  : interview.questions.length >= total
                    ? 'That was the last question: the summary is on its way…'
                    : 'The next question is on its way…'}
              </p>
            )}
            {current && outgoing && delivering ? (
              <p data-pending="" className="rounded-lg border border-blue-200 bg-white p-3 text-slate-800">
                <span className="font-semibold">Your answer · {outgoing.state === 'sending' ? 'Sending…' : 'Sent'}</span>
                <span className="mt-1 block whitespace-pre-wrap break-words">{outgoing.text}</span>
              </p>
            ) : null}
            {open ? (
              <MessageBox
                sender={sender}
                title="Your turn"
                label="Your answer"
                hint="Tell it as a story: the situation, what you did and the result, with numbers where you have them."
                sendLabel="Send answer"
                canSend={yourTurn}
                notYet="Wait for the question: it is not your turn yet."
                waiting={current ? 'Waiting for the question to open…' : 'Waiting for the next question…'}
                countdown={
                  round ? (
                    <TurnCountdown
                      key={`${round.round}-${round.expiresAt}`}
                      expiresAt={round.expiresAt}
                      label="Time left for this question"
                      expiredText="Time is up for this question."
                    />
                  ) : null
                }
                focusKey={current?.index ?? null}
                describedBy={current ? questionTextId : undefined}
                rows={7}
              />
            ) : null}
          </div>
          <div className="min-w-0 space-y-4">
            {scoring ? (
              <p role="status" className="rounded-lg border border-slate-200 bg-white p-3 text-slate-700">
                Scoring your answer to question {scoring.index}…
              </p>
            ) : null}
            {feedbackPanel}
            {past}
          </div>
        </div>
      ) : (
        // Nothing left to answer: the feedback and the questions take the whole width.
        <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
          {feedbackPanel}
          {past}
        </div>
      )}
      <EventLog events={state.events} agents={state.agents} types={state.types} streamError={error} />
    </div>
  );
}
