'use client';

import { useState } from 'react';
import type { FoundJob } from '~/shared/run-state';
import { JobCard } from './job-card';

/** The best matches are what matters; a search can find a hundred, which would bury the rest of the page. */
const FIRST_SHOWN = 10;

/** What the scout found and how the analyst scored it, best match first. */
export function JobsFound({ jobs }: { jobs: readonly FoundJob[] }) {
  const [showAll, setShowAll] = useState(false);
  const scored = jobs.filter((j) => j.verdict !== 'pending').length;
  const qualified = jobs.filter((j) => j.verdict === 'qualified').length;
  const shown = showAll ? jobs : jobs.slice(0, FIRST_SHOWN);
  return (
    <section aria-labelledby="jobs-found-title" className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id="jobs-found-title" className="text-lg font-semibold text-slate-900">
        Jobs found
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {jobs.length === 0
          ? 'No jobs yet: they appear as the scout finds them.'
          : `${jobs.length} found, ${scored} scored, ${qualified} good enough to pursue.`}
      </p>
      {jobs.length > 0 ? (
        <ul id="jobs-found-list" className="mt-3 space-y-3">
          {shown.map((job) => (
            <JobCard key={job.jobUrl} job={job} />
          ))}
        </ul>
      ) : null}
      {jobs.length > FIRST_SHOWN ? (
        <button
          type="button"
          aria-expanded={showAll}
          aria-controls="jobs-found-list"
          onClick={() => setShowAll((all) => !all)}
          className="mt-3 rounded border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100"
        >
          {showAll ? `Show the best ${FIRST_SHOWN} only` : `Show all ${jobs.length} jobs`}
        </button>
      ) : null}
    </section>
  );
}
