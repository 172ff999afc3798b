import { prefillFrom } from '~/app/negotiate/_lib/prefill';

/**
 * The interview page's address: a job card or an application links here with the role
 * and the posting, and the form starts filled in. Only these two are read.
 */
export interface InterviewPrefill {
  role: string;
  jobUrl: string;
}

type SearchParams = Record<string, string | string[] | undefined>;

/** What the address says, as form values ('' for anything missing or repeated): the negotiate page's rules. */
export function interviewPrefillFrom(params: SearchParams): InterviewPrefill {
  const { role, jobUrl } = prefillFrom(params);
  return { role, jobUrl };
}

/** A link to the interview page with what is known filled in; empty values left out. */
export function interviewHref(prefill: Partial<InterviewPrefill>): string {
  const query = new URLSearchParams();
  for (const key of ['role', 'jobUrl'] as const) {
    const value = prefill[key]?.trim();
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `/interview?${text}` : '/interview';
}
