import { describe, expect, it } from 'vitest';
import { watchRun } from '../helpers/client';
import type { Proc } from '../helpers/processes';
import { useStack } from '../helpers/stack';

/** The documented bounds: a worker exits within its grace plus 5 s for handing back; a web instance within its grace. */
const WORKER_GRACE_MS = 2000;
const WORKER_EXIT_BOUND_MS = WORKER_GRACE_MS + 5000;
const WEB_GRACE_MS = 3000;
/** Room for a busy machine; the bound itself is what the product promises. */
const MARGIN_MS = 10_000;

/** Short locks, so that a run its worker could not hand back is picked up within seconds. */
const FAST_STALL = { WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' };

const t = useStack({
  workers: 0,
  env: { AGENT_STEP_DELAY_MS: '40', WEB_SHUTDOWN_GRACE_MS: String(WEB_GRACE_MS), ...FAST_STALL },
});

async function startBusyRun() {
  const { runId } = await t.api.client.pipeline.start.mutate({ query: 'engineer', location: '', minMatchScore: 0 });
  const watch = watchRun(t.api.client, runId);
  await watch.next((e) => e.type === 'analyst_start' && e.data.jobIndex === 3);
  return { runId, watch };
}

/** SIGTERM, and how long the process took to exit; one still running well past its bound is killed. */
async function timedStop(proc: Proc, boundMs: number): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const giveUp = setTimeout(() => void proc.kill9(), boundMs + 2 * MARGIN_MS);
  const code = await proc.stop();
  clearTimeout(giveUp);
  return { code, ms: Date.now() - started };
}

describe('SIGTERM while Redis is unreachable (frozen: connections open, no answers)', () => {
  it('a worker exits within its bound, says what it left, and its run completes on another worker once Redis is back', async () => {
    const leaving = await t.stack.addWorker({ WORKER_SHUTDOWN_GRACE_MS: String(WORKER_GRACE_MS) });
    const { runId, watch } = await startBusyRun();
    t.stack.redis.freeze();
    let exit: Awaited<ReturnType<typeof timedStop>>;
    try {
      exit = await timedStop(leaving, WORKER_EXIT_BOUND_MS);
    } finally {
      t.stack.redis.thaw();
    }
    expect(exit.code).toBe(1);
    expect(exit.ms).toBeLessThan(WORKER_EXIT_BOUND_MS + MARGIN_MS);
    expect(leaving.output()).toMatch(/\[worker\] shutdown: gave up waiting for 1 run\(s\) to finish or be handed back/);
    expect(leaving.output()).toMatch(/\[worker\] shutdown took longer than 7000 ms; exiting now without finishing: /);

    // Its lock expires; another worker takes the run up as stalled and says so.
    await t.stack.addWorker();
    const retry = await watch.next((e) => e.type === 'pipeline_error', 60_000);
    expect(retry.data).toMatchObject({ retrying: true, attempt: 2 });
    const events = await watch.done;
    expect(events.at(-1)?.type).toBe('pipeline_complete');
    expect(await t.api.client.pipeline.get.query({ runId })).toMatchObject({ status: 'completed', attempt: 2 });
    await Promise.all(t.stack.workers.map((w) => w.kill9()));
  });

  it('a web instance exits within WEB_SHUTDOWN_GRACE_MS, naming what it could not finish', async () => {
    const web = await t.stack.addWeb();
    t.stack.redis.freeze();
    let exit: Awaited<ReturnType<typeof timedStop>>;
    try {
      exit = await timedStop(web, WEB_GRACE_MS);
    } finally {
      t.stack.redis.thaw();
    }
    expect(exit.code).toBe(1);
    expect(exit.ms).toBeLessThan(WEB_GRACE_MS + MARGIN_MS);
    expect(web.output()).toMatch(/\[web\] shutdown took longer than 3000 ms; exiting now without finishing: \S/);
  });
});

describe('SIGTERM while Redis is gone (connections refused)', () => {
  it('a worker holding a run and a web instance both exit within their bounds', async () => {
    const worker = await t.stack.addWorker({ WORKER_SHUTDOWN_GRACE_MS: String(WORKER_GRACE_MS) });
    const web = await t.stack.addWeb();
    await startBusyRun();
    // Last in the file: the stack's Redis does not come back with its data.
    await t.stack.redis.kill9();
    const [workerExit, webExit] = await Promise.all([timedStop(worker, WORKER_EXIT_BOUND_MS), timedStop(web, WEB_GRACE_MS)]);
    expect(workerExit.code).toBe(1);
    expect(workerExit.ms).toBeLessThan(WORKER_EXIT_BOUND_MS + MARGIN_MS);
    expect(worker.output()).toMatch(/\[worker\] (shutdown took longer than|stopped without finishing)/);
    expect(webExit.code).toBe(1);
    expect(webExit.ms).toBeLessThan(WEB_GRACE_MS + MARGIN_MS);
    expect(web.output()).toMatch(/\[web\] (shutdown took longer than|stopped without finishing)/);
  });
});
