import { profileFieldsSchema, type ProfileFields } from '~/shared/profile';
import type { ServerServices } from './index';
import { assertResumePdf, resumeFileInfo, saveResumeFile } from './resume-files';

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
  savedAnswers: [],
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
  assertResumePdf(bytes);
  await saveResumeFile(s.db, userId, fileName, bytes);
  return getProfile(s, userId);
}
