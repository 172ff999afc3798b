import type { InputHTMLAttributes, ReactNode } from 'react';

/** aria-describedby for a control with an optional hint and an optional error, in reading order. */
export function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-800">
      {error}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={`${id}-hint`} className="text-xs text-slate-600">
      {children}
    </p>
  );
}

/** A labelled input with its hint and, after a failed start, the server's message for it. */
export function InputField({
  id,
  label,
  hint,
  error,
  ...input
}: { id: string; label: string; hint?: ReactNode; error: string | undefined } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'aria-invalid' | 'aria-describedby'
>) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-950 aria-[invalid=true]:border-red-700 sm:text-sm"
        {...input}
      />
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The label is the checkbox's whole accessible name; the hint is its description. */
export function CheckboxField(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex gap-3">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
        aria-describedby={describedBy(props.id, props.hint, undefined)}
        className="mt-0.5 h-5 w-5 shrink-0 accent-blue-700"
      />
      <div>
        <label htmlFor={props.id} className="text-sm font-medium text-slate-900">
          {props.label}
        </label>
        <Hint id={props.id}>{props.hint}</Hint>
      </div>
    </div>
  );
}
