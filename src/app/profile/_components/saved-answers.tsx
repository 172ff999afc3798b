'use client';

import { useState } from 'react';
import { api } from '~/trpc/react';
import type { Profile } from './profile-draft';
import { Section } from './section';

/**
 * Answers to application questions the user chose to keep during a run ("How did you
 * hear about us?"): the applier uses them instead of asking again. Each can be removed;
 * removing is saved at once, like the resume upload.
 */
export function SavedAnswers({ saved }: { saved: Profile['savedAnswers'] }) {
  const utils = api.useUtils();
  const update = api.profile.update.useMutation();
  const [status, setStatus] = useState('');
  const remove = (question: string) => {
    update.mutate(
      { savedAnswers: saved.filter((a) => a.question !== question) },
      {
        onSuccess: (profile) => {
          utils.profile.get.setData(undefined, (old) => (old ? { ...old, savedAnswers: profile.savedAnswers } : profile));
          setStatus(`Removed your answer to “${question}”`);
        },
        onError: (err) => setStatus(`Could not remove it: ${err.message}`),
      },
    );
  };
  return (
    <Section
      id="profile-saved-answers"
      title="Saved answers"
      intro="Answers you kept while applying. The applier uses them instead of asking you again."
    >
      {saved.length === 0 ? (
        <p className="text-sm text-slate-700">None yet. When an application asks something your profile cannot answer, you can keep your answer here.</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {saved.map((a) => (
            <li key={a.question} className="flex flex-wrap items-start justify-between gap-2 py-2">
              <div className="min-w-0">
                <p className="text-sm font-semibold text-slate-900">{a.question}</p>
                <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{a.answer}</p>
              </div>
              <button
                type="button"
                aria-label={`Remove your answer to “${a.question}”`}
                aria-disabled={update.isPending || undefined}
                onClick={() => {
                  if (!update.isPending) remove(a.question);
                }}
                className="rounded-md border border-slate-400 px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100"
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="mt-2 min-h-5 text-sm text-slate-800">
        {status}
      </p>
    </Section>
  );
}
