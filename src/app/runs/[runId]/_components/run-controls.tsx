'use client';

import { useRef, useState } from 'react';
import { isTerminalStatus, type RunStatus } from '~/shared/pipeline';
import { api } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { StopConfirm } from './stop-confirm';

type ControlResult = RouterOutputs['pipeline']['stop'];

const BUTTON =
  'rounded border px-4 py-2 font-medium disabled:cursor-not-allowed disabled:border-slate-300 disabled:bg-slate-100 disabled:text-slate-500';

/**
 * Pause, resume and stop. The server's answer is said back in words (including "nothing
 * to do" on a finished run); the status line changes when the run's own event arrives.
 */
export function RunControls({ runId, status }: { runId: string; status: RunStatus }) {
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const stopButton = useRef<HTMLButtonElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  const report = (action: string) => ({
    onSuccess: (result: ControlResult) => setMessage(result.message),
    onError: (error: { message: string }) => setMessage(`Could not ${action} the run: ${error.message}`),
  });
  const pause = api.pipeline.pause.useMutation(report('pause'));
  const resume = api.pipeline.resume.useMutation(report('resume'));
  const stop = api.pipeline.stop.useMutation(report('stop'));
  const busy = pause.isPending || resume.isPending || stop.isPending;
  const finished = isTerminalStatus(status);

  const closeConfirm = () => {
    setConfirming(false);
    // Back where the user was, so keyboard focus is never lost with the removed buttons.
    requestAnimationFrame(() => stopButton.current?.focus());
  };

  return (
    <section aria-label="Run controls" className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={busy || !(status === 'running' || status === 'queued')}
          onClick={() => pause.mutate({ runId })}
          className={`${BUTTON} border-slate-500 bg-white text-slate-900 hover:bg-slate-100`}
        >
          Pause
        </button>
        <button
          type="button"
          disabled={busy || status !== 'paused'}
          onClick={() => resume.mutate({ runId })}
          className={`${BUTTON} border-blue-700 bg-blue-700 text-white hover:bg-blue-800`}
        >
          Resume
        </button>
        <button
          ref={stopButton}
          type="button"
          disabled={busy || finished}
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
          className={`${BUTTON} border-red-700 bg-white text-red-800 hover:bg-red-50`}
        >
          Stop
        </button>
      </div>
      {confirming && !finished ? (
        <StopConfirm
          onConfirm={() => {
            setConfirming(false);
            stop.mutate({ runId });
            // The confirm buttons are gone and Stop is about to be disabled: the answer is the next thing to read.
            requestAnimationFrame(() => statusLine.current?.focus());
          }}
          onCancel={closeConfirm}
        />
      ) : null}
      <p ref={statusLine} tabIndex={-1} role="status" className="min-h-6 text-sm text-slate-800">
        {busy ? 'Sending…' : message}
      </p>
    </section>
  );
}
