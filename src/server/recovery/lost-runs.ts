import type { NewEvent, RunEvent } from '~/shared/events';
import { lostRunFields, type StoredRun } from '~/store/run-store';
import type { ServerServices } from '../services';

/** Runs read from the database per page while closing lost runs. */
const PAGE = 200;

type RecoveryServices = Pick<ServerServices, 'db' | 'stores' | 'archive'>;

/** What the user reads in the run's last event and as its error: what happened and what to do. */
export function lostRunMessage(kind: string): string {
  const noun = kind === 'pipeline' ? 'run' : 'session';
  return (
    `jobstream lost this ${noun}'s live state (its Redis was reset). ` +
    `Everything up to this point is kept in the history; start the ${noun} again.`
  );
}

/**
 * Closes every run that was unfinished when Redis lost its data: recreates its
 * record as failed, with its seq going on after the highest one handed out before
 * (archived, or held in a web instance's memory: `seen`), and appends its closing
 * pipeline_error through the event log, so subscribers, the archive and the
 * database's view of the run all hear of it the usual way. Only runs created before
 * `before` (when the loss was noticed) and without a record in Redis are touched: a
 * run with a record was started in the new epoch, or its state was never lost.
 * Returns the closing events; throws when some run could not be closed (closing
 * again is harmless, so the caller simply tries again).
 */
export async function closeLostRuns(s: RecoveryServices, seen: ReadonlyMap<string, number>, before: Date): Promise<RunEvent[]> {
  const closed: RunEvent[] = [];
  let failed = 0;
  let after = '';
  for (;;) {
    const runs = await s.db.prisma.pipelineRun.findMany({
      where: { status: { in: ['queued', 'running', 'paused'] }, createdAt: { lt: before }, id: { gt: after } },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, userId: true, kind: true, progress: true, params: true, attempt: true, lastSeq: true, createdAt: true, startedAt: true },
    });
    for (const run of runs) {
      const event = await closeLostRun(s, run, seen.get(run.id) ?? 0).catch((err: unknown) => {
        console.error(`[recovery] could not close lost run ${run.id}:`, err);
        failed += 1;
        return null;
      });
      if (event) closed.push(event);
    }
    if (runs.length === PAGE) {
      after = runs.at(-1)?.id ?? after;
      continue;
    }
    // The caller tries again; the runs closed this time are left alone then.
    if (failed > 0) throw new Error(`${failed} lost run(s) could not be closed (${closed.length} were)`);
    return closed;
  }
}

async function closeLostRun(s: RecoveryServices, run: StoredRun & { lastSeq: number }, seenSeq: number): Promise<RunEvent | null> {
  const lastSeq = Math.max(run.lastSeq, await s.archive.maxSeq(run.id), seenSeq);
  const message = lostRunMessage(run.kind);
  const event: NewEvent = {
    runId: run.id,
    type: 'pipeline_error',
    agent: 'system',
    message,
    data: { error: message, retrying: false, attempt: Math.max(1, run.attempt) },
  };
  const record = {
    runId: run.id,
    userId: run.userId,
    fields: lostRunFields(run, message, new Date()),
    createdAtMs: run.createdAt.getTime(),
    lastSeq,
  };
  const closed = await s.stores.log.closeLostRun(record, event);
  if (!closed) return null;
  // Its open questions went with Redis; the audit trail says they were withdrawn, not that they still wait.
  await s.db.prisma.hitlRequest
    .updateMany({ where: { runId: run.id, status: 'pending' }, data: { status: 'cancelled', resolvedAt: new Date() } })
    .catch((err: unknown) => console.error(`[recovery] could not withdraw the questions of lost run ${run.id}:`, err));
  await s.stores.notifier.toUser(run.userId, { type: 'run_status', runId: run.id, status: 'failed' }).catch(() => undefined);
  return closed;
}
