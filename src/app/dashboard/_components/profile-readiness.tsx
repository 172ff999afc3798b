'use client';

import Link from 'next/link';
import { missingForApplying } from '~/shared/profile-readiness';
import { api } from '~/trpc/react';

/**
 * Before a run that applies: which profile fields the forms will ask for and are
 * empty, with a link to fill them. Nothing is blocked; the run asks for each once.
 */
export function ProfileReadiness({ id }: { id: string }) {
  const profile = api.profile.get.useQuery();
  if (!profile.data) return null;
  const missing = missingForApplying(profile.data);
  if (missing.length === 0) return null;
  return (
    <div id={id} role="note" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">Applications will ask for what your profile does not have yet:</p>
      <ul className="list-disc pl-5">
        {missing.map((m) => (
          <li key={m.field}>{m.label}</li>
        ))}
      </ul>
      <p>
        <Link href="/profile" className="font-semibold underline underline-offset-2">
          Fill them in your profile
        </Link>{' '}
        now, or answer each once during the run and keep it in your profile.
      </p>
    </div>
  );
}
