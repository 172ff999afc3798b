import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '~/shared/events';
import { redisKeys } from '~/store/keys';
import { answerQuestions } from '../helpers/applicant';
import { seqGaps, watchRun } from '../helpers/client';
import { BIG_RUN, BIG_RUN_ENV } from '../helpers/runs';
import { useStack } from '../helpers/stack';
import { metric, until } from '../helpers/wait';

// Redis keeps only ~100 events per run here; everything older must come from the database.
const t = useStack({ webs: 2, env: { EVENT_RETENTION: '100', AGENT_STEP_DELAY_MS: '2', ...BIG_RUN_ENV } });

async function sql<Row>(query: string, params: unknown[] = []): Promise<Row[]> {
  const { target } = t.stack.database;
  if (target.kind !== 'postgresql') throw new Error('expected PostgreSQL');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe('the durable archive', () => {
  it('keeps every event exactly once in the database, and serves history and resumes beyond Redis', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ ...BIG_RUN, autoApply: true, maxApplications: 2 });
    const watch = watchRun(t.api.client, runId);
    answerQuestions(t.api.client, watch);
    const live = await watch.done;
    expect(live.length).toBeGreaterThan(1000);
    await until(async () => (await metric(t.stack.webs[0]!.url, 'jobstream_archive_lag_events')) === 0);

    // Exactly once, though two web instances archived side by side.
    const rows = await sql<{ seq: number }>('SELECT seq FROM "RunEvent" WHERE "runId" = $1 ORDER BY seq', [runId]);
    expect(rows.map((r) => r.seq)).toEqual(live.map((e) => e.seq));
    const archivedBy = await Promise.all(
      t.stack.webs.map(async (w) => {
        const text = await (await fetch(`${w.url}/api/metrics`)).text();
        return Number(/^jobstream_events_archived_total (\d+)$/m.exec(text)?.[1] ?? 0);
      }),
    );
    console.log(`[measure] ${live.length} events; archived by instance: ${archivedBy.join(' + ')}`);

    const redis = new Redis(t.stack.redis.url);
    const kept = await redis.xlen(redisKeys(t.stack.env.KEY_PREFIX!).runLog(runId));
    redis.disconnect();
    expect(kept).toBeLessThan(live.length / 2);

    // History pages through all of it, in order, though Redis lost the start long ago.
    const pages: RunEvent[] = [];
    let cursor: number | null = 0;
    while (cursor !== null) {
      const page: { events: RunEvent[]; nextCursor: number | null } = await t.api.client.pipeline.history.query({ runId, cursor, limit: 300 });
      pages.push(...page.events);
      cursor = page.nextCursor;
    }
    expect(pages).toEqual(live);

    // A subscriber resuming from the very start is served from the archive, then Redis.
    const replay = await watchRun(t.api.client, runId).done;
    expect(seqGaps(replay)).toEqual([]);
    expect(replay).toEqual(live);

    // The run, its questions and its applications are kept for audit.
    const [run] = await sql<{ status: string; lastSeq: number; progress: number }>(
      'SELECT status, "lastSeq", progress FROM "PipelineRun" WHERE id = $1',
      [runId],
    );
    expect(run).toEqual({ status: 'completed', lastSeq: live.length, progress: 100 });
    const questions = await sql<{ id: string; status: string; answer: string; answeredBy: string }>(
      'SELECT id, status, answer, "answeredBy" FROM "HitlRequest" WHERE "runId" = $1 ORDER BY id',
      [runId],
    );
    const answers = live.flatMap((e) => (e.type === 'hitl_response' ? [{ id: e.data.hitlId, answer: e.data.response }] : []));
    expect(answers.filter((a) => a.answer === 'approve')).toHaveLength(2); // the two drafts
    expect(questions.map((q) => ({ id: q.id, answer: q.answer }))).toEqual(answers.sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(questions.every((q) => q.status === 'answered' && q.answeredBy.length > 0)).toBe(true);
    const applications = await sql<{ status: string }>('SELECT status FROM "Application" WHERE "runId" = $1', [runId]);
    expect(applications.map((a) => a.status)).toEqual(['submitted', 'submitted']);
  });
});
