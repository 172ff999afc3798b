/**
 * Options of the browser workload, as --name=value or environment variable:
 *   --browser-sockets          / BENCH_BROWSER_SOCKETS          socket counts of the paced cells (default 1,100,1000)
 *   --browser-rates            / BENCH_BROWSER_RATES            offered events/s of the paced cells (default 500,2000)
 *   --browser-seconds          / BENCH_BROWSER_SECONDS          measured seconds per paced cell (default 5)
 *   --browser-warmup-seconds   / BENCH_BROWSER_WARMUP_SECONDS   paced warm-up before each cell (default 1)
 *   --browser-max-deliveries   / BENCH_BROWSER_MAX_DELIVERIES   cap on sockets × rate per second (default 100000)
 *   --browser-saturation-events/ BENCH_BROWSER_SATURATION_EVENTS events of the saturation phase (default 2000)
 *   --browser-saturation-window/ BENCH_BROWSER_SATURATION_WINDOW events in flight in the saturation phase (default 128)
 *   --browser-idle-connections / BENCH_BROWSER_IDLE_CONNECTIONS connections of the idle-memory phase (default 5000)
 *   --browser-catchup-events   / BENCH_BROWSER_CATCHUP_EVENTS   history the catch-up socket reads (default 10000)
 *   --browser-archive-events   / BENCH_BROWSER_ARCHIVE_EVENTS   events of the archive burst (default 20000)
 *   --browser-phases           / BENCH_BROWSER_PHASES           which to run, of paced,paused,saturation,idle,catchup,archive (default all)
 */
import { option, positiveInts, single } from './options';
import { openFilesLimit } from './proc';

export interface PacedCellConfig {
  sockets: number;
  /** The rate asked for (--browser-rates). */
  offeredRate: number;
  /** The rate run: offeredRate, or less where sockets × rate would pass --browser-max-deliveries. */
  rate: number;
  seconds: number;
  warmupSeconds: number;
  /** A cell gives up waiting for deliveries after this long without one. */
  stallMs: number;
  /**
   * jobstream arms: sample the archive lag over the window. Only at LAG_CELL: a
   * /api/metrics scrape costs the server CPU, which would weigh on every cell.
   */
  sampleArchiveLag: boolean;
}

/** The paced cell (sockets × offered rate) whose archive lag is sampled. */
export const LAG_CELL = { sockets: 100, offeredRate: 500 } as const;

export const PHASES = ['paced', 'paused', 'saturation', 'idle', 'catchup', 'archive'] as const;
export type Phase = (typeof PHASES)[number];

export interface BrowserOptions {
  phases: Phase[];
  cells: PacedCellConfig[];
  /** The cells the archive-paused arm runs: sockets × offered rate. */
  pausedCells: PacedCellConfig[];
  maxDeliveriesPerSec: number;
  saturation: { sockets: number; events: number; warmupEvents: number; window: number; stallMs: number };
  idleConnections: number;
  /** Set when the open-files limit made idleConnections smaller than asked. */
  idleLimitNote: string | null;
  catchup: { events: number; watchers: number; rate: number; beforeSeconds: number; timeoutMs: number };
  archive: { events: number; timeoutMs: number };
}

/** File descriptors kept free for everything but the idle connections (Redis, pipes, the other arms). */
const FD_HEADROOM = 1024;

function idleConnections(asked: number): { count: number; note: string | null } {
  const limit = openFilesLimit();
  if (limit === null || asked + FD_HEADROOM <= limit) return { count: asked, note: null };
  const count = Math.max(1, limit - FD_HEADROOM);
  const note = `open-files limit ${limit} (ulimit -n) leaves room for ${count} of ${asked} idle connections; raise it (ulimit -n ${asked + FD_HEADROOM}) to open all`;
  return { count, note };
}

function pacedCell(sockets: number, offeredRate: number, seconds: number, warmupSeconds: number, maxDeliveries: number): PacedCellConfig {
  const rate = Math.max(1, Math.min(offeredRate, Math.floor(maxDeliveries / sockets)));
  const sampleArchiveLag = sockets === LAG_CELL.sockets && offeredRate === LAG_CELL.offeredRate;
  return { sockets, offeredRate, rate, seconds, warmupSeconds, stallMs: 5000, sampleArchiveLag };
}

function readPhases(): Phase[] {
  const raw = option('browser-phases', 'BENCH_BROWSER_PHASES');
  if (raw === undefined) return [...PHASES];
  const names = raw.split(',').map((p) => p.trim());
  const unknown = names.filter((n) => !PHASES.some((p) => p === n));
  if (unknown.length) throw new Error(`browser-phases: expected some of ${PHASES.join(', ')}, got "${unknown.join(', ')}"`);
  return PHASES.filter((p) => names.includes(p));
}

export function readBrowserOptions(): BrowserOptions {
  const sockets = positiveInts(option('browser-sockets', 'BENCH_BROWSER_SOCKETS') ?? '1,100,1000', 'browser-sockets');
  const rates = positiveInts(option('browser-rates', 'BENCH_BROWSER_RATES') ?? '500,2000', 'browser-rates');
  const seconds = single('browser-seconds', 'BENCH_BROWSER_SECONDS', 5);
  const warmupSeconds = single('browser-warmup-seconds', 'BENCH_BROWSER_WARMUP_SECONDS', 1);
  const maxDeliveries = single('browser-max-deliveries', 'BENCH_BROWSER_MAX_DELIVERIES', 100_000);
  const cell = (n: number, rate: number) => pacedCell(n, rate, seconds, warmupSeconds, maxDeliveries);
  const idle = idleConnections(single('browser-idle-connections', 'BENCH_BROWSER_IDLE_CONNECTIONS', 5000));
  return {
    phases: readPhases(),
    cells: sockets.flatMap((n) => rates.map((rate) => cell(n, rate))),
    pausedCells: [cell(1, 500), cell(100, 500)],
    maxDeliveriesPerSec: maxDeliveries,
    saturation: {
      sockets: 100,
      events: single('browser-saturation-events', 'BENCH_BROWSER_SATURATION_EVENTS', 2000),
      warmupEvents: 200,
      window: single('browser-saturation-window', 'BENCH_BROWSER_SATURATION_WINDOW', 128),
      stallMs: 10_000,
    },
    idleConnections: idle.count,
    idleLimitNote: idle.note,
    catchup: {
      events: single('browser-catchup-events', 'BENCH_BROWSER_CATCHUP_EVENTS', 10_000),
      watchers: 100,
      rate: 500,
      beforeSeconds: 2,
      timeoutMs: 60_000,
    },
    archive: { events: single('browser-archive-events', 'BENCH_BROWSER_ARCHIVE_EVENTS', 20_000), timeoutMs: 180_000 },
  };
}
