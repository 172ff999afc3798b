'use client';

import { useId } from 'react';
import { SessionGate } from '~/app/_components/session-gate';
import { CareerStartForm } from './career-start-form';

/** The career chat's start page, behind the same gate as the negotiate page. */
export function CareerScreen() {
  const id = useId();
  return (
    <SessionGate next="/career">
      <div className="max-w-2xl space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-950">Career chat</h1>
          <p className="text-slate-700">
            Ask about your career: which jobs fit you, what you are missing for a role, where you can go from here, what a role
            pays, or which jobs to search for. Answers come from your resume and real postings, and say what they were built
            from.
          </p>
        </div>
        <CareerStartForm headingId={`${id}-form`} />
      </div>
    </SessionGate>
  );
}
