import { z } from 'zod';

const text = (field: string, max: number) =>
  z.string().trim().max(max, `${field}: at most ${max} characters`);

const optionalUrl = (field: string) =>
  text(field, 500).refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), `${field}: a web address starting with https://`);

const yesNo = (field: string) => z.enum(['yes', 'no'], { error: `${field}: "yes" or "no"` }).nullable();

export const jobSourceRefSchema = z.object({
  kind: z.enum(['greenhouse', 'lever'], { error: 'jobSources.kind: "greenhouse" or "lever"' }),
  board: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'jobSources.board: the board’s name as in its URL (letters, digits, - and _)'),
});

/** "How did you hear about us?" and the like: how a question is recognised again. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/\*|\(required\)|\(optional\)/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export const savedAnswerSchema = z.object({
  question: text('savedAnswers.question', 300).min(1, 'savedAnswers.question: required'),
  answer: text('savedAnswers.answer', 2000).min(1, 'savedAnswers.answer: required'),
});
export type SavedAnswer = z.infer<typeof savedAnswerSchema>;

/** What the applier needs to fill in an application. */
export const profileFieldsSchema = z.object({
  name: text('name', 200),
  firstName: text('firstName', 100),
  lastName: text('lastName', 100),
  email: text('email', 254).refine((v) => v === '' || z.email().safeParse(v).success, 'email: not an email address'),
  phone: text('phone', 40).refine((v) => v === '' || /^\+?[\d\s().-]{6,40}$/.test(v), 'phone: digits, spaces, +, -, ( and ) only'),
  location: text('location', 200),
  linkedinUrl: optionalUrl('linkedinUrl'),
  githubUrl: optionalUrl('githubUrl'),
  websiteUrl: optionalUrl('websiteUrl'),
  currentCompany: text('currentCompany', 200),
  yearsOfExperience: z
    .number()
    .int('yearsOfExperience: a whole number')
    .min(0, 'yearsOfExperience: 0 to 70')
    .max(70, 'yearsOfExperience: 0 to 70')
    .nullable(),
  workAuthorization: yesNo('workAuthorization'),
  requiresSponsorship: yesNo('requiresSponsorship'),
  desiredSalary: text('desiredSalary', 100),
  earliestStartDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'earliestStartDate: a date as YYYY-MM-DD')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'earliestStartDate: not a real date')
    .nullable(),
  resumeText: text('resumeText', 50_000),
  jobSources: z.array(jobSourceRefSchema).max(20, 'jobSources: at most 20 boards'),
  /** Answers to application questions the user chose to keep, so they are not asked again. */
  savedAnswers: z
    .array(savedAnswerSchema)
    .max(100, 'savedAnswers: at most 100')
    .refine((list) => new Set(list.map((a) => questionKey(a.question))).size === list.length, 'savedAnswers: each question once'),
});

export type ProfileFields = z.infer<typeof profileFieldsSchema>;

/** profile.update takes any subset of the fields. */
export const profileUpdateSchema = profileFieldsSchema.partial();

export const RESUME_MAX_BYTES = 5 * 1024 * 1024;

/** The resume's file name, as the upload gives it. */
export const resumeFileNameSchema = z
    .string()
    .trim()
    .min(1, 'fileName: required')
    .max(200, 'fileName: at most 200 characters')
    .regex(/\.pdf$/i, 'fileName: the resume must be a .pdf file');

export const resumeUploadSchema = z.object({
  fileName: resumeFileNameSchema,
  /** The file's bytes, base64-encoded. */
  contentBase64: z
    .string()
    .max(Math.ceil((RESUME_MAX_BYTES * 4) / 3) + 4, `contentBase64: the resume may be at most ${RESUME_MAX_BYTES / 1024 / 1024} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'contentBase64: not base64'),
});
