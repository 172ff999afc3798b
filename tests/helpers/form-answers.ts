import type { ProfileFields } from '~/shared/profile';
import type { SandboxField } from '~/sandbox';
import type { FieldAnswer, FieldQuestion, FieldQuestions } from '~worker/browser/field-questions';
import type { UploadFile } from '~worker/browser/form-filler';
import { tinyPdf } from './applicant';

/**
 * How the test user answers the questions only a person can answer, by what the
 * question says. Anything else asked gets no answer, as a user who walked away.
 */
export const USER_ANSWERS: readonly (readonly [RegExp, string])[] = [
  [/how did you hear/i, 'Other'],
  [/please specify/i, 'A talk at a Lisbon meetup'],
  [/willing to relocate/i, 'Yes'],
  [/where would you like to relocate/i, 'Berlin, Germany'],
  [/working arrangement/i, 'Remote'],
  [/\bI certify\b|\bI agree\b/i, 'Yes'],
];

/** The letter the cover-letter stage wrote for the job, and its PDF. */
export const COVER_LETTER_TEXT = 'Dear hiring team, I build reliable Python and Go services and would love to do that with you.';
export const pdfFile = (fileName: string): UploadFile => ({ fileName, bytes: tinyPdf(fileName), mimeType: 'application/pdf' });

/** A FieldQuestions that answers like the test user (by USER_ANSWERS) and remembers every question. */
export class TableQuestions implements FieldQuestions {
  readonly asked: FieldQuestion[] = [];

  constructor(
    private readonly table: readonly (readonly [RegExp, string])[] = USER_ANSWERS,
    private readonly file: UploadFile | null = null,
  ) {}

  ask(question: FieldQuestion): Promise<FieldAnswer | null> {
    this.asked.push(question);
    return Promise.resolve(this.answer(question));
  }

  private answer(question: FieldQuestion): FieldAnswer | null {
    if (question.wantsFile) return this.file ? { kind: 'file', file: this.file } : null;
    const text = this.table.find(([pattern]) => pattern.test(question.label))?.[1];
    if (text === undefined) return null;
    const option = question.options.find((o) => o.label.toLowerCase() === text.toLowerCase() || o.value === text);
    return option ? { kind: 'choice', values: [option.value] } : { kind: 'text', value: text };
  }
}

export interface Expectation {
  profile: ProfileFields;
  coverLetter: string | null;
  files: { resume: string | null; coverLetter: string | null };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Which of a group's options the resume names (as a word, in any case). */
function skillsIn(resume: string, options: readonly string[]): string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return options.filter((o) => new RegExp(`(^|[^\\w])${escape(o)}($|[^\\w])`, 'i').test(resume)).join(', ');
}

/** The user's own answer to a question only they can answer, as the board keeps it. */
function humanAnswer(field: SandboxField): string | undefined {
  const text = USER_ANSWERS.find(([pattern]) => pattern.test(field.label))?.[1];
  if (text === undefined) return undefined;
  return field.kind === 'checkbox' ? (/^yes$/i.test(text) ? 'yes' : undefined) : text;
}

/** Values worked out from the profile, not copied from it (the country of Lisbon, the month of the start date…). */
function derived(field: SandboxField, p: ProfileFields, resume: string): string | undefined {
  const [year = '', month = '', day = ''] = (p.earliestStartDate ?? '').split('-');
  switch (field.profileKey) {
    case 'phoneCallingCode':
      return 'Portugal (+351)';
    case 'country':
      return 'Portugal';
    case 'region':
      return 'Europe';
    case 'startMonth':
      return MONTHS[Number(month) - 1];
    case 'startDay':
      return String(Number(day));
    case 'startYear':
      return year;
    case 'skills':
      return skillsIn(resume, field.options ?? []) || undefined;
    default:
      return undefined;
  }
}

/**
 * What a correct applier sends in each field, worked out from the profile and the
 * user's answers independently of the applier; undefined means "left empty".
 */
export function expectedValue(field: SandboxField, e: Expectation): string | undefined {
  const p = e.profile;
  if (field.needsHuman) return humanAnswer(field);
  if (field.section === 'eeo') return field.options?.find((o) => /decline|don't wish/i.test(o));
  switch (field.profileKey) {
    case undefined:
      return undefined;
    case 'workAuthorization':
      return p.workAuthorization === 'yes' ? 'Yes' : 'No';
    case 'requiresSponsorship':
      return p.requiresSponsorship === 'yes' ? 'Yes' : 'No';
    case 'yearsOfExperience':
      return field.options ? '6-9 years' : String(p.yearsOfExperience);
    case 'resume':
      return e.files.resume ?? undefined;
    case 'coverLetter':
      return (field.kind === 'file' ? e.files.coverLetter : e.coverLetter) ?? undefined;
    case 'name':
    case 'firstName':
    case 'lastName':
    case 'email':
    case 'phone':
    case 'location':
    case 'linkedinUrl':
    case 'githubUrl':
    case 'websiteUrl':
    case 'currentCompany':
    case 'desiredSalary':
    case 'earliestStartDate':
    case 'resumeText':
      return p[field.profileKey] || undefined;
    default:
      return derived(field, p, p.resumeText);
  }
}

/** A follow-up is part of the application only when the answer it waits for was given. */
export function isShown(field: SandboxField, expected: ReadonlyMap<string, string | undefined>): boolean {
  return !field.showIf || expected.get(field.showIf.field) === field.showIf.equals;
}
