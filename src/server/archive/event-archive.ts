import type { Prisma, PrismaClient } from '~/db';
import type { RunEvent } from '~/shared/events';

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

  /** Stores a batch; events already stored are skipped, so a redelivered batch is harmless. */
  async store(events: readonly RunEvent[], tx: Prisma.TransactionClient = this.prisma): Promise<number> {
    const { count } = await tx.runEvent.createMany({
      data: events.map((e) => ({
        runId: e.runId,
        seq: e.seq,
        type: e.type,
        agent: e.agent,
        message: e.message,
        data: e.data,
        timestamp: new Date(e.timestamp),
      })),
      skipDuplicates: true,
    });
    return count;
  }
}
