'use client';

import { useId, useState, type ReactNode, type RefObject } from 'react';
import { hitlResponseSchema, type HitlSaveAs } from '~/shared/hitl';
import { RESUME_MAX_BYTES } from '~/shared/profile';

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

/** "Select all that apply": one checkbox per option, sent together, one per line. */
export function MultipleChoiceAnswer(props: {
  options: string[];
  blocked: boolean;
  onAnswer: (answer: string[]) => void;
  children?: ReactNode;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const toggle = (option: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(option)) next.delete(option);
      else next.add(option);
      return next;
    });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (props.blocked) return;
        if (chosen.size === 0) {
          setError('Choose at least one');
          return;
        }
        setError(null);
        props.onAnswer(props.options.filter((o) => chosen.has(o)));
      }}
      className="space-y-2"
    >
      <fieldset aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="text-sm font-semibold text-slate-900">Choose all that apply</legend>
        <div className="mt-1 space-y-1">
          {props.options.map((option) => (
            <label key={option} className="flex items-center gap-2 text-base text-slate-900">
              <input type="checkbox" checked={chosen.has(option)} onChange={() => toggle(option)} className="h-4 w-4" />
              {option}
            </label>
          ))}
        </div>
      </fieldset>
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

/**
 * A question that wants a file (a resume the profile lacks): the PDF is chosen and
 * sent as it is to PUT /api/hitl/<hitlId>/file, checked there as the profile's resume
 * is; the question's options (such as "skip this application") stay as buttons.
 */
export function FileAnswer(props: {
  options: string[];
  blocked: boolean;
  serverError: string | null;
  onFile: (file: File) => void;
  onAnswer: (answer: string) => void;
  children?: ReactNode;
}) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? props.serverError;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (props.blocked) return;
        if (!file) {
          setLocalError('Choose a PDF first');
          return;
        }
        if (file.size > RESUME_MAX_BYTES) {
          setLocalError(`That file is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most 5 MB`);
          return;
        }
        setLocalError(null);
        props.onFile(file);
      }}
      className="space-y-2"
    >
      <label htmlFor={`${id}-file`} className="block text-sm font-semibold text-slate-900">
        The file (PDF, at most 5 MB)
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept="application/pdf,.pdf"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setFile(e.currentTarget.files?.[0] ?? null);
          setLocalError(null);
        }}
        className="block w-full text-sm text-slate-900 file:mr-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 file:font-medium"
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" aria-disabled={props.blocked || undefined} className={primary}>
          Upload and send
        </button>
        {props.options.map((option) => (
          <button
            key={option}
            type="button"
            aria-disabled={props.blocked || undefined}
            onClick={() => {
              if (!props.blocked) props.onAnswer(option);
            }}
            className={secondary}
          >
            {option}
          </button>
        ))}
        {props.children}
      </div>
    </form>
  );
}

/** Offered when the answer belongs in the profile: kept there, it is not asked again. */
export function SaveToProfile(props: { saveAs: HitlSaveAs; checked: boolean; onChange: (checked: boolean) => void }) {
  const label =
    props.saveAs.to === 'resume'
      ? 'Also make it my profile’s resume, for later applications'
      : props.saveAs.to === 'profile'
        ? 'Save to my profile, so I am not asked again'
        : 'Remember this answer for other applications (kept in my profile)';
  return (
    <label className="flex items-center gap-2 text-sm text-slate-900">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} className="h-4 w-4" />
      {label}
    </label>
  );
}
