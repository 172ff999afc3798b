'use client';

import { skipToken } from '@tanstack/react-query';
import { useState } from 'react';
import type { Typing } from '~/shared/sessions/typing';
import { api } from '~/trpc/react';

/**
 * The reply being written, while a model writes it (nothing comes without one). Latest
 * wins; the page shows it until the finished reply with the same messageId is in the
 * events. A dropped stream is no error worth showing: the durable reply still arrives.
 */
export function useTyping(runId: string, live: boolean): Typing | null {
  const [typing, setTyping] = useState<Typing | null>(null);
  api.sessions.typing.useSubscription(live ? { runId } : skipToken, {
    onData: setTyping,
    onError: () => setTyping(null),
  });
  return live ? typing : null;
}
