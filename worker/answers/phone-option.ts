import { scan } from './gazetteer/lexicon';
import { countryByCode } from './gazetteer/lookup';
import { splitPhone } from './gazetteer/phone';
import { pickBest, type Scored } from './pick';
import { textOf, type Choice, type Option } from './types';

/** The calling codes an option writes: "+351", "(+1)", "US +1", "00 44". */
function codesIn(text: string): string[] {
  return [...text.matchAll(/(?:\+|\b00)\s?(\d{1,4})\b/g)].map((m) => `+${m[1] ?? ''}`);
}

/**
 * "+1" fits any +1 number; "+1876" (Jamaica written with its area code) only numbers that go on
 * with 876.
 */
function fitsNumber(code: string, callingCode: string, national: string): boolean {
  const digits = `${callingCode}${national.replace(/\D/g, '')}`;
  return code.startsWith(callingCode) && digits.startsWith(code);
}

/** The countries an option names, by name or by an ISO code as its value ("PT"). */
function countriesIn(option: Option): Set<string> {
  const named = scan(option.label).flatMap((item) => (item.kind === 'mention' ? item.entities : []));
  const codes = named.flatMap((e) => (e.kind === 'country' ? [e.country.code] : []));
  const byValue = /^[A-Za-z]{2,3}$/.test(option.value.trim()) ? countryByCode(option.value) : undefined;
  return new Set(byValue ? [...codes, byValue.code] : codes);
}

/**
 * The calling-code option for the profile's phone ("+1 (503) …" → "United States (+1)", not
 * "Canada (+1)"). null when the phone has no international prefix or no option names a code or country.
 */
export function choosePhoneOption(value: string, options: readonly Option[]): Choice | null {
  const phone = splitPhone(value);
  if (!phone) return null;
  const scored: Scored[] = [];
  let readable = false;
  for (const option of options) {
    const codes = codesIn(`${option.label} ${option.value}`);
    const countries = countriesIn(option);
    if (codes.length > 0 || countries.size > 0) readable = true;
    const codeFits = codes.some((code) => fitsNumber(code, phone.callingCode, phone.national));
    const countryFits = countries.has(phone.country);
    if ((codes.length > 0 && !codeFits) || (countries.size > 0 && !countryFits)) continue;
    const score = (codeFits ? 2 : 0) + (countryFits ? 1 : 0);
    if (score > 0) scored.push({ option, score, why: `your phone number starts with ${phone.callingCode} (${phone.country}): "${textOf(option)}"` });
  }
  if (!readable) return null;
  return pickBest(scored, `your phone number's calling code (${phone.callingCode})`);
}
