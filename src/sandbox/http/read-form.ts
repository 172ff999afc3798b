import type { IncomingMessage } from 'node:http';
import { Readable, Transform } from 'node:stream';
import type { SubmittedForm, UploadedFile } from '../forms/validate';

export type FormReadResult =
  | { kind: 'ok'; form: SubmittedForm }
  | { kind: 'too-large' }
  | { kind: 'unsupported' }
  | { kind: 'malformed' };


const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)\s*(;|$)/i;
const HEAD_BYTES = 8;

/** Counts the bytes going through and fails the stream once there are too many. */
function byteLimit(maxBytes: number): { stream: Transform; exceeded: () => boolean } {
  let seen = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new Error('request body too large'));
      else callback(null, chunk);
    },
  });
  return { stream, exceeded: () => seen > maxBytes };
}

async function toUploadedFile(file: File): Promise<UploadedFile> {
  return {
    fileName: file.name.slice(0, 255),
    contentType: file.type || 'application/octet-stream',
    size: file.size,
    head: new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()),
  };
}

/** The first value of each name (and every value, for checkbox groups); an empty file input (no file chosen) counts as absent. */
async function collect(data: FormData): Promise<SubmittedForm> {
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const files = new Map<string, UploadedFile>();
  for (const [name, value] of data.entries()) {
    if (typeof value === 'string') {
      if (!values.has(name)) values.set(name, value);
      lists.set(name, [...(lists.get(name) ?? []), value]);
    } else if (!files.has(name) && (value.size > 0 || value.name !== '')) {
      files.set(name, await toUploadedFile(value));
    }
  }
  return { values, lists, files };
}

/**
 * Reads a multipart or urlencoded body with the web-standard parser, refusing more than
 * `maxBytes` (declared up front or counted on the way).
 */
export async function readForm(req: IncomingMessage, maxBytes: number): Promise<FormReadResult> {
  const contentType = req.headers['content-type'] ?? '';
  if (!FORM_TYPES.test(contentType)) return { kind: 'unsupported' };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'too-large' };
  const { stream: limit, exceeded } = byteLimit(maxBytes);
  limit.on('error', () => req.unpipe(limit));
  req.pipe(limit);
  try {
    const request = new Request('http://sandbox.invalid/apply', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: Readable.toWeb(limit) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit);
    return { kind: 'ok', form: await collect(await request.formData()) };
  } catch {
    return exceeded() ? { kind: 'too-large' } : { kind: 'malformed' };
  } finally {
    // Whatever is left unread is discarded, so that the response still reaches the client.
    req.unpipe(limit);
    req.resume();
  }
}
