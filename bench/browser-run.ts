/**
 * The browser workload of `npm run bench` (--workload=browser): the shape browsers
 * use, one subscription per WebSocket, on four arms, each its own server process
 * against the one Redis:
 *   raw               bench/baseline-relay.ts (ws + ioredis PUBLISH/SUBSCRIBE)
 *   socketio          bench/socketio-relay.ts (Socket.IO 4 + @socket.io/redis-adapter)
 *   jobstream-pg      the real web server on a fresh PostgreSQL database
 *   jobstream-pglite  the real web server on the embedded PGlite
 * Every server is pinned to CPU 0 and this process (publisher and every client) to
 * CPU 1, so "one server core" is literal. It measures, in order:
 *   a. paced cells: sockets × events/s, open-loop; server CPU per 1,000 deliveries,
 *      latency, exactly-once and order per subscriber (plus jobstream-pg with its
 *      archiver paused, at 1×500 and 100×500)
 *   b. saturation: deliveries/s one server core sustains with 100 sockets
 *   c. idle memory per connection, after forced GCs
 *   d. catch-up of a 10,000-event history while 100 sockets watch another run live
 *   e. archive throughput after a burst, and the lag during the paced 100×500 cell
 * Prints tables and writes bench/results/browser-<timestamp>.json and browser-latest.json.
 * Options: see bench/browser-options.ts.
 */
import {
  JOBSTREAM_PG,
  JOBSTREAM_PG_PAUSED,
  JOBSTREAM_PGLITE,
  RAW,
  SOCKETIO,
  startJobstreamArm,
  startRawArm,
  startSocketIoArm,
  type Arm,
} from './browser-arms';
import { runArchiveBurst, type ArchiveResult } from './browser-archive';
import { runPacedCell, type PacedCellResult } from './browser-cells';
import { runCatchup, type CatchupResult } from './browser-catchup';
import { runIdleMemory, type IdleResult } from './browser-idle';
import { readBrowserOptions, type BrowserOptions, type PacedCellConfig, type Phase } from './browser-options';
import {
  archiveRow,
  archiveTable,
  catchupRow,
  catchupTable,
  cellRatio,
  cellRatioLine,
  idleRatioLine,
  idleRow,
  idleTable,
  pacedRow,
  pacedTable,
  pausedLine,
  saturationRatioLine,
  saturationRow,
  saturationTable,
  writeBrowserReport,
  type BrowserReport,
  type CellRatio,
} from './browser-report';
import { runSaturation, type SaturationResult } from './browser-saturation';
import { placeProcesses, type Placement } from './cpu-pinning';
import { browserNotes } from './browser-notes';
import { Failures } from './browser-failures';
import { EVENT_BYTES } from './payload';
import { machineInfo } from './report';
import { awaitArchiveCaughtUp } from './web-metrics';

type Stop = () => Promise<unknown>;

async function startArms(redisUrl: string, track: (stop: Stop) => void): Promise<Arm[]> {
  const arms: Arm[] = [];
  const starters: [string, () => Promise<Arm>][] = [
    [RAW, () => startRawArm(redisUrl)],
    [SOCKETIO, () => startSocketIoArm(redisUrl)],
    [JOBSTREAM_PG, () => startJobstreamArm(redisUrl, JOBSTREAM_PG, 'postgres')],
    [JOBSTREAM_PGLITE, () => startJobstreamArm(redisUrl, JOBSTREAM_PGLITE, 'pglite')],
  ];
  for (const [name, start] of starters) {
    console.error(`… starting ${name}`);
    const arm = await start();
    track(() => arm.system.stop());
    arms.push(arm);
  }
  return arms;
}

const jobstreamArms = (arms: Arm[]) => arms.filter((a) => a.stack !== null);

/** Backlog of the previous cell must not be archived during the next one's window. */
async function settleArchive(arm: Arm): Promise<void> {
  if (arm.stack) await awaitArchiveCaughtUp(arm.stack.url, 30_000);
}

function ratiosForCell(results: PacedCellResult[]): CellRatio[] {
  const ratios: CellRatio[] = [];
  for (const ours of results.filter((r) => r.arm.startsWith('jobstream'))) {
    for (const baseName of [RAW, SOCKETIO]) {
      const base = results.find((r) => r.arm === baseName);
      if (base) ratios.push(cellRatio(ours, base));
    }
  }
  return ratios;
}

/** What every phase needs besides the arms. */
interface Context {
  redisUrl: string;
  /** The Redis server's process, for its CPU share (null: unknown). */
  redisPid: number | null;
  opts: BrowserOptions;
  placement: Placement;
  failures: Failures;
}

async function runPacedPhase(arms: Arm[], cells: PacedCellConfig[], ctx: Context) {
  const { failures } = ctx;
  const results: PacedCellResult[] = [];
  const ratios: CellRatio[] = [];
  console.log(`a. paced cells, one subscription per socket\n${pacedTable.header}`);
  for (const cell of cells) {
    const row: PacedCellResult[] = [];
    for (const arm of arms) {
      console.error(`… ${arm.name}: ${cell.sockets} sockets × ${cell.rate} ev/s (offered ${cell.offeredRate}), ${cell.seconds} s`);
      await settleArchive(arm);
      const result = await failures.attempt(`${arm.name} ${cell.sockets}×${cell.offeredRate}`, () => runPacedCell(arm, cell, ctx.redisPid), arm);
      if (!result) continue;
      console.log(pacedRow(result));
      for (const error of result.errors.slice(0, 3)) console.error(`  ${arm.name}: ${error}`);
      row.push(result);
    }
    const cellRatios = ratiosForCell(row);
    for (const r of cellRatios) console.log(cellRatioLine(r));
    ratios.push(...cellRatios);
    results.push(...row);
  }
  return { results, ratios };
}

/** jobstream-pg again with ARCHIVER_ENABLED=false, at the cells that compare live latency with the archive running. */
async function runPausedPhase(paced: PacedCellResult[], ctx: Context) {
  const { redisUrl, opts, placement, failures } = ctx;
  console.error(`… starting ${JOBSTREAM_PG_PAUSED}`);
  const arm = await failures.attempt(JOBSTREAM_PG_PAUSED, () => startJobstreamArm(redisUrl, JOBSTREAM_PG_PAUSED, 'postgres', false));
  if (!arm) return [];
  const results: PacedCellResult[] = [];
  try {
    placement.placeServer(arm.pid, arm.name);
    console.log(`\na. (archive paused) ${JOBSTREAM_PG} started with ARCHIVER_ENABLED=false\n${pacedTable.header}`);
    for (const cell of opts.pausedCells) {
      const result = await failures.attempt(`${arm.name} ${cell.sockets}×${cell.offeredRate}`, () => runPacedCell(arm, cell, ctx.redisPid), arm);
      if (!result) continue;
      console.log(pacedRow(result));
      results.push(result);
    }
    for (const paused of results) {
      const running = paced.find((r) => r.arm === JOBSTREAM_PG && r.sockets === paused.sockets && r.offeredRate === paused.offeredRate);
      if (running) console.log(pausedLine(running, paused));
    }
  } finally {
    await arm.system.stop();
  }
  return results;
}

async function runSaturationPhase(arms: Arm[], ctx: Context) {
  const { opts, failures } = ctx;
  console.log(`\nb. saturation: ${opts.saturation.sockets} sockets, ${opts.saturation.window} events in flight\n${saturationTable.header}`);
  const results: SaturationResult[] = [];
  for (const arm of arms) {
    console.error(`… ${arm.name}: saturation, ${opts.saturation.events} events`);
    await settleArchive(arm);
    const result = await failures.attempt(`${arm.name} saturation`, () => runSaturation(arm, opts.saturation, ctx.redisPid), arm);
    if (!result) continue;
    console.log(saturationRow(result));
    results.push(result);
  }
  printRatios(results, (r) => r.arm, saturationRatioLine);
  return results;
}

async function runIdlePhase(arms: Arm[], ctx: Context) {
  const { opts, failures } = ctx;
  console.log(`\nc. idle memory per connection (server RSS after forced GCs)\n${idleTable.header}`);
  if (opts.idleLimitNote) console.log(`note: ${opts.idleLimitNote}`);
  const results: IdleResult[] = [];
  for (const arm of arms) {
    console.error(`… ${arm.name}: ${opts.idleConnections} idle connections`);
    await settleArchive(arm);
    const result = await failures.attempt(`${arm.name} idle memory`, () => runIdleMemory(arm, opts.idleConnections), arm);
    if (!result) continue;
    console.log(idleRow(result));
    for (const error of result.errors.slice(0, 3)) console.error(`  ${arm.name}: ${error}`);
    results.push(result);
  }
  printRatios(results, (r) => r.arm, idleRatioLine);
  return results;
}

/** jobstream-X / raw and jobstream-X / socketio, for whichever results exist. */
function printRatios<T>(results: T[], armOf: (r: T) => string, line: (ours: T, base: T) => string): void {
  for (const ours of results.filter((r) => armOf(r).startsWith('jobstream'))) {
    for (const baseName of [RAW, SOCKETIO]) {
      const base = results.find((r) => armOf(r) === baseName);
      if (base) console.log(line(ours, base));
    }
  }
}

async function runCatchupPhase(arms: Arm[], ctx: Context) {
  const { opts, failures } = ctx;
  const c = opts.catchup;
  console.log(`\nd. catch-up: one new socket reads ${c.events} events from the start while ${c.watchers} sockets watch another run at ${c.rate} ev/s\n${catchupTable.header}`);
  const results: CatchupResult[] = [];
  for (const arm of jobstreamArms(arms)) {
    console.error(`… ${arm.name}: catch-up of ${c.events} events`);
    await settleArchive(arm);
    const result = await failures.attempt(`${arm.name} catch-up`, () => runCatchup(arm, c), arm);
    if (!result) continue;
    console.log(catchupRow(result));
    for (const error of result.errors.slice(0, 3)) console.error(`  ${arm.name}: ${error}`);
    results.push(result);
  }
  return results;
}

async function runArchivePhase(arms: Arm[], paced: PacedCellResult[], ctx: Context) {
  const { opts, failures } = ctx;
  console.log(`\ne. archive: a burst of ${opts.archive.events} events, lag sampled every 100 ms until 0\n${archiveTable.header}`);
  const results: ArchiveResult[] = [];
  for (const arm of jobstreamArms(arms)) {
    console.error(`… ${arm.name}: archive burst of ${opts.archive.events} events`);
    const result = await failures.attempt(`${arm.name} archive`, () => runArchiveBurst(arm, opts.archive), arm);
    if (!result) continue;
    console.log(archiveRow(result));
    results.push(result);
  }
  for (const r of paced) {
    const lag = r.archiveLag;
    if (!lag) continue;
    // Flat: at the end of the window the archive was less than a second's events behind.
    const flat = lag.last !== null && lag.last <= r.rate;
    console.log(
      `archive lag during the paced ${r.sockets}×${r.offeredRate} cell, ${r.arm}: max ${lag.max ?? '-'}, at the end ${lag.last ?? '-'} ` +
        `(${lag.samples} samples every 250 ms; ${flat ? 'flat: under a second of events behind at the end' : 'GROWING: over a second of events behind at the end'})`,
    );
  }
  return results;
}

/** Starts the arms (stopped again via `track`), runs every measurement, writes the report. */
export async function runBrowserWorkload(redisUrl: string, redisPid: number | null, track: (stop: Stop) => void): Promise<void> {
  const opts = readBrowserOptions();
  const startedAt = new Date().toISOString();
  const failures = new Failures();
  const arms = await startArms(redisUrl, track);
  const placement = placeProcesses();
  for (const arm of arms) placement.placeServer(arm.pid, arm.name);
  if (placement.note) console.log(`note: ${placement.note}`);
  const ctx: Context = { redisUrl, redisPid, opts, placement, failures };
  try {
    const runs = (phase: Phase) => opts.phases.includes(phase);
    const paced = runs('paced') ? await runPacedPhase(arms, opts.cells, ctx) : { results: [], ratios: [] };
    const paused = runs('paused') ? await runPausedPhase(paced.results, ctx) : [];
    const saturation = runs('saturation') ? await runSaturationPhase(arms, ctx) : [];
    const idle = runs('idle') ? await runIdlePhase(arms, ctx) : [];
    const catchup = runs('catchup') ? await runCatchupPhase(arms, ctx) : [];
    const archive = runs('archive') ? await runArchivePhase(arms, paced.results, ctx) : [];
    const report: BrowserReport = {
      benchmark: 'browser',
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machineInfo(),
      config: { ...opts, eventBytes: EVENT_BYTES, arms: [...arms.map((a) => a.name), JOBSTREAM_PG_PAUSED], notes: browserNotes(opts, placement) },
      paced: paced.results,
      pacedRatios: paced.ratios,
      pausedArchive: paused,
      saturation,
      idle,
      catchup,
      archive,
      failures: failures.list,
    };
    console.log(`\nnotes:\n${report.config.notes.map((n) => `- ${n}`).join('\n')}`);
    console.log(`\nwrote ${writeBrowserReport(report)} (and browser-latest.json)`);
    if (failures.list.length) {
      console.log(`\n${failures.list.length} measurement(s) failed:\n${failures.list.map((f) => `  ${f}`).join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    placement.restore();
  }
}
