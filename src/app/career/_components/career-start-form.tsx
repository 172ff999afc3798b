'use client';

import { useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { z } from 'zod';
import { describedBy, FieldError } from '~/app/dashboard/_components/form-controls';
import { secondaryButtonClass } from '~/app/_components/form-controls';
import { FormProblems, SubmitRow } from '~/app/_components/session-forms/form-parts';
import { useSessionStart } from '~/app/_components/session-forms/use-session-start';
import { hasErrors } from '~/app/_components/session-forms/form-errors';
import { newTurnId } from '~/app/runs/[runId]/_components/sessions/turn-id';
import { careerChatParamsSchema } from '~/shared/sessions/career';
import { sessionTurnSchema } from '~/shared/sessions/salary';
import { api } from '~/trpc/react';
import type { RouterInputs } from '~/trpc/types';
import { FIRST_PROMPTS } from '../_lib/first-prompts';

type SayInput = RouterInputs['career']['say'];
const FIELDS = ['text'] as const satisfies readonly (keyof SayInput)[];

/** career.say's own rules for a first message (the server's schema is not exported; these are its parts). */
const firstMessageSchema = z.object({ turnId: sessionTurnSchema.shape.turnId, text: careerChatParamsSchema.shape.opening });

/**
 * The first message, typed or picked. One turn id per message: a retry of the same words
 * after a failure finds the conversation the first try may have opened, never a second one.
 */
export function CareerStartForm({ headingId }: { headingId: string }) {
  const id = useId();
  const fieldId = `${id}-text`;
  const start = useSessionStart(FIELDS, firstMessageSchema, api.career.say.useMutation());
  const { form, errors, busy } = start;
  const [text, setText] = useState('');
  const turn = useRef<{ turnId: string; text: string } | null>(null);

  const send = (words: string) => {
    if (busy) return;
    const trimmed = words.trim();
    if (turn.current?.text !== trimmed) turn.current = { turnId: newTurnId(), text: trimmed };
    start.submit({ turnId: turn.current.turnId, text: trimmed });
  };

  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    send(text);
  };

  // Enter makes a new line in a message; Ctrl+Enter (⌘+Enter) sends, as every message box here does.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };

  const hint = 'Ctrl+Enter (⌘+Enter on a Mac) sends it.';
  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-950">
        Start a conversation
      </h2>
      <form ref={form} noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="space-y-1">
          <label htmlFor={fieldId} className="block text-sm font-semibold text-slate-900">
            Your message
          </label>
          <textarea
            id={fieldId}
            name="text"
            rows={3}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-invalid={errors.fields.text ? true : undefined}
            aria-describedby={describedBy(fieldId, hint, errors.fields.text)}
            placeholder="e.g. What am I missing for Senior Backend Engineer?"
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-950 aria-[invalid=true]:border-red-700 sm:text-sm"
          />
          <p id={`${fieldId}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
          <FieldError id={fieldId} error={errors.fields.text} />
        </div>
        <FormProblems messages={errors.form} />
        <SubmitRow label="Send" busy={busy} invalid={hasErrors(errors)} />
      </form>
      <div className="space-y-2">
        <h3 className="font-semibold text-slate-900">Or start with one of these</h3>
        <div role="group" aria-label="Suggested first questions" className="flex flex-wrap gap-2">
          {FIRST_PROMPTS.map((prompt) => (
            <button
              key={prompt}
              type="button"
              aria-disabled={busy || undefined}
              onClick={() => {
                setText(prompt);
                send(prompt);
              }}
              className={`${secondaryButtonClass} text-sm aria-disabled:cursor-wait aria-disabled:opacity-60`}
            >
              {prompt}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
