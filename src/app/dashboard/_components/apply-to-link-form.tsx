'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type SubmitEvent } from 'react';
import { applyUrlSchema } from '~/shared/pipeline';
import { api } from '~/trpc/react';
import { CheckboxField, InputField } from './form-controls';
import { ProfileReadiness } from './profile-readiness';

/** `url: a web address…` → `A web address…`: the message sits under the field that names it. */
function forField(message: string): string {
  const text = message.replace(/^url: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Applies to one posting the user found themselves: the same applier, draft review
 * and live browser as a pipeline's, for one link.
 */
export function ApplyToLinkForm({ headingId }: { headingId: string }) {
  const id = useId();
  const router = useRouter();
  const utils = api.useUtils();
  const apply = api.applications.applyToUrl.useMutation();
  const [url, setUrl] = useState('');
  const [draftMode, setDraftMode] = useState(true);
  const [error, setError] = useState<{ field: string | undefined; form: string | undefined }>({ field: undefined, form: undefined });
  const [leaving, setLeaving] = useState(false);
  const busy = apply.isPending || leaving;

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const parsed = applyUrlSchema.safeParse(url);
    if (!parsed.success) {
      setError({ field: forField(parsed.error.issues[0]?.message ?? 'url: a web address'), form: undefined });
      document.getElementById(`${id}-url`)?.focus();
      return;
    }
    setError({ field: undefined, form: undefined });
    apply.mutate(
      { url: parsed.data, draftMode },
      {
        onSuccess: ({ runId }) => {
          setLeaving(true);
          void utils.pipeline.list.invalidate();
          router.push(`/runs/${runId}`);
        },
        onError: (err) =>
          setError(err.data?.code === 'BAD_REQUEST' ? { field: forField(err.message), form: undefined } : { field: undefined, form: err.message }),
      },
    );
  };

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-950">
        Apply to one job link
      </h2>
      <form noValidate onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <InputField
          id={`${id}-url`}
          label="The posting’s link"
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://boards.greenhouse.io/acme/jobs/123"
          hint="The posting page or its application form. It is read and scored against your resume, then filled in."
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={error.field}
        />
        <CheckboxField
          id={`${id}-draft`}
          label="Draft mode: I review the application before it is sent"
          checked={draftMode}
          onChange={setDraftMode}
        />
        {url.trim() !== '' && <ProfileReadiness id={`${id}-readiness`} />}
        {error.form && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {error.form}
          </p>
        )}
        <div className="flex items-center gap-3">
          <button
            type="submit"
            aria-disabled={busy || undefined}
            className="rounded-md bg-blue-700 px-4 py-2.5 font-semibold text-white hover:bg-blue-800 aria-disabled:cursor-wait aria-disabled:opacity-60"
          >
            Apply
          </button>
          {busy && (
            <span role="status" className="text-sm text-slate-700">
              Starting…
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
