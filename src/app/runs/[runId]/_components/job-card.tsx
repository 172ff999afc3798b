import { memo } from 'react';
import type { FoundJob } from '~/shared/run-state';
import { safeHref } from '../_lib/safe-href';
import { SessionLinks } from './sessions/session-links';
import { SkillList } from './skill-list';

function scoreText(job: FoundJob): string {
  if (job.matchScore === null) return 'Not scored yet';
  if (job.verdict === 'below') return `${job.matchScore}% match, below the ${job.minMatchScore ?? ''}% minimum`;
  return `${job.matchScore}% match`;
}

const SCORE_LOOK: Record<FoundJob['verdict'], string> = {
  pending: 'bg-slate-100 text-slate-800',
  qualified: 'bg-emerald-100 text-emerald-900',
  below: 'bg-slate-200 text-slate-800',
};

/** One posting: who, how well it matches and why, and a way to read it. */
export const JobCard = memo(function JobCard({ job }: { job: FoundJob }) {
  const href = safeHref(job.jobUrl);
  const title = job.title ?? 'Posting not read yet';
  return (
    <li data-job-url={job.jobUrl} data-verdict={job.verdict} className="rounded border border-slate-200 p-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="break-words font-semibold text-slate-900">{title}</h3>
          {job.company ? <p className="text-sm text-slate-700">{job.company}</p> : null}
        </div>
        <span data-score={job.matchScore ?? ''} className={`shrink-0 rounded px-2 py-0.5 text-sm font-semibold ${SCORE_LOOK[job.verdict]}`}>
          {scoreText(job)}
        </span>
      </div>
      {job.explanation ? <p className="mt-2 text-sm text-slate-800">{job.explanation}</p> : null}
      {job.verdict === 'qualified' ? (
        <div className="mt-2 space-y-1">
          <SkillList label="Matched skills" skills={job.matchedSkills} tone="match" />
          <SkillList label="Missing skills" skills={job.missingSkills} tone="miss" />
        </div>
      ) : null}
      <div className="mt-2 flex flex-wrap items-baseline gap-x-4 gap-y-1">
        {href ? (
          <a
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-block text-sm font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950"
          >
            View posting<span className="sr-only">: {title}{job.company ? ` at ${job.company}` : ''} (opens in a new tab)</span>
          </a>
        ) : (
          <p className="break-all text-sm text-slate-700">{job.jobUrl}</p>
        )}
        {/* Only a posting that has been read has a role to negotiate, rehearse or find people for. */}
        {job.title ? <SessionLinks role={job.title} company={job.company ?? ''} jobUrl={job.jobUrl} /> : null}
      </div>
    </li>
  );
});
