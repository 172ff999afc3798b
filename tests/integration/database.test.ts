import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { migrationsDir, openDatabase, type Database } from '~/db';
import { freshPglite, freshPostgres, type ThrowawayDatabase } from '../helpers/databases';
import { ROOT } from '../helpers/processes';

/** Every migration folder, in the order they apply (their names start with a timestamp). */
const MIGRATIONS = readdirSync(migrationsDir(), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const run = promisify(execFile);

interface FieldSpec {
  model: string;
  field: string;
  type: string;
  optional: boolean;
}

/** The scalar fields of every model, read from prisma/schema.prisma. */
function schemaFields(): { models: string[]; enums: string[]; fields: FieldSpec[] } {
  const schema = readFileSync(join(ROOT, 'prisma', 'schema.prisma'), 'utf8');
  const enums = [...schema.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]!);
  const blocks = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const models = blocks.map((b) => b[1]!);
  const scalars = new Set(['String', 'Int', 'DateTime', 'Json', 'Bytes', 'Boolean', ...enums]);
  const fields = blocks.flatMap(([, model, body]) =>
    body!.split('\n').flatMap((line) => {
      const m = /^\s+(\w+)\s+(\w+)(\?)?(\s|$)/.exec(line);
      return m && scalars.has(m[2]!) ? [{ model: model!, field: m[1]!, type: m[2]!, optional: m[3] === '?' }] : [];
    }),
  );
  return { models, enums, fields };
}

const pgType: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  DateTime: 'timestamp without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
  Boolean: 'boolean',
};

interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

async function checkSchemaMatches(db: Database): Promise<void> {
  const { models, enums, fields } = schemaFields();
  const columns = await db.prisma.$queryRawUnsafe<Column[]>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const actual = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));
  const problems: string[] = [];
  for (const f of fields) {
    const c = actual.get(`${f.model}.${f.field}`);
    if (!c) {
      problems.push(`${f.model}.${f.field}: no column`);
      continue;
    }
    const type = enums.includes(f.type) ? c.udt_name : c.data_type;
    const expected = enums.includes(f.type) ? f.type : pgType[f.type];
    if (type !== expected) problems.push(`${f.model}.${f.field}: ${type}, expected ${expected}`);
    if ((c.is_nullable === 'YES') !== f.optional) problems.push(`${f.model}.${f.field}: nullable=${c.is_nullable}`);
    actual.delete(`${f.model}.${f.field}`);
  }
  problems.push(...[...actual.keys()].map((k) => `${k}: column not in the schema`));
  expect(problems).toEqual([]);
  expect(new Set(columns.map((c) => c.table_name))).toEqual(new Set(models));
}

/** Writes and reads every model through the generated client, relations included. */
async function exerciseEveryModel(db: Database): Promise<void> {
  const { prisma } = db;
  const user = await prisma.user.create({ data: { email: 'ada@example.com', name: 'Ada', passwordHash: 'x' } });
  await prisma.account.create({ data: { userId: user.id, type: 'oauth', provider: 'github', providerAccountId: '42' } });
  await prisma.session.create({ data: { userId: user.id, sessionToken: 'tok', expires: new Date(Date.now() + 1000) } });
  await prisma.verificationToken.create({ data: { identifier: 'ada@example.com', token: 'v', expires: new Date() } });
  const resume = Buffer.from('%PDF-1.4 resume');
  await prisma.profile.create({
    data: {
      userId: user.id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      yearsOfExperience: 7,
      workAuthorization: 'yes',
      requiresSponsorship: 'no',
      earliestStartDate: '2027-01-04',
      resumeFile: resume,
      resumeFileName: 'ada.pdf',
      jobSources: [{ kind: 'greenhouse', board: 'acme' }],
    },
  });
  const run = await prisma.pipelineRun.create({ data: { id: 'run_0123456789', userId: user.id, params: { query: 'python' } } });
  await prisma.runEvent.create({
    data: { runId: run.id, seq: 1, type: 'task_queued', agent: 'task', message: 'queued', data: { jobId: run.id }, timestamp: new Date() },
  });
  await prisma.hitlRequest.create({
    data: {
      id: 'hitl_0123456789',
      runId: run.id,
      userId: user.id,
      agent: 'applier',
      question: 'Submit?',
      context: '',
      options: ['approve', 'reject'],
      timeoutMs: 120_000,
      expiresAt: new Date(Date.now() + 120_000),
    },
  });
  await prisma.application.create({
    data: { userId: user.id, runId: run.id, jobUrl: 'https://jobs/1', title: 'Dev', company: 'Acme', fields: [] },
  });

  const loaded = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    include: { accounts: true, sessions: true, profile: true, runs: { include: { events: true, hitlRequests: true, applications: true } } },
  });
  expect(loaded.profile?.resumeFile).toEqual(new Uint8Array(resume));
  expect(loaded.profile?.jobSources).toEqual([{ kind: 'greenhouse', board: 'acme' }]);
  expect(loaded.runs[0]).toMatchObject({ status: 'queued', progress: 0, events: [{ seq: 1 }], hitlRequests: [{ status: 'pending' }] });
  expect(loaded.runs[0]?.applications[0]?.status).toBe('draft');
  // One application per job per user.
  await expect(
    prisma.application.create({ data: { userId: user.id, runId: run.id, jobUrl: 'https://jobs/1', title: 'Dev', company: 'Acme' } }),
  ).rejects.toMatchObject({ code: 'P2002' });
  await prisma.user.delete({ where: { id: user.id } });
  expect(await prisma.pipelineRun.count()).toBe(0);
}

describe.each([
  ['PostgreSQL', freshPostgres],
  ['embedded PGlite', () => Promise.resolve(freshPglite())],
])('the migrated database on %s', (_name, fresh: () => Promise<ThrowawayDatabase>) => {
  it('matches every model the client uses, and migrating again changes nothing', async () => {
    const throwaway = await fresh();
    const db = await openDatabase(throwaway.target);
    try {
      expect(await db.migrate()).toEqual({ applied: MIGRATIONS, alreadyApplied: [] });
      expect(await db.migrate()).toEqual({ applied: [], alreadyApplied: MIGRATIONS });
      await checkSchemaMatches(db);
      await exerciseEveryModel(db);
    } finally {
      await db.close();
      await throwaway.drop();
    }
  });

  it('`npm run db:migrate` migrates a fresh database and says what it did', async () => {
    const throwaway = await fresh();
    try {
      const env = {
        ...process.env,
        ...(throwaway.target.kind === 'postgresql'
          ? { DATABASE_URL: throwaway.target.url }
          : { DATABASE_URL: '', PGLITE_DATA_DIR: throwaway.target.dataDir }),
      };
      const first = await run(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], { cwd: ROOT, env });
      expect(first.stdout).toContain(`applied ${MIGRATIONS.join(', ')} (0 already applied)`);
      const again = await run(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], { cwd: ROOT, env });
      expect(again.stdout).toContain(`up to date (${MIGRATIONS.length} migrations)`);
    } finally {
      await throwaway.drop();
    }
  });
});
