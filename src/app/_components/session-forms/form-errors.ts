import { apiIssues, isUnreachable, type ApiError } from '~/app/_components/api-issues';

/**
 * A start form's problems: each under its field, in the words of the shared schema
 * ("role: say which role…" → "Say which role…"), and the rest above the button.
 * The same schema checks in the browser and on the server, so both read alike.
 */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  form: string[];
}

export const noErrors = <F extends string>(): FormErrors<F> => ({ fields: {}, form: [] });

const FIELD_PREFIX = /^[A-Za-z][\w.]*:\s+/;

function sentence(message: string): string {
  const text = message.replace(FIELD_PREFIX, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Sorts issues (path: "targetSalary", "jobUrl"…) out to the form's fields. */
export function sortIssues<F extends string>(
  fieldNames: readonly F[],
  issues: readonly { path: string; message: string }[],
): FormErrors<F> {
  const result = noErrors<F>();
  const isField = (name: string): name is F => (fieldNames as readonly string[]).includes(name);
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    const text = sentence(issue.message);
    if (isField(field)) result.fields[field] = result.fields[field] ? `${result.fields[field]} ${text}` : text;
    else result.form.push(text);
  }
  return result;
}

/** A zod result's issues with dotted paths, as the server's zodError gives them. */
export function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { path: string; message: string }[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** What a failed start says: field by field when the input was wrong, else one sentence. */
export function startErrors<F extends string>(fieldNames: readonly F[], error: ApiError): FormErrors<F> {
  if (isUnreachable(error)) return { fields: {}, form: [`Could not reach jobstream: ${error.message}. Check your connection and try again.`] };
  if (error.data?.code !== 'BAD_REQUEST') return { fields: {}, form: [error.message] };
  const sorted = sortIssues(
    fieldNames,
    apiIssues(error).map((issue) => ({ path: issue.path, message: issue.text })),
  );
  if (sorted.form.length === 0 && Object.keys(sorted.fields).length === 0) sorted.form.push(error.message);
  return sorted;
}

export const hasErrors = <F extends string>(errors: FormErrors<F>): boolean =>
  errors.form.length > 0 || Object.values(errors.fields).some(Boolean);
