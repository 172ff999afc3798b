import { describedBy, FieldError } from '~/app/dashboard/_components/form-controls';

/**
 * The pieces both start forms share, in the start pipeline form's look: a select like its
 * inputs, the problems that are about no one field, and the submit row.
 */

export function SelectField({
  id,
  label,
  name,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-950 aria-[invalid=true]:border-red-700 sm:text-sm"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FormProblems({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div role="alert" className="space-y-1 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function SubmitRow({ label, busy, invalid }: { label: string; busy: boolean; invalid: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        aria-disabled={busy || undefined}
        className="rounded-md bg-blue-700 px-4 py-2.5 font-semibold text-white hover:bg-blue-800 aria-disabled:cursor-wait aria-disabled:opacity-60"
      >
        {label}
      </button>
      {busy ? (
        <span role="status" className="text-sm text-slate-700">
          Starting…
        </span>
      ) : invalid ? (
        <span className="text-sm text-slate-700">Fix what is marked above, then try again.</span>
      ) : null}
    </div>
  );
}
