'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { negotiateHref } from '~/app/negotiate/_lib/prefill';
import { api } from '~/trpc/react';

/**
 * Where the run searched: postings carry no place of their own in the events, and the
 * run is in the query cache already (the page loads it before anything else), so this
 * reads it without asking the server again.
 */
function useRunLocation(): string {
  const { runId } = useParams<{ runId?: string }>();
  const utils = api.useUtils();
  const run = runId ? utils.pipeline.get.getData({ runId }) : undefined;
  return run?.kind === 'pipeline' ? run.params.location : '';
}

/** "Practise negotiating this offer", with what is known of the job filled in on the negotiate page. */
export function NegotiateLink({ role, company, jobUrl }: { role: string; company: string; jobUrl: string }) {
  const location = useRunLocation();
  return (
    <Link
      href={negotiateHref({ role, company, jobUrl, location })}
      className="inline-block text-sm font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950"
    >
      Practise negotiating this offer
      <span className="sr-only">
        : {role}
        {company ? ` at ${company}` : ''}
      </span>
    </Link>
  );
}
