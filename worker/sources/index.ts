import type { JobSource } from '~/shared/pipeline';
import type { ProfileFields } from '~/shared/profile';
import type { AgentSettings } from '../agent-context';
import { createGreenhouseClient } from './greenhouse';
import { createLeverClient } from './lever';
import { createSandboxClient } from './sandbox';
import type { JobSourceClient } from './types';

export type { JobPosting, JobSourceClient, SearchRequest } from './types';
export { dedupePostings, SOURCE_PRIORITY, type DedupeResult } from './dedupe';
export { SourceError } from './http';

/** The sources that search boards named in the profile. */
export type BoardSource = Exclude<JobSource, 'sandbox'>;
type BoardRef = ProfileFields['jobSources'][number];

/** One step of a search, in the order the scout reports them. */
export type PlannedSource =
  | { type: 'client'; client: JobSourceClient }
  /** The user picked this source but the profile names none of its boards. */
  | { type: 'no_boards'; source: BoardSource };

export interface SourcePlan {
  /** What the search covers, as scout_start reports it. */
  sources: JobSource[];
  steps: PlannedSource[];
}

/** The settings the sources read. */
export type SourceSettings = Pick<AgentSettings, 'GREENHOUSE_API_URL' | 'LEVER_API_URL' | 'SOURCE_TIMEOUT_MS'>;

export interface SourcePlanInput {
  /** params.sources; left out, the sandbox and every board in the profile. */
  sources: readonly JobSource[] | undefined;
  /** profile.jobSources */
  boards: readonly BoardRef[];
  settings: SourceSettings;
  /** APP_URL, where the sandbox board is. */
  appUrl: string;
}

/** The clients for one run: in the order the user picked the sources, boards in profile order. */
export function planSources(input: SourcePlanInput): SourcePlan {
  const boards = uniqueBoards(input.boards);
  const sources = input.sources ? [...input.sources] : defaultSources(boards);
  const steps = sources.flatMap((source): PlannedSource[] => {
    if (source === 'sandbox') return [{ type: 'client', client: sandboxClient(input) }];
    const ofKind = boards.filter((b) => b.kind === source);
    if (ofKind.length === 0) return [{ type: 'no_boards', source }];
    return ofKind.map((b) => ({ type: 'client', client: boardClient(b, input) }));
  });
  return { sources, steps };
}

/** Every source the scout searches by default (the sandbox and each board in the profile), as clients. */
export function defaultSourceClients(input: Omit<SourcePlanInput, 'sources'>): JobSourceClient[] {
  // With no sources picked, the plan names only kinds that have boards, so every step is a client.
  return planSources({ ...input, sources: undefined }).steps.flatMap((step) => (step.type === 'client' ? [step.client] : []));
}

function defaultSources(boards: readonly BoardRef[]): JobSource[] {
  const kinds = new Set(boards.map((b) => b.kind));
  return ['sandbox', ...(['greenhouse', 'lever'] as const).filter((k) => kinds.has(k))];
}

/** A board listed twice in the profile is searched once (board tokens are case-insensitive). */
function uniqueBoards(boards: readonly BoardRef[]): BoardRef[] {
  const seen = new Set<string>();
  return boards.filter((b) => {
    const key = `${b.kind}:${b.board.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sandboxClient(input: SourcePlanInput): JobSourceClient {
  return createSandboxClient({ appUrl: input.appUrl, timeoutMs: input.settings.SOURCE_TIMEOUT_MS });
}

function boardClient(ref: BoardRef, input: SourcePlanInput): JobSourceClient {
  const timeoutMs = input.settings.SOURCE_TIMEOUT_MS;
  return ref.kind === 'greenhouse'
    ? createGreenhouseClient({ apiUrl: input.settings.GREENHOUSE_API_URL, board: ref.board, timeoutMs })
    : createLeverClient({ apiUrl: input.settings.LEVER_API_URL, site: ref.board, timeoutMs });
}
