import { describe, expect, it } from 'vitest';
import { RESUME_MAX_BYTES } from '~/shared/profile';
import { newUser } from '../helpers/auth';
import { connect } from '../helpers/client';
import { useStack } from '../helpers/stack';

// Runs on PostgreSQL, and on the embedded database with TEST_DATABASE=pglite (npm run test:embedded).
const t = useStack({ workers: 1, applicant: false });

const url = () => `${t.stack.webs[0]!.url}/api/profile/resume`;

function pdf(bytes: number): Buffer {
  const file = Buffer.alloc(bytes, 0x41);
  file.write('%PDF-1.4\n');
  return file;
}

const put = (body: Buffer, headers: Record<string, string> = {}) =>
  fetch(url(), {
    method: 'PUT',
    headers: { cookie: t.user.cookie, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('Zoë CV.pdf'), ...headers },
    body: new Uint8Array(body),
  });

async function errorOfResponse(res: Response): Promise<{ status: number; code: string; message: string }> {
  const { error } = (await res.json()) as { error: { message: string; data: { code: string } } };
  return { status: res.status, code: error.data.code, message: error.message };
}

describe('the streamed resume upload', () => {
  it('stores a 5 MB PDF byte for byte, with its name, and the profile says so', async () => {
    const file = pdf(RESUME_MAX_BYTES);
    const res = await put(file);
    expect(res.status).toBe(200);
    const profile = (await res.json()) as { resumeFile: { fileName: string; bytes: number } };
    expect(profile.resumeFile).toEqual({ fileName: 'Zoë CV.pdf', bytes: RESUME_MAX_BYTES });
    expect((await t.api.client.profile.get.query()).resumeFile).toEqual({ fileName: 'Zoë CV.pdf', bytes: RESUME_MAX_BYTES });
  });

  it('refuses, saying why: too large (before reading it all), not a PDF, a bad name, another content type, no session, another site', async () => {
    expect(await errorOfResponse(await put(pdf(RESUME_MAX_BYTES + 1)))).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/at most 5 MB/) as string });
    expect(await errorOfResponse(await put(Buffer.from('hello, not a pdf')))).toMatchObject({ status: 400, message: expect.stringMatching(/not a PDF/) as string });
    expect(await errorOfResponse(await put(Buffer.alloc(0)))).toMatchObject({ status: 400, message: expect.stringMatching(/empty/) as string });
    expect(await errorOfResponse(await put(pdf(100), { 'x-file-name': 'cv.exe' }))).toMatchObject({ status: 400, message: expect.stringMatching(/\.pdf file/) as string });
    expect(await errorOfResponse(await put(pdf(100), { 'content-type': 'multipart/form-data; boundary=x' }))).toMatchObject({ status: 415 });
    expect(await errorOfResponse(await put(pdf(100), { cookie: '' }))).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(await errorOfResponse(await put(pdf(100), { origin: 'https://evil.example' }))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    // The file from the first test is still the one on record.
    expect((await t.api.client.profile.get.query()).resumeFile?.bytes).toBe(RESUME_MAX_BYTES);
  });

  it('is private: another user never sees or replaces it', async () => {
    const other = await newUser(t.stack.webs[0]!.url, 'Other');
    const api = connect(t.stack.webs[0]!.url, other.cookie);
    try {
      expect((await api.client.profile.get.query()).resumeFile).toBeNull();
    } finally {
      await api.close();
    }
  });

  it('three 5 MB uploads at once leave the server answering health checks throughout', async () => {
    const file = pdf(RESUME_MAX_BYTES);
    const uploads = { running: true };
    const stillUploading = () => uploads.running;
    const answeredDuring: number[] = [];
    const prober = (async () => {
      while (stillUploading()) {
        const started = performance.now();
        await fetch(`${t.stack.webs[0]!.url}/api/health`);
        if (stillUploading()) answeredDuring.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const started = performance.now();
    const statuses = await Promise.all([put(file), put(file), put(file)].map(async (res) => (await res).status));
    const took = performance.now() - started;
    uploads.running = false;
    await prober;
    const slowest = Math.max(...answeredDuring);
    console.log(
      `[measure] three 5 MB uploads (${t.stack.database.target.kind}) took ${took.toFixed(0)} ms; ` +
        `${answeredDuring.length} health checks answered meanwhile, slowest ${slowest.toFixed(0)} ms`,
    );
    expect(statuses).toEqual([200, 200, 200]);
    // The event loop kept turning: health checks were answered one after another while the
    // uploads ran, instead of all waiting until they were over.
    expect(answeredDuring.length).toBeGreaterThanOrEqual(3);
  });
});
