import type { Redis } from 'ioredis';
import type { PrismaClient } from '~/db';
import type { RunEvent } from '~/shared/events';
import { parseEventJson } from '~/store/event-log';
import type { HitlStore } from '~/store/hitl-store';
import type { RedisKeys } from '~/store/keys';
import type { EventArchive } from './event-archive';
import { project, type QuestionLookup } from './projections';

const GROUP = 'archivers';
const BATCH = 500;
const READ_BLOCK_MS = 1000;
/** Entries a consumer has held this long unacknowledged are taken over: it died. */
const CLAIM_IDLE_MS = 30_000;

type Entry = [id: string, fields: string[]];

export interface ArchiverOptions {
  /**
   * After the first new events arrive, wait this long for more before writing, so that
   * batches grow with load: one transaction per few events costs far more per event than
   * one per hundreds. It bounds how long an event waits for its batch.
   */
  batchWaitMs: number;
}

/**
 * Moves every published event into the database, in batches, from any number of web
 * instances: a Redis Streams consumer group hands each entry to one instance, and a
 * batch is acknowledged only after its transaction commits. A redelivered batch (an
 * instance died mid-way) changes nothing: rows are keyed by (runId, seq).
 * Runs in a thread of its own (archiver-thread.ts), off the event loop that serves sockets.
 */
export class EventArchiver {
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly reader: Redis,
    private readonly keys: RedisKeys,
    private readonly prisma: PrismaClient,
    private readonly archive: EventArchive,
    private readonly questions: HitlStore,
    private readonly consumer: string,
    private readonly options: ArchiverOptions,
    private readonly onArchived: (count: number) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    await this.createGroup();
    this.loop = this.run();
  }

  private async createGroup(): Promise<void> {
    await this.reader
      .xgroup('CREATE', this.keys.archiveStream, GROUP, '0', 'MKSTREAM')
      .catch((err: unknown) => {
        if (!(err instanceof Error && err.message.includes('BUSYGROUP'))) throw err;
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (!this.stopped) {
      try {
        // Our own unacknowledged entries first (a batch that failed), then others'
        // abandoned ones, then new ones.
        const entries = (await this.read('0')) ?? (await this.claim()) ?? (await this.readNew());
        if (entries) await this.archiveBatch(entries);
        backoff = 0;
      } catch (err) {
        // Redis lost its data (restarted empty): the stream and its group are gone. Make
        // them again at once, or nothing would be archived until this thread restarts.
        if (isNoGroup(err) && (await this.createGroup().then(() => true, () => false))) continue;
        backoff = Math.min(backoff * 2 || 250, 5000);
        console.warn(`[archive] ${(err as Error).message}; retrying in ${backoff} ms`);
        await new Promise((r) => setTimeout(r, backoff));
      }
    }
  }

  /** New entries: waits for the first, then up to batchWaitMs for the batch to fill. */
  private async readNew(): Promise<Entry[] | null> {
    const first = await this.read('>', BATCH, READ_BLOCK_MS);
    if (!first || first.length >= BATCH || this.options.batchWaitMs <= 0 || this.stopped) return first;
    await new Promise((r) => setTimeout(r, this.options.batchWaitMs));
    const more = await this.read('>', BATCH - first.length);
    return more ? first.concat(more) : first;
  }

  private async read(from: '0' | '>', count = BATCH, blockMs?: number): Promise<Entry[] | null> {
    const stream = this.keys.archiveStream;
    const reply = (
      blockMs
        ? await this.reader.xreadgroup('GROUP', GROUP, this.consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', stream, from)
        : await this.reader.xreadgroup('GROUP', GROUP, this.consumer, 'COUNT', count, 'STREAMS', stream, from)
    ) as [string, Entry[]][] | null;
    const entries = reply?.[0]?.[1] ?? [];
    return entries.length > 0 ? entries : null;
  }

  private async claim(): Promise<Entry[] | null> {
    const reply = (await this.reader.xautoclaim(
      this.keys.archiveStream, GROUP, this.consumer, CLAIM_IDLE_MS, '0-0', 'COUNT', BATCH,
    )) as [string, Entry[]];
    const entries = reply[1].filter(([, f]) => f.length > 0);
    return entries.length > 0 ? entries : null;
  }

  private async archiveBatch(entries: Entry[]): Promise<void> {
    const events = entries.flatMap(([, f]) => (f[0] === 'e' && f[1] ? [parseEventJson(f[1])] : []));
    await writeEvents(this.prisma, this.archive, events, (hitlId) => this.questions.get(hitlId));
    const ids = entries.map(([id]) => id);
    await this.reader.multi().xack(this.keys.archiveStream, GROUP, ...ids).xdel(this.keys.archiveStream, ...ids).exec();
    this.onArchived(events.length);
  }
}

/**
 * Stores events and keeps the runs, questions and applications in step with them, in
 * one transaction. Idempotent: events already stored are skipped, and a run's row only
 * moves forward. Also how a web instance saves the recent events it still holds in
 * memory when Redis lost its data before they were archived.
 */
export async function writeEvents(
  prisma: PrismaClient,
  archive: EventArchive,
  events: readonly RunEvent[],
  question: QuestionLookup,
): Promise<void> {
  const byRun = new Map<string, RunEvent[]>();
  for (const e of events) {
    const list = byRun.get(e.runId);
    if (list) list.push(e);
    else byRun.set(e.runId, [e]);
  }
  const owners = await prisma.pipelineRun.findMany({
    where: { id: { in: [...byRun.keys()] } },
    select: { id: true, userId: true },
  });
  const ownerOf = new Map(owners.map((r) => [r.id, r.userId]));
  await prisma.$transaction(async (tx) => {
    // Events of runs the database does not know (created outside the API) are dropped.
    const known = events.filter((e) => ownerOf.has(e.runId));
    await archive.store(known, tx);
    for (const [runId, runEvents] of byRun) {
      const userId = ownerOf.get(runId);
      if (userId) await project(tx, runId, userId, runEvents, question);
    }
  });
}

function isNoGroup(err: unknown): boolean {
  return err instanceof Error && err.message.includes('NOGROUP');
}

/** Events published but not yet in the database, across the cluster. */
export async function archiveLag(redis: Redis, keys: RedisKeys): Promise<number> {
  const groups = (await redis.xinfo('GROUPS', keys.archiveStream)) as unknown[][];
  const ours = groups.map((g) => fields(g)).find((g) => g.name === GROUP);
  return ours ? Number(ours.lag ?? 0) + Number(ours.pending ?? 0) : 0;
}

/** Entries each archiving instance has read but not yet written, by its consumer name. */
export async function archivePendingByConsumer(redis: Redis, keys: RedisKeys): Promise<Map<string, number>> {
  const consumers = (await redis.xinfo('CONSUMERS', keys.archiveStream, GROUP)) as unknown[][];
  return new Map(consumers.map((c) => fields(c)).map((c) => [String(c.name), Number(c.pending ?? 0)]));
}

function fields(flat: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = flat[i + 1];
  return out;
}
