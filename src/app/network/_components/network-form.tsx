'use client';

import { useId, useState, type SubmitEvent } from 'react';
import { InputField } from '~/app/dashboard/_components/form-controls';
import { FormProblems, SubmitRow } from '~/app/_components/session-forms/form-parts';
import { useSessionStart } from '~/app/_components/session-forms/use-session-start';
import { hasErrors } from '~/app/_components/session-forms/form-errors';
import { networkParamsSchema } from '~/shared/sessions/network';
import { api } from '~/trpc/react';
import type { RouterInputs } from '~/trpc/types';
import type { NetworkPrefill } from '../_lib/prefill';

type NetworkInput = RouterInputs['network']['find'];
const FIELDS = ['company', 'role', 'jobUrl', 'githubOrg'] as const satisfies readonly (keyof NetworkInput)[];
type Field = (typeof FIELDS)[number];

/** Starts a search for people at a company; the role and the posting shape the ranking and the notes. */
export function NetworkForm({ headingId, prefill }: { headingId: string; prefill: NetworkPrefill }) {
  const id = useId();
  const start = useSessionStart(FIELDS, networkParamsSchema, api.network.find.useMutation());
  const { form, errors, busy } = start;
  const [values, setValues] = useState<Record<Field, string>>({ ...prefill, githubOrg: '' });

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    // Empty optional fields are left out: the schema reads "" as a (bad) value, not as none.
    const role = values.role.trim();
    const jobUrl = values.jobUrl.trim();
    const githubOrg = values.githubOrg.trim();
    const input: NetworkInput = {
      company: values.company,
      ...(role === '' ? {} : { role }),
      ...(jobUrl === '' ? {} : { jobUrl }),
      ...(githubOrg === '' ? {} : { githubOrg }),
    };
    start.submit(input);
  };

  const field = (name: Field) => ({
    id: `${id}-${name}`,
    name,
    value: values[name],
    onChange: (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [name]: value }));
    },
    error: errors.fields[name],
  });

  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-950">
        Find people to contact
      </h2>
      <form ref={form} noValidate onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <InputField label="Company" required autoComplete="organization" placeholder="e.g. Northwind Labs" {...field('company')} />
        <InputField
          label="Role (optional)"
          autoComplete="off"
          placeholder="e.g. Senior Backend Engineer"
          hint="The team it is in decides who counts as the hiring manager and peers."
          {...field('role')}
        />
        <InputField
          label="Posting link (optional)"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://…"
          hint="Its team and requirements shape the ranking and the notes."
          {...field('jobUrl')}
        />
        <InputField
          label="GitHub organisation (optional)"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="e.g. northwind-labs"
          hint="The name in the company’s GitHub address; its public members are searched too."
          {...field('githubOrg')}
        />
        <FormProblems messages={errors.form} />
        <SubmitRow label="Find contacts" busy={busy} invalid={hasErrors(errors)} />
      </form>
    </section>
  );
}
