'use client';

import Link from 'next/link';
import { useId } from 'react';
import { agentLabel } from '~/app/_components/hitl/agent-label';
import { Countdown, useSecondsLeft } from '~/app/_components/hitl/countdown';
import type { PendingQuestion } from '~/app/_components/hitl/use-hitl';

/** One waiting question: which run and agent asks, what, how long it waits, and the way to answer. */
export function QuestionItem(props: { question: PendingQuestion; runName: string | null; onAnswer: () => void }) {
  const { question } = props;
  const id = useId();
  const secondsLeft = useSecondsLeft(question.expiresAt);
  return (
    <li data-hitl-id={question.hitlId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <article aria-labelledby={`${id}-question`} className="space-y-2">
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          <span className="rounded bg-blue-50 px-2 py-0.5 font-semibold text-blue-900">{agentLabel(question.agent)}</span>
          <span>
            Run{' '}
            <Link href={`/runs/${question.runId}`} className="font-medium text-blue-800 underline underline-offset-2">
              {props.runName ?? question.runId}
            </Link>
          </span>
        </p>
        <h2 id={`${id}-question`} className="break-words font-semibold text-slate-950">
          {question.question}
        </h2>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Countdown secondsLeft={secondsLeft} className="text-sm" />
          <button
            type="button"
            data-answer
            aria-describedby={`${id}-question`}
            onClick={props.onAnswer}
            className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800"
          >
            Answer
          </button>
        </div>
      </article>
    </li>
  );
}
