import { TRPCError } from '@trpc/server';
import type { Database } from '~/db';
import { RESUME_MAX_BYTES } from '~/shared/profile';

/**
 * The resume PDF, read and written with plain SQL instead of through Prisma: Prisma
 * base64-encodes every Bytes value on the web server's main thread, twice for an
 * upsert, and reading a profile would bring the whole file back just to say its size.
 * Here the bytes go to the database as they are, and only the size comes back.
 */
export interface ResumeFileInfo {
  fileName: string;
  bytes: number;
}

/** A resume, however it arrives, is a PDF of at most 5 MB; anything else says why. */
export function assertResumePdf(bytes: Buffer): void {
  if (bytes.length === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: 'the file is empty' });
  if (bytes.length > RESUME_MAX_BYTES) {
    throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `The resume may be at most ${RESUME_MAX_BYTES / 1024 / 1024} MB.` });
  }
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'this file is not a PDF (it does not start with %PDF-)' });
  }
}

export async function saveResumeFile(db: Database, userId: string, fileName: string, bytes: Uint8Array): Promise<void> {
  // The row exists from the first save of any profile field, or is created empty here.
  await db.prisma.profile.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
  await db.sql.query('UPDATE "Profile" SET "resumeFile" = $1, "resumeFileName" = $2, "updatedAt" = now() WHERE "userId" = $3', [
    bytes,
    fileName,
    userId,
  ]);
}

export async function resumeFileInfo(db: Database, userId: string): Promise<ResumeFileInfo | null> {
  const { rows } = await db.sql.query(
    'SELECT "resumeFileName" AS "fileName", octet_length("resumeFile") AS "bytes" FROM "Profile" WHERE "userId" = $1',
    [userId],
  );
  const row = rows[0];
  if (!row || typeof row.fileName !== 'string' || row.bytes === null || row.bytes === undefined) return null;
  return { fileName: row.fileName, bytes: Number(row.bytes) };
}

export async function loadResumeFile(db: Database, userId: string): Promise<{ fileName: string; bytes: Buffer } | null> {
  const { rows } = await db.sql.query('SELECT "resumeFileName" AS "fileName", "resumeFile" AS "bytes" FROM "Profile" WHERE "userId" = $1', [userId]);
  const row = rows[0];
  if (!row || typeof row.fileName !== 'string' || !(row.bytes instanceof Uint8Array)) return null;
  return { fileName: row.fileName, bytes: Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) };
}
