'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type SubmitEvent } from 'react';
import { controlClass, FieldError, primaryButtonClass } from '~/app/_components/form-controls';
import { MAX_TURN_TEXT, type TextTurnSender } from './use-text-turn';

interface Props {
  sender: TextTurnSender;
  /** The box's heading ("Your answer", "Your message"). */
  title: string;
  /** The text field's label. */
  label: string;
  hint: string;
  sendLabel: string;
  /** The session waits for the user (an open round, or the events say so). */
  canSend: boolean;
  /** Why Send does nothing yet, said when it is pressed anyway. */
  notYet: string;
  /** Said beside the button while it is not the user's turn. */
  waiting: string;
  /** The open round's countdown, when there is one. */
  countdown?: ReactNode;
  /**
   * Changes when something new wants an answer (the next question, a reply): the keyboard
   * then comes here, unless the user is busy in another field or a dialog.
   */
  focusKey: string | number | null;
  rows?: number;
  /** Ids of what the words answer (the question), read with the field. */
  describedBy?: string | undefined;
  /** Other actions, after Send. */
  children?: ReactNode;
}

/** Whether the user is typing or choosing somewhere else on the page, where focus must stay. */
function busyElsewhere(form: HTMLFormElement | null): boolean {
  const active = document.activeElement;
  return (
    active instanceof HTMLElement &&
    !form?.contains(active) &&
    (active.matches('input, textarea, select, [contenteditable="true"]') || active.closest('dialog, [role="dialog"]') !== null)
  );
}

/**
 * A turn of words: the text, Ctrl+Enter (⌘+Enter) to send from anywhere in the box, the
 * server's complaints beside it. The words stay until they have gone, so nothing typed
 * is lost to a failed send.
 */
export function MessageBox({ sender, title, label, hint, sendLabel, canSend, notYet, waiting, countdown, focusKey, rows = 5, describedBy: context, children }: Props) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const { busy, problems, delivered } = sender;

  // Cleared once the words are in, not when Send is pressed: a failure keeps them for another try.
  // A suggestion sent by its button leaves a draft typed here alone.
  const [seen, setSeen] = useState(delivered.count);
  if (seen !== delivered.count) {
    setSeen(delivered.count);
    if (text.trim() === delivered.text) setText('');
  }

  useEffect(() => {
    if (focusKey === null || busyElsewhere(form.current)) return;
    field.current?.focus();
  }, [focusKey]);

  // A problem with the words sends the keyboard back to them.
  useEffect(() => {
    if (problems.text) field.current?.focus();
  }, [problems.text]);

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    if (!canSend) {
      sender.complain({ form: notYet });
      return;
    }
    sender.send(text);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };

  const describedBy = [context, `${id}-text-hint`, problems.text ? `${id}-text-error` : null].filter(Boolean).join(' ');

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {countdown}
      </div>
      <form ref={form} noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} className="space-y-3">
        <div>
          <label htmlFor={`${id}-text`} className="block text-sm font-semibold text-slate-900">
            {label}
          </label>
          <p id={`${id}-text-hint`} className="mt-0.5 text-sm text-slate-600">
            {hint} Ctrl+Enter (⌘+Enter on a Mac) sends it.
          </p>
          <textarea
            ref={field}
            id={`${id}-text`}
            name="text"
            rows={rows}
            maxLength={MAX_TURN_TEXT}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-invalid={problems.text ? true : undefined}
            aria-describedby={describedBy}
            className={`${controlClass} mt-1`}
          />
          <FieldError id={`${id}-text`} message={problems.text ?? undefined} />
        </div>
        {problems.form ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {problems.form}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" aria-disabled={busy || !canSend || undefined} className={`${primaryButtonClass} aria-disabled:cursor-not-allowed aria-disabled:opacity-60`}>
            {sendLabel}
          </button>
          {children}
          {busy ? (
            <span role="status" className="text-sm text-slate-700">
              Sending…
            </span>
          ) : !canSend ? (
            <span className="text-sm text-slate-700">{waiting}</span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
