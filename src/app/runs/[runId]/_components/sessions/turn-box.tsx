'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type SubmitEvent } from 'react';
import { apiIssues, isUnreachable, type ApiError } from '~/app/_components/api-issues';
import { controlClass, FieldError, primaryButtonClass, secondaryButtonClass } from '~/app/_components/form-controls';
import { api } from '~/trpc/react';
import type { OutgoingTurn } from './battle-transcript';
import { formatMoney } from '~/shared/money';
import { newTurnId } from './turn-id';

/**
 * The sessions.say schema's bounds, checked here too so a typo is caught before a round is
 * spent. Stricter at the bottom: a yearly ask under 1,000 is "150" meant as 150k, never a position.
 */
const MIN_OFFER = 1000;
const MAX_OFFER = 10_000_000;
const MAX_TEXT = 4000;
const ACCEPT_TEXT = 'I accept your offer.';

interface Props {
  runId: string;
  currency: string;
  /** The session waits for the user (an open round, or the persona spoke last). */
  yourTurn: boolean;
  currentOffer: number | null;
  /** The open round's countdown, when there is one. */
  countdown: ReactNode;
  onSending: (turn: OutgoingTurn) => void;
  onSent: (turnId: string) => void;
  onFailed: (turnId: string) => void;
}

interface FieldErrors {
  text?: string;
  offer?: string;
}

/** The amount field's text as a whole yearly amount, null when empty, or what is wrong with it. */
function readOffer(text: string, badInput: boolean): { offer: number | null } | { error: string } {
  const trimmed = text.trim();
  if (!badInput && trimmed === '') return { offer: null };
  const value = Number(trimmed);
  if (badInput || !Number.isInteger(value) || value < MIN_OFFER || value > MAX_OFFER) {
    return { error: 'Enter a whole yearly amount, e.g. 150000 (not “150k”), or leave it empty.' };
  }
  return { offer: value };
}

/** Capitalised: the server's "text: say something" reads as a sentence under its field. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The user's turn: an amount (optional) and a message. One turn id per turn: a retry of
 * the same words after a failure reuses it, so a request that did arrive is applied once;
 * new words are a new turn.
 */
export function TurnBox({ runId, currency, yourTurn, currentOffer, countdown, onSending, onSent, onFailed }: Props) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const message = useRef<HTMLTextAreaElement>(null);
  const pending = useRef<{ turnId: string; text: string; offer: number | null } | null>(null);
  const [text, setText] = useState('');
  const [amount, setAmount] = useState({ text: '', bad: false });
  const [fields, setFields] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const utils = api.useUtils();
  const say = api.sessions.say.useMutation();
  const busy = say.isPending;

  // When the session turns to the user, the keyboard goes to the message, unless they are typing elsewhere.
  const wasYourTurn = useRef(false);
  useEffect(() => {
    const became = yourTurn && !wasYourTurn.current;
    wasYourTurn.current = yourTurn;
    if (!became) return;
    const active = document.activeElement;
    const busyElsewhere =
      active instanceof HTMLElement &&
      !form.current?.contains(active) &&
      (active.matches('input, textarea, select, [contenteditable="true"]') || active.closest('dialog, [role="dialog"]') !== null);
    if (!busyElsewhere) message.current?.focus();
  }, [yourTurn]);

  const fail = (turnId: string, error: ApiError) => {
    onFailed(turnId);
    if (error.data?.code === 'BAD_REQUEST') {
      const found: FieldErrors = {};
      const rest: string[] = [];
      for (const issue of apiIssues(error)) {
        if (issue.path === 'text' || issue.path === 'offer') found[issue.path] = sentence(issue.text);
        else rest.push(sentence(issue.text));
      }
      setFields(found);
      setFormError(rest.length > 0 ? rest.join(' ') : null);
      return;
    }
    // Refused for good (not your turn, already in, session over): the next attempt is a new turn.
    if (!isUnreachable(error)) pending.current = null;
    setFormError(
      isUnreachable(error)
        ? `Your turn could not be sent: ${error.message}. Try again: it counts once however often you send it.`
        : error.message,
    );
  };

  const send = (words: string, offer: number | null) => {
    const same = pending.current && pending.current.text === words && pending.current.offer === offer;
    const turn = same && pending.current ? pending.current : { turnId: newTurnId(), text: words, offer };
    pending.current = turn;
    setFormError(null);
    onSending({ ...turn, state: 'sending' });
    say.mutate(
      { runId, turnId: turn.turnId, text: words, ...(offer === null ? {} : { offer }) },
      {
        onSuccess: () => {
          pending.current = null;
          setText('');
          setAmount({ text: '', bad: false });
          setFields({});
          onSent(turn.turnId);
          // The round is taken: no countdown until the next one opens.
          utils.sessions.turn.setData({ runId }, null);
          void utils.sessions.turn.invalidate({ runId });
        },
        onError: (error) => fail(turn.turnId, error),
      },
    );
  };

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    if (!yourTurn) {
      setFormError('Wait for the recruiter’s reply: it is not your turn yet.');
      return;
    }
    const words = text.trim();
    const offer = readOffer(amount.text, amount.bad);
    const found: FieldErrors = {};
    if (words === '') found.text = 'Say something: your message is what the recruiter reads.';
    else if (words.length > MAX_TEXT) found.text = `At most ${MAX_TEXT.toLocaleString('en-US')} characters.`;
    if ('error' in offer) found.offer = offer.error;
    setFields(found);
    if (found.offer || found.text || 'error' in offer) {
      document.getElementById(found.offer ? `${id}-offer` : `${id}-text`)?.focus();
      return;
    }
    send(words, offer.offer);
  };

  // Ctrl+Enter (⌘+Enter) sends from anywhere in the box, as the question dialog's text answers do.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };

  const describe = (field: 'offer' | 'text') =>
    [`${id}-${field}-hint`, fields[field] ? `${id}-${field}-error` : null].filter(Boolean).join(' ');

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {yourTurn ? 'Your turn' : 'Your next turn'}
        </h2>
        {countdown}
      </div>
      <form ref={form} noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} className="space-y-4">
        <div>
          <label htmlFor={`${id}-offer`} className="block text-sm font-semibold text-slate-900">
            Your ask ({currency} a year)
          </label>
          <p id={`${id}-offer-hint`} className="mt-0.5 text-sm text-slate-600">
            Optional: the yearly amount you are asking for, as a whole number.
          </p>
          <input
            id={`${id}-offer`}
            name="offer"
            type="number"
            inputMode="numeric"
            min={MIN_OFFER}
            step={1}
            autoComplete="off"
            placeholder={currentOffer === null ? 'e.g. 150000' : `more than ${currentOffer}`}
            value={amount.text}
            onChange={(e) => setAmount({ text: e.currentTarget.value, bad: e.currentTarget.validity.badInput })}
            aria-invalid={fields.offer ? true : undefined}
            aria-describedby={describe('offer')}
            className={`${controlClass} mt-1 sm:max-w-xs`}
          />
          <FieldError id={`${id}-offer`} message={fields.offer} />
        </div>
        <div>
          <label htmlFor={`${id}-text`} className="block text-sm font-semibold text-slate-900">
            Your message
          </label>
          <p id={`${id}-text-hint`} className="mt-0.5 text-sm text-slate-600">
            Give reasons: market data, another offer, what you have delivered. Ctrl+Enter (⌘+Enter on a Mac) sends it.
          </p>
          <textarea
            ref={message}
            id={`${id}-text`}
            name="text"
            rows={4}
            maxLength={MAX_TEXT}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-invalid={fields.text ? true : undefined}
            aria-describedby={describe('text')}
            className={`${controlClass} mt-1`}
          />
          <FieldError id={`${id}-text`} message={fields.text} />
        </div>
        {formError ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {formError}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" aria-disabled={busy || !yourTurn || undefined} className={`${primaryButtonClass} aria-disabled:cursor-not-allowed aria-disabled:opacity-60`}>
            Send
          </button>
          {currentOffer !== null ? (
            <button
              type="button"
              aria-disabled={busy || !yourTurn || undefined}
              onClick={() => {
                if (busy) return;
                if (!yourTurn) {
                  setFormError('Wait for the recruiter’s reply: it is not your turn yet.');
                  return;
                }
                send(ACCEPT_TEXT, null);
              }}
              className={`${secondaryButtonClass} aria-disabled:cursor-not-allowed aria-disabled:opacity-60`}
            >
              Accept {formatMoney(currentOffer, currency)}
            </button>
          ) : null}
          {busy ? (
            <span role="status" className="text-sm text-slate-700">
              Sending…
            </span>
          ) : !yourTurn ? (
            <span className="text-sm text-slate-700">Waiting for the recruiter…</span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
