'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { ConnectionBadge } from './connection-badge';
import { ServerDown } from './server-down';
import { SignOutButton } from './sign-out-button';
import { useSession } from './session';

/** One word each, so the whole row fits a phone in two short lines at most. */
const NAV = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/inbox', label: 'Inbox' },
  { href: '/negotiate', label: 'Negotiate' },
  { href: '/interview', label: 'Interview' },
  { href: '/career', label: 'Career' },
  { href: '/network', label: 'Contacts' },
  { href: '/profile', label: 'Profile' },
];
/** The operator's dashboard, shown to operators only (auth.me says `admin`). */
const OPS = { href: '/ops', label: 'Ops' };

/** The header every page shares: where you are, who you are, and whether the stream is live. */
export function AppShell({ children }: { children: ReactNode }) {
  const session = useSession();
  const path = usePathname();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-bold tracking-tight text-slate-900">
            jobstream
          </Link>
          {session.kind === 'signed-in' && (
            <nav aria-label="Main" className="flex flex-wrap gap-x-3 gap-y-1 text-sm sm:gap-x-4">
              {('admin' in session.user ? [...NAV, OPS] : NAV).map((item) => (
                <Link
                  key={item.href}
                  href={item.href}
                  aria-current={path.startsWith(item.href) ? 'page' : undefined}
                  className="rounded px-1 py-0.5 text-slate-700 hover:text-slate-950 aria-[current=page]:font-semibold aria-[current=page]:text-blue-800"
                >
                  {item.label}
                </Link>
              ))}
            </nav>
          )}
          <div className="ml-auto flex items-center gap-4 text-sm">
            <ConnectionBadge />
            {session.kind === 'signed-in' ? (
              <>
                <span className="hidden text-slate-600 sm:inline">{session.user.email}</span>
                <SignOutButton />
              </>
            ) : session.kind === 'signed-out' ? (
              <>
                <Link href="/signin" className="text-blue-800 underline-offset-2 hover:underline">
                  Sign in
                </Link>
                <Link href="/signup" className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800">
                  Sign up
                </Link>
              </>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {session.kind === 'server-down' ? <ServerDown message={session.message} /> : children}
      </main>
    </div>
  );
}
