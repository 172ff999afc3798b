import { TRPCError } from '@trpc/server';
import { profileFieldsSchema, RESUME_MAX_BYTES, type ProfileFields } from '~/shared/profile';
import type { ServerServices } from './index';
import { resumeFileInfo, saveResumeFile } from './resume-files';

const EMPTY: ProfileFields = profileFieldsSchema.parse({
  name: '',
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  location: '',
  linkedinUrl: '',
  githubUrl: '',
  websiteUrl: '',
  currentCompany: '',
  yearsOfExperience: null,
  workAuthorization: null,
  requiresSponsorship: null,
  desiredSalary: '',
  earliestStartDate: null,
  resumeText: '',
  jobSources: [],
});

export interface ProfileView extends ProfileFields {
  resumeFile: { fileName: string; bytes: number } | null;
  updatedAt: string | null;
}

export async function getProfile(s: ServerServices, userId: string): Promise<ProfileView> {
  const [row, resumeFile] = await Promise.all([
    s.db.prisma.profile.findUnique({ where: { userId }, omit: { resumeFile: true, resumeFileName: true } }),
    resumeFileInfo(s.db, userId),
  ]);
  if (!row) return { ...EMPTY, resumeFile: null, updatedAt: null };
  const { updatedAt, jobSources, ...rest } = row;
  return { ...profileFieldsSchema.parse({ ...rest, jobSources }), resumeFile, updatedAt: updatedAt.toISOString() };
}

export async function updateProfile(s: ServerServices, userId: string, changes: Partial<ProfileFields>): Promise<ProfileView> {
  await s.db.prisma.profile.upsert({ where: { userId }, create: { userId, ...changes }, update: changes });
  return getProfile(s, userId);
}

/**
 * Stores a resume after checking that it really is a PDF of allowed size. The bytes
 * come from tRPC (base64, decoded by the router) or from the streaming upload
 * (src/server/http/resume-upload.ts); the checks are the same.
 */
export async function uploadResume(s: ServerServices, userId: string, fileName: string, bytes: Buffer): Promise<ProfileView> {
  if (bytes.length === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: 'the file is empty' });
  if (bytes.length > RESUME_MAX_BYTES) {
    throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `The resume may be at most ${RESUME_MAX_BYTES / 1024 / 1024} MB.` });
  }
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'this file is not a PDF (it does not start with %PDF-)' });
  }
  await saveResumeFile(s.db, userId, fileName, bytes);
  return getProfile(s, userId);
}
