import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { RESUME_MAX_BYTES, resumeFileNameSchema } from '~/shared/profile';
import { failWith, formatZodError } from '../api/errors';
import type { AuthUser } from '../auth/session';
import type { ServerServices } from '../services';
import { refuseRequest } from './json-reply';
import { readBody } from './request-body';

/**
 * A PDF sent as the raw body of a PUT (`content-type: application/pdf`, its name
 * URI-encoded in `x-file-name`): the resume upload and a question answered with a file.
 * The body is streamed and counted as it arrives, so an oversize file is refused at its
 * first byte past the limit, and the web server never parses or decodes megabytes of
 * JSON and base64. The same session cookie and same-origin rule as the API apply.
 */
export interface ReceivedPdf {
  user: AuthUser;
  fileName: string;
  bytes: Buffer;
}

export async function receivePdf(services: ServerServices, req: IncomingMessage, origins: ReadonlySet<string>): Promise<ReceivedPdf> {
  if (req.method !== 'PUT') throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Upload the file with PUT.' });
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.has(origin)) {
    throw failWith('FORBIDDEN', 'ORIGIN_DENIED', `Uploads from ${origin} are not allowed; use the app at its own address.`);
  }
  const user = await services.sessions.authenticate(req.headers);
  if (!user) throw failWith('UNAUTHORIZED', 'AUTH_MISSING', 'Sign in first.');
  // Not a type a cross-site form can send without asking first (CORS preflight).
  if ((req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/pdf') {
    throw failWith('UNSUPPORTED_MEDIA_TYPE', 'BAD_INPUT', 'Send the file as a PDF (content-type: application/pdf).');
  }
  if (Number(req.headers['content-length'] ?? Number.NaN) > RESUME_MAX_BYTES) throw tooLarge();
  const name = resumeFileNameSchema.safeParse(decodeName(req.headers['x-file-name']));
  if (!name.success) throw new TRPCError({ code: 'BAD_REQUEST', message: formatZodError(name.error) });
  return { user, fileName: name.data, bytes: await readBody(req, RESUME_MAX_BYTES, tooLarge) };
}

/** Answers a failed upload in the API's error shape; library errors stay in the log. */
export function refuseUpload(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  refuseRequest(req, res, err, { what: '[web] upload', discardUpTo: RESUME_MAX_BYTES });
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
  return new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `The file may be at most ${RESUME_MAX_BYTES / 1024 / 1024} MB.` });
}
