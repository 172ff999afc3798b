import { splitPhone } from '../answers';
import type { FieldDescriptor } from './read-fields';

/** A calling-code chooser ("Country code", "+351"): by its question, or by options that are mostly codes. */
export function isCallingCodeField(field: FieldDescriptor): boolean {
  if (!['select', 'combobox'].includes(field.control)) return false;
  const question = [field.label, field.ariaLabel, field.nearbyText, field.name].join(' ');
  if (/\b(country|calling|dial(l?ing)?|phone|area)[\s_-]*code\b|\bcountry[\s_-]*prefix\b/i.test(question)) return true;
  const coded = field.options.filter((o) => /\(?\+\d{1,4}\)?/.test(o.label)).length;
  return field.options.length > 0 && coded / field.options.length > 0.8;
}

/** "+351 912 345 678" → "912 345 678" for a form that asks the calling code apart; null when it cannot be split. */
export function nationalNumber(phone: string): string | null {
  return splitPhone(phone)?.national ?? null;
}

/** A phone field whose calling code the form asks in a chooser of its own. */
export function hasCallingCodeBeside(field: FieldDescriptor, known: readonly FieldDescriptor[]): boolean {
  return field.control === 'tel' || /phone|mobile/i.test(`${field.label} ${field.name}`)
    ? known.some((other) => other.ref !== field.ref && isCallingCodeField(other))
    : false;
}
