import { dateFormatHint, formatDate, parseDate, datePartOptions } from './date-format';
import type { FieldAnswer } from './field-questions';
import { checkAction, chooseAction, partsAction, tickAction, typeAction, uploadAction, type FillAction } from './form-filler';
import type { Scope } from './field-locators';
import type { FieldDescriptor, FieldOption } from './read-fields';

const YES = /^(yes|y|true|check|checked|agree|i agree|accept|i accept|confirm|ok)$/i;
const NO = /^(no|n|false|uncheck|unchecked|disagree|decline)$/i;

/** The user's words as a list: the choices they picked, or lines / commas of what they typed. */
function wordsOf(answer: Exclude<FieldAnswer, { kind: 'file' }>): string[] {
  const raw = answer.kind === 'choice' ? answer.values : answer.value.split(/\n|;|,(?!\d)/);
  return raw.map((s) => s.trim()).filter(Boolean);
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const optionFor = (field: FieldDescriptor, word: string): FieldOption | undefined =>
  field.options.find((o) => o.value === word) ?? field.options.find((o) => norm(o.label) === norm(word) || norm(o.value) === norm(word));

/**
 * Puts the user's answer into the field; null when it does not fit the field (not one
 * of its options, not a date, not a file for a file input), so that the walker can ask again.
 */
export async function fillAnswer(scope: Scope, field: FieldDescriptor, answer: FieldAnswer, timeoutMs: number): Promise<FillAction | null> {
  if (answer.kind === 'file' || field.control === 'file') {
    return answer.kind === 'file' && field.control === 'file' ? uploadAction(scope, field, answer.file, timeoutMs) : null;
  }
  const words = wordsOf(answer);
  const text = answer.kind === 'text' ? answer.value.trim() : (words[0] ?? '');
  switch (field.control) {
    case 'select':
    case 'radio':
    case 'combobox': {
      const option = words.map((w) => optionFor(field, w)).find(Boolean);
      return option ? chooseAction(scope, field, option, timeoutMs) : null;
    }
    case 'checkboxes': {
      const options = words.map((w) => optionFor(field, w));
      const known = options.filter((o) => o !== undefined);
      return known.length > 0 && known.length === options.length ? checkAction(scope, field, known, timeoutMs) : null;
    }
    case 'checkbox':
      return YES.test(text) ? tickAction(scope, field, true, timeoutMs) : NO.test(text) ? tickAction(scope, field, false, timeoutMs) : null;
    case 'date-parts': {
      const iso = parseDate(text, null);
      const values = iso ? datePartOptions(field.parts ?? [], iso) : null;
      return values ? partsAction(scope, values, timeoutMs) : null;
    }
    case 'date': {
      const iso = parseDate(text, null);
      return iso ? typeAction(scope, field, iso, timeoutMs) : null;
    }
    default:
      return typeAction(scope, field, asTheFieldWritesIt(field, text), timeoutMs);
  }
}

/** A date typed into a field that shows its format ("DD/MM/YYYY") is written that way. */
function asTheFieldWritesIt(field: FieldDescriptor, text: string): string {
  const hint = dateFormatHint(field);
  const iso = hint ? parseDate(text, hint) : null;
  return hint && iso ? formatDate(iso, hint) : text;
}
