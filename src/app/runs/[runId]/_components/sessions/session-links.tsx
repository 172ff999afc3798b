import Link from 'next/link';
import { interviewHref } from '~/app/interview/_lib/prefill';
import { networkHref } from '~/app/network/_lib/prefill';
import { NegotiateLink } from './negotiate-link';

const LINK = 'inline-block text-sm font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950';

/**
 * What a user can practise or prepare for one job: negotiating its offer, rehearsing its
 * interview, finding people to contact there. Each opens its start page with the job
 * filled in; the hidden words name the job, since a list of cards repeats the same links.
 */
export function SessionLinks({ role, company, jobUrl }: { role: string; company: string; jobUrl: string }) {
  const job = (
    <span className="sr-only">
      : {role}
      {company ? ` at ${company}` : ''}
    </span>
  );
  return (
    <ul aria-label="Prepare for this job" className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
      <li>
        <NegotiateLink role={role} company={company} jobUrl={jobUrl} />
      </li>
      <li>
        <Link href={interviewHref({ role, jobUrl })} className={LINK}>
          Rehearse the interview
          {job}
        </Link>
      </li>
      {company ? (
        <li>
          <Link href={networkHref({ company, role, jobUrl })} className={LINK}>
            Find contacts
            {job}
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
