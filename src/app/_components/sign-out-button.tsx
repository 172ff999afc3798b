'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/** Ends the session on every device (the server bumps the session version), then goes home. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        // Run pages keep their events in this tab for reloads; they leave with the user.
        sessionStorage.clear();
        void signOut({ callbackUrl: '/' });
      }}
      className="rounded border border-slate-300 px-3 py-1.5 text-slate-800 hover:bg-slate-100 disabled:opacity-60"
    >
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
