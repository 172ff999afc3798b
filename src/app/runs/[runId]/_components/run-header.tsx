import type { PipelineParams } from '~/shared/pipeline';
import { RunStatusLine, type RunStatusLineProps } from './run-status-line';

/** What was searched for is the page's title; how the run is doing sits right under it. */
export function RunHeader({ params, ...status }: { params: PipelineParams } & RunStatusLineProps) {
  const where = params.location.trim();
  return (
    <header className="space-y-2">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">Pipeline run</p>
      <h1 className="break-words text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
        {params.query}
        <span className="font-normal text-slate-700">{where ? ` in ${where}` : ', any location'}</span>
      </h1>
      <RunStatusLine {...status} />
    </header>
  );
}
