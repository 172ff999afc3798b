import type { Prisma, PrismaClient } from '~/db';
import type { RunEvent } from '~/shared/events';
import type { RunStatus } from '~/shared/pipeline';
import { eventJson } from '~/store/event-log';

/** Reads a run's archived events back in the shape they were published in. */
export class EventArchive {
  constructor(private readonly prisma: PrismaClient) {}

  async readAfter(runId: string, afterSeq: number, limit: number): Promise<RunEvent[]> {
    const rows = await this.prisma.runEvent.findMany({
      where: { runId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take: limit,
    });
    return rows.map(
      (r) =>
        ({
          id: String(r.seq),
          seq: r.seq,
          runId: r.runId,
          type: r.type,
          agent: r.agent,
          message: r.message,
          data: r.data,
          timestamp: r.timestamp.toISOString(),
        }) as RunEvent,
    );
  }

  /** The highest seq archived for a run; 0 when none is. */
  async maxSeq(runId: string): Promise<number> {
    const { _max } = await this.prisma.runEvent.aggregate({ where: { runId }, _max: { seq: true } });
    return _max.seq ?? 0;
  }

  /** The run as the database last saw it (status and last archived seq); null when it does not know the run. */
  async runState(runId: string): Promise<{ status: RunStatus; lastSeq: number } | null> {
    return this.prisma.pipelineRun.findUnique({ where: { id: runId }, select: { status: true, lastSeq: true } });
  }

  /**
   * Stores a batch; events already stored are skipped, so a redelivered batch is harmless.
   * The batch travels as one JSON parameter made of the text each event arrived in, and
   * PostgreSQL unpacks it: no per-row parameters to build, no event serialized again
   * (with createMany, Prisma's per-row work was most of the archive's CPU).
   */
  async store(events: readonly RunEvent[], tx: Prisma.TransactionClient = this.prisma): Promise<number> {
    if (events.length === 0) return 0;
    const batch = `[${events.map(eventJson).join(',')}]`;
    return tx.$executeRaw`
      INSERT INTO "RunEvent" ("runId", seq, type, agent, message, data, timestamp)
      SELECT "runId", seq, type, agent, message, data, timestamp
      FROM jsonb_to_recordset(${batch}::jsonb)
        AS e("runId" text, seq integer, type text, agent text, message text, data jsonb, timestamp timestamp(3))
      ON CONFLICT ("runId", seq) DO NOTHING`;
  }
}
