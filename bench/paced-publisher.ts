/**
 * Open-loop publishing at a fixed rate: a timer ticks every TICK_MS and publishes
 * every event that is due by then (event i is due at start + i/rate), so a late tick
 * catches up instead of shifting the rest, and the rate does not drift as one
 * setTimeout per event would. Publishes are not awaited one by one: the rate, not
 * the system, sets the pace.
 */
import type { Topic } from './fanout';
import { nowMs, tagMessage } from './payload';

const TICK_MS = 2;

export interface PacedResult {
  published: number;
  startedAt: number;
  /** Wall time from the first publish until publishing ended. */
  durationMs: number;
  /** The most an event went out after it was due: the publisher's own lag. */
  maxSlipMs: number;
  failures: number;
  firstFailure: string | null;
}

export interface PacedPublisher {
  /** Ends publishing early (after `durationMs` it ends by itself). */
  stop(): void;
  done: Promise<PacedResult>;
}

/** Publishes events tagged `phase`, index 0, 1, …, at `rate` a second for durationMs (Infinity: until stopped). */
export function publishPaced(topic: Topic, phase: string, rate: number, durationMs: number): PacedPublisher {
  const total = Number.isFinite(durationMs) ? Math.max(1, Math.round((rate * durationMs) / 1000)) : Number.POSITIVE_INFINITY;
  const startedAt = nowMs();
  const result: PacedResult = { published: 0, startedAt, durationMs: 0, maxSlipMs: 0, failures: 0, firstFailure: null };
  const fail = (err: unknown) => {
    result.failures += 1;
    result.firstFailure ??= err instanceof Error ? err.message : String(err);
  };
  let finish = (): void => undefined;
  let finished = false;
  const done = new Promise<PacedResult>((resolve) => {
    finish = () => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      result.durationMs = nowMs() - startedAt;
      resolve(result);
    };
  });
  const tick = () => {
    if (finished) return;
    const now = nowMs();
    const due = Math.min(total, Math.floor(((now - startedAt) * rate) / 1000) + 1);
    while (result.published < due) {
      const index = result.published;
      const sentAt = nowMs();
      result.maxSlipMs = Math.max(result.maxSlipMs, sentAt - (startedAt + (index * 1000) / rate));
      result.published += 1;
      topic.publish(tagMessage({ phase, index, sentAt })).catch(fail);
    }
    if (result.published >= total) finish();
  };
  const timer = setInterval(tick, TICK_MS);
  tick();
  return { stop: () => finish(), done };
}
