import { z } from 'zod';
import { fetchJson, SourceError, type RequestSubject } from '../http';
import { companySlug } from './slug';
import type { FindPeopleRequest, PeopleSource, Person } from './types';

/**
 * The sandbox companies' public team pages (GET /sandbox/api/companies/:slug/team on
 * the app itself). One request per company answers both who works there and which
 * team each of its postings is for, so it is made once per run and shared.
 */

const teamSchema = z.object({
  company: z.string(),
  slug: z.string(),
  url: z.string(),
  people: z.array(z.object({ id: z.string(), name: z.string(), title: z.string(), team: z.string(), profileUrl: z.string() })),
  openings: z.array(z.object({ id: z.string(), title: z.string(), team: z.string(), skills: z.array(z.string()), url: z.string() })),
});
type TeamJson = z.infer<typeof teamSchema>;

/** A posting on the sandbox board, with the team it is for. */
export interface SandboxOpening {
  id: string;
  title: string;
  team: string;
  skills: string[];
  url: string;
}

export interface SandboxPeopleSource extends PeopleSource {
  /**
   * The sandbox posting at `jobUrl` when it is one of the company's: its title, team and
   * skills. Null for any other address, or when the team page cannot be read (find()
   * reports that); only a stop of the run is thrown.
   */
  opening(company: string, jobUrl: string, signal: AbortSignal): Promise<SandboxOpening | null>;
}

export interface SandboxPeopleOptions {
  /** The app's origin (APP_URL). */
  appUrl: string;
  timeoutMs: number;
}

const SANDBOX_JOB_PATH = /^\/sandbox\/jobs\/([A-Za-z0-9_-]{1,64})(?:\/apply(?:\/embed)?)?\/?$/;

/** The sandbox posting id in a job address on this app, or null for any other address. */
export function sandboxPostingId(appUrl: string, jobUrl: string): string | null {
  if (!URL.canParse(jobUrl) || !URL.canParse(appUrl)) return null;
  const url = new URL(jobUrl);
  if (url.origin !== new URL(appUrl).origin) return null;
  return SANDBOX_JOB_PATH.exec(url.pathname)?.[1] ?? null;
}

export function createSandboxPeopleSource(options: SandboxPeopleOptions): SandboxPeopleSource {
  const base = options.appUrl.replace(/\/+$/, '');
  const teams = new Map<string, Promise<TeamJson>>();

  const team = (company: string, signal: AbortSignal): Promise<TeamJson> => {
    const slug = companySlug(company);
    if (!slug) return Promise.reject(new SourceError('not_found', `the sandbox board has no company called '${company}'; check the name`));
    let pending = teams.get(slug);
    if (!pending) {
      pending = readTeam(`${base}/sandbox/api/companies/${encodeURIComponent(slug)}/team`, company, options.timeoutMs, signal);
      // Whoever asks second may not wait for it; a failure must not go unhandled meanwhile.
      pending.catch(() => undefined);
      teams.set(slug, pending);
    }
    return pending;
  };

  return {
    label: 'sandbox',
    async find(request: FindPeopleRequest): Promise<Person[]> {
      const found = await team(request.company, request.signal);
      return found.people.map((p) => ({
        name: p.name,
        title: p.title,
        team: p.team,
        profileUrl: p.profileUrl,
        source: 'sandbox',
        bio: '',
        via: `on ${found.company}'s team page`,
      }));
    },
    async opening(company, jobUrl, signal) {
      const id = sandboxPostingId(options.appUrl, jobUrl);
      if (id === null) return null;
      try {
        const found = await team(company, signal);
        return found.openings.find((o) => o.id === id) ?? null;
      } catch (err) {
        if (signal.aborted) throw err;
        return null;
      }
    },
  };
}

async function readTeam(url: string, company: string, timeoutMs: number, signal: AbortSignal): Promise<TeamJson> {
  const subject: RequestSubject = {
    name: `The sandbox team page of '${company}'`,
    notFoundHint: 'check the company name',
    setting: 'APP_URL',
  };
  try {
    return await fetchJson(url, teamSchema, { signal, timeoutMs, subject });
  } catch (err) {
    // The board's own words for a company it does not list say more than "HTTP 404".
    if (err instanceof SourceError && err.kind === 'not_found') {
      throw new SourceError('not_found', `the sandbox board has no company called '${company}'; check the name (its companies are listed at /sandbox)`, 404);
    }
    throw err;
  }
}
