'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type ChangeEvent, type SubmitEvent } from 'react';
import { jobSourceSchema } from '~/shared/pipeline';
import { api } from '~/trpc/react';
import { CheckboxField, FieldError, Hint, InputField } from './form-controls';
import { ProfileReadiness } from './profile-readiness';
import { FIELD_NAMES, startErrors, type FieldErrors, type StartErrors } from './start-errors';
import { INITIAL, SOURCE_LABEL, TOGGLES, toInput, type FormState, type NumberField } from './start-form-state';

export function StartPipelineForm({ headingId }: { headingId: string }) {
  const id = useId();
  const fieldId = (name: string) => `${id}-${name}`;
  const router = useRouter();
  const utils = api.useUtils();
  const start = api.pipeline.start.useMutation();
  const [form, setForm] = useState<FormState>(INITIAL);
  const [errors, setErrors] = useState<StartErrors>({ fields: {}, form: [] });
  const [leaving, setLeaving] = useState(false);
  // After a failed attempt the first field with a problem takes focus, so the fix starts there.
  const focusFirstError = (fields: FieldErrors) => {
    const first = FIELD_NAMES.find((name) => fields[name]);
    if (first) document.getElementById(fieldId(first === 'sources' ? 'sources-sandbox' : first))?.focus();
  };

  const set = <K extends keyof FormState>(name: K, value: FormState[K]) => setForm((f) => ({ ...f, [name]: value }));
  const busy = start.isPending || leaving;

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const prepared = toInput(form);
    if ('fields' in prepared) {
      setErrors({ fields: prepared.fields, form: [] });
      focusFirstError(prepared.fields);
      return;
    }
    setErrors({ fields: {}, form: [] });
    start.mutate(prepared.input, {
      onSuccess: ({ runId }) => {
        setLeaving(true);
        void utils.pipeline.list.invalidate();
        router.push(`/runs/${runId}`);
      },
      onError: (err) => {
        const found = startErrors(err);
        setErrors(found);
        focusFirstError(found.fields);
      },
    });
  };

  const numberProps = (name: NumberField) => ({
    type: 'number',
    inputMode: 'numeric' as const,
    step: 1,
    value: form[name].text,
    onChange: (e: ChangeEvent<HTMLInputElement>) =>
      set(name, { text: e.currentTarget.value, bad: e.currentTarget.validity.badInput }),
  });

  return (
    <section aria-labelledby={headingId} id="start-pipeline" className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-950">
        Start a pipeline
      </h2>
      {/* noValidate: the server's messages, not the browser's bubbles, say what is wrong. */}
      <form noValidate onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <InputField
          id={fieldId('query')}
          label="What job?"
          name="query"
          required
          autoComplete="off"
          placeholder="e.g. Python developer"
          value={form.query}
          onChange={(e) => set('query', e.currentTarget.value)}
          error={errors.fields.query}
        />
        <InputField
          id={fieldId('location')}
          label="Location"
          name="location"
          hint="A city or country, or Remote. Empty searches everywhere."
          value={form.location}
          onChange={(e) => set('location', e.currentTarget.value)}
          error={errors.fields.location}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id={fieldId('minMatchScore')}
            label="Minimum match score"
            name="minMatchScore"
            min={0}
            max={100}
            hint="0–100: jobs scoring lower are skipped."
            error={errors.fields.minMatchScore}
            {...numberProps('minMatchScore')}
          />
          <InputField
            id={fieldId('maxApplications')}
            label="Most applications"
            name="maxApplications"
            min={1}
            max={100}
            hint="Optional: empty means no limit."
            error={errors.fields.maxApplications}
            {...numberProps('maxApplications')}
          />
        </div>
        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Steps</legend>
          {TOGGLES.map((t) => (
            <CheckboxField
              key={t.name}
              id={fieldId(t.name)}
              label={t.label}
              hint={t.hint}
              checked={form[t.name]}
              onChange={(checked) => set(t.name, checked)}
            />
          ))}
        </fieldset>
        {form.autoApply && <ProfileReadiness id={fieldId('readiness')} />}
        <fieldset className="space-y-2" aria-describedby={`${fieldId('sources')}-hint`}>
          <legend className="mb-1 text-sm font-semibold text-slate-900">Sources</legend>
          <Hint id={fieldId('sources')}>
            None checked searches them all. Greenhouse and Lever search the boards listed in your profile.
          </Hint>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {jobSourceSchema.options.map((source) => (
              <CheckboxField
                key={source}
                id={fieldId(`sources-${source}`)}
                label={SOURCE_LABEL[source]}
                checked={form.sources.includes(source)}
                onChange={(checked) =>
                  set('sources', checked ? [...form.sources, source] : form.sources.filter((s) => s !== source))
                }
              />
            ))}
          </div>
          <FieldError id={fieldId('sources')} error={errors.fields.sources} />
        </fieldset>
        {errors.form.length > 0 && (
          <div role="alert" className="space-y-1 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {errors.form.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        <div className="flex items-center gap-3">
          <button
            type="submit"
            aria-disabled={busy || undefined}
            className="rounded-md bg-blue-700 px-4 py-2.5 font-semibold text-white hover:bg-blue-800 aria-disabled:cursor-wait aria-disabled:opacity-60"
          >
            Start pipeline
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
