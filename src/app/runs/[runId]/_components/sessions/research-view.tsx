'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { negotiateHref } from '~/app/negotiate/_lib/prefill';
import { SENIORITY_LABEL } from '~/app/_components/session-forms/seniority';
import { isTerminalStatus } from '~/shared/pipeline';
import type { RouterOutputs } from '~/trpc/types';
import { researchStateOf } from '../../_lib/research-state';
import { EventLog } from '../event-log';
import { RunControls } from '../run-controls';
import { useRunEvents } from '../use-run-events';
import { ResearchPanel } from './research-panel';
import { SessionHeader } from './session-header';

type Run = Extract<RouterOutputs['pipeline']['get'], { kind: 'salary_research' }>;

/** A pay research: what it looked for, how the search goes, and what the market pays. */
export function ResearchView({ run }: { run: Run }) {
  const { state, error } = useRunEvents(run.runId, true);
  const research = useMemo(() => researchStateOf(state.events), [state.events]);
  const status = research.status ?? run.status;
  const live = !isTerminalStatus(status);
  const { role, location, seniority } = run.params;

  return (
    <div className="space-y-6">
      <SessionHeader
        eyebrow="Pay research"
        title={
          <>
            {role}
            <span className="font-normal text-slate-700">{location ? ` in ${location}` : ', any location'}</span>
          </>
        }
        details={seniority ? `Seniority: ${SENIORITY_LABEL[seniority]}` : undefined}
        status={status}
        end={research.end}
      />
      <RunControls runId={run.runId} status={status} />
      <ResearchPanel research={research} live={live} />
      {research.result ? (
        <p className="text-slate-800">
          Have an offer for this role?{' '}
          <Link href={negotiateHref({ role, location })} className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
            Practise negotiating it
          </Link>{' '}
          with these numbers in mind.
        </p>
      ) : null}
      <EventLog events={state.events} agents={state.agents} types={state.types} streamError={error} />
    </div>
  );
}
