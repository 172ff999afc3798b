'use client';

import { useId, useState, type SubmitEvent } from 'react';
import { InputField } from '~/app/dashboard/_components/form-controls';
import { salaryBattleParamsSchema } from '~/shared/sessions/salary';
import { api } from '~/trpc/react';
import type { RouterInputs } from '~/trpc/types';
import { hasErrors } from '~/app/_components/session-forms/form-errors';
import type { NegotiatePrefill } from '../_lib/prefill';
import { useSessionStart } from '~/app/_components/session-forms/use-session-start';
import { FormProblems, SubmitRow } from '~/app/_components/session-forms/form-parts';

type BattleInput = RouterInputs['salary']['startBattle'];
const FIELDS = ['role', 'company', 'targetSalary', 'currency', 'location', 'jobUrl'] as const satisfies readonly (keyof BattleInput)[];
type Field = (typeof FIELDS)[number];

/**
 * Starts a negotiation against an HR persona. Filled from the link that brought the user
 * here (a job card, an application); the target is theirs to say.
 */
export function BattleForm({ headingId, prefill }: { headingId: string; prefill: NegotiatePrefill }) {
  const id = useId();
  const fieldId = (name: Field) => `${id}-${name}`;
  const start = useSessionStart(FIELDS, salaryBattleParamsSchema, api.salary.startBattle.useMutation());
  const { form, errors, busy, failed } = start;
  const [values, setValues] = useState({
    role: prefill.role,
    company: prefill.company,
    currency: 'USD',
    location: prefill.location,
    jobUrl: prefill.jobUrl,
  });
  const [target, setTarget] = useState({ text: '', bad: false });
  const set = (name: keyof typeof values, value: string) => setValues((v) => ({ ...v, [name]: value }));

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    // The browser cannot hand over a number it failed to read; everything else is the schema's to judge.
    if (target.bad || target.text.trim() === '') {
      failed({ fields: { targetSalary: 'Enter your target as a whole yearly amount, e.g. 150000.' }, form: [] });
      return;
    }
    const jobUrl = values.jobUrl.trim();
    const input: BattleInput = {
      role: values.role,
      company: values.company,
      targetSalary: Number(target.text),
      currency: values.currency,
      location: values.location,
      ...(jobUrl === '' ? {} : { jobUrl }),
    };
    start.submit(input);
  };

  const text = (name: Exclude<Field, 'targetSalary'>) => ({
    id: fieldId(name),
    name,
    value: values[name],
    onChange: (e: { currentTarget: HTMLInputElement }) => set(name, e.currentTarget.value),
    error: errors.fields[name],
  });

  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-950">
        Practise a salary negotiation
      </h2>
      <p className="text-slate-700">
        A recruiter with a hidden budget makes the first offer; you answer, turn by turn. Reasons move it: market data, another
        offer, what you have delivered. At the end, a debrief says what worked.
      </p>
      <form ref={form} noValidate onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <InputField label="Role" required autoComplete="off" placeholder="e.g. Senior Backend Engineer" {...text('role')} />
        <InputField label="Company" required autoComplete="organization" placeholder="e.g. Northwind Labs" {...text('company')} />
        <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <InputField
            id={fieldId('targetSalary')}
            label="Target salary (a year)"
            name="targetSalary"
            type="number"
            inputMode="numeric"
            required
            min={1000}
            step={1}
            placeholder="e.g. 150000"
            hint="What you would like to end up with, before tax."
            value={target.text}
            onChange={(e) => setTarget({ text: e.currentTarget.value, bad: e.currentTarget.validity.badInput })}
            error={errors.fields.targetSalary}
          />
          <InputField
            label="Currency"
            maxLength={3}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            hint="Three letters: USD, EUR, GBP…"
            {...text('currency')}
          />
        </div>
        <InputField label="Location" hint="Where the job is, or Remote. Optional." {...text('location')} />
        <InputField
          label="Posting link (optional)"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://…"
          hint="With a posting that lists a salary range, the recruiter’s budget comes from it."
          {...text('jobUrl')}
        />
        <FormProblems messages={errors.form} />
        <SubmitRow label="Start the negotiation" busy={busy} invalid={hasErrors(errors)} />
      </form>
    </section>
  );
}
