/**
 * The frames workload of `npm run bench`: live browser frames at BROWSER_FPS from N
 * applier sessions, each watched by one fast and one slow viewer, on jobstream
 * (latest frame wins, paced by pongs) and on a naive relay (every frame to every
 * viewer), side by side. Prints tables and writes bench/results/frames-<timestamp>.json
 * and frames-latest.json.
 *
 * Options, as --name=value or environment variable:
 *   --sessions      / BENCH_FRAME_SESSIONS   session counts to run (default 1,10,25)
 *   --frame-seconds / BENCH_FRAME_SECONDS    measured seconds per step (default 10)
 *   --fps           / BENCH_FRAME_FPS        frames per second per session (default 5, production's BROWSER_FPS)
 *   --slow-kib      / BENCH_SLOW_KIB         the slow viewer's link, KiB/s (default 64: about one frame a second)
 */
import { startBaselineFrames, startJobstreamFrames, type FrameSystem } from './frame-systems';
import { runFrameStep, screenshotPool, type FrameStepConfig, type FrameStepResult } from './frames';
import {
  frameRatioLine,
  frameRatiosOf,
  memoryRow,
  memoryTableHeader,
  viewerRows,
  viewerTableHeader,
  writeFramesReport,
  type FrameRatios,
} from './frames-report';
import { option, positiveInts, single } from './options';
import { machineInfo } from './report';

export function readFrameOptions(): FrameStepConfig[] {
  const sessions = positiveInts(option('sessions', 'BENCH_FRAME_SESSIONS') ?? '1,10,25', 'sessions');
  const frameSeconds = single('frame-seconds', 'BENCH_FRAME_SECONDS', 10);
  const fps = single('fps', 'BENCH_FRAME_FPS', 5);
  const slowKiB = single('slow-kib', 'BENCH_SLOW_KIB', 64);
  return sessions.map((n) => ({
    sessions: n,
    fps,
    frameSeconds,
    warmupFrames: fps, // a second's worth
    graceMs: 1000,
    slowReadBytesPerSec: slowKiB * 1024,
  }));
}

const NOTES = [
  'Each session publishes a frame every 1/fps s (sessions staggered over one interval) from this process: jobstream through FrameStore.publish, the baseline with PUBLISH.',
  'Screenshots are 40–80 KB of base64 of random bytes (as incompressible as JPEG). Warm-up frames (the first second) are not measured.',
  'fast viewer: a `ws` client reading everything at once. slow viewer: a raw TCP socket, paused, read at --slow-kib KiB/s in 50 ms ticks; unread bytes stay in the kernel buffers, then the server.',
  'fps = measured frames received by a viewer ÷ frame-seconds; a frame counts if it arrived before the window closed (last publish + 1 s).',
  'latency = capturedAt (publish time, this clock) → received, over the frames that arrived in the window; frames still queued at the end are not in it (see behind).',
  'skipped/viewer: frames older than one the viewer got that it never got (latest-wins skips). behind/viewer: frames newer than the newest it got when the window closed.',
  'dropped: viewers whose connection had ended by the end of the window.',
  'Server memory is sampled every second from before the viewers connect to the end of the window: RSS from /proc, heap and external from the server (/api/metrics; the relay: GET /stats). Sampled heap includes garbage not yet collected.',
  'heap after GC: both servers run with --inspect; the bench forces a full GC and reads heapUsed before the viewers connect, at the end of the window (all viewers attached) and 0.5 s after they disconnected.',
  'relay unsent MiB: the relay sums ws bufferedAmount over its sockets (its user-space queue); jobstream does not expose it.',
  'kernel queued MiB: from /proc/net/tcp, the server-side send queues plus the viewer-side unread receive queues of every connection to the server port: frames on their way that no process memory shows.',
  'cpu %: CPU time of the server process and of this process (publisher + every viewer) from the first publish to the end of the window, as % of one core.',
  'Ratios: peak RSS compares whole processes (the web carries Next.js and PGlite); peak bytes queued to viewers = kernel queued + relay unsent, the cost of slow viewers.',
];

async function runSteps(steps: FrameStepConfig[], ours: FrameSystem, base: FrameSystem, screenshots: string[]) {
  const results: FrameStepResult[] = [];
  const ratios: FrameRatios[] = [];
  console.log(viewerTableHeader());
  for (const cfg of steps) {
    // Same step, both systems back to back, so that drift on a shared machine hits both alike.
    const pair: FrameStepResult[] = [];
    for (const system of [ours, base]) {
      console.error(`… frames ${system.name}: ${cfg.sessions} sessions × ${cfg.fps} fps, ${cfg.frameSeconds} s`);
      const result = await runFrameStep(system, cfg, screenshots);
      console.log(viewerRows(result));
      for (const error of result.errors) console.error(`  ${system.name}: ${error}`);
      pair.push(result);
    }
    const [a, b] = pair;
    if (a && b) ratios.push(frameRatiosOf(a, b));
    results.push(...pair);
  }
  console.log(`\n${memoryTableHeader()}`);
  for (const r of results) console.log(memoryRow(r));
  console.log('');
  for (const r of ratios) console.log(frameRatioLine(r));
  return { results, ratios };
}

/** Starts both servers (stopped again via `track`), runs every step, writes the report. */
export async function runFramesWorkload(redisUrl: string, track: (stop: () => Promise<unknown>) => void): Promise<void> {
  const steps = readFrameOptions();
  const startedAt = new Date().toISOString();
  const screenshots = screenshotPool();
  const ours = await startJobstreamFrames(redisUrl);
  track(() => ours.stop());
  const base = await startBaselineFrames(redisUrl);
  track(() => base.stop());
  const { results, ratios } = await runSteps(steps, ours, base, screenshots);
  const lengths = screenshots.map((s) => s.length);
  const report = {
    benchmark: 'frames' as const,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machineInfo(),
    config: {
      steps,
      screenshotChars: {
        min: Math.min(...lengths),
        max: Math.max(...lengths),
        mean: Math.round(lengths.reduce((a, b) => a + b, 0) / lengths.length),
      },
      notes: NOTES,
    },
    results,
    ratios,
  };
  console.log(`\nwrote ${writeFramesReport(report)} (and frames-latest.json)`);
}
