import type { TRPCClientErrorLike } from '@trpc/client';
import type { AppRouter } from '~/server/api/root';
import type { RouterInputs } from '~/trpc/types';

export type StartInput = RouterInputs['pipeline']['start'];

/** The inputs that can be wrong; the checkboxes cannot. */
export const FIELD_NAMES = ['query', 'location', 'minMatchScore', 'maxApplications', 'sources'] as const satisfies readonly (keyof StartInput)[];
export type FieldName = (typeof FIELD_NAMES)[number];

export type FieldErrors = Partial<Record<FieldName, string>>;
export interface StartErrors {
  fields: FieldErrors;
  /** Not about one field: limits, session, network. */
  form: string[];
}

const isFieldName = (name: string): name is FieldName => (FIELD_NAMES as readonly string[]).includes(name);

/** `query: say what…` → `Say what…`: the message sits under its own field, which names it already. */
function forField(message: string): string {
  const text = message.replace(/^[\w.]+: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One issue per line or per "; ", each "field: message", as the server formats zod errors. */
function issuesFromMessage(message: string): { path: string; message: string }[] {
  return message
    .split(/\n|; /)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ path: /^([\w.]+): /.exec(line)?.[1] ?? '', message: line }));
}

/** Sorts pipeline.start's error out to the fields it is about; the rest goes to the form. */
export function startErrors(error: TRPCClientErrorLike<AppRouter>): StartErrors {
  if (error.data?.code !== 'BAD_REQUEST') return { fields: {}, form: [error.message] };
  const issues = error.data.zodError ?? issuesFromMessage(error.message);
  const result: StartErrors = { fields: {}, form: [] };
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (isFieldName(field)) {
      const text = forField(issue.message);
      result.fields[field] = result.fields[field] ? `${result.fields[field]} ${text}` : text;
    } else {
      result.form.push(issue.message);
    }
  }
  if (result.form.length === 0 && Object.keys(result.fields).length === 0) result.form.push(error.message);
  return result;
}
