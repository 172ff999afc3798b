import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type EmbeddedOptions } from '~/db';
import { freshPglite, type ThrowawayDatabase } from '../helpers/databases';

const FIVE_MB = 5 * 1024 * 1024;

/** A migrated embedded database for the file's tests. */
function useEmbeddedDatabase(options: EmbeddedOptions = {}): { readonly db: Database } {
  let throwaway: ThrowawayDatabase | undefined;
  let db: Database | undefined;
  beforeAll(async () => {
    throwaway = freshPglite();
    db = await openDatabase(throwaway.target, options);
    await db.migrate();
  });
  afterAll(async () => {
    await db?.close();
    await throwaway?.drop();
  });
  return {
    get db() {
      if (!db) throw new Error('the database did not open');
      return db;
    },
  };
}

let emails = 0;
const newUser = (db: Database) => db.prisma.user.create({ data: { email: `user${++emails}@example.com`, name: 'Ada' } });

function saveResume(db: Database, userId: string, resumeFile: Uint8Array<ArrayBuffer>) {
  return db.prisma.profile.upsert({
    where: { userId },
    create: { userId, resumeFile, resumeFileName: 'resume.pdf' },
    update: { resumeFile, resumeFileName: 'resume.pdf' },
  });
}

/** Counts the ticks of a 5 ms interval on this (the main) thread while `work` runs. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ ticks: number; result: T }> {
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 5);
  try {
    const result = await work();
    return { ticks, result };
  } finally {
    clearInterval(ticker);
  }
}

describe('the embedded database, in its own thread', () => {
  const t = useEmbeddedDatabase();

  it('stores a 5 MB resume and reads it back byte for byte', async () => {
    const user = await newUser(t.db);
    const resume = new Uint8Array(randomBytes(FIVE_MB));
    await saveResume(t.db, user.id, resume);
    const row = await t.db.prisma.profile.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.resumeFile?.byteLength).toBe(FIVE_MB);
    expect(Buffer.from(row.resumeFile!).equals(Buffer.from(resume))).toBe(true);
    // The caller's bytes are still theirs: nothing was moved out from under them.
    expect(resume.byteLength).toBe(FIVE_MB);
  });

  it('keeps small and empty byte values exact', async () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array([0, 1, 127, 128, 255]), new Uint8Array(randomBytes(70_000))]) {
      const user = await newUser(t.db);
      await saveResume(t.db, user.id, bytes);
      const row = await t.db.prisma.profile.findUniqueOrThrow({ where: { userId: user.id }, select: { resumeFile: true } });
      expect(Buffer.from(row.resumeFile!).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('reports a unique violation as P2002, as PGlite on the main thread did', async () => {
    const user = await newUser(t.db);
    await expect(t.db.prisma.user.create({ data: { email: user.email!, name: 'Twin' } })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('commits a batch transaction, and rolls back all of one that fails', async () => {
    const [a, b] = await t.db.prisma.$transaction([
      t.db.prisma.user.create({ data: { email: 'batch-a@example.com' } }),
      t.db.prisma.user.create({ data: { email: 'batch-b@example.com' } }),
    ]);
    expect(await t.db.prisma.user.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);

    await expect(
      t.db.prisma.$transaction([
        t.db.prisma.user.create({ data: { email: 'batch-c@example.com' } }),
        t.db.prisma.user.create({ data: { email: 'batch-a@example.com' } }),
      ]),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect(await t.db.prisma.user.count({ where: { email: 'batch-c@example.com' } })).toBe(0);
  });

  it('commits an interactive transaction, and rolls back one that throws', async () => {
    const kept = await t.db.prisma.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: 'kept@example.com' } });
      await tx.pipelineRun.create({ data: { id: 'run_kept000001', userId: user.id, params: {} } });
      return user;
    });
    expect(await t.db.prisma.pipelineRun.count({ where: { userId: kept.id } })).toBe(1);

    await expect(
      t.db.prisma.$transaction(async (tx) => {
        await tx.user.create({ data: { email: 'undone@example.com' } });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await t.db.prisma.user.count({ where: { email: 'undone@example.com' } })).toBe(0);
  });

  it("rolls back a transaction that outlives Prisma's timeout, and goes on answering", async () => {
    await expect(
      t.db.prisma.$transaction(
        async (tx) => {
          await tx.user.create({ data: { email: 'too-slow@example.com' } });
          await sleep(1_000);
          await tx.user.create({ data: { email: 'too-slow-2@example.com' } });
        },
        { timeout: 200 },
      ),
    ).rejects.toMatchObject({ code: 'P2028' });
    expect(await t.db.prisma.user.count({ where: { email: { startsWith: 'too-slow' } } })).toBe(0);
  });

  it('answers other queries while 5 MB resumes are written', async () => {
    const users = await Promise.all([0, 1, 2].map(() => newUser(t.db)));
    const resumes = users.map(() => new Uint8Array(randomBytes(FIVE_MB)));
    const writes = Promise.all(users.map((u, i) => saveResume(t.db, u.id, resumes[i]!)));
    const others = Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? t.db.prisma.user.count() : t.db.prisma.user.findUnique({ where: { id: users[i % 3]!.id }, select: { email: true } }),
      ),
    );
    const [, answers] = await Promise.all([writes, others]);
    expect(answers.filter((a) => typeof a === 'number').every((n) => n >= 3)).toBe(true);
    expect(answers.filter((a) => typeof a !== 'number')).toEqual(Array.from({ length: 10 }, (_, i) => ({ email: users[(2 * i + 1) % 3]!.email })));
    const stored = await t.db.prisma.profile.findMany({ where: { userId: { in: users.map((u) => u.id) } } });
    for (const [i, u] of users.entries()) {
      const row = stored.find((p) => p.userId === u.id);
      expect(Buffer.from(row!.resumeFile!).equals(Buffer.from(resumes[i]!))).toBe(true);
    }
  });

  it("keeps the main thread's event loop free while three 5 MB resumes are written", async () => {
    const users = await Promise.all([0, 1, 2].map(() => newUser(t.db)));
    const resume = new Uint8Array(randomBytes(FIVE_MB));
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    // With PGlite on this thread, the interval could not tick at all until the writes were done.
    const { ticks } = await ticksDuring(() => Promise.all(users.map((u) => saveResume(t.db, u.id, resume))));
    delay.disable();
    console.log(
      `[embedded-database] three 5 MB writes: ${Math.round(performance.now() - started)} ms, ${ticks} ticks of a 5 ms interval, ` +
        `event-loop delay max ${Math.round(delay.max / 1e6)} ms, p99 ${Math.round(delay.percentile(99) / 1e6)} ms`,
    );
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('reports no failure while the thread is up', () => {
    expect(t.db.failure).toBeNull();
  });
});

describe('a transaction its caller abandoned', () => {
  // Prisma's own timeout is set far beyond the thread's idle limit: the thread's backstop acts first.
  const t = useEmbeddedDatabase({ transactionIdleLimitMs: 300 });

  it('is rolled back by the thread, and the queries queued behind it run', async () => {
    const order: string[] = [];
    let outside: Promise<unknown> = Promise.resolve();
    const abandoned = t.db.prisma.$transaction(
      async (tx) => {
        await tx.user.create({ data: { email: 'abandoned@example.com' } });
        // PGlite runs one transaction at a time: this waits until the one above ends.
        outside = t.db.prisma.user.count().then(() => order.push('outside query answered'));
        await sleep(2_000);
        order.push('caller came back');
        await tx.user.create({ data: { email: 'abandoned-2@example.com' } });
      },
      { timeout: 60_000 },
    );
    await expect(abandoned).rejects.toThrow(/rolled it back after 300 ms/);
    await outside;
    expect(order).toEqual(['outside query answered', 'caller came back']);
    expect(await t.db.prisma.user.count({ where: { email: { startsWith: 'abandoned' } } })).toBe(0);
  });
});
