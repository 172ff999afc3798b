'use client';

import { api } from '~/trpc/react';
import { secondaryButtonClass } from '../_components/form-controls';
import { useRequireUser } from '../_components/session';
import { ApiTokens } from './_components/api-tokens';
import { ProfileForm } from './_components/profile-form';

function ProfileLoader() {
  const profile = api.profile.get.useQuery();
  if (profile.isPending) {
    return (
      <p role="status" className="text-slate-700">
        Loading your profile…
      </p>
    );
  }
  if (profile.isError) {
    return (
      <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
        <p className="font-medium">Your profile could not be loaded: {profile.error.message}</p>
        <button type="button" onClick={() => void profile.refetch()} className={`${secondaryButtonClass} mt-3`}>
          Try again
        </button>
      </div>
    );
  }
  return <ProfileForm saved={profile.data} />;
}

export default function ProfilePage() {
  const session = useRequireUser();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 id="profile-title" className="text-2xl font-bold tracking-tight text-slate-900">
        Your profile
      </h1>
      <p className="mt-1 text-slate-700">
        What the agents know about you: the analyst scores jobs against your resume, and the applier fills in application
        forms from these answers.
      </p>
      <div className="mt-6">
        {session.kind === 'signed-in' ? (
          <>
            <ProfileLoader />
            {/* Outside the profile form: tokens are created and revoked at once, not saved with it. */}
            <div className="mt-6">
              <ApiTokens />
            </div>
          </>
        ) : (
          <p role="status" className="text-slate-700">
            {session.kind === 'signed-out' ? 'Taking you to sign in…' : 'Loading…'}
          </p>
        )}
      </div>
    </div>
  );
}
