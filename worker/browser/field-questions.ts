import type { UploadFile } from './form-filler';
import type { FieldDescriptor } from './read-fields';

/**
 * The seam between the form walker (which reads and fills fields in the browser) and
 * the agent that asks the human: the walker says what it could not answer, the agent
 * asks (a HITL question, possibly a file upload, possibly saved to the profile) and
 * hands back what the user gave.
 */
export interface FieldQuestion {
  field: FieldDescriptor;
  /** The field's question as a person reads it. */
  label: string;
  /** Why the walker did not fill it, in the user's words ("no resume in your profile"). */
  reason: string;
  /** A value the walker thinks fits, for the user to confirm; null when it has none. */
  suggestion: string | null;
  /** The choices the user may pick from (empty for free text and files). */
  options: readonly { value: string; label: string }[];
  /** Several options may be picked ("select all that apply"). */
  multiple: boolean;
  /**
   * The field wants a file: the answer must be a file. `other` is a file the profile has
   * no place for (a portfolio PDF, a transcript): used for this application only.
   */
  wantsFile: 'resume' | 'coverLetter' | 'other' | null;
  /** What the page said was wrong with the field's last value, if it refused it. */
  pageSaid: string | null;
}

export type FieldAnswer =
  | { kind: 'text'; value: string }
  | { kind: 'choice'; values: string[] }
  | { kind: 'file'; file: UploadFile };

export interface FieldQuestions {
  /** Asks the human; null when no answer came (timeout, declined) and the field stays as it is. */
  ask(question: FieldQuestion): Promise<FieldAnswer | null>;
}
