'use client';

import Link from 'next/link';
import { useId } from 'react';
import { ApplyToLinkForm } from './_components/apply-to-link-form';
import { RunList } from './_components/run-list';
import { SessionGate } from '~/app/_components/session-gate';
import { StartPipelineForm } from './_components/start-pipeline-form';

export default function DashboardPage() {
  const id = useId();
  return (
    <SessionGate>
      <div className="space-y-6">
        <h1 className="text-2xl font-bold tracking-tight text-slate-950">Dashboard</h1>
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_26rem]">
          <RunList headingId={`${id}-runs`} />
          <div className="space-y-8">
            <StartPipelineForm headingId={`${id}-start`} />
            <p className="text-slate-800">
              Got an offer?{' '}
              <Link href="/negotiate" className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
                Practise the salary negotiation
              </Link>{' '}
              or research what the role pays. Got an interview?{' '}
              <Link href="/interview" className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
                Rehearse the interview
              </Link>{' '}
              and{' '}
              <Link href="/network" className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
                find people to contact
              </Link>{' '}
              at the company. Not sure where to aim?{' '}
              <Link href="/career" className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
                Ask the career chat
              </Link>
              .
            </p>
            <ApplyToLinkForm headingId={`${id}-link`} />
          </div>
        </div>
      </div>
    </SessionGate>
  );
}
