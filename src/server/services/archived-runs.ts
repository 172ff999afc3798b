import type { Database } from '~/db';
import { runSummarySchema, type RunSummary } from '~/shared/pipeline';
import type { ServerServices } from './index';

type RunRow = NonNullable<Awaited<ReturnType<Database['prisma']['pipelineRun']['findUnique']>>>;

/**
 * A run Redis no longer has (its data expired, or Redis lost it), as the database
 * keeps it: its history is still there (pipeline.history, pipeline.events read the
 * archive), so its owner can still open it. Null when the database does not know it
 * or its stored form no longer fits the summary.
 */
export async function archivedRun(db: Database, runId: string): Promise<RunSummary | null> {
  const row = await db.prisma.pipelineRun.findUnique({ where: { id: runId } });
  return row ? summaryOf(row) : null;
}

/**
 * A user's newest runs: the live ones as Redis has them, and those Redis no longer
 * has (expired, or lost with Redis's data) as the database keeps them. Newest first.
 */
export async function listRuns(s: Pick<ServerServices, 'db' | 'stores'>, userId: string, limit: number): Promise<RunSummary[]> {
  const [live, rows] = await Promise.all([
    s.stores.runs.list(userId, limit),
    s.db.prisma.pipelineRun.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: limit }),
  ]);
  const inRedis = new Set(live.map((r) => r.runId));
  const archived = rows.flatMap((row) => {
    const run = inRedis.has(row.id) ? null : summaryOf(row);
    return run ? [run] : [];
  });
  return [...live, ...archived].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
}

function summaryOf(row: RunRow): RunSummary | null {
  const parsed = runSummarySchema.safeParse({
    runId: row.id,
    userId: row.userId,
    kind: row.kind,
    status: row.status,
    stage: row.stage,
    progress: row.progress,
    params: row.params,
    attempt: row.attempt,
    error: row.error,
    lastSeq: row.lastSeq,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  });
  return parsed.success ? parsed.data : null;
}
