import type { JobSource } from '~/shared/pipeline';
import type { FieldErrors, StartInput } from './start-errors';

export type Toggle = Extract<keyof StartInput, 'autoApply' | 'draftMode' | 'useCompanyResearch' | 'useResumeTailoring' | 'useCoverLetter'>;
export type NumberField = Extract<keyof StartInput, 'minMatchScore' | 'maxApplications'>;

/** A number input's text, and whether the browser could read it as a number at all. */
interface NumberText {
  text: string;
  bad: boolean;
}

export interface FormState extends Record<Toggle, boolean> {
  query: string;
  location: string;
  minMatchScore: NumberText;
  maxApplications: NumberText;
  sources: JobSource[];
}

/** The server's defaults, shown as they are. */
export const INITIAL: FormState = {
  query: '',
  location: 'Remote',
  minMatchScore: { text: '70', bad: false },
  maxApplications: { text: '', bad: false },
  autoApply: false,
  draftMode: true,
  useCompanyResearch: false,
  useResumeTailoring: false,
  useCoverLetter: false,
  sources: [],
};

export const SOURCE_LABEL: Record<JobSource, string> = { sandbox: 'Sandbox board', greenhouse: 'Greenhouse', lever: 'Lever' };

export const TOGGLES: { name: Toggle; label: string; hint?: string }[] = [
  { name: 'autoApply', label: 'Apply automatically', hint: 'The applier fills in applications in a real browser.' },
  {
    name: 'draftMode',
    label: 'Draft mode: I review each application before it is sent',
    hint: 'With automatic applying: nothing is submitted until you approve it.',
  },
  { name: 'useCompanyResearch', label: 'Research the company' },
  { name: 'useResumeTailoring', label: 'Tailor my resume', hint: 'You approve each tailored resume.' },
  { name: 'useCoverLetter', label: 'Write a cover letter', hint: 'You review each letter.' },
];

/**
 * The browser cannot hand over text it failed to read as a number, so those two
 * checks happen here; everything else is the server's zod schema, whose messages
 * come back field by field.
 */
export function toInput(form: FormState): { input: StartInput } | { fields: FieldErrors } {
  const fields: FieldErrors = {};
  if (form.minMatchScore.bad || form.minMatchScore.text.trim() === '') fields.minMatchScore = 'Enter a whole number from 0 to 100';
  if (form.maxApplications.bad) fields.maxApplications = 'Enter a whole number, or leave it empty for no limit';
  if (Object.keys(fields).length > 0) return { fields };
  const max = form.maxApplications.text.trim();
  return {
    input: {
      query: form.query,
      location: form.location,
      minMatchScore: Number(form.minMatchScore.text),
      ...(max === '' ? {} : { maxApplications: Number(max) }),
      autoApply: form.autoApply,
      draftMode: form.draftMode,
      useCompanyResearch: form.useCompanyResearch,
      useResumeTailoring: form.useResumeTailoring,
      useCoverLetter: form.useCoverLetter,
      // None checked means every source: the field is left out, as the API expects.
      ...(form.sources.length > 0 ? { sources: form.sources } : {}),
    },
  };
}
