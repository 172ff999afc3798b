'use client';

import { useState } from 'react';
import { secondaryButtonClass } from '~/app/_components/form-controls';
import { api } from '~/trpc/react';

/**
 * Ends a conversation (a stop, in the run's terms). One press: a chat holds nothing that
 * would be lost, and a new one is a message away. The page says it has ended when the
 * run's own event arrives; this says only what the server answered.
 */
export function EndConversation({ runId, ended }: { runId: string; ended: boolean }) {
  const stop = api.pipeline.stop.useMutation();
  const [message, setMessage] = useState('');
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={ended || stop.isPending}
        onClick={() =>
          stop.mutate(
            { runId, reason: 'Conversation ended' },
            {
              onSuccess: () => setMessage('Ending the conversation…'),
              onError: (error) => setMessage(`Could not end the conversation: ${error.message}`),
            },
          )
        }
        className={`${secondaryButtonClass} border-red-700 text-red-800 hover:bg-red-50`}
      >
        End conversation
      </button>
      <p role="status" className="text-sm text-slate-800">
        {stop.isPending ? 'Sending…' : ended ? '' : message}
      </p>
    </div>
  );
}
