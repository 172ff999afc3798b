import { questionOf } from './field-mapper';
import type { FieldQuestion } from './field-questions';
import type { WalkPlan } from './form-planner';
import type { FieldDescriptor } from './read-fields';

export type AskPlan = Extract<WalkPlan, { kind: 'ask' }>;

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The choices to offer: a single checkbox is a yes or no; a choice offers its options (only those that fit, when several did). */
function offered(field: FieldDescriptor, plan: AskPlan): FieldQuestion['options'] {
  if (plan.wantsFile) return [];
  if (field.control === 'checkbox') return YES_NO;
  const options = plan.options ?? (['select', 'radio', 'combobox', 'checkboxes'].includes(field.control) ? field.options : []);
  return options.map(({ value, label }) => ({ value, label }));
}

/** The question the walker hands to the asking side for a field it could not fill. */
export function questionFor(field: FieldDescriptor, plan: AskPlan, pageSaid: string | null): FieldQuestion {
  return {
    field,
    label: questionOf(field),
    reason: plan.reason,
    suggestion: plan.suggestion,
    options: offered(field, plan),
    multiple: field.control === 'checkboxes',
    wantsFile: plan.wantsFile,
    pageSaid,
  };
}

/** Why nothing can be sent when no answer came for a field the form needs, and what to do about it. */
export function noAnswerMessage(field: FieldDescriptor, plan: AskPlan): string {
  const label = questionOf(field);
  switch (plan.wantsFile) {
    case 'resume':
      return `the form needs a resume file and none was given; add a resume (PDF) to your profile, then run again`;
    case 'coverLetter':
      return `the form needs a cover letter file and none was given; turn on cover letters for the run (or give a PDF when asked), then run again`;
    case 'other':
      return `"${label}" needs a file and none was given; give a PDF when asked, then run again`;
    default:
      return `"${label}" needs an answer and none came, so nothing was submitted`;
  }
}
