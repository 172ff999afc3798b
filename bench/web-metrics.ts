/**
 * The web server's archive numbers, from GET /api/metrics (Prometheus text; the
 * route has no token: see src/server/http/routes.ts). The lag gauge is computed at
 * scrape time from the archive stream's consumer group: events published and not yet
 * written to the database, across the cluster (here: this web's key prefix).
 */
import { sleep } from './proc';

export const ARCHIVE_LAG = 'jobstream_archive_lag_events';
export const EVENTS_ARCHIVED = 'jobstream_events_archived_total';

/** One unlabelled sample of a Prometheus text page, or null when absent. */
export function metricValue(text: string, name: string): number | null {
  const match = new RegExp(`^${name} ([0-9.eE+-]+)$`, 'm').exec(text);
  return match?.[1] === undefined ? null : Number(match[1]);
}

export interface ArchiveMetrics {
  lag: number | null;
  archived: number | null;
}

export async function readArchiveMetrics(webUrl: string): Promise<ArchiveMetrics> {
  try {
    const res = await fetch(`${webUrl}/api/metrics`, { signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    return { lag: metricValue(text, ARCHIVE_LAG), archived: metricValue(text, EVENTS_ARCHIVED) };
  } catch {
    return { lag: null, archived: null }; // a slow scrape under load: the sample is missing, not zero
  }
}

export interface LagSample {
  /** ms since the sampler started. */
  atMs: number;
  lag: number;
}

/**
 * Reads the lag every `everyMs` (one scrape at a time: a slow one delays the next)
 * until stopped.
 */
export class LagSampler {
  readonly samples: LagSample[] = [];
  private running = true;
  private readonly loop: Promise<void>;
  /** Date.now() when sampling began: sample times count from here. */
  readonly startedAt = Date.now();

  constructor(
    private readonly webUrl: string,
    private readonly everyMs = 100,
  ) {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const next = Date.now() + this.everyMs;
      const { lag } = await readArchiveMetrics(this.webUrl);
      if (lag !== null) this.samples.push({ atMs: Date.now() - this.startedAt, lag });
      await sleep(Math.max(0, next - Date.now()));
    }
  }

  /** The most recent lag read, or null before the first. */
  latest(): number | null {
    return this.samples.at(-1)?.lag ?? null;
  }

  max(): number | null {
    return this.samples.length ? Math.max(...this.samples.map((s) => s.lag)) : null;
  }

  async stop(): Promise<LagSample[]> {
    this.running = false;
    await this.loop;
    return this.samples;
  }
}

/** Waits until the archive has caught up (lag 0); false if it did not within timeoutMs. */
export async function awaitArchiveCaughtUp(webUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await readArchiveMetrics(webUrl)).lag === 0) return true;
    await sleep(100);
  }
  return false;
}
