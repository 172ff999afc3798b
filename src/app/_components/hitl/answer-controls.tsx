'use client';

import { useId, useState, type ReactNode, type RefObject } from 'react';
import { hitlResponseSchema } from '~/shared/hitl';

/** Answers that move things forward get the primary look; the rest stay quiet, so a glance tells them apart. */
const AFFIRMATIVE = /^(approve|yes|submit|confirm|accept|ok)\b/i;

const button =
  'rounded-md px-4 py-2.5 text-base font-semibold aria-disabled:cursor-not-allowed aria-disabled:opacity-50 sm:py-2 sm:text-sm';
const primary = `${button} bg-blue-700 text-white hover:bg-blue-800`;
const secondary = `${button} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100`;

/**
 * One button per option; the accessible name is exactly the option, which is also
 * what the server expects back. aria-disabled (not disabled) keeps a focused button
 * focused while an answer is on its way.
 */
export function OptionButtons(props: {
  options: string[];
  blocked: boolean;
  onAnswer: (answer: string) => void;
  /** Other actions (Close), at the end of the row. */
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div role="group" aria-label="Answers" className="flex flex-wrap gap-2">
        {props.options.map((option) => (
          <button
            key={option}
            type="button"
            aria-disabled={props.blocked || undefined}
            onClick={() => {
              if (!props.blocked) props.onAnswer(option);
            }}
            className={AFFIRMATIVE.test(option) ? primary : secondary}
          >
            {option}
          </button>
        ))}
      </div>
      {props.children}
    </div>
  );
}

/** "response: an answer is required" → "An answer is required": the field is right there. */
function sentence(message: string): string {
  const text = message.replace(/^response: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Free text, checked against the same schema the server uses, so an empty answer never leaves the page. */
export function FreeTextAnswer(props: {
  blocked: boolean;
  serverError: string | null;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onAnswer: (answer: string) => void;
  /** Other actions (Close), beside the send button. */
  children?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? props.serverError;
  const submit = () => {
    if (props.blocked) return;
    const parsed = hitlResponseSchema.safeParse(text);
    if (!parsed.success) {
      setLocalError(sentence(parsed.error.issues[0]?.message ?? 'an answer is required'));
      return;
    }
    setLocalError(null);
    props.onAnswer(parsed.data);
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="space-y-2"
    >
      <label htmlFor={`${id}-text`} className="block text-sm font-semibold text-slate-900">
        Your answer
      </label>
      <textarea
        id={`${id}-text`}
        ref={props.inputRef}
        value={text}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setLocalError(null);
        }}
        onKeyDown={(e) => {
          // Enter makes a new line; Ctrl/Cmd+Enter sends, as in most chat and mail apps.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
        className="block w-full rounded-md border border-slate-400 px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Ctrl+Enter (⌘+Enter on a Mac) sends it.
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" aria-disabled={props.blocked || undefined} className={primary}>
          Send answer
        </button>
        {props.children}
      </div>
    </form>
  );
}
