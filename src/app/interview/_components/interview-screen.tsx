'use client';

import { useId } from 'react';
import { SessionGate } from '~/app/_components/session-gate';
import { interviewHref, type InterviewPrefill } from '../_lib/prefill';
import { InterviewForm } from './interview-form';

/** The interview start page, behind the same gate as the negotiate page (the address survives sign-in). */
export function InterviewScreen({ prefill }: { prefill: InterviewPrefill }) {
  const id = useId();
  return (
    <SessionGate next={interviewHref(prefill)}>
      <div className="max-w-2xl space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-950">Interview practice</h1>
          <p className="text-slate-700">
            Questions drawn from the posting’s skills and seniority, and behavioural ones. Each answer is timed and scored on
            structure, specificity, relevance and length, with feedback you can act on; the summary says what to work on.
          </p>
        </div>
        <InterviewForm headingId={`${id}-form`} prefill={prefill} />
      </div>
    </SessionGate>
  );
}
