'use client';

import { useId, useState, type SubmitEvent } from 'react';
import { InputField } from '~/app/dashboard/_components/form-controls';
import { salaryResearchParamsSchema, senioritySchema, type Seniority } from '~/shared/sessions/salary';
import { api } from '~/trpc/react';
import type { RouterInputs } from '~/trpc/types';
import { hasErrors } from '~/app/_components/session-forms/form-errors';
import type { NegotiatePrefill } from '../_lib/prefill';
import { useSessionStart } from '~/app/_components/session-forms/use-session-start';
import { SENIORITY_LABEL } from '~/app/_components/session-forms/seniority';
import { FormProblems, SelectField, SubmitRow } from '~/app/_components/session-forms/form-parts';

type ResearchInput = RouterInputs['salary']['research'];
const FIELDS = ['role', 'location', 'seniority'] as const satisfies readonly (keyof ResearchInput)[];
type Field = (typeof FIELDS)[number];

const SENIORITY_OPTIONS = [
  { value: '', label: 'Any seniority' },
  ...senioritySchema.options.map((value) => ({ value, label: SENIORITY_LABEL[value] })),
];

const isSeniority = (value: string): value is Seniority => (senioritySchema.options as readonly string[]).includes(value);

/** Starts a pay research: the salary ranges of real postings for the role, as percentiles. */
export function ResearchForm({ headingId, prefill }: { headingId: string; prefill: NegotiatePrefill }) {
  const id = useId();
  const fieldId = (name: Field) => `${id}-${name}`;
  const start = useSessionStart(FIELDS, salaryResearchParamsSchema, api.salary.research.useMutation());
  const { form, errors, busy } = start;
  const [role, setRole] = useState(prefill.role);
  const [location, setLocation] = useState(prefill.location);
  const [seniority, setSeniority] = useState<Seniority | ''>('');
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    const input: ResearchInput = { role, location, ...(seniority ? { seniority } : {}) };
    start.submit(input);
  };

  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-950">
        Research pay for a role
      </h2>
      <p className="text-slate-700">
        What postings for the role say they pay: the median and the middle half, with every posting behind the numbers.
      </p>
      <form ref={form} noValidate onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <InputField
          id={fieldId('role')}
          label="Role"
          name="role"
          required
          autoComplete="off"
          placeholder="e.g. Backend engineer"
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          error={errors.fields.role}
        />
        <InputField
          id={fieldId('location')}
          label="Location"
          name="location"
          hint="A city or country, or Remote. Empty counts every place."
          value={location}
          onChange={(e) => setLocation(e.currentTarget.value)}
          error={errors.fields.location}
        />
        <SelectField
          id={fieldId('seniority')}
          label="Seniority (optional)"
          name="seniority"
          options={SENIORITY_OPTIONS}
          value={seniority}
          onChange={(value) => setSeniority(isSeniority(value) ? value : '')}
          error={errors.fields.seniority}
        />
        <FormProblems messages={errors.form} />
        <SubmitRow label="Research pay" busy={busy} invalid={hasErrors(errors)} />
      </form>
    </section>
  );
}
