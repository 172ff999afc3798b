import { prefillFrom } from '~/app/negotiate/_lib/prefill';

/**
 * The contacts page's address: a job card or an application links here with the company,
 * the role and the posting, and the form starts filled in. Only these three are read.
 */
export interface NetworkPrefill {
  company: string;
  role: string;
  jobUrl: string;
}

type SearchParams = Record<string, string | string[] | undefined>;

/** What the address says, as form values ('' for anything missing or repeated): the negotiate page's rules. */
export function networkPrefillFrom(params: SearchParams): NetworkPrefill {
  const { company, role, jobUrl } = prefillFrom(params);
  return { company, role, jobUrl };
}

/** A link to the contacts page with what is known filled in; empty values left out. */
export function networkHref(prefill: Partial<NetworkPrefill>): string {
  const query = new URLSearchParams();
  for (const key of ['company', 'role', 'jobUrl'] as const) {
    const value = prefill[key]?.trim();
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `/network?${text}` : '/network';
}
