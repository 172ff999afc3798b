import { isTerminalStatus } from '~/shared/pipeline';
import type { EventLog } from '~/store/event-log';
import type { EventArchive } from '../archive/event-archive';

/** Where a run's log ends: its highest seq, or null while that cannot be known yet. */
export type RunHeadOf = (runId: string) => Promise<number | null>;

/**
 * Where a run's log ends, as far as the current Redis epoch knows: Redis's seq when
 * Redis has the run's record; the archive's last seq for a run that finished before
 * Redis lost its data; and null for an unfinished run whose live state was lost and
 * has not been closed yet (its seqs go on from where they were, not from Redis's 0).
 */
export function runHeadReader(log: EventLog, archive: EventArchive): RunHeadOf {
  return async (runId) => {
    const live = await log.liveHead(runId);
    if (live.known) return live.seq;
    const stored = await archive.runState(runId);
    if (!stored) return live.seq; // a run the database does not know (made outside the API)
    return isTerminalStatus(stored.status) ? Math.max(stored.lastSeq, live.seq) : null;
  };
}
