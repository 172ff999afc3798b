import type { ProfileFields } from '~/shared/profile';
import type { AnswerKey } from '../browser/field-mapper';

/** One choice of a select, radio group or custom dropdown. */
export interface Option {
  value: string;
  label: string;
}

/**
 * What fits: one option, several equally (the human picks among `candidates`), or none.
 * `why` is a sentence for the user: which fact of the profile led where.
 */
export type Choice =
  | { kind: 'chosen'; option: Option; why: string }
  | { kind: 'ambiguous'; candidates: Option[]; why: string }
  | { kind: 'none'; why: string };

export interface ChoiceRequest {
  key: AnswerKey;
  /** The profile's value for the key, as answerFor gives it ("Portland, OR", "7", "yes", "2027-01-15"). */
  value: string;
  /** The field's question as a person reads it; it can change what an option means. */
  question: string;
  options: readonly Option[];
  /** Today, for start dates; the tests pass a fixed day. */
  now?: Date;
  /**
   * The other work-eligibility answer, when the caller has it: "authorized to work without
   * sponsorship" options combine both facts.
   */
  facts?: Partial<Pick<ProfileFields, 'workAuthorization' | 'requiresSponsorship'>>;
}

/** The text of an option a person reads: its label, or its value when it has none. */
export const textOf = (o: Option): string => (o.label.trim() || o.value).trim();

export const quoted = (options: readonly Option[]): string => options.map((o) => `"${textOf(o)}"`).join(', ');
