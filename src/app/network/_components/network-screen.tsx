'use client';

import { useId } from 'react';
import { SessionGate } from '~/app/_components/session-gate';
import { networkHref, type NetworkPrefill } from '../_lib/prefill';
import { NetworkForm } from './network-form';

/** The contacts start page, behind the same gate as the negotiate page (the address survives sign-in). */
export function NetworkScreen({ prefill }: { prefill: NetworkPrefill }) {
  const id = useId();
  return (
    <SessionGate next={networkHref(prefill)}>
      <div className="max-w-2xl space-y-6">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-950">Contacts</h1>
          <p className="text-slate-700">
            People worth writing to at a company, from public team pages and GitHub: recruiters first, then the likely hiring
            manager and peers. You review a short note for each of the top people. Nothing is ever sent: you copy the notes you
            keep and send them yourself.
          </p>
        </div>
        <NetworkForm headingId={`${id}-form`} prefill={prefill} />
      </div>
    </SessionGate>
  );
}
