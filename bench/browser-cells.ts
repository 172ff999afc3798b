/**
 * A paced cell of the browser workload: `sockets` WebSockets, one subscription each,
 * all on one topic; events published open-loop at a fixed rate; every delivery
 * checked (exactly once, in order) and timed publish → delivery on this process's
 * clock; the server's CPU over the measured window from /proc.
 */
import type { Arm } from './browser-arms';
import type { LedgerResult } from './browser-ledger';
import type { PacedCellConfig } from './browser-options';
import { Router } from './browser-router';
import { publishPaced } from './paced-publisher';
import { startCpuWindow, type CpuShares } from './cpu-window';
import type { Topic } from './fanout';
import { sleep } from './proc';
import { LagSampler, type LagSample } from './web-metrics';

/** Coarser than the burst's 100 ms: enough to see whether the lag stays flat, and fewer scrapes in the window. */
const LAG_SAMPLE_MS = 250;

export interface PacedCellResult extends LedgerResult {
  arm: string;
  sockets: number;
  offeredRate: number;
  rate: number;
  /** First measured publish until the last delivery arrived (or the cell gave up). */
  windowMs: number;
  /** Server, bench, Redis and everything else over the window. */
  cpu: CpuShares;
  /** Server CPU per 1,000 deliveries. */
  cpuMsPer1000Deliveries: number | null;
  publisher: { maxSlipMs: number; failures: number; firstFailure: string | null };
  /** jobstream arms at the lag cell: the archive lag sampled every LAG_SAMPLE_MS over the window. */
  archiveLag: { max: number | null; last: number | null; samples: number } | null;
  errors: string[];
}

/** The measured phase, with the CPU around it. */
async function measure(arm: Arm, cfg: PacedCellConfig, router: Router, topic: Topic, redisPid: number | null) {
  const capacity = Math.ceil(cfg.rate * cfg.seconds) + 1;
  const ledger = router.measure('paced', capacity);
  const lag = arm.stack && cfg.sampleArchiveLag ? new LagSampler(arm.stack.url, LAG_SAMPLE_MS) : null;
  const cpuWindow = startCpuWindow(arm.pid, redisPid);
  const paced = await publishPaced(topic, 'paced', cfg.rate, cfg.seconds * 1000).done;
  await ledger.settle(paced.published, cfg.stallMs);
  const end = Number.isNaN(ledger.lastReceivedAt) ? paced.startedAt + paced.durationMs : ledger.lastReceivedAt;
  const windowMs = end - paced.startedAt;
  const cpu = cpuWindow.stop(windowMs);
  const samples = lag ? await lag.stop() : null;
  return { ledger, paced, windowMs, samples, cpu };
}

function lagSummary(samples: LagSample[] | null): PacedCellResult['archiveLag'] {
  if (!samples) return null;
  return { max: samples.length ? Math.max(...samples.map((s) => s.lag)) : null, last: samples.at(-1)?.lag ?? null, samples: samples.length };
}

/** `redisPid`: the Redis server's process, for its share of the CPU (null: not measured). */
export async function runPacedCell(arm: Arm, cfg: PacedCellConfig, redisPid: number | null): Promise<PacedCellResult> {
  const topic = await arm.system.openTopic(`b${cfg.sockets}x${cfg.rate}`);
  const router = new Router(cfg.sockets);
  const subs = await topic.subscribe(cfg.sockets, router.onMessage, router.onError, 1);
  try {
    await router.attach(topic);
    // Warm-up at the cell's own rate: JIT, buffers and Redis connections settle first.
    await publishPaced(topic, 'warmup', cfg.rate, cfg.warmupSeconds * 1000).done;
    const m = await measure(arm, cfg, router, topic, redisPid);
    const result = m.ledger.result(m.paced.published);
    const serverMs = m.cpu.serverCpuMs;
    return {
      arm: arm.name,
      sockets: cfg.sockets,
      offeredRate: cfg.offeredRate,
      rate: cfg.rate,
      ...result,
      windowMs: m.windowMs,
      cpu: m.cpu,
      cpuMsPer1000Deliveries: serverMs !== null && result.delivered > 0 ? (serverMs / result.delivered) * 1000 : null,
      publisher: { maxSlipMs: m.paced.maxSlipMs, failures: m.paced.failures, firstFailure: m.paced.firstFailure },
      archiveLag: lagSummary(m.samples),
      errors: router.errors,
    };
  } finally {
    await subs.close();
    // Let the server tear the subscriptions down before the next cell is timed.
    await sleep(500);
  }
}
