import { RESUME_MAX_BYTES } from '~/shared/profile';
import { isIsoDate } from '../dates';
import type { SandboxField, TextDateFormat } from './field-types';

/** A file part of a submission, reduced to what validation and the receipt need. */
export interface UploadedFile {
  fileName: string;
  contentType: string;
  size: number;
  /** The first bytes, to recognise a PDF by its content rather than its name. */
  head: Uint8Array;
}

export interface SubmittedForm {
  /** The first value of each name. */
  values: ReadonlyMap<string, string>;
  /** Every value of each name, in the order sent (a checkbox group sends several). */
  lists: ReadonlyMap<string, readonly string[]>;
  files: ReadonlyMap<string, UploadedFile>;
}

/** How a checkbox group's values are kept: in the order of its options, one string. */
export const CHOICES_SEPARATOR = ', ';

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
      return isIsoDate(value) ? undefined : `${field.label}: enter a date${field.textDate ? ` as ${field.textDate}` : ''}.`;
    case 'select':
    case 'combobox':
    case 'radio':
      return field.options?.includes(value) ? undefined : `${field.label}: choose one of the options.`;
    case 'checkbox':
      return value === 'yes' ? undefined : `${field.label}: not a valid choice.`;
    case 'checkboxes':
      return value.split(CHOICES_SEPARATOR).every((v) => field.options?.includes(v)) ? undefined : `${field.label}: choose from the options.`;
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

/** A checkbox group's values as one string, in the order of its options (known values only are checked later). */
function groupValue(field: SandboxField, form: SubmittedForm): string {
  const sent = (form.lists.get(field.name) ?? []).map((v) => v.trim()).filter(Boolean);
  const known = (field.options ?? []).filter((o) => sent.includes(o));
  const unknown = sent.filter((v) => !known.includes(v));
  return [...known, ...unknown].join(CHOICES_SEPARATOR);
}

/** "02/01/2027" as the field's format says, to ISO; anything else is returned as it came. */
function isoFromText(value: string, format: TextDateFormat | undefined): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!format || !m) return value;
  const [month, day] = format === 'MM/DD/YYYY' ? [m[1], m[2]] : [m[2], m[1]];
  return `${m[3] ?? ''}-${month ?? ''}-${day ?? ''}`;
}

/** "+351 912 345 678" from the calling-code field's "Portugal (+351)" and "912 345 678". */
function internationalNumber(field: SandboxField, value: string, form: SubmittedForm): string {
  if (!field.callingCodeFrom || value.startsWith('+')) return value;
  const code = /\(\+(\d{1,4})\)\s*$/.exec(form.values.get(field.callingCodeFrom) ?? '')?.[1];
  return code ? `+${code} ${value}` : value;
}

/** The value as the ATS keeps it: trimmed, line breaks as typed (a browser posts them as CRLF), dates as ISO, phone numbers international. */
function normalizedValue(field: SandboxField, form: SubmittedForm): string {
  if (field.kind === 'checkboxes') return groupValue(field, form);
  const value = (form.values.get(field.name) ?? '').replace(/\r\n?/g, '\n').trim();
  if (value === '') return value;
  if (field.kind === 'date') return isoFromText(value, field.textDate);
  return internationalNumber(field, value, form);
}

/** A conditional field whose condition does not hold is not part of the application. */
function isShown(field: SandboxField, form: SubmittedForm): boolean {
  return !field.showIf || (form.values.get(field.showIf.field) ?? '').trim() === field.showIf.equals;
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
    if (!isShown(field, form)) continue;
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
    const value = normalizedValue(field, form);
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
