'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import { useFocusFirstInvalid } from '~/app/_components/use-focus-first-invalid';
import { api } from '~/trpc/react';
import { noErrors, sortIssues, startErrors, zodIssues, type FormErrors } from './form-errors';

interface StartMutation<I> {
  isPending: boolean;
  mutate(input: I, handlers: { onSuccess: (out: { runId: string }) => void; onError: (err: Parameters<typeof startErrors>[1]) => void }): void;
}

/**
 * What both start forms share: check the input with the server's own schema, start the
 * session, and go to its page; errors land on their fields (focused) or above the form.
 */
export function useSessionStart<F extends string, I>(fields: readonly F[], schema: z.ZodType<unknown, I>, start: StartMutation<I>) {
  const router = useRouter();
  const utils = api.useUtils();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FormErrors<F>>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [leaving, setLeaving] = useState(false);
  useFocusFirstInvalid(form, attempt);
  const busy = start.isPending || leaving;

  const failed = (found: FormErrors<F>) => {
    setErrors(found);
    setAttempt((a) => a + 1);
  };

  const submit = (input: I) => {
    if (busy) return;
    const checked = schema.safeParse(input);
    if (!checked.success) {
      failed(sortIssues(fields, zodIssues(checked.error.issues)));
      return;
    }
    setErrors(noErrors());
    start.mutate(input, {
      onSuccess: ({ runId }) => {
        setLeaving(true);
        void utils.pipeline.list.invalidate();
        router.push(`/runs/${runId}`);
      },
      onError: (err) => failed(startErrors(fields, err)),
    });
  };

  return { form, errors, busy, failed, submit };
}
