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
  | 'file';

/**
 * Which profile value a correct applier puts in a field: a ProfileFields key (`name` is
 * the full name), or the resume file, or a cover letter / motivation text it writes.
 */
export type SandboxProfileKey = Exclude<keyof ProfileFields, 'jobSources'> | 'resume' | 'coverLetter';

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
}

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
  /** What makes it hard for an automated applier, for docs and the board. */
  summary: string;
  fields(context: FormContext): SandboxField[];
  render(view: FormView): RenderedForm;
}
