/**
 * npm run bench — three workloads, each our stack against relays built without it,
 * side by side on this machine, against one throwaway Redis:
 *
 *   --workload / BENCH_WORKLOAD  fanout, frames, browser or all
 *                                (default all: fan-out, then frames, then browser)
 *
 * fanout: events of one run to 1, 100 and 1,000 subscribers, with ~1 KB events.
 * Prints a table and writes bench/results/fanout-<timestamp>.json and fanout-latest.json.
 * frames: live browser frames to fast and slow viewers; see bench/frames-run.ts for
 * what it measures and its options.
 * browser: the shape browsers use, one subscription per WebSocket, on four arms (a raw
 * ws relay, a Socket.IO 4 + redis-adapter relay, the web on PostgreSQL and on PGlite),
 * servers pinned to CPU 0 and this process to CPU 1: paced cells, saturation, idle
 * memory per connection, catch-up and archive throughput. Writes
 * bench/results/browser-<timestamp>.json and browser-latest.json; see
 * bench/browser-run.ts and, for its options (--browser-…), bench/browser-options.ts.
 *
 * Every server runs as its own process against one throwaway Redis; this process
 * publishes (jobstream: EventLog.publish, the worker's path; the relays: PUBLISH) and
 * holds every subscriber, so all systems are timed on one clock.
 *
 * fan-out options, as --name=value or environment variable:
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
import { runBrowserWorkload } from './browser-run';
import { runFramesWorkload } from './frames-run';
import { startJobstream } from './jobstream-system';
import { oneOf, option, perStep, positiveInts, single } from './options';
import { EVENT_BYTES } from './payload';
import { machineInfo, ratioLine, ratiosOf, tableHeader, tableRow, writeReport, type Ratios, type Report } from './report';

interface Options {
  steps: StepConfig[];
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

type Stop = () => Promise<unknown>;

/** Starts both fan-out servers (stopped again via `track`), runs every step, writes the report. */
async function runFanoutWorkload(redisUrl: string, track: (stop: Stop) => void): Promise<void> {
  const opts = readOptions();
  const startedAt = new Date().toISOString();
  const ours = await startJobstream(redisUrl);
  track(() => ours.stop());
  const base = await startBaseline(redisUrl);
  track(() => base.stop());

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
}

const WORKLOADS = ['fanout', 'frames', 'browser', 'all'] as const;

async function main(): Promise<void> {
  const workload = oneOf('workload', 'BENCH_WORKLOAD', WORKLOADS, 'all');
  const stops: Stop[] = [];
  const track = (stop: Stop) => void stops.push(stop);
  /** Stops what was started after the first `keep` entries, newest first. */
  const stopAll = async (keep = 0) => {
    for (const stop of stops.splice(keep).reverse()) await stop().catch(() => undefined);
  };
  // Ctrl-C must not leave a redis-server or a web server behind.
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  try {
    const redis = await startRedis();
    track(() => redis.kill9());
    // Each workload gets servers of its own: memory and caches left by one must not weigh on the next.
    const runs = (name: (typeof WORKLOADS)[number]) => workload === name || workload === 'all';
    if (runs('fanout')) await runFanoutWorkload(redis.url, track).finally(() => stopAll(1));
    if (workload === 'all') console.log('');
    if (runs('frames')) await runFramesWorkload(redis.url, track).finally(() => stopAll(1));
    if (workload === 'all') console.log('');
    if (runs('browser')) await runBrowserWorkload(redis.url, redis.child.pid ?? null, track).finally(() => stopAll(1));
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
