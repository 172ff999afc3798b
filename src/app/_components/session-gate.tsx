'use client';

import type { ReactNode } from 'react';
import { ServerDown } from '~/app/_components/server-down';
import { useRequireUser } from '~/app/_components/session';

/**
 * Renders the page only for a signed-in user; everyone else sees why not and is sent to
 * sign in, then back to `next` (this page's path when left out; a page opened prefilled,
 * such as /negotiate?role=…, passes its whole address so the form comes back filled in).
 */
export function SessionGate({ next, children }: { next?: string; children: ReactNode }) {
  const session = useRequireUser(next);
  if (session.kind === 'signed-in') return <>{children}</>;
  if (session.kind === 'server-down') return <ServerDown message={session.message} />;
  return (
    <p role="status" className="text-slate-700">
      {session.kind === 'loading' ? 'Loading…' : 'Taking you to sign in…'}
    </p>
  );
}
