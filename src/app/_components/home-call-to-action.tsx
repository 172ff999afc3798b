'use client';

import Link from 'next/link';
import { useSession } from './session';

const primary = 'inline-flex items-center justify-center rounded bg-blue-700 px-5 py-2.5 font-semibold text-white hover:bg-blue-800';
const secondary =
  'inline-flex items-center justify-center rounded border border-slate-500 bg-white px-5 py-2.5 font-semibold text-slate-900 hover:bg-slate-100';

/** The one next step that fits: create an account or sign in, or straight to the dashboard. */
export function HomeCallToAction() {
  const session = useSession();
  // Same height while the session loads, so the page does not jump when the links appear.
  if (session.kind !== 'signed-in' && session.kind !== 'signed-out') return <div className="h-11" />;
  if (session.kind === 'signed-in') {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/dashboard" className={primary}>
          Go to your dashboard
        </Link>
        <span className="text-sm text-slate-700">Signed in as {session.user.name ?? session.user.email}</span>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Link href="/signup" className={primary}>
        Sign up
      </Link>
      <Link href="/signin" className={secondary}>
        Sign in
      </Link>
      <span className="text-sm text-slate-700">All it takes is an email and a password.</span>
    </div>
  );
}
