import type { ProfileFields } from '~/shared/profile';
import type { LayoutName } from './layout-names';

export type SandboxFieldKind =
  | 'text'
  | 'email'
  | 'tel'
  | 'url'
  | 'number'
  | 'date'
  | 'textarea'
  | 'select'
  | 'combobox'
  | 'radio'
  | 'checkbox'
  /** "Select all that apply": several checkboxes under one name; the server keeps every value. */
  | 'checkboxes'
  | 'file';

/**
 * Answers worked out from a profile value rather than copied from it: the parts of a
 * split phone number, the country and region of the location, the parts of the start
 * date, and the skills the resume shows (for a "select all that apply").
 */
export type DerivedProfileKey =
  | 'phoneCallingCode'
  | 'phoneNational'
  | 'country'
  | 'region'
  | 'startMonth'
  | 'startDay'
  | 'startYear'
  | 'skills';

/**
 * Which profile value a correct applier puts in a field: a ProfileFields key (`name` is
 * the full name), the resume file, a cover letter / motivation text it writes, or an
 * answer derived from the profile.
 */
export type SandboxProfileKey = Exclude<keyof ProfileFields, 'jobSources' | 'savedAnswers'> | 'resume' | 'coverLetter' | DerivedProfileKey;

/** One field of an application form: what the form shows and what a correct answer is. */
export interface SandboxField {
  /** The form control's `name`, as the server receives it. */
  name: string;
  /** The question as the form words it (label, placeholder or nearby text, by layout). */
  label: string;
  kind: SandboxFieldKind;
  required: boolean;
  /** The values a select, combobox or radio group accepts (each option's value is its text). */
  options?: string[];
  profileKey?: SandboxProfileKey;
  section?: 'eeo' | 'screening';
  /** The profile cannot answer it: the applier must ask the human. */
  needsHuman?: boolean;
  /** The `autocomplete` token, in the layouts that emit one. */
  autocomplete?: string;
  /** The wizard's step (1-based) that shows the field. */
  step?: number;
  /**
   * Shown (and validated, and kept) only when another field has this value ("Do you
   * need relocation?" Yes → "Where to?"); `required` then means required when shown.
   */
  showIf?: { field: string; equals: string };
  /**
   * A date drawn as a text input in this format (the browser insists on it); the server
   * also takes ISO dates, as an ATS's API does, and keeps every date as ISO.
   */
  textDate?: TextDateFormat;
  /**
   * A national phone number whose calling code is chosen in that field (options end in
   * "(+351)"): kept as one international number; one typed with its "+" is kept as is.
   */
  callingCodeFrom?: string;
}

export type TextDateFormat = 'MM/DD/YYYY' | 'DD/MM/YYYY';

/** What the posting contributes to a form's wording. */
export interface FormContext {
  company: string;
  workCountry: string;
}

/** A form as a layout renders it: the current values and errors, where it posts. */
export interface FormView {
  layout: LayoutName;
  fields: readonly SandboxField[];
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  action: string;
  title: string;
  company: string;
}

export interface RenderedForm {
  html: string;
  /** Inline scripts the page needs (the page's CSP allows exactly these). */
  scripts: readonly string[];
  css: string;
}

/** A layout: its fields (the single source of truth) and how it draws them. */
export interface LayoutDefinition {
  name: LayoutName;
  /**
   * The apply page only frames the form, which lives at `/apply/embed` (as boards that
   * embed their ATS's form in an iframe do); the form's own document shows its errors.
   */
  embedded?: boolean;
  /** What makes it hard for an automated applier, for docs and the board. */
  summary: string;
  fields(context: FormContext): SandboxField[];
  render(view: FormView): RenderedForm;
}
