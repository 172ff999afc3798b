'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { api } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';

export type SignedInUser = NonNullable<RouterOutputs['auth']['me']>;

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'signed-in'; user: SignedInUser }
  | { kind: 'signed-out' }
  | { kind: 'server-down'; message: string };

/** Who is signed in, or why nobody can be (no session, or the server is unreachable). */
export function useSession(): SessionState {
  const me = api.auth.me.useQuery(undefined, { retry: 1, staleTime: 30_000 });
  if (me.isPending) return { kind: 'loading' };
  if (me.isError) return { kind: 'server-down', message: me.error.message };
  return me.data ? { kind: 'signed-in', user: me.data } : { kind: 'signed-out' };
}

/** For pages that need a user: sends anyone else to sign in, and back here afterwards. */
export function useRequireUser(next?: string): SessionState {
  const session = useSession();
  const router = useRouter();
  const path = usePathname();
  const back = next ?? path;
  useEffect(() => {
    if (session.kind === 'signed-out') router.replace(`/signin?next=${encodeURIComponent(back)}`);
  }, [session.kind, router, back]);
  return session;
}
