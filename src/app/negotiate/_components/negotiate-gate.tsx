'use client';

import { useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { ServerDown } from '~/app/_components/server-down';
import { useSession } from '~/app/_components/session';

/**
 * The dashboard's gate, keeping the whole address: someone who followed "Practise
 * negotiating this offer" while signed out comes back to the filled-in form.
 */
export function NegotiateGate({ next, children }: { next: string; children: ReactNode }) {
  const session = useSession();
  const router = useRouter();
  useEffect(() => {
    if (session.kind === 'signed-out') router.replace(`/signin?next=${encodeURIComponent(next)}`);
  }, [session.kind, router, next]);
  if (session.kind === 'signed-in') return <>{children}</>;
  if (session.kind === 'server-down') return <ServerDown message={session.message} />;
  return (
    <p role="status" className="text-slate-700">
      {session.kind === 'loading' ? 'Loading…' : 'Taking you to sign in…'}
    </p>
  );
}
