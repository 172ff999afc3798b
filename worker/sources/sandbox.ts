import { z } from 'zod';
import { fetchJson, type RequestSubject } from './http';
import { finishPosting } from './posting';
import type { JobPosting, JobSourceClient } from './types';

/**
 * The app's own offline job board (GET /sandbox/api/jobs). It searches server-side,
 * so the query, location and limit go in the request; the limit is applied again
 * here in case the board sends more.
 */

const jobSchema = z.object({
  id: z.union([z.string().min(1), z.number()]),
  title: z.string(),
  company: z.string(),
  location: z.string(),
  remote: z.boolean(),
  salaryMin: z.number(),
  salaryMax: z.number(),
  currency: z.string(),
  url: z.string(),
  applyUrl: z.string(),
  postedAt: z.string().nullish(),
  description: z.string(),
});
type SandboxJob = z.infer<typeof jobSchema>;

const jobsResponseSchema = z.object({ jobs: z.array(jobSchema), total: z.number().int().min(0) });

export interface SandboxClientOptions {
  /** The app's origin (APP_URL). */
  appUrl: string;
  timeoutMs: number;
}

export function createSandboxClient(options: SandboxClientOptions): JobSourceClient {
  const endpoint = `${options.appUrl.replace(/\/+$/, '')}/sandbox/api/jobs`;
  const subject: RequestSubject = {
    name: 'The sandbox job board',
    notFoundHint: 'check that APP_URL points at this app',
    setting: 'APP_URL',
  };
  return {
    source: 'sandbox',
    label: 'sandbox',
    async search(request) {
      const query = new URLSearchParams({ q: request.query, location: request.location, limit: String(request.limit) });
      const { jobs } = await fetchJson(`${endpoint}?${query.toString()}`, jobsResponseSchema, {
        signal: request.signal,
        timeoutMs: options.timeoutMs,
        subject,
      });
      return jobs
        .map(toPosting)
        .map(finishPosting)
        .filter((p): p is JobPosting => p !== null)
        .slice(0, request.limit);
    },
  };
}

function toPosting(job: SandboxJob): JobPosting {
  return {
    source: 'sandbox',
    sourceId: String(job.id),
    title: job.title,
    company: job.company,
    location: job.location,
    remote: job.remote,
    url: job.url,
    applyUrl: job.applyUrl,
    description: job.description,
    salary: { min: job.salaryMin, max: job.salaryMax, currency: job.currency },
    postedAt: job.postedAt ?? null,
  };
}
