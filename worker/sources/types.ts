import type { JobSource } from '~/shared/pipeline';

/** One job posting as every source reports it, whatever its API looked like. */
export interface JobPosting {
  /** Where it was found; 'link' when the user pasted its address (applications.applyToUrl). */
  source: JobSource | 'link';
  /** The source's own id, unique within that source (and board). */
  sourceId: string;
  title: string;
  company: string;
  location: string;
  remote: boolean;
  /** The posting's page, which the analyst fetches. */
  url: string;
  /** Where the application form is (Greenhouse absolute_url, Lever applyUrl). */
  applyUrl: string;
  /** Plain text of the posting as the source's API gave it; may be empty. */
  description: string;
  /** Per year (Lever's hourly or monthly ranges are converted); null when the source does not say. */
  salary: { min: number; max: number; currency: string } | null;
  /** ISO 8601, when the source says. */
  postedAt: string | null;
}

export interface SearchRequest {
  query: string;
  location: string;
  /** Most postings wanted from this source. */
  limit: number;
  signal: AbortSignal;
}

/** A place postings come from: the sandbox board, a Greenhouse board, a Lever site. */
export interface JobSourceClient {
  readonly source: JobSource;
  /** Human-readable, for events ("greenhouse:acme"). */
  readonly label: string;
  search(request: SearchRequest): Promise<JobPosting[]>;
}
