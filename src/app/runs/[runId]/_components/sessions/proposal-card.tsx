'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { isUnreachable } from '~/app/_components/api-issues';
import { primaryButtonClass } from '~/app/_components/form-controls';
import { api } from '~/trpc/react';
import type { ChatProposal } from '../../_lib/career-state';

/** The proposal's settings as a person reads them; only what differs from a plain search is worth a line. */
function settings(proposal: ChatProposal): [string, string][] {
  const rows: [string, string][] = [
    ['Search', proposal.query],
    ['Location', proposal.location === '' ? 'Any location' : proposal.location],
    ['Minimum match', `${proposal.minMatchScore}%`],
  ];
  if (proposal.sources) rows.push(['Sources', proposal.sources.join(', ')]);
  rows.push(['Applying', proposal.autoApply ? (proposal.draftMode ? 'Drafts, each submitted only when you approve it' : 'Submits by itself') : 'Off: it only finds and scores jobs']);
  return rows;
}

/**
 * A search the chat proposes. Nothing starts until the user says so here; then the new
 * run is a link away, and the conversation goes on.
 */
export function ProposalCard({ proposal }: { proposal: ChatProposal }) {
  const id = useId();
  const utils = api.useUtils();
  const start = api.pipeline.start.useMutation();
  const [problem, setProblem] = useState<string | null>(null);
  const started = start.data?.runId ?? null;

  const onStart = () => {
    if (start.isPending || started) return;
    setProblem(null);
    start.mutate(proposal, {
      onSuccess: () => void utils.pipeline.list.invalidate(),
      onError: (error) =>
        setProblem(isUnreachable(error) ? `Could not reach jobstream: ${error.message}. Try again.` : error.message),
    });
  };

  return (
    <div role="group" aria-labelledby={`${id}-title`} data-proposal="" className="mt-2 space-y-2 rounded-md border border-blue-300 bg-white p-3">
      <p id={`${id}-title`} className="font-semibold text-slate-900">
        Proposed search
      </p>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
        {settings(proposal).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-700">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {started ? (
        <p role="status" className="text-sm text-slate-900">
          Started.{' '}
          <Link href={`/runs/${started}`} className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
            Follow the search
          </Link>
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={onStart}
            aria-disabled={start.isPending || undefined}
            className={`${primaryButtonClass} aria-disabled:cursor-wait aria-disabled:opacity-60`}
          >
            Start this search
          </button>
          {start.isPending ? (
            <span role="status" className="text-sm text-slate-700">
              Starting…
            </span>
          ) : null}
        </div>
      )}
      {problem ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
