/** What the browser workload's numbers mean: printed under its tables and kept in its JSON report. */
import type { BrowserOptions } from './browser-options';
import { BENCH_CPU, SERVER_CPU, type Placement } from './cpu-pinning';
import { EVENT_BYTES } from './payload';

export function browserNotes(opts: BrowserOptions, placement: Placement): string[] {
  const capped = opts.cells.filter((c) => c.rate < c.offeredRate).map((c) => `${c.sockets}×${c.offeredRate} ran at ${c.rate} ev/s`);
  return [
    'One subscription per WebSocket, as a browser tab with one live view: N sockets = N subscribers, all on one topic (a run, a channel, a room).',
    `Paced cells publish open-loop at the cell's rate (a 2 ms timer publishes the events due), ${opts.cells[0]?.warmupSeconds ?? 1} s of warm-up, then ${opts.cells[0]?.seconds ?? 5} s measured; ~${EVENT_BYTES} B events.`,
    `--browser-max-deliveries ${opts.maxDeliveriesPerSec}/s caps sockets × rate: a cell above it runs at the capped rate, and the table shows both ("ev/s offered", "ev/s run")${capped.length ? `: ${capped.join(', ')}` : ''}. ` +
      'So 1,000 sockets run at 100 ev/s: 500 or 2,000 ev/s to each of 1,000 sockets (0.5–2 million deliveries a second) is more than the one client core can read, and such a cell would time the clients. Compare a capped cell with the saturation table: near it, latency is queueing.',
    'note: client-bound = this process used ≥ 90 % of its core, so its clients (reading and parsing) queue the deliveries and latency is theirs as much as the server\'s; slip = the publisher\'s timer fell behind the schedule by that much at worst (latency counts from the actual publish, so a slip hides some queueing).',
    'Latency: publish (this process) → delivery (this process), one clock. delivered/expected and miss/dup/ooo are per subscriber: each must get each event exactly once, in order.',
    'cpu ms/1k: server process CPU (/proc/<pid>/stat, all threads) over first measured publish → last delivery, per 1,000 deliveries; cpu %: the same as % of one core.',
    'bench %: this process (publisher and every client) as % of its core. other %: all cores\' busy time (/proc/stat) minus server, bench and Redis, as % of one core: PostgreSQL (jobstream-pg\'s archive writes), the kernel\'s loopback networking, and any other work on the machine. A high "other" means latencies are not the arm\'s alone.',
    placement.note ?? `Servers pinned to CPU ${SERVER_CPU} (taskset -a), this process to CPU ${BENCH_CPU}; Redis and PostgreSQL are not pinned (they run on either core).`,
    'jobstream runs are started through pipeline.start (in the database too, so the archiver writes their events); no worker runs, so they stay queued.',
    'jobstream clients: one tRPC wsClient per socket (tests/helpers/client.ts connect), pipeline.events({ runId, lastEventId: null }). socketio clients: socket.io-client, transports [websocket], forceNew.',
    `Saturation: the fan-out workload's closed loop (publishPhase, ${opts.saturation.window} events in flight, ${opts.saturation.events} events); client-bound = this process used ≥ 90 % of its core, so the server may have more to give.`,
    'Idle memory: servers run with --expose-gc and bench/gc-preload.mjs; SIGUSR2 → two full GCs → RSS (VmRSS); (after − before) ÷ connections.',
    'Archive: jobstream_archive_lag_events from GET /api/metrics (events published, not yet in the database); throughput = burst ÷ (first publish → first zero-lag sample after the last publish), sampled every 100 ms (one scrape at a time, so slower under load). The lag is also sampled every 250 ms in the paced 100×500 cell only (a scrape costs the server CPU; other cells go unsampled).',
    `Archive paused: a second jobstream-pg web on a fresh database, started with ARCHIVER_ENABLED=false, at ${opts.pausedCells.map((c) => `${c.sockets}×${c.offeredRate}`).join(' and ')}; compare with jobstream-pg's rows of the same cells.`,
    `Catch-up: ${opts.catchup.events} events published to run A (awaited, and archived) before; ${opts.catchup.watchers} sockets watch run B at ${opts.catchup.rate} ev/s; one new socket subscribes to A with lastEventId null (the whole history). "before": B's events published in the ${opts.catchup.beforeSeconds} s before that subscribe; "during": until A's last event arrived.`,
    ...(opts.idleLimitNote ? [opts.idleLimitNote] : []),
    ...placement.warnings,
  ];
}
