/**
 * Catch-up (jobstream arms): a new socket reads a run's whole history (run A,
 * published beforehand) from the start, while 100 sockets watch run B live at a
 * paced rate. Measures how long the history takes to arrive — in order, each event
 * exactly once — and what the catch-up does to B's live subscribers' latency.
 */
import type { JobstreamStack } from './jobstream-system';
import { runTopic } from './jobstream-system';
import type { Arm } from './browser-arms';
import type { LedgerResult } from './browser-ledger';
import type { BrowserOptions } from './browser-options';
import { Router } from './browser-router';
import type { Topic } from './fanout';
import { publishPaced } from './paced-publisher';
import { nowMs, parseTag, tagMessage } from './payload';
import { sleep } from './proc';
import type { LatencySummary } from './stats';
import { awaitArchiveCaughtUp } from './web-metrics';
import { connect } from '../tests/helpers/client';

const HISTORY = 'history';
/** Publishes of the history in flight at once: fast, without a 10,000-deep queue. */
const HISTORY_CHUNK = 200;

export interface CatchupResult {
  arm: string;
  events: number;
  /** Publishing the history beforehand (awaited, so the catch-up reads a complete run). */
  publishMs: number;
  /** Subscribe until the last history event arrived (or the timeout). */
  catchupMs: number;
  received: number;
  duplicates: number;
  outOfOrder: number;
  complete: boolean;
  live: {
    watchers: number;
    rate: number;
    /** Events published in the `beforeSeconds` before the catch-up began. */
    before: LatencySummary;
    /** Events published while the catch-up ran. */
    during: LatencySummary;
    delivery: LedgerResult;
  };
  errors: string[];
}

async function publishHistory(topic: Topic, events: number): Promise<number> {
  const startedAt = nowMs();
  for (let start = 0; start < events; start += HISTORY_CHUNK) {
    const chunk = Array.from({ length: Math.min(HISTORY_CHUNK, events - start) }, (_, i) =>
      topic.publish(tagMessage({ phase: HISTORY, index: start + i, sentAt: nowMs() })),
    );
    await Promise.all(chunk);
  }
  return nowMs() - startedAt;
}

interface HistoryRead {
  ms: number;
  received: number;
  duplicates: number;
  outOfOrder: number;
  complete: boolean;
  error: string | null;
}

/** One new socket, one subscription from the start (lastEventId null), until all `events` arrived. */
async function readHistory(stack: JobstreamStack, runId: string, events: number, timeoutMs: number): Promise<HistoryRead> {
  const seen = new Uint8Array(events);
  const read: HistoryRead = { ms: 0, received: 0, duplicates: 0, outOfOrder: 0, complete: false, error: null };
  let highest = -1;
  const startedAt = nowMs();
  const conn = connect(stack.url, stack.cookie);
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      conn.client.pipeline.events.subscribe(
        { runId, lastEventId: null },
        {
          onData: (envelope) => {
            const tag = parseTag(envelope.data.message);
            if (tag?.phase !== HISTORY) return;
            if (seen[tag.index]) {
              read.duplicates += 1;
              return;
            }
            seen[tag.index] = 1;
            if (tag.index < highest) read.outOfOrder += 1;
            highest = Math.max(highest, tag.index);
            read.received += 1;
            if (read.received < events) return;
            read.complete = true;
            clearTimeout(timer);
            resolve();
          },
          onError: (err) => {
            read.error ??= err.message;
          },
        },
      );
    });
    read.ms = nowMs() - startedAt;
    return read;
  } finally {
    await conn.close();
  }
}

export async function runCatchup(arm: Arm, cfg: BrowserOptions['catchup']): Promise<CatchupResult> {
  const stack = arm.stack;
  if (!stack) throw new Error(`${arm.name}: catch-up is measured on jobstream arms only`);
  const history = await stack.startRun();
  const publishMs = await publishHistory(runTopic(stack, history), cfg.events);
  // The archiver writing the fresh history would weigh on the "before" window; let it finish first.
  await awaitArchiveCaughtUp(stack.url, 60_000);

  const live = await arm.system.openTopic('catchup-live');
  const router = new Router(cfg.watchers);
  const subs = await live.subscribe(cfg.watchers, router.onMessage, router.onError, 1);
  try {
    await router.attach(live);
    const seconds = cfg.beforeSeconds + 1 + cfg.timeoutMs / 1000 + 5;
    const ledger = router.measure('live', Math.ceil(cfg.rate * seconds));
    const pacer = publishPaced(live, 'live', cfg.rate, Number.POSITIVE_INFINITY);
    // A second to settle, then the "before" window.
    await sleep((cfg.beforeSeconds + 1) * 1000);
    const catchupAt = nowMs();
    const read = await readHistory(stack, history, cfg.events, cfg.timeoutMs);
    const doneAt = nowMs();
    pacer.stop();
    const paced = await pacer.done;
    await ledger.settle(paced.published, 5000);
    return {
      arm: arm.name,
      events: cfg.events,
      publishMs,
      catchupMs: read.ms,
      received: read.received,
      duplicates: read.duplicates,
      outOfOrder: read.outOfOrder,
      complete: read.complete,
      live: {
        watchers: cfg.watchers,
        rate: cfg.rate,
        before: ledger.latencyBetween(catchupAt - cfg.beforeSeconds * 1000, catchupAt),
        during: ledger.latencyBetween(catchupAt, doneAt),
        delivery: ledger.result(paced.published),
      },
      errors: read.error ? [read.error, ...router.errors] : router.errors,
    };
  } finally {
    await subs.close();
    await sleep(500);
  }
}
