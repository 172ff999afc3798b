import { describe, expect, it } from 'vitest';
import { newUser } from '../helpers/auth';
import { connect, errorOf } from '../helpers/client';
import { useStack } from '../helpers/stack';

const t = useStack({ workers: 0, applicant: false });

const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(Math.max(0, size - 9), 0x20)]);

describe('the profile', () => {
  it('starts empty, and keeps what is updated field by field', async () => {
    const empty = await t.api.client.profile.get.query();
    expect(empty).toMatchObject({ firstName: '', yearsOfExperience: null, jobSources: [], resumeFile: null, updatedAt: null });
    await t.api.client.profile.update.mutate({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      linkedinUrl: 'https://www.linkedin.com/in/ada',
      yearsOfExperience: 7,
      workAuthorization: 'yes',
      requiresSponsorship: 'no',
      earliestStartDate: '2027-01-04',
      jobSources: [{ kind: 'greenhouse', board: 'acme' }, { kind: 'lever', board: 'globex' }],
    });
    const after = await t.api.client.profile.update.mutate({ desiredSalary: '120000 EUR' });
    expect(after).toMatchObject({
      firstName: 'Ada',
      desiredSalary: '120000 EUR',
      earliestStartDate: '2027-01-04',
      jobSources: [{ kind: 'greenhouse', board: 'acme' }, { kind: 'lever', board: 'globex' }],
    });
    expect(after.updatedAt).not.toBeNull();
  });

  it('rejects bad values with a message per field, and changes nothing', async () => {
    const before = await t.api.client.profile.get.query();
    const err = await errorOf(
      t.api.client.profile.update.mutate({
        email: 'not-an-email',
        linkedinUrl: 'javascript:alert(1)',
        workAuthorization: 'maybe' as 'yes',
        earliestStartDate: '2027-02-30',
        yearsOfExperience: -1,
        jobSources: [{ kind: 'indeed' as 'lever', board: '../etc' }],
      }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    for (const m of ['email: not an email address', 'linkedinUrl: a web address', 'workAuthorization: "yes" or "no"',
      'earliestStartDate: not a real date', 'yearsOfExperience: 0 to 70', 'jobSources.board']) {
      expect(err.message).toContain(m);
    }
    expect(await t.api.client.profile.get.query()).toEqual(before);
  });

  it('takes a PDF resume, and refuses other files and oversize ones with a clear message', async () => {
    const ok = await t.api.client.profile.uploadResume.mutate({ fileName: 'ada.pdf', contentBase64: pdf(2048).toString('base64') });
    expect(ok.resumeFile).toEqual({ fileName: 'ada.pdf', bytes: 2048 });
    const notPdf = await errorOf(
      t.api.client.profile.uploadResume.mutate({ fileName: 'cv.pdf', contentBase64: Buffer.from('<html>').toString('base64') }),
    );
    expect(notPdf).toMatchObject({ code: 'BAD_REQUEST' });
    expect(notPdf.message).toMatch(/not a PDF/);
    const wrongName = await errorOf(t.api.client.profile.uploadResume.mutate({ fileName: 'cv.docx', contentBase64: pdf(100).toString('base64') }));
    expect(wrongName.message).toMatch(/must be a .pdf file/);
    const big = await errorOf(
      t.api.client.profile.uploadResume.mutate({ fileName: 'big.pdf', contentBase64: pdf(6 * 1024 * 1024).toString('base64') }),
    );
    expect(big.message).toMatch(/at most 5 MB/);
    expect((await t.api.client.profile.get.query()).resumeFile).toEqual({ fileName: 'ada.pdf', bytes: 2048 });
  });

  it('is private to its user', async () => {
    const url = t.stack.webs[0]!.url;
    const other = connect(url, (await newUser(url, 'Other')).cookie);
    try {
      expect(await other.client.profile.get.query()).toMatchObject({ firstName: '', resumeFile: null });
    } finally {
      await other.close();
    }
    expect((await errorOf(connect(url).client.profile.get.query())).code).toBe('UNAUTHORIZED');
  });
});
