import { TRPCError } from '@trpc/server';
import { profileFieldsSchema, RESUME_MAX_BYTES, type ProfileFields } from '~/shared/profile';
import type { ServerServices } from './index';

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
  const row = await s.db.prisma.profile.findUnique({ where: { userId } });
  if (!row) return { ...EMPTY, resumeFile: null, updatedAt: null };
  const { resumeFile, resumeFileName, updatedAt, jobSources, ...rest } = row;
  return {
    ...profileFieldsSchema.parse({ ...rest, jobSources }),
    resumeFile: resumeFile && resumeFileName ? { fileName: resumeFileName, bytes: resumeFile.length } : null,
    updatedAt: updatedAt.toISOString(),
  };
}

export async function updateProfile(s: ServerServices, userId: string, changes: Partial<ProfileFields>): Promise<ProfileView> {
  await s.db.prisma.profile.upsert({ where: { userId }, create: { userId, ...changes }, update: changes });
  return getProfile(s, userId);
}

/** Stores a resume after checking that it really is a PDF of allowed size. */
export async function uploadResume(
  s: ServerServices,
  userId: string,
  fileName: string,
  contentBase64: string,
): Promise<ProfileView> {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: 'contentBase64: the file is empty' });
  if (bytes.length > RESUME_MAX_BYTES) {
    throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `The resume may be at most ${RESUME_MAX_BYTES / 1024 / 1024} MB.` });
  }
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'contentBase64: this file is not a PDF (it does not start with %PDF-)' });
  }
  const data = { resumeFile: new Uint8Array(bytes), resumeFileName: fileName };
  await s.db.prisma.profile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return getProfile(s, userId);
}
