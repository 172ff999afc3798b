'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useRef, useState, type SubmitEvent } from 'react';
import { readThrottleMessage } from '~/server/auth/throttle-message';
import { api } from '~/trpc/react';
import type { RouterInputs } from '~/trpc/types';
import { apiIssues, isUnreachable, type ApiError } from '../../_components/api-issues';
import { primaryButtonClass, TextField } from '../../_components/form-controls';
import { nextQuery } from '../../_components/safe-next-path';
import { useFocusFirstInvalid } from '../../_components/use-focus-first-invalid';

type SignUpInput = RouterInputs['auth']['signUp'];
type Field = keyof SignUpInput;
type FieldErrors = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = ['name', 'email', 'password'];

/**
 * Sign-up answers the same whether the email is new or taken, so a failed sign-in right
 * after it may mean the email already had an account with another password. Said without
 * telling whether it did.
 */
const MAYBE_EXISTING =
  'If you already have an account with this email, sign in with its password.';

function isField(path: string): path is Field {
  return (FIELDS as readonly string[]).includes(path);
}

export function SignUpForm({ next }: { next: string | null }) {
  const router = useRouter();
  const utils = api.useUtils();
  const signUp = api.auth.signUp.useMutation();
  const [values, setValues] = useState<SignUpInput>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState('');
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, failures);

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    setProgress('Creating your account…');
    // The email field keeps what was typed; stray spaces from a paste would fail the email check.
    signUp.mutate({ ...values, email: values.email.trim() }, {
      onSuccess: () => void signInAndGo(),
      onError: (error) => {
        setBusy(false);
        setProgress('');
        showProblems(error);
      },
    });
  }

  async function signInAndGo() {
    setProgress('Signing you in…');
    const result = await signIn('credentials', { email: values.email.trim(), password: values.password, redirect: false }).catch(
      () => undefined,
    );
    if (!result?.ok || result.error) {
      setBusy(false);
      setProgress('');
      setFormError(signInProblem(result?.error));
      return;
    }
    setProgress('Signed in. Taking you there…');
    // Drop anything cached while signed out (auth.me above all), so the header shows the new user.
    await utils.invalidate();
    router.replace(next ?? '/dashboard');
  }

  function showProblems(error: ApiError) {
    if (isUnreachable(error)) {
      setFormError("Couldn't reach jobstream. Check your connection and try again.");
      return;
    }
    const byField: FieldErrors = {};
    const other: string[] = [];
    for (const issue of apiIssues(error)) {
      if (isField(issue.path)) byField[issue.path] ??= issue.text;
      else other.push(issue.text);
    }
    setErrors(byField);
    setFormError(other.length > 0 ? other.join(' ') : null);
    setFailures((n) => n + 1);
  }

  return (
    <div className="mx-auto w-full max-w-md">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Create your account</h1>
      <p className="mt-2 text-slate-700">
        One account holds your profile, your resume and every run your agents make. It takes a few seconds.
      </p>

      <form ref={formRef} noValidate onSubmit={submit} className="mt-6 flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <TextField
          id="signup-name"
          label="Name"
          name="name"
          autoComplete="name"
          required
          value={values.name}
          onChange={(e) => set('name')(e.target.value)}
          error={errors.name}
        />
        <TextField
          id="signup-email"
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={values.email}
          onChange={(e) => set('email')(e.target.value)}
          error={errors.email}
        />
        <TextField
          id="signup-password"
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters, and not a common password or one made from your name or email."
          value={values.password}
          onChange={(e) => set('password')(e.target.value)}
          error={errors.password}
        />
        {formError ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-800">
            {formError}
          </p>
        ) : null}
        <button type="submit" disabled={busy} aria-describedby="signup-progress" className={primaryButtonClass}>
          Create account
        </button>
        <p id="signup-progress" role="status" className="min-h-5 text-sm text-slate-700">
          {progress}
        </p>
      </form>

      <p className="mt-6 text-sm text-slate-700">
        Have an account already?{' '}
        <Link href={`/signin${nextQuery(next)}`} className="font-medium text-blue-800 underline">
          I already have an account
        </Link>
      </p>
    </div>
  );
}

/** Why the sign-in after sign-up failed: throttled (with the wait), or the email's existing password differs, or we could not tell. */
function signInProblem(error: string | null | undefined): string {
  const throttled = readThrottleMessage(error);
  if (throttled) return throttled;
  if (error === 'CredentialsSignin') return MAYBE_EXISTING;
  return "Couldn't sign you in just now. Sign in with the same email and password in a moment.";
}
