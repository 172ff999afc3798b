import type { JobSource } from '~/shared/pipeline';
import type { ProfileFields } from '~/shared/profile';
import type { AgentContext, AgentSettings } from '../agent-context';
import {
  dedupePostings,
  planSources,
  SOURCE_PRIORITY,
  SourceError,
  type JobPosting,
  type PlannedSource,
  type SourceSettings,
} from '../sources';

export type { JobPosting } from '../sources';

/** scout_found lists the postings' links; a viewer needs a sample, not a board's whole listing. */
const MAX_EVENT_URLS = 50;
const MAX_MESSAGE_CHARS = 2000;

/** What the scout uses of its context; an AgentContext is one. */
export type ScoutContext = Pick<AgentContext, 'params' | 'appUrl' | 'signal' | 'emit' | 'pace' | 'pausePoint'> & {
  readonly profile: Pick<ProfileFields, 'jobSources'>;
  /** SCOUT_MAX_POSTINGS: the analyst fetches and reads every posting, so a search keeps at most this many. */
  readonly settings: SourceSettings & Pick<AgentSettings, 'SCOUT_MAX_POSTINGS'>;
};

type Outcome = { ok: true; postings: JobPosting[] } | { ok: false; error: string };

const SOURCE_NAMES: Readonly<Record<JobSource, string>> = { sandbox: 'sandbox', greenhouse: 'Greenhouse', lever: 'Lever' };

/**
 * Searches every source the run asked for (params.sources, boards from the profile),
 * drops postings listed on several boards, and returns at most SCOUT_MAX_POSTINGS. A source
 * that fails is reported in its scout_found message and the others go on; only a stop
 * of the run ends the search early.
 */
export async function scout(ctx: ScoutContext): Promise<JobPosting[]> {
  const { query, location } = ctx.params;
  const plan = planSources({ sources: ctx.params.sources, boards: ctx.profile.jobSources, settings: ctx.settings, appUrl: ctx.appUrl });
  await ctx.emit('scout_start', `Searching for "${query}" in ${location || 'any location'}`, { query, location, sources: plan.sources });
  await ctx.pace();
  // Every source is asked at once so slow boards overlap; the events report them one by one, in plan order.
  const max = ctx.settings.SCOUT_MAX_POSTINGS;
  const outcomes = plan.steps.map((step) => startSearch(step, query, location, max, ctx.signal));
  const found: JobPosting[] = [];
  let failed = 0;
  for (const [i, step] of plan.steps.entries()) {
    if (i > 0) await ctx.pausePoint(`search ${stepLabel(step)}`);
    const outcome = await reportStep(ctx, step, outcomes[i]);
    if (outcome?.ok) found.push(...outcome.postings);
    else if (outcome) failed += 1;
  }
  const { postings, duplicatesRemoved } = dedupePostings(found);
  const selected = interleaveBySource(postings, max);
  await ctx.emit('scout_complete', completionMessage(selected.length, postings.length, duplicatesRemoved, failed), {
    count: selected.length,
    duplicatesRemoved,
  });
  return selected;
}

/** Never rejects, so a search still running when the run stops leaves no unhandled rejection behind. */
function startSearch(step: PlannedSource, query: string, location: string, limit: number, signal: AbortSignal): Promise<Outcome> | undefined {
  if (step.type !== 'client') return undefined;
  return step.client.search({ query, location, limit, signal }).then(
    (postings): Outcome => ({ ok: true, postings }),
    (err: unknown): Outcome => ({ ok: false, error: signal.aborted ? 'stopped' : failureMessage(step.client.label, err) }),
  );
}

function failureMessage(label: string, err: unknown): string {
  // SourceError messages already name the board and the fix; anything else is a bug:
  // its text goes to the log, the user reads what to do.
  if (err instanceof SourceError) return err.message;
  console.error(`[worker] ${label} failed unexpectedly:`, err);
  return `${label} failed unexpectedly: try again, and report it if it persists (the worker log has the details)`;
}

function stepLabel(step: PlannedSource): string {
  return step.type === 'client' ? step.client.label : step.source;
}

/** scout_searching then scout_found for one step; the outcome, or undefined for a source without boards. */
async function reportStep(ctx: ScoutContext, step: PlannedSource, pending: Promise<Outcome> | undefined): Promise<Outcome | undefined> {
  const { query, location } = ctx.params;
  if (step.type === 'no_boards') {
    await reportNoBoards(ctx, step.source);
    return undefined;
  }
  const { source, label } = step.client;
  await ctx.emit('scout_searching', clipMessage(`Searching ${label} for "${query}"`), { source, query, location });
  await ctx.pace();
  const outcome = pending ? await pending : { ok: false as const, error: `${label}: no search was started` };
  // A stopped run's searches fail with the stop; report the stop, not a board failure.
  ctx.signal.throwIfAborted();
  if (outcome.ok) {
    const { postings } = outcome;
    await ctx.emit('scout_found', clipMessage(`Found ${postings.length} ${postings.length === 1 ? 'posting' : 'postings'} on ${label}`), {
      source,
      count: postings.length,
      urls: postings.slice(0, MAX_EVENT_URLS).map((p) => p.url),
    });
  } else {
    await ctx.emit('scout_found', clipMessage(outcome.error), { source, count: 0, urls: [] });
  }
  return outcome;
}

async function reportNoBoards(ctx: ScoutContext, source: 'greenhouse' | 'lever'): Promise<void> {
  const { query, location } = ctx.params;
  const name = SOURCE_NAMES[source];
  await ctx.emit('scout_searching', `Skipping ${name}: your profile names no ${name} board`, { source, query, location });
  await ctx.emit('scout_found', `No ${name} boards to search: add a ${name} board in your profile to search ${name}`, {
    source,
    count: 0,
    urls: [],
  });
}

/**
 * Takes postings from each source in turn, so that when there are more than the
 * analyst can read, every source is represented rather than only the first.
 */
export function interleaveBySource(postings: readonly JobPosting[], max: number): JobPosting[] {
  const queues = SOURCE_PRIORITY.map((source) => postings.filter((p) => p.source === source));
  const picked: JobPosting[] = [];
  for (let round = 0; picked.length < max && queues.some((q) => round < q.length); round += 1) {
    for (const queue of queues) {
      const posting = queue[round];
      if (posting && picked.length < max) picked.push(posting);
    }
  }
  return picked;
}

function completionMessage(count: number, unique: number, duplicatesRemoved: number, failed: number): string {
  const parts = [`Search complete: ${count} ${count === 1 ? 'job' : 'jobs'}`];
  if (unique > count) parts.push(`the first ${count} of ${unique} kept for analysis`);
  if (duplicatesRemoved > 0) parts.push(`${duplicatesRemoved} ${duplicatesRemoved === 1 ? 'duplicate' : 'duplicates'} removed`);
  if (failed > 0) parts.push(`${failed} ${failed === 1 ? 'source' : 'sources'} failed (see above)`);
  return parts.join('; ');
}

function clipMessage(message: string): string {
  return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…`;
}
