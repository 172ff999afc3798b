/**
 * npm run bench — fan-out benchmark: our stack against a raw `ws` + ioredis relay
 * doing the same fan-out, side by side on this machine, at 1, 100 and 1,000
 * subscribers of one run, with ~1 KB events. Prints a table and writes
 * bench/results/fanout-<timestamp>.json and fanout-latest.json.
 *
 * Both servers run as their own processes against one throwaway Redis; this process
 * publishes (jobstream: EventLog.publish, the worker's path; baseline: PUBLISH) and
 * holds every subscriber, so both systems are timed on one clock.
 *
 * Options, as --name=value or environment variable:
 *   --subscribers / BENCH_SUBSCRIBERS  counts to run (default 1,100,1000)
 *   --events      / BENCH_EVENTS       load-phase events: one number, or one per count
 *                                      (default 10000 below 100 subscribers, 2000 below 1,000, 500 from 1,000)
 *   --idle-events / BENCH_IDLE_EVENTS  one-at-a-time latency events (default 200, 50 from 1,000 subscribers)
 *   --warmup      / BENCH_WARMUP       warm-up events per step (default 50)
 *   --window      / BENCH_WINDOW       events in flight during the load phase (default 32)
 *   --stall-ms    / BENCH_STALL_MS     give up when nothing arrives for this long (default 10000)
 */
import { startRedis } from '../tests/helpers/processes';
import { startBaseline } from './baseline-system';
import { runStep, SUBSCRIPTIONS_PER_SOCKET, type StepConfig, type StepResult, type System } from './fanout';
import { startJobstream } from './jobstream-system';
import { EVENT_BYTES } from './payload';
import { machineInfo, ratioLine, ratiosOf, tableHeader, tableRow, writeReport, type Ratios, type Report } from './report';

interface Options {
  steps: StepConfig[];
}

function option(flag: string, envName: string): string | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${flag}=`));
  return arg ? arg.slice(flag.length + 3) : process.env[envName];
}

function positiveInts(raw: string, name: string): number[] {
  const values = raw.split(',').map((v) => Number(v.trim()));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1)) {
    throw new Error(`${name}: expected positive whole numbers separated by commas, got "${raw}"`);
  }
  return values;
}

/** One value for every step, one per subscriber count, or the default for that count. */
function perStep(flag: string, envName: string, counts: number[], fallback: (subscribers: number) => number): number[] {
  const raw = option(flag, envName);
  if (raw === undefined) return counts.map(fallback);
  const values = positiveInts(raw, flag);
  if (values.length === 1) return counts.map(() => values[0] ?? 1);
  if (values.length !== counts.length) throw new Error(`${flag}: give one value or ${counts.length} (one per subscriber count)`);
  return values;
}

function single(flag: string, envName: string, fallback: number): number {
  const raw = option(flag, envName);
  return raw === undefined ? fallback : (positiveInts(raw, flag)[0] ?? fallback);
}

function readOptions(): Options {
  const counts = positiveInts(option('subscribers', 'BENCH_SUBSCRIBERS') ?? '1,100,1000', 'subscribers');
  // Roughly a second or more of load per step: a single subscriber needs many events
  // for that, while 1,000 subscribers turn each event into 1,000 deliveries.
  const events = perStep('events', 'BENCH_EVENTS', counts, (n) => (n < 100 ? 10_000 : n < 1000 ? 2000 : 500));
  const idleEvents = perStep('idle-events', 'BENCH_IDLE_EVENTS', counts, (n) => (n >= 1000 ? 50 : 200));
  const warmupEvents = single('warmup', 'BENCH_WARMUP', 50);
  const window = single('window', 'BENCH_WINDOW', 32);
  const stallMs = single('stall-ms', 'BENCH_STALL_MS', 10_000);
  const steps = counts.map((subscribers, i) => ({
    subscribers,
    events: events[i] ?? 1,
    idleEvents: idleEvents[i] ?? 1,
    warmupEvents,
    window,
    stallMs,
  }));
  return { steps };
}

const NOTES = [
  'events/s = deliveries summed over all subscribers ÷ (first publish → last delivery) of the load phase.',
  'Load phase: the publisher keeps `window` events in flight (published, not yet at every subscriber); p50/p99 include that queueing.',
  'Idle phase: one event at a time; its latency is the fan-out itself (the last subscriber of 1,000 included).',
  `Subscribers share sockets, ${SUBSCRIPTIONS_PER_SOCKET} subscriptions to one WebSocket; each subscription gets its own copy of every event.`,
  'Publisher and all subscribers run in the benchmark process; the servers and Redis in their own. All share the machine.',
  'Server RSS is /proc/<pid>/status VmRSS of the server process; cpu ms/1k is its CPU time per 1,000 deliveries in the load phase.',
];

async function runAll(opts: Options, ours: System, base: System) {
  const results: StepResult[] = [];
  const ratios: Ratios[] = [];
  console.log(tableHeader());
  for (const cfg of opts.steps) {
    // Same step, both systems back to back, so that drift on a shared machine hits both alike.
    const pair: StepResult[] = [];
    for (const system of [ours, base]) {
      console.error(`… ${system.name}: ${cfg.subscribers} subscribers, ${cfg.events} events`);
      const result = await runStep(system, cfg);
      console.log(tableRow(result));
      pair.push(result);
    }
    const [a, b] = pair;
    if (a && b) {
      const r = ratiosOf(a, b);
      console.log(ratioLine(r));
      ratios.push(r);
    }
    results.push(...pair);
  }
  return { results, ratios };
}

async function main(): Promise<void> {
  const opts = readOptions();
  const startedAt = new Date().toISOString();
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  // Ctrl-C must not leave a redis-server or a web server behind.
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  try {
    const redis = await startRedis();
    stops.push(() => redis.kill9());
    const ours = await startJobstream(redis.url);
    stops.push(() => ours.stop());
    const base = await startBaseline(redis.url);
    stops.push(() => base.stop());

    const { results, ratios } = await runAll(opts, ours, base);
    const report: Report = {
      benchmark: 'fanout',
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machineInfo(),
      config: {
        steps: opts.steps,
        eventBytes: EVENT_BYTES,
        subscriptionsPerSocket: SUBSCRIPTIONS_PER_SOCKET,
        notes: NOTES,
      },
      results,
      ratios,
    };
    console.log(`\nwrote ${writeReport(report)} (and fanout-latest.json)`);
  } finally {
    await stopAll();
  }
}

main()
  .catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  })
  // A stray handle (a socket mid-close) must not keep the benchmark from ending.
  .finally(() => process.exit());
