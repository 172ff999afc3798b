/**
 * The negotiate page's address: links from a job card or an application carry what is
 * already known about the offer, and the page fills its forms from them. Only these
 * four are read; anything else in the address is ignored.
 */

export interface NegotiatePrefill {
  role: string;
  company: string;
  jobUrl: string;
  location: string;
}

export const PREFILL_KEYS = ['role', 'company', 'jobUrl', 'location'] as const satisfies readonly (keyof NegotiatePrefill)[];

/** Generous next to the schemas' own limits: the form's validation, not this, says what is too long. */
const MAX_PREFILL_CHARS = 2048;

type SearchParams = Record<string, string | string[] | undefined>;

/** What the address says, as form values ('' for anything missing or repeated). */
export function prefillFrom(params: SearchParams): NegotiatePrefill {
  const read = (key: keyof NegotiatePrefill): string => {
    const value = params[key];
    return typeof value === 'string' ? value.trim().slice(0, MAX_PREFILL_CHARS) : '';
  };
  return { role: read('role'), company: read('company'), jobUrl: read('jobUrl'), location: read('location') };
}

/** The search part of the address, empty values left out (a short, readable link). */
export function prefillQuery(prefill: Partial<NegotiatePrefill>): string {
  const query = new URLSearchParams();
  for (const key of PREFILL_KEYS) {
    const value = prefill[key]?.trim();
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** A link to the negotiate page with the offer's details filled in. */
export function negotiateHref(prefill: Partial<NegotiatePrefill>): string {
  return `/negotiate${prefillQuery(prefill)}`;
}
