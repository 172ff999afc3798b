import { describe, expect, it } from 'vitest';
import { connect, watchRun, type Connection, type EventWatch } from '../helpers/client';
import type { Member } from '../../scripts/cluster/member';
import { BIG_RUN } from '../helpers/runs';
import { FULL, randomBetween, report, sleep, useFaultCluster } from './fault-cluster';
import { tally } from './run-tally';

const TRIALS = Number(process.env.FAULT_TRIALS ?? (FULL ? 200 : 50));
const CONNECTIONS = 6;
const RUNS_AT_ONCE = 3;

// Three instances, so that one can be killed while another is still coming back.
// Agents at a steadier pace than the other faults: the point is many kills, and a
// restarting instance boots faster on a machine that is not saturated by events.
const c = useFaultCluster({ webs: 3, workers: 2, env: { AGENT_STEP_DELAY_MS: '20' } });

interface Watched {
  runId: string;
  watches: EventWatch[];
}

/** Milliseconds until every watch of an unfinished run has an event newer than `before` (its last seq at the fault). */
async function timeToResume(watched: Watched[], started: number): Promise<number> {
  const pending = watched.flatMap((w) =>
    w.watches.map((watch) => ({ watch, before: watch.events.at(-1)?.seq ?? 0 })),
  );
  await Promise.all(
    pending.map(async ({ watch, before }) => {
      const finished = watch.done.then(() => undefined);
      await Promise.race([watch.next((e) => e.seq > before, 60_000), finished]);
    }),
  );
  return Date.now() - started;
}

describe('kill -9 of a web instance behind the balancer', () => {
  it(`clients reconnect through HAProxy to another instance and resume exactly, over ${TRIALS} trials`, async () => {
    const user = await c.user();
    const connections: Connection[] = Array.from({ length: CONNECTIONS }, () => connect(c.url, user.cookie));
    const running: Watched[] = [];
    const finished: Watched[] = [];
    let next = 0;
    const startRun = async () => {
      const starter = connections[next++ % CONNECTIONS]!;
      const { runId } = await starter.client.pipeline.start.mutate(BIG_RUN);
      // Two subscribers per run, on different sockets (so, usually, different instances).
      const watches = [0, 1].map((k) => watchRun(connections[(next + k) % CONNECTIONS]!.client, runId));
      const entry = { runId, watches };
      running.push(entry);
      void Promise.allSettled(watches.map((w) => w.done)).then(() => {
        running.splice(running.indexOf(entry), 1);
        finished.push(entry);
      });
    };
    const recoveries: number[] = [];
    try {
      const restarting = new Map<Member, Promise<void>>();
      const serving = () => c.cluster.webs.filter((w) => w.running && !restarting.has(w));
      for (let trial = 0; trial < TRIALS; trial++) {
        while (running.length < RUNS_AT_ONCE) await startRun();
        await sleep(randomBetween(200, 2500));
        // Always leave one instance serving.
        while (serving().length < 2) await Promise.race(restarting.values());
        const candidates = serving();
        const victim = candidates[randomBetween(0, candidates.length)]!;
        const startedAt = Date.now();
        const inFlight = [...running];
        if (inFlight.length === 0) {
          trial--;
          continue;
        }
        await victim.kill9();
        recoveries.push(await timeToResume(inFlight, startedAt));
        console.log(`[fault] trial ${trial + 1}: ${victim.name} killed; ${inFlight.length} run(s) resumed in ${recoveries.at(-1)} ms`);
        const back = victim
          .start()
          .then(() => c.cluster.waitForBalancer(c.cluster.webs.indexOf(victim), 'UP'))
          .then(() => console.log(`[fault] ${victim.name} serving again ${Date.now() - startedAt} ms after its kill`))
          .finally(() => restarting.delete(victim));
        restarting.set(victim, back);
      }
      await Promise.all(restarting.values());
      while (running.length > 0) await sleep(200);

      let lost = 0;
      let duplicated = 0;
      let outOfOrder = 0;
      const api = connections[0]!.client;
      for (const { runId, watches } of finished) {
        const { lastSeq, status } = await api.pipeline.get.query({ runId });
        expect(status).toBe('completed');
        for (const watch of watches) {
          const t = tally(await watch.done, lastSeq);
          lost += t.lost;
          duplicated += t.duplicated;
          outOfOrder += t.outOfOrder;
          expect(watch.events.at(-1)?.type).toBe('pipeline_complete');
        }
      }
      report({
        fault: 'kill -9 of a web instance',
        trials: TRIALS,
        lost,
        duplicated,
        recoveryMs: recoveries,
        notes: `${finished.length} runs, ${finished.reduce((n, w) => n + (w.watches[0]?.events.length ?? 0), 0)} events each watched twice`,
      });
      expect({ lost, duplicated, outOfOrder }).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 });
    } finally {
      await Promise.all(connections.map((conn) => conn.close()));
    }
  });
});
