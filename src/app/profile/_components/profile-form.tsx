'use client';

import { useMemo, useRef, useState, type SubmitEvent } from 'react';
import { api } from '~/trpc/react';
import { apiIssues, isUnreachable, type ApiError } from '../../_components/api-issues';
import { primaryButtonClass } from '../../_components/form-controls';
import { useFocusFirstInvalid } from '../../_components/use-focus-first-invalid';
import { ContactSection } from './contact-section';
import { JobBoards } from './job-boards';
import { draftChanges, isFormPath, toDraft, type FieldErrors, type Profile, type ProfileDraft } from './profile-draft';
import { ResumeSection } from './resume-section';
import { SavedAnswers } from './saved-answers';
import { WorkSection } from './work-section';

/** Drops the errors of the controls just edited: the message was about the old value. */
function withoutErrorsFor(errors: FieldErrors, patch: Partial<ProfileDraft>): FieldErrors {
  const edited = Object.keys(patch);
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !edited.some((key) => path === key || path.startsWith(`${key}.`))));
}

function notSavedMessage(fieldCount: number): string {
  if (fieldCount === 0) return 'Not saved.';
  return `Not saved: ${fieldCount === 1 ? 'one field needs' : `${fieldCount} fields need`} fixing.`;
}

export function ProfileForm({ saved }: { saved: Profile }) {
  const utils = api.useUtils();
  const update = api.profile.update.useMutation();
  const [draft, setDraft] = useState(() => toDraft(saved));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [failures, setFailures] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, failures);

  const dirty = useMemo(() => Object.keys(draftChanges(draft, saved).changes).length > 0, [draft, saved]);

  const onChange = (patch: Partial<ProfileDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => withoutErrorsFor(e, patch));
    setStatus('');
  };

  function fail(byField: FieldErrors, other: string | null) {
    setErrors(byField);
    setFormError(other);
    setStatus(notSavedMessage(Object.keys(byField).length));
    setFailures((n) => n + 1);
  }

  function showServerProblems(error: ApiError) {
    if (isUnreachable(error)) {
      fail({}, "Couldn't reach jobstream. Your changes are still here; try again when the connection is back.");
      return;
    }
    const byField: FieldErrors = {};
    const other: string[] = [];
    for (const issue of apiIssues(error)) {
      if (isFormPath(issue.path)) byField[issue.path] ??= issue.text;
      else other.push(issue.text);
    }
    fail(byField, other.length > 0 ? other.join(' ') : null);
  }

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const { changes, errors: local } = draftChanges(draft, saved);
    setFormError(null);
    if (Object.keys(local).length > 0) {
      fail(local, null);
      return;
    }
    if (Object.keys(changes).length === 0) {
      setErrors({});
      setStatus('No changes to save.');
      return;
    }
    setStatus('Saving…');
    update.mutate(changes, {
      onSuccess: (profile) => {
        utils.profile.get.setData(undefined, profile);
        // The server trims and normalises; show what it kept, so the form is clean again.
        setDraft(toDraft(profile));
        setErrors({});
        setStatus('Profile saved');
      },
      onError: showServerProblems,
    });
  }

  const sectionProps = { draft, onChange, errors };
  return (
    <form ref={form} noValidate onSubmit={submit} aria-labelledby="profile-title" className="flex flex-col gap-6">
      <ContactSection {...sectionProps} />
      <WorkSection {...sectionProps} />
      <ResumeSection {...sectionProps} resumeFile={saved.resumeFile} />
      <JobBoards {...sectionProps} />
      <SavedAnswers saved={saved.savedAnswers} />

      <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur">
        {formError ? (
          <p role="alert" className="mb-2 rounded border border-red-300 bg-red-50 p-2 text-sm font-medium text-red-800">
            {formError}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center justify-end gap-x-4 gap-y-2">
          <p role="status" className="mr-auto text-sm font-medium text-slate-800">
            {status || (dirty ? 'You have unsaved changes.' : '')}
          </p>
          <button type="submit" disabled={update.isPending} className={primaryButtonClass}>
            Save profile
          </button>
        </div>
      </div>
    </form>
  );
}
