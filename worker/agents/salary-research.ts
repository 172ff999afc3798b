import type { ProfileFields } from '~/shared/profile';
import type { AgentContext } from '../agent-context';
import { defaultSourceClients, SourceError, type JobPosting, type JobSourceClient, type SourceSettings } from '../sources';
import { greenhousePay } from '../sources/greenhouse';
import { analyseSalaries } from '../sessions/salary-research/analyse';
import {
  analyzingMessage,
  completeMessage,
  resultMessage,
  startMessage,
  summaryOf,
  type SourceReport,
} from '../sessions/salary-research/messages';
import { titleMatcher } from '../sessions/salary-research/role-match';
import type { SalaryResearchRequest, SalaryResearchResult } from '../sessions/salary-research/types';
import { sameJobUrl } from '../sessions/salary-research/urls';
import type { SessionAgent } from '../sessions/types';

/**
 * Salary research: market pay for a role from the pay ranges real postings publish.
 * Every source the scout knows is searched; the postings whose title is the role are
 * kept, once per job, and their yearly ranges give the quartiles (see the engine in
 * worker/sessions/salary-research). A failing source is reported and the others go on.
 */

/** What research uses of its context; an AgentContext of any run kind is one, so a battle can research too. */
export type ResearchContext = Pick<AgentContext<unknown>, 'signal' | 'emit' | 'pace' | 'pausePoint' | 'appUrl'> & {
  readonly profile: Pick<ProfileFields, 'jobSources'>;
  readonly settings: SourceSettings;
};

/** The most the sandbox board answers at once; Greenhouse and Lever list whole boards and are cut here. */
const SEARCH_LIMIT = 500;
/** Greenhouse pay costs a request per job: enough jobs for quartiles, not a crawl of a big board. */
const MAX_PAY_LOOKUPS_PER_BOARD = 40;
const PAY_LOOKUP_CONCURRENCY = 4;

type SourceOutcome = { ok: true; postings: JobPosting[]; report: SourceReport } | { ok: false; error: string };

export async function researchSalary(ctx: ResearchContext, request: SalaryResearchRequest): Promise<SalaryResearchResult> {
  const { role, location } = request;
  await ctx.emit('salary_start', startMessage(request), { role, location, seniority: request.seniority ?? null });
  await ctx.pace();
  const clients = sourceClients(ctx);
  // Every source is asked at once so slow boards overlap; the events report them one by one, in plan order.
  const searches = clients.map((client) => ({ client, pending: searchSource(client, request, ctx.signal) }));
  const found: JobPosting[] = [];
  let answered = 0;
  for (const [i, { client, pending }] of searches.entries()) {
    if (i > 0) await ctx.pausePoint(`search ${client.label}`);
    const outcome = await pending;
    // A stopped run's searches fail with the stop; report the stop, not a board failure.
    ctx.signal.throwIfAborted();
    await reportSource(ctx, client, outcome);
    if (outcome.ok) {
      answered += 1;
      found.push(...outcome.postings);
    }
    await ctx.pace();
  }
  const analysis = analyseSalaries(found, request);
  await ctx.emit('salary_result', resultMessage(analysis), analysis.result);
  await ctx.emit('salary_complete', completeMessage(answered, clients.length - answered, analysis.result.sampleSize), {
    sources: answered,
    sampleSize: analysis.result.sampleSize,
  });
  return analysis.result;
}

/** The salary_research session: research with the run's own params, then say how it ended. */
export const salaryResearch: SessionAgent<'salary_research'> = async (ctx) => {
  const result = await researchSalary(ctx, ctx.params);
  return { outcome: result.enough ? 'completed' : 'not_enough_data', summary: summaryOf(ctx.params, result) };
};

/**
 * The yearly pay range of the posting at `jobUrl`, in its own currency, when a source
 * lists that posting with a range; null otherwise (not found, no range, sources down).
 * Only a stop of the run is thrown.
 */
export async function payForPosting(
  ctx: ResearchContext,
  jobUrl: string,
): Promise<{ min: number; max: number; currency: string } | null> {
  const found = await Promise.all(sourceClients(ctx).map((client) => postingPay(client, jobUrl, ctx.signal)));
  const pay = found.find((salary) => salary !== null);
  return pay ? { min: pay.min, max: pay.max, currency: pay.currency } : null;
}

/** Every source the scout would search by default: the sandbox and each board in the profile. */
function sourceClients(ctx: ResearchContext): JobSourceClient[] {
  return defaultSourceClients({ boards: ctx.profile.jobSources, settings: ctx.settings, appUrl: ctx.appUrl });
}

/** Never rejects, so a search still running when the run stops leaves no unhandled rejection behind. */
function searchSource(client: JobSourceClient, request: SalaryResearchRequest, signal: AbortSignal): Promise<SourceOutcome> {
  return matchingPostings(client, request, signal).then(
    (outcome): SourceOutcome => outcome,
    (err: unknown): SourceOutcome => ({ ok: false, error: signal.aborted ? 'stopped' : failureMessage(client.label, err) }),
  );
}

async function matchingPostings(client: JobSourceClient, request: SalaryResearchRequest, signal: AbortSignal): Promise<SourceOutcome> {
  const isRole = titleMatcher(request);
  const found = await client.search({ query: request.role, location: request.location, limit: SEARCH_LIMIT, signal });
  // Pay is looked up only for the postings research keeps: one request per Greenhouse job.
  const pay = await greenhousePay(
    client,
    found.filter((p) => isRole(p.title)),
    { signal, maxLookups: MAX_PAY_LOOKUPS_PER_BOARD, concurrency: PAY_LOOKUP_CONCURRENCY },
  );
  const report: SourceReport = {
    label: client.label,
    matching: pay.postings.length,
    withPay: pay.postings.filter((p) => p.salary !== null).length,
    payFailed: pay.failed,
    payError: pay.firstError,
    payNotLookedUp: pay.notLookedUp,
  };
  return { ok: true, postings: pay.postings, report };
}

async function reportSource(ctx: ResearchContext, client: JobSourceClient, outcome: SourceOutcome): Promise<void> {
  if (outcome.ok) {
    const { report } = outcome;
    await ctx.emit('salary_analyzing', analyzingMessage(report), { source: client.label, postings: report.matching, withPay: report.withPay });
  } else {
    await ctx.emit('salary_analyzing', outcome.error, { source: client.label, postings: 0, withPay: 0 });
  }
}

function failureMessage(label: string, err: unknown): string {
  // SourceError messages already name the board and the fix; anything else is a bug:
  // its text goes to the log, the user reads what to do.
  if (err instanceof SourceError) return err.message;
  console.error(`[worker] salary research: ${label} failed unexpectedly:`, err);
  return `${label} failed unexpectedly: try again, and report it if it persists (the worker log has the details)`;
}

/** The pay one source lists for the posting at jobUrl, or null; a failing source is only logged. */
async function postingPay(client: JobSourceClient, jobUrl: string, signal: AbortSignal): Promise<JobPosting['salary']> {
  try {
    const postings = await client.search({ query: '', location: '', limit: SEARCH_LIMIT, signal });
    const posting = postings.find((p) => sameJobUrl(p.url, jobUrl) || sameJobUrl(p.applyUrl, jobUrl));
    if (!posting || posting.salary) return posting?.salary ?? null;
    const pay = await greenhousePay(client, [posting], { signal, maxLookups: 1, concurrency: 1 });
    return pay.postings[0]?.salary ?? null;
  } catch (err) {
    if (signal.aborted) throw signal.reason as Error;
    // The budget falls back to research or a default; the operator may want to know why the posting's range was not read.
    if (err instanceof SourceError) console.warn(`[worker] posting pay: ${client.label}: ${err.message}`);
    else console.error(`[worker] posting pay: ${client.label} failed unexpectedly:`, err);
    return null;
  }
}
