import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { RESUME_MAX_BYTES, resumeFileNameSchema } from '~/shared/profile';
import { errorShapeOf, failWith, formatZodError } from '../api/errors';
import type { ServerServices } from '../services';
import { uploadResume } from '../services/profiles';

export const RESUME_UPLOAD_PATH = '/api/profile/resume';

/**
 * PUT /api/profile/resume: the resume as the raw PDF body (`content-type:
 * application/pdf`), its name in the `x-file-name` header (URI-encoded). The body is
 * streamed and counted as it arrives, so an oversize file is refused at its first
 * megabyte past the limit, and the web server never parses or decodes 5 MB of JSON
 * and base64 (which profile.uploadResume, taking base64 in JSON, must). The same
 * session cookie, same-origin rule and checks as the rest of the API apply; the
 * answer is the profile, or an error in the API's error shape.
 */
export async function handleResumeUpload(
  services: ServerServices,
  req: IncomingMessage,
  res: ServerResponse,
  origins: ReadonlySet<string>,
): Promise<void> {
  try {
    const { userId, fileName } = await admit(services, req, origins);
    const bytes = await readBody(req, RESUME_MAX_BYTES);
    sendJson(res, 200, await uploadResume(services, userId, fileName, bytes));
  } catch (err) {
    if (!(err instanceof TRPCError)) console.error('[web] resume upload failed:', err);
    const error = err instanceof TRPCError ? err : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side; try again in a moment.' });
    discardRest(req, RESUME_MAX_BYTES);
    const shape = errorShapeOf(error);
    sendJson(res, shape.data.httpStatus, { error: shape });
  }
}

async function admit(services: ServerServices, req: IncomingMessage, origins: ReadonlySet<string>) {
  if (req.method !== 'PUT') throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Upload the resume with PUT.' });
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.has(origin)) {
    throw failWith('FORBIDDEN', 'ORIGIN_DENIED', `Uploads from ${origin} are not allowed; use the app at its own address.`);
  }
  const user = await services.sessions.authenticate(req.headers);
  if (!user) throw failWith('UNAUTHORIZED', 'AUTH_MISSING', 'Sign in first.');
  // Not a type a cross-site form can send without asking first (CORS preflight).
  if ((req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/pdf') {
    throw failWith('UNSUPPORTED_MEDIA_TYPE', 'BAD_INPUT', 'Send the resume as a PDF (content-type: application/pdf).');
  }
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > RESUME_MAX_BYTES) throw tooLarge();
  const name = resumeFileNameSchema.safeParse(decodeName(req.headers['x-file-name']));
  if (!name.success) throw new TRPCError({ code: 'BAD_REQUEST', message: formatZodError(name.error) });
  return { userId: user.id, fileName: name.data };
}

function decodeName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? (header[0] ?? '') : (header ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function tooLarge(): TRPCError {
  return new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `The resume may be at most ${RESUME_MAX_BYTES / 1024 / 1024} MB.` });
}

/** The body, refused as soon as it passes `max` bytes. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Lets the client finish sending what is left, so that it reads the refusal instead of
 * a reset connection, but no more than `limit` bytes of it.
 */
function discardRest(req: IncomingMessage, limit: number): void {
  if (req.readableEnded) return;
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limit) req.destroy();
  });
  req.resume();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
