import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { setUpApplicant } from '../helpers/applicant';
import { signIn } from '../helpers/auth';
import { connect, errorOf, watchRun } from '../helpers/client';
import { ONE_QUESTION_RUN } from '../helpers/runs';
import { useStack } from '../helpers/stack';

const t = useStack();

const SQL = `x'); DROP TABLE "User"; --`;
const HTML = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const NASTY = `${SQL} ${HTML} ' OR '1'='1`;

async function tableCount(name: string): Promise<number> {
  if (t.stack.database.target.kind !== 'postgresql') throw new Error('expected PostgreSQL');
  const client = new pg.Client({ connectionString: t.stack.database.target.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`);
    return Number(rows[0]?.n);
  } finally {
    await client.end();
  }
}

describe('injection through every string input', () => {
  it('sign-up stores SQL and HTML as plain text, and signs in with it', async () => {
    const url = t.stack.webs[0]!.url;
    const anon = connect(url);
    const email = `o'brien+${Date.now()}@example.com`;
    await anon.client.auth.signUp.mutate({ email, password: `${SQL}pw`, name: NASTY });
    await anon.close();
    const cookie = await signIn(url, email, `${SQL}pw`);
    const me = connect(url, cookie);
    expect(await me.client.auth.me.query()).toMatchObject({ email, name: NASTY });
    await me.close();
    expect(await tableCount('User')).toBeGreaterThanOrEqual(2);
  });

  it('profile fields, the resume name, run parameters, stop reasons and answers keep their text verbatim', async () => {
    const profile = await t.api.client.profile.update.mutate({
      firstName: SQL,
      lastName: HTML,
      location: NASTY,
      currentCompany: NASTY,
      desiredSalary: SQL,
      resumeText: NASTY,
    });
    expect(profile).toMatchObject({ firstName: SQL, lastName: HTML, location: NASTY, resumeText: NASTY });
    const resume = await t.api.client.profile.uploadResume.mutate({
      fileName: `${HTML}.pdf`,
      contentBase64: Buffer.from('%PDF-1.4 x').toString('base64'),
    });
    expect(resume.resumeFile?.fileName).toBe(`${HTML}.pdf`);

    const { runId } = await t.api.client.pipeline.start.mutate({ query: NASTY, location: HTML, autoApply: true, maxApplications: 1, minMatchScore: 0 });
    expect((await t.api.client.pipeline.get.query({ runId })).params).toMatchObject({ query: NASTY, location: HTML });
    const watch = watchRun(t.api.client, runId);
    const events = await watch.done;
    expect(events.find((e) => e.type === 'pipeline_start')?.message).toContain(NASTY);

    // A profile that matches the posting again, so the second run reaches its question.
    await setUpApplicant(t.api.client);
    const second = await t.api.client.pipeline.start.mutate(ONE_QUESTION_RUN);
    const w2 = watchRun(t.api.client, second.runId);
    const q = await w2.next((e) => e.type === 'hitl_request');
    if (q.type !== 'hitl_request') throw new Error('narrowing');
    await t.api.client.pipeline.stop.mutate({ runId: second.runId, reason: NASTY });
    const stopped = (await w2.done).at(-1);
    expect(stopped?.data).toMatchObject({ reason: NASTY });
    expect(await tableCount('PipelineRun')).toBeGreaterThanOrEqual(2);
  });

  it('a NUL character anywhere in the input is BAD_REQUEST, not a server error', async () => {
    const err = await errorOf(t.api.client.profile.update.mutate({ firstName: 'a\u0000b' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/NUL/);
    expect((await errorOf(t.api.client.pipeline.start.mutate({ query: 'x\u0000' }))).code).toBe('BAD_REQUEST');
  });

  it('half a surrogate pair is BAD_REQUEST saying why, over HTTP and WebSocket, and nothing is stored', async () => {
    for (const broken of ['\uD800', 'a\uDFFFb', 'x\uD83D']) {
      const err = await errorOf(t.api.client.profile.update.mutate({ firstName: broken }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toMatch(/valid Unicode/);
      expect((await errorOf(t.api.client.pipeline.start.mutate({ query: broken }))).code).toBe('BAD_REQUEST');
      expect((await errorOf(t.api.client.auth.signUp.mutate({ email: 'a@example.com', password: `${broken}-long-Passphrase-41`, name: 'x' }))).code).toBe('BAD_REQUEST');
    }
    // A whole emoji (a valid pair) is fine.
    expect((await t.api.client.profile.update.mutate({ firstName: 'Zoë 😀' })).firstName).toBe('Zoë 😀');
  });

  it('input nested 20,000 deep is BAD_REQUEST, never a server error', async () => {
    const url = t.stack.webs[0]!.url;
    const deepArray = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const deepObject = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    for (const body of [deepArray, deepObject, `{"query":${deepArray}}`]) {
      const res = await fetch(`${url}/api/trpc/pipeline.start`, {
        method: 'POST',
        headers: { cookie: t.user.cookie, 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { message: string; data: { code: string } } };
      expect(error.data.code).toBe('BAD_REQUEST');
      expect(error.message).toMatch(/nested too deeply/);
    }
  });

  it('next-auth’s pages do not reflect HTML from the URL', async () => {
    const res = await fetch(`${t.stack.webs[0]!.url}/api/auth/error?error=${encodeURIComponent(HTML)}`);
    expect(await res.text()).not.toContain('<script>alert');
  });
});

describe('replayed answers', () => {
  it('a replayed HITL answer is refused with CONFLICT and changes nothing', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate(ONE_QUESTION_RUN);
    const watch = watchRun(t.api.client, runId);
    const q = await watch.next((e) => e.type === 'hitl_request');
    if (q.type !== 'hitl_request') throw new Error('narrowing');
    await t.api.client.hitl.respond.mutate({ hitlId: q.data.hitlId, response: 'reject' });
    const replay = await errorOf(t.api.client.hitl.respond.mutate({ hitlId: q.data.hitlId, response: 'approve' }));
    expect(replay.code).toBe('CONFLICT');
    const events = await watch.done;
    expect(events.filter((e) => e.type === 'hitl_response').map((e) => e.data)).toEqual([{ hitlId: q.data.hitlId, response: 'reject' }]);
    expect(events.some((e) => e.type === 'applier_submitted')).toBe(false);
  });
});
