/**
 * Saturation: the most deliveries a second one server core sustains, with 100
 * sockets of one subscription each. The publisher is the fan-out workload's closed
 * loop (publishPhase: `window` events in flight, as fast as they are delivered),
 * so the rate is what the system gives, not what was asked.
 */
import type { Arm } from './browser-arms';
import type { BrowserOptions } from './browser-options';
import { CLIENT_BOUND_PERCENT, startCpuWindow, type CpuShares } from './cpu-window';
import { awaitAttached, Deliveries, publishPhase, type PhaseResult } from './fanout';
import { sleep } from './proc';

export interface SaturationResult {
  arm: string;
  sockets: number;
  window: number;
  load: PhaseResult;
  /** Over the load phase (first publish → last delivery). */
  cpu: CpuShares;
  /** The bench process (publisher + clients) was near 100 % of its core. */
  clientBound: boolean;
  errors: string[];
}

export async function runSaturation(arm: Arm, cfg: BrowserOptions['saturation'], redisPid: number | null): Promise<SaturationResult> {
  const topic = await arm.system.openTopic('saturation');
  const deliveries = new Deliveries();
  const subs = await topic.subscribe(cfg.sockets, deliveries.onMessage, deliveries.onError, 1);
  try {
    await awaitAttached(topic, deliveries, cfg.sockets);
    await publishPhase(topic, deliveries.phase('warmup', cfg.warmupEvents, cfg.sockets), cfg.window, cfg.stallMs);
    const phase = deliveries.phase('load', cfg.events, cfg.sockets);
    const cpuWindow = startCpuWindow(arm.pid, redisPid);
    await publishPhase(topic, phase, cfg.window, cfg.stallMs);
    const load = phase.result();
    const cpu = cpuWindow.stop(load.durationMs);
    return {
      arm: arm.name,
      sockets: cfg.sockets,
      window: cfg.window,
      load,
      cpu,
      clientBound: cpu.benchPercent >= CLIENT_BOUND_PERCENT,
      errors: deliveries.errors,
    };
  } finally {
    await subs.close();
    await sleep(500);
  }
}
