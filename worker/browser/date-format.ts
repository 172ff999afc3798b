import type { DatePart, FieldDescriptor, FieldOption } from './read-fields';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function ymdOf(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoOf = (d: Ymd) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** The date format a text field asks for, from its placeholder, its title or its label ("MM/DD/YYYY"). */
export function dateFormatHint(field: FieldDescriptor): string | null {
  for (const text of [field.placeholder, field.label, field.ariaLabel, field.nearbyText]) {
    const m = /\b((?:dd|mm|yyyy|yy)[./\-\s](?:dd|mm)[./\-\s](?:yyyy|yy|dd)|yyyy[./-]mm[./-]dd)\b/i.exec(text);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** "2027-02-01" written as the hint says ("MM/DD/YYYY" → "02/01/2027"). */
export function formatDate(iso: string, hint: string): string {
  const d = ymdOf(iso);
  if (!d) return iso;
  return hint.replace(/yyyy|yy|mm|dd/gi, (token) => {
    const t = token.toLowerCase();
    if (t === 'yyyy') return pad(d.year, 4);
    if (t === 'yy') return pad(d.year % 100);
    return pad(t === 'mm' ? d.month : d.day);
  });
}

/** A date the user typed, as ISO: "2027-02-01", "02/01/2027" (as the field's format reads it), "1 February 2027". */
export function parseDate(text: string, hint: string | null): string | null {
  const t = text.trim();
  if (ymdOf(t)) return t;
  const numeric = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})$/.exec(t);
  if (numeric) {
    const dayFirst = Boolean(hint && /^dd/i.test(hint));
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    return valid({ year: Number(numeric[3]), month: dayFirst ? b : a, day: dayFirst ? a : b });
  }
  const parsed = Date.parse(`${t} UTC`);
  if (Number.isNaN(parsed)) return null;
  const d = new Date(parsed);
  return valid({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

function valid(d: Ymd): string | null {
  const iso = isoOf(d);
  const back = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(back.getTime()) && back.toISOString().startsWith(iso) ? iso : null;
}

/** The spellings an option may use for one part of a date ("February", "Feb", "02", "2"). */
function spellings(part: DatePart['part'], d: Ymd): string[] {
  if (part === 'year') return [String(d.year), pad(d.year % 100)];
  if (part === 'day') return [String(d.day), pad(d.day)];
  const name = MONTHS[d.month - 1] ?? '';
  return [name, name.slice(0, 3), pad(d.month), String(d.month)];
}

/** Each part select's option for the date, or null when some part has no such option. */
export function datePartOptions(parts: readonly DatePart[], iso: string): { ref: string; option: FieldOption }[] | null {
  const d = ymdOf(iso);
  if (!d) return null;
  const chosen = parts.map((p) => {
    const wanted = spellings(p.part, d);
    const option = p.options.find((o) => [o.label, o.value].some((s) => wanted.includes(s.trim().toLowerCase().replace(/\.$/, ''))));
    return option ? { ref: p.ref, option } : null;
  });
  return chosen.every((c) => c !== null) ? chosen : null;
}
