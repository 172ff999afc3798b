'use client';

import { useId } from 'react';
import { negotiateHref, type NegotiatePrefill } from '../_lib/prefill';
import { BattleForm } from './battle-form';
import { SessionGate } from '~/app/_components/session-gate';
import { ResearchForm } from './research-form';

/** The two pay sessions side by side; stacked on a narrow screen, the negotiation first. */
export function NegotiateScreen({ prefill }: { prefill: NegotiatePrefill }) {
  const id = useId();
  return (
    <SessionGate next={negotiateHref(prefill)}>
      <div className="space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-950">Negotiate</h1>
          <p className="text-slate-700">
            Practise the salary conversation before the real one, or see first what the market pays for the role.
          </p>
        </div>
        <div className="grid gap-8 lg:grid-cols-2">
          <BattleForm headingId={`${id}-battle`} prefill={prefill} />
          <ResearchForm headingId={`${id}-research`} prefill={prefill} />
        </div>
      </div>
    </SessionGate>
  );
}
