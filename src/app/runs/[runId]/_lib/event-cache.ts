import { runEventSchema, type RunEvent } from '~/shared/events';

/**
 * The run's events kept in sessionStorage, so that a reload resumes after the last
 * one seen instead of streaming the whole history again. The cache is only an
 * optimisation: anything odd about it (too large, unreadable, from another version,
 * not a gap-free run from seq 1) drops it, and the page starts from the beginning.
 */

export const MAX_CACHED_EVENTS = 10_000;
/** Draft screenshots are large; well under the browser's ~5 MB sessionStorage quota. */
const MAX_CACHED_CHARS = 3_000_000;
const VERSION = 1;

interface CachedRun {
  v: number;
  lastSeq: number;
  events: readonly unknown[];
}

const keyFor = (runId: string): string => `jobstream:run-events:${runId}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

export function dropCachedEvents(runId: string): void {
  storage()?.removeItem(keyFor(runId));
}

/** The cached events of a run, validated, or null when there is no usable cache. */
export function loadCachedEvents(runId: string): { lastSeq: number; events: RunEvent[] } | null {
  const store = storage();
  const raw = store?.getItem(keyFor(runId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<CachedRun>;
    if (parsed.v !== VERSION || !Array.isArray(parsed.events) || typeof parsed.lastSeq !== 'number') throw new Error('stale');
    const events: RunEvent[] = [];
    for (const [i, item] of parsed.events.entries()) {
      const event = runEventSchema.parse(item);
      // Gap-free from seq 1: resuming after lastSeq then misses nothing.
      if (event.runId !== runId || event.seq !== i + 1) throw new Error('not contiguous');
      events.push(event);
    }
    if ((events.at(-1)?.seq ?? 0) !== parsed.lastSeq) throw new Error('lastSeq mismatch');
    return { lastSeq: parsed.lastSeq, events };
  } catch {
    dropCachedEvents(runId);
    return null;
  }
}

/**
 * Saves the run's events; returns false when they are too many or too large, in
 * which case the cache is dropped and a reload starts from the beginning.
 */
export function saveCachedEvents(runId: string, events: readonly RunEvent[]): boolean {
  const store = storage();
  if (!store) return false;
  const last = events.at(-1);
  if (!last || events.length > MAX_CACHED_EVENTS || last.seq !== events.length) {
    dropCachedEvents(runId);
    return !last;
  }
  const body: CachedRun = { v: VERSION, lastSeq: last.seq, events };
  const json = JSON.stringify(body);
  if (json.length > MAX_CACHED_CHARS) {
    dropCachedEvents(runId);
    return false;
  }
  try {
    store.setItem(keyFor(runId), json);
    return true;
  } catch {
    // Quota exceeded (other tabs' data counts too).
    dropCachedEvents(runId);
    return false;
  }
}
