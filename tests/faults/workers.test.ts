import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { Member } from '../../scripts/cluster/member';
import type { RunEvent } from '~/shared/events';
import { answerQuestions, setUpApplicant } from '../helpers/applicant';
import { connect, watchRun, type Client } from '../helpers/client';
import { FULL, report, sleep, useFaultCluster } from './fault-cluster';
import { tally } from './run-tally';

const TRIALS = Number(process.env.FAULT_TRIALS ?? (FULL ? 10 : 3));

const c = useFaultCluster({ webs: 2, workers: 2 });

async function applicant(): Promise<{ client: Client; close: () => Promise<void> }> {
  const user = await c.user();
  const conn = connect(c.url, user.cookie);
  await setUpApplicant(conn.client);
  return conn;
}

/** Every sandbox job's submission count, as the board keeps them in Redis. */
async function submissionCounts(): Promise<Map<string, number>> {
  const redis = new Redis(c.cluster.redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    const keys = await redis.keys('jobstream:sandbox:job:*:submissions');
    const values = keys.length > 0 ? await redis.mget(keys) : [];
    return new Map(keys.map((key, i) => [key, Number(values[i] ?? 0)]));
  } finally {
    redis.disconnect();
  }
}

/** Jobs that got more than one submission between two counts (each trial has one applicant). */
function submittedTwice(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([key, count]) => count - (before.get(key) ?? 0) > 1).map(([key]) => key);
}

/** The worker process that runs the job now: its id (host:pid:…) is in the latest task_started. */
function holder(events: readonly RunEvent[]): Member {
  const started = events.findLast((e) => e.type === 'task_started');
  if (started?.type !== 'task_started') throw new Error('the run has not started on a worker');
  const pid = Number(started.data.workerId.split(':')[1]);
  const worker = c.cluster.workers.find((w) => w.pid === pid);
  if (!worker) throw new Error(`no cluster worker has pid ${pid}`);
  return worker;
}

describe('faults in the workers', () => {
  it(`kill -9 of the worker between the applier's claim and its submit never submits twice (${TRIALS} trials)`, async () => {
    const recoveries: number[] = [];
    let duplicateSubmissions = 0;
    let lost = 0;
    let duplicated = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      // A new applicant each time: a user never applies to the same job twice.
      const { client, close } = await applicant();
      try {
        const countsBefore = await submissionCounts();
        const { runId } = await client.pipeline.start.mutate({
          query: 'python',
          location: 'anywhere',
          sources: ['sandbox'],
          autoApply: true,
          draftMode: false,
          minMatchScore: 0,
          maxApplications: 2,
        });
        const watch = watchRun(client, runId);
        answerQuestions(client, watch); // "skip" when asked whether to submit again
        const submitting = await watch.next((e) => e.type === 'applier_submit', 180_000);
        if (submitting.type !== 'applier_submit') throw new Error('narrowing');
        const victim = holder(watch.events);
        const killedAt = Date.now();
        await victim.kill9();
        const resumed = await watch.next((e) => e.type === 'task_started' && e.seq > submitting.seq, 120_000);
        recoveries.push(Date.now() - killedAt);
        await victim.start();
        const events = await watch.done;
        expect(events.at(-1)?.type).toBe('pipeline_complete');
        expect(resumed.type).toBe('task_started');
        duplicateSubmissions += submittedTwice(countsBefore, await submissionCounts()).length;
        const t = tally(events, (await client.pipeline.get.query({ runId })).lastSeq);
        lost += t.lost;
        duplicated += t.duplicated;
        console.log(`[fault] trial ${trial + 1}: ${victim.name} killed while submitting; the run went on ${recoveries.at(-1)} ms later`);
      } finally {
        await close();
      }
    }
    report({
        fault: 'kill -9 of a worker between claim and submit',
        trials: TRIALS,
        lost,
        duplicated,
        recoveryMs: recoveries,
        notes: `${duplicateSubmissions} application(s) submitted twice; recovery = until another worker took the run`,
      });
    expect({ duplicateSubmissions, lost, duplicated }).toEqual({ duplicateSubmissions: 0, lost: 0, duplicated: 0 });
  });

  it('SIGTERM to a worker and a web instance while Redis is unreachable: both exit within their grace, and the run is retried elsewhere', async () => {
    const { client, close } = await applicant();
    try {
      const { runId } = await client.pipeline.start.mutate({ query: 'experience', location: '', minMatchScore: 0, sources: ['sandbox'] });
      const watch = watchRun(client, runId);
      await watch.next((e) => e.type === 'analyst_start', 120_000);
      const worker = holder(watch.events);
      const web = c.cluster.webs[0]!;
      c.cluster.redis.pause();
      try {
        await sleep(500);
        process.kill(worker.pid ?? 0, 'SIGTERM');
        process.kill(web.pid ?? 0, 'SIGTERM');
        const [workerExit, webExit] = await Promise.all([worker.waitForExit(30_000), web.waitForExit(30_000)]);
        report({
          fault: 'SIGTERM while Redis is unreachable',
          trials: 1,
          lost: 0,
          duplicated: 0,
          recoveryMs: [],
          notes: `worker exited after ${workerExit ?? 'never'} ms (grace 5,000 for its runs, 10,000 in all), web after ${webExit ?? 'never'} ms (grace 10,000)`,
        });
        expect(workerExit).not.toBeNull();
        expect(webExit).not.toBeNull();
        // The worker's runs get WORKER_SHUTDOWN_GRACE_MS, then 5 s more to hand back and close; the web gets WEB_SHUTDOWN_GRACE_MS.
        expect(workerExit ?? Infinity).toBeLessThan(5000 + 5000 + 2000);
        expect(webExit ?? Infinity).toBeLessThan(10_000 + 2000);
      } finally {
        c.cluster.redis.resume();
      }
      await Promise.all([worker.start(), web.start()]);
      const events = await watch.done;
      const t = tally(events, (await client.pipeline.get.query({ runId })).lastSeq);
      expect(events.at(-1)?.type).toBe('pipeline_complete');
      expect(events.filter((e) => e.type === 'task_started').length).toBeGreaterThanOrEqual(2);
      expect({ lost: t.lost, duplicated: t.duplicated }).toEqual({ lost: 0, duplicated: 0 });
    } finally {
      await close();
    }
  });
});
