'use client';

import type { TRPCClientErrorLike } from '@trpc/client';
import type { AppRouter } from '~/server/api/root';
import { api } from '~/trpc/react';
import { RunDashboard } from './run-dashboard';
import { RunNotFound } from './run-not-found';
import { CareerChatView } from './sessions/career-chat-view';
import { InterviewView } from './sessions/interview-view';
import { NegotiationView } from './sessions/negotiation-view';
import { NetworkView } from './sessions/network-view';
import { ResearchView } from './sessions/research-view';

type ApiError = TRPCClientErrorLike<AppRouter>;

/** A malformed id can name no run either, so it reads the same as a missing (or someone else's) run. */
function isMissingRun(error: ApiError): boolean {
  const code = error.data?.code;
  return code === 'NOT_FOUND' || code === 'BAD_REQUEST';
}

/** Loads the run once (status, parameters); everything after that comes from its events. */
export function RunView({ runId }: { runId: string }) {
  const run = api.pipeline.get.useQuery(
    { runId },
    { retry: (failures, error) => !isMissingRun(error) && failures < 2, staleTime: Infinity },
  );
  if (run.isPending) {
    return (
      <p role="status" className="text-slate-700">
        Loading the run…
      </p>
    );
  }
  if (run.isError) {
    if (isMissingRun(run.error)) return <RunNotFound runId={runId} />;
    return (
      <section aria-labelledby="run-error-title" className="mx-auto max-w-xl py-8">
        <h1 id="run-error-title" className="text-2xl font-bold tracking-tight text-slate-900">
          Could not load this run
        </h1>
        <p role="alert" className="mt-3 text-slate-700">
          {run.error.message}
        </p>
        <button
          type="button"
          onClick={() => void run.refetch()}
          className="mt-5 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
        >
          Try again
        </button>
      </section>
    );
  }
  // One page shell per kind: a session is a run whose page is its own component.
  switch (run.data.kind) {
    case 'pipeline':
      return <RunDashboard run={run.data} />;
    case 'salary_battle':
      return <NegotiationView run={run.data} />;
    case 'salary_research':
      return <ResearchView run={run.data} />;
    case 'interview':
      return <InterviewView run={run.data} />;
    case 'career_chat':
      return <CareerChatView run={run.data} />;
    case 'network':
      return <NetworkView run={run.data} />;
  }
}
