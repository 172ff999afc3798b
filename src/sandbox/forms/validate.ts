import { RESUME_MAX_BYTES } from '~/shared/profile';
import { isIsoDate } from '../dates';
import type { SandboxField } from './field-types';

/** A file part of a submission, reduced to what validation and the receipt need. */
export interface UploadedFile {
  fileName: string;
  contentType: string;
  size: number;
  /** The first bytes, to recognise a PDF by its content rather than its name. */
  head: Uint8Array;
}

export interface SubmittedForm {
  values: ReadonlyMap<string, string>;
  files: ReadonlyMap<string, UploadedFile>;
}

export interface SubmittedFileInfo {
  field: string;
  fileName: string;
  bytes: number;
  contentType: string;
}

export interface AcceptedApplication {
  fields: Record<string, string>;
  files: SubmittedFileInfo[];
}

export type ValidationOutcome =
  | { ok: true; application: AcceptedApplication }
  | { ok: false; values: Record<string, string>; errors: Record<string, string> };

const MAX_TEXT = 500;
const MAX_LONG_TEXT = 20_000;
const PDF_MAGIC = '%PDF-';

function required(field: SandboxField): string {
  return field.label.endsWith('?') ? `Please answer: ${field.label}` : `${field.label} is required.`;
}

function isUrl(value: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    return Boolean(new URL(value).hostname);
  } catch {
    return false;
  }
}

/** The problem with a filled-in text value, or undefined when it is acceptable. */
function textProblem(field: SandboxField, value: string): string | undefined {
  const max = field.kind === 'textarea' ? MAX_LONG_TEXT : MAX_TEXT;
  if (value.length > max) return `${field.label}: at most ${max} characters.`;
  switch (field.kind) {
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254 ? undefined : `${field.label}: enter a valid email address.`;
    case 'tel':
      return /^\+?[\d\s().-]{6,40}$/.test(value) ? undefined : `${field.label}: enter a phone number (digits, spaces, +, -, parentheses).`;
    case 'url':
      return isUrl(value) ? undefined : `${field.label}: enter a full web address starting with https://`;
    case 'number':
      return /^\d{1,2}$/.test(value) && Number(value) <= 70 ? undefined : `${field.label}: enter a whole number from 0 to 70.`;
    case 'date':
      return isIsoDate(value) ? undefined : `${field.label}: enter a date.`;
    case 'select':
    case 'combobox':
    case 'radio':
      return field.options?.includes(value) ? undefined : `${field.label}: choose one of the options.`;
    case 'checkbox':
      return value === 'yes' ? undefined : `${field.label}: not a valid choice.`;
    default:
      return undefined;
  }
}

function isPdf(file: UploadedFile): boolean {
  return Buffer.from(file.head.subarray(0, PDF_MAGIC.length)).toString('latin1') === PDF_MAGIC;
}

function fileProblem(field: SandboxField, file: UploadedFile): string | undefined {
  if (file.size > RESUME_MAX_BYTES) return `${field.label}: the file may be at most ${RESUME_MAX_BYTES / 1024 / 1024} MB.`;
  if (!isPdf(file)) return `${field.label} must be a PDF file.`;
  return undefined;
}

/**
 * Checks a submission against the layout's fields as an ATS server would. Only the
 * fields of the spec are kept; anything else the client sent is ignored.
 */
export function validateSubmission(fields: readonly SandboxField[], form: SubmittedForm): ValidationOutcome {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const files: SubmittedFileInfo[] = [];
  for (const field of fields) {
    if (field.kind === 'file') {
      const file = form.files.get(field.name);
      if (!file) {
        if (field.required) errors[field.name] = required(field);
        continue;
      }
      const problem = fileProblem(field, file);
      if (problem) errors[field.name] = problem;
      else files.push({ field: field.name, fileName: file.fileName, bytes: file.size, contentType: file.contentType });
      continue;
    }
    const value = (form.values.get(field.name) ?? '').trim();
    if (value === '') {
      if (field.required) errors[field.name] = required(field);
      continue;
    }
    values[field.name] = value;
    const problem = textProblem(field, value);
    if (problem) errors[field.name] = problem;
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, application: { fields: values, files } };
}
