'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type SubmitEvent } from 'react';
import { api } from '~/trpc/react';
import { primaryButtonClass, TextField } from '../../_components/form-controls';
import { nextQuery } from '../../_components/safe-next-path';
import { useSession } from '../../_components/session';
import { OAuthButtons } from './oauth-buttons';
import { signInErrorMessage } from './sign-in-errors';

type Phase = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; message: string } | { kind: 'done' };

/** `error`: next-auth's `?error=` when it sent the browser here after a failed sign-in. */
export function SignInForm({ next, needed, error }: { next: string | null; needed: boolean; error: string | null }) {
  const router = useRouter();
  const utils = api.useUtils();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [phase, setPhase] = useState<Phase>(error ? { kind: 'failed', message: signInErrorMessage(error) } : { kind: 'idle' });
  const destination = next ?? '/dashboard';

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setPhase({ kind: 'failed', message: 'Enter your email and your password' });
      return;
    }
    setPhase({ kind: 'busy' });
    try {
      const result = await signIn('credentials', { email: email.trim(), password, redirect: false });
      if (!result?.ok || result.error) {
        // "CredentialsSignin" for a wrong pair, the wait when throttled; anything else means it could not check.
        setPhase({ kind: 'failed', message: signInErrorMessage(result?.error) });
        return;
      }
    } catch {
      setPhase({ kind: 'failed', message: "Couldn't reach jobstream. Check your connection and try again." });
      return;
    }
    setPhase({ kind: 'done' });
    // Someone else may have been signed in a moment ago: nothing cached may outlive that.
    await utils.invalidate();
    router.replace(destination);
  }

  const busy = phase.kind === 'busy' || phase.kind === 'done';
  const alreadyIn = session.kind === 'signed-in' && phase.kind !== 'done' ? session.user : null;

  return (
    <div className="mx-auto w-full max-w-md">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{needed ? 'Sign in to continue' : 'Sign in'}</h1>
      <p className="mt-2 text-slate-700">
        {needed
          ? 'That page is only for signed-in users. Sign in and we will take you straight back to it.'
          : 'Welcome back. Sign in to watch your runs and answer your agents’ questions.'}
      </p>

      {alreadyIn ? (
        <p className="mt-4 rounded border border-blue-200 bg-blue-50 p-3 text-sm text-slate-800">
          You are signed in as <strong>{alreadyIn.email}</strong>.{' '}
          <Link href={destination} className="font-medium text-blue-800 underline">
            {next ? 'Continue' : 'Go to your dashboard'}
          </Link>
          , or sign in below as someone else.
        </p>
      ) : null}

      <form noValidate onSubmit={(e) => void submit(e)} className="mt-6 flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <TextField
          id="signin-email"
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          id="signin-password"
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {phase.kind === 'failed' ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-800">
            {phase.message}
          </p>
        ) : null}
        <button type="submit" disabled={busy} aria-describedby="signin-progress" className={primaryButtonClass}>
          Sign in
        </button>
        <p id="signin-progress" role="status" className="min-h-5 text-sm text-slate-700">
          {phase.kind === 'busy' ? 'Signing you in…' : phase.kind === 'done' ? 'Signed in. Taking you there…' : ''}
        </p>
      </form>

      <OAuthButtons callbackUrl={destination} />

      <p className="mt-6 text-sm text-slate-700">
        New to jobstream?{' '}
        <Link href={`/signup${nextQuery(next)}`} className="font-medium text-blue-800 underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
