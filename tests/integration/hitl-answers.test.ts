import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HitlAnswerKind, HitlSaveAs } from '~/shared/hitl';
import { HitlStore } from '~/store/hitl-store';
import { redisKeys } from '~/store/keys';
import { newUser } from '../helpers/auth';
import { connect, errorOf } from '../helpers/client';
import { useStack } from '../helpers/stack';

// Questions are put in the store as a worker would; no worker needed to answer them.
const t = useStack({ workers: 0, applicant: false });

let redis: Redis;
let store: HitlStore;
beforeAll(() => {
  redis = new Redis(t.stack.env.REDIS_URL);
  store = new HitlStore(redis, redisKeys(t.stack.env.KEY_PREFIX!), 3600);
});
afterAll(() => redis.disconnect());

/** A pending question for the test user, as the applier would ask it. */
async function ask(opts: { options?: string[]; answerKind?: HitlAnswerKind; multiple?: boolean; saveAs?: HitlSaveAs | null; userId?: string }) {
  const hitlId = `hitl_${randomUUID().replaceAll('-', '')}`;
  const me = await t.api.client.auth.me.query();
  await store.create({
    hitlId,
    runId: 'run_0000000000000000',
    userId: opts.userId ?? me!.id,
    agent: 'applier',
    question: 'Acme: "A question"',
    context: 'The Engineer application at Acme asks.',
    options: opts.options ?? [],
    answerKind: opts.answerKind ?? ((opts.options?.length ?? 0) > 0 ? 'choice' : 'text'),
    multiple: opts.multiple ?? false,
    saveAs: opts.saveAs ?? null,
    defaultAnswer: null,
    timeoutMs: 60_000,
  });
  return hitlId;
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}`);

function putFile(hitlId: string, body: Buffer, headers: Record<string, string> = {}, cookie = t.user.cookie) {
  return fetch(`${t.stack.webs[0]!.url}/api/hitl/${hitlId}/file`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/pdf', 'x-file-name': 'my-cv.pdf', ...headers },
    body: new Uint8Array(body),
  });
}

describe('answers kept in the profile', () => {
  it('a profile field: checked like profile.update, saved, and the worker is told', async () => {
    const bad = await ask({ saveAs: { to: 'profile', field: 'phone' } });
    const refused = await errorOf(t.api.client.hitl.respond.mutate({ hitlId: bad, response: 'call me maybe', saveToProfile: true }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/phone: digits/);
    // Nothing changed: the question still waits, the profile is still empty.
    expect((await store.get(bad))?.status).toBe('pending');
    expect((await t.api.client.profile.get.query()).phone).toBe('');

    const good = await ask({ saveAs: { to: 'profile', field: 'phone' } });
    expect(await t.api.client.hitl.respond.mutate({ hitlId: good, response: '+1 503 555 0100', saveToProfile: true })).toMatchObject({ savedToProfile: true });
    expect((await t.api.client.profile.get.query()).phone).toBe('+1 503 555 0100');
    expect((await store.get(good))?.savedToProfile).toBe(true);
  });

  it('a general question: kept under the question, replacing an earlier answer to it, and not kept when unchecked', async () => {
    const first = await ask({ options: ['LinkedIn', 'A friend', 'Other'], saveAs: { to: 'savedAnswer', question: 'How did you hear about us?' } });
    await t.api.client.hitl.respond.mutate({ hitlId: first, response: 'A friend', saveToProfile: true });
    const second = await ask({ options: ['LinkedIn', 'A friend', 'Other'], saveAs: { to: 'savedAnswer', question: 'How did you hear about us? *' } });
    await t.api.client.hitl.respond.mutate({ hitlId: second, response: 'LinkedIn', saveToProfile: true });
    const third = await ask({ saveAs: { to: 'savedAnswer', question: 'Are you willing to relocate?' } });
    expect(await t.api.client.hitl.respond.mutate({ hitlId: third, response: 'Yes', saveToProfile: false })).toMatchObject({ savedToProfile: false });
    expect((await t.api.client.profile.get.query()).savedAnswers).toEqual([{ question: 'How did you hear about us? *', answer: 'LinkedIn' }]);
  });

  it('several choices come one per line, each one of the options', async () => {
    const hitlId = await ask({ options: ['Python', 'Go', 'Rust'], multiple: true });
    expect((await errorOf(t.api.client.hitl.respond.mutate({ hitlId, response: 'Python\nCOBOL' }))).code).toBe('BAD_REQUEST');
    await t.api.client.hitl.respond.mutate({ hitlId, response: 'Python\nGo' });
    expect((await store.get(hitlId))?.answer).toBe('Python\nGo');
  });
});

describe('a question answered with a file', () => {
  it('takes the PDF, checked like the resume; keeps it as the profile’s resume when asked; a second answer gets CONFLICT', async () => {
    const hitlId = await ask({ answerKind: 'file', options: ['skip this application'], saveAs: { to: 'resume' } });
    const notPdf = await putFile(hitlId, Buffer.from('hello'));
    expect(notPdf.status).toBe(400);
    expect(((await notPdf.json()) as { error: { message: string } }).error.message).toMatch(/not a PDF/);
    const ok = await putFile(hitlId, pdf('resume'), { 'x-save-to-profile': 'yes' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ hitlId, status: 'answered', savedToProfile: true });
    expect(await store.file(hitlId)).toMatchObject({ fileName: 'my-cv.pdf' });
    expect((await t.api.client.profile.get.query()).resumeFile).toMatchObject({ fileName: 'my-cv.pdf' });
    const again = await putFile(hitlId, pdf('again'));
    expect(again.status).toBe(409);
  });

  it('the question’s options still answer it ("skip this application"), and a text question takes no file', async () => {
    const fileQuestion = await ask({ answerKind: 'file', options: ['skip this application'] });
    await t.api.client.hitl.respond.mutate({ hitlId: fileQuestion, response: 'skip this application' });
    expect((await store.get(fileQuestion))?.answer).toBe('skip this application');
    const textQuestion = await ask({});
    const res = await putFile(textQuestion, pdf('x'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/does not ask for a file/);
  });

  it('another user’s question gets the same NOT_FOUND as a missing one', async () => {
    const other = await newUser(t.stack.webs[0]!.url, 'Other');
    const api = connect(t.stack.webs[0]!.url, other.cookie);
    try {
      const hitlId = await ask({ answerKind: 'file' });
      expect((await putFile(hitlId, pdf('x'), {}, other.cookie)).status).toBe(404);
      expect((await putFile('hitl_00000000000000000000000000000000', pdf('x'))).status).toBe(404);
      expect((await putFile('not-an-id', pdf('x'))).status).toBe(404);
      expect((await store.get(hitlId))?.status).toBe('pending');
    } finally {
      await api.close();
    }
  });
});
