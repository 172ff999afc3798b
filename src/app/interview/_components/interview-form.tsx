'use client';

import { useId, useState, type SubmitEvent } from 'react';
import { InputField } from '~/app/dashboard/_components/form-controls';
import { FormProblems, SelectField, SubmitRow } from '~/app/_components/session-forms/form-parts';
import { useSessionStart } from '~/app/_components/session-forms/use-session-start';
import { hasErrors } from '~/app/_components/session-forms/form-errors';
import { SENIORITY_LABEL } from '~/app/_components/session-forms/seniority';
import { interviewParamsSchema } from '~/shared/sessions/interview';
import { senioritySchema, type Seniority } from '~/shared/sessions/salary';
import { api } from '~/trpc/react';
import type { RouterInputs } from '~/trpc/types';
import type { InterviewPrefill } from '../_lib/prefill';

type InterviewInput = RouterInputs['interview']['start'];
const FIELDS = ['jobUrl', 'role', 'seniority', 'questions'] as const satisfies readonly (keyof InterviewInput)[];
type Field = (typeof FIELDS)[number];

const SENIORITY_OPTIONS = [
  { value: '', label: 'From the posting, or any' },
  ...senioritySchema.options.map((value) => ({ value, label: SENIORITY_LABEL[value] })),
];

const isSeniority = (value: string): value is Seniority => (senioritySchema.options as readonly string[]).includes(value);

/** The schema's default, shown in the field so the user sees what they will get. */
const DEFAULT_QUESTIONS = '5';

/** Starts an interview: from a posting's link, or a role (or both: the posting's skills, the role's name). */
export function InterviewForm({ headingId, prefill }: { headingId: string; prefill: InterviewPrefill }) {
  const id = useId();
  const fieldId = (name: Field) => `${id}-${name}`;
  const start = useSessionStart(FIELDS, interviewParamsSchema, api.interview.start.useMutation());
  const { form, errors, busy, failed } = start;
  const [jobUrl, setJobUrl] = useState(prefill.jobUrl);
  const [role, setRole] = useState(prefill.role);
  const [seniority, setSeniority] = useState<Seniority | ''>('');
  const [questions, setQuestions] = useState({ text: DEFAULT_QUESTIONS, bad: false });

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    // The browser cannot hand over a number it failed to read; everything else is the schema's to judge.
    const count = questions.text.trim();
    if (questions.bad || (count !== '' && !Number.isInteger(Number(count)))) {
      failed({ fields: { questions: 'Enter a whole number of questions, from 1 to 10.' }, form: [] });
      return;
    }
    const url = jobUrl.trim();
    const name = role.trim();
    const input: InterviewInput = {
      ...(url === '' ? {} : { jobUrl: url }),
      ...(name === '' ? {} : { role: name }),
      ...(seniority ? { seniority } : {}),
      ...(count === '' ? {} : { questions: Number(count) }),
    };
    start.submit(input);
  };

  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-950">
        Rehearse an interview
      </h2>
      <form ref={form} noValidate onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <InputField
          id={fieldId('jobUrl')}
          label="Posting link"
          name="jobUrl"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://…"
          hint="The questions come from its required skills and seniority. Give a link, a role, or both."
          value={jobUrl}
          onChange={(e) => setJobUrl(e.currentTarget.value)}
          error={errors.fields.jobUrl}
        />
        <InputField
          id={fieldId('role')}
          label="Role"
          name="role"
          autoComplete="off"
          placeholder="e.g. Senior Backend Engineer"
          hint="Without a link, the questions come from postings for this role."
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          error={errors.fields.role}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id={fieldId('seniority')}
            label="Seniority (optional)"
            name="seniority"
            options={SENIORITY_OPTIONS}
            value={seniority}
            onChange={(value) => setSeniority(isSeniority(value) ? value : '')}
            error={errors.fields.seniority}
          />
          <InputField
            id={fieldId('questions')}
            label="Number of questions"
            name="questions"
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            step={1}
            hint="1 to 10; each has its own timer."
            value={questions.text}
            onChange={(e) => setQuestions({ text: e.currentTarget.value, bad: e.currentTarget.validity.badInput })}
            error={errors.fields.questions}
          />
        </div>
        <FormProblems messages={errors.form} />
        <SubmitRow label="Start the interview" busy={busy} invalid={hasErrors(errors)} />
      </form>
    </section>
  );
}
