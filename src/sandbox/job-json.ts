import type { Posting } from './postings';

/** A posting as GET /sandbox/api/jobs reports it (the scout codes against this shape). */
export interface SandboxJob {
  id: string;
  title: string;
  company: string;
  location: string;
  remote: boolean;
  salaryMin: number;
  salaryMax: number;
  currency: string;
  /** `${APP_URL}/sandbox/jobs/${id}` */
  url: string;
  /** `${APP_URL}/sandbox/jobs/${id}/apply` */
  applyUrl: string;
  /** ISO 8601. */
  postedAt: string;
  layout: string;
  /** Plain text, sections separated by blank lines. */
  description: string;
}

export function postingUrl(appUrl: string, id: string): string {
  return `${appUrl.replace(/\/+$/, '')}/sandbox/jobs/${encodeURIComponent(id)}`;
}

export function toSandboxJob(posting: Posting, appUrl: string): SandboxJob {
  const url = postingUrl(appUrl, posting.id);
  return {
    id: posting.id,
    title: posting.title,
    company: posting.company,
    location: posting.location,
    remote: posting.remote,
    salaryMin: posting.salaryMin,
    salaryMax: posting.salaryMax,
    currency: posting.currency,
    url,
    applyUrl: `${url}/apply`,
    postedAt: posting.postedAt,
    layout: posting.layout,
    description: posting.description,
  };
}
