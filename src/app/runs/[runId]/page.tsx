'use client';

import { use } from 'react';
import { ServerDown } from '~/app/_components/server-down';
import { useRequireUser } from '~/app/_components/session';
import { RunView } from './_components/run-view';

/** The live control room of one run. */
export default function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = use(params);
  const session = useRequireUser();
  if (session.kind === 'server-down') return <ServerDown message={session.message} />;
  if (session.kind !== 'signed-in') {
    return (
      <p role="status" className="text-slate-700">
        {session.kind === 'loading' ? 'Loading…' : 'Taking you to sign in…'}
      </p>
    );
  }
  // Keyed by run: another run's page starts from a clean state and its own subscription.
  return <RunView key={runId} runId={runId} />;
}
