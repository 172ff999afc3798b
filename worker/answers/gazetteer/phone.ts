import { COUNTRIES, countryByCode } from './lookup';

/**
 * Which country a shared calling code means when the number does not say (+1 is the US
 * unless the area code is Canadian or Caribbean; +44 the UK, not Jersey).
 */
const HOME_OF_SHARED_CODE: Readonly<Record<string, string>> = {
  '+1': 'US', '+7': 'RU', '+44': 'GB', '+47': 'NO', '+61': 'AU', '+262': 'RE', '+290': 'SH', '+358': 'FI', '+39': 'IT', '+500': 'FK',
  '+590': 'GP', '+599': 'CW', '+672': 'NF', '+212': 'MA', '+64': 'NZ',
};

/** North American area codes outside the US. */
const NANP_AREA_CODES: Readonly<Record<string, readonly string[]>> = {
  CA: ['204', '226', '236', '249', '250', '257', '263', '289', '306', '343', '354', '365', '367', '368', '382', '387', '403', '416', '418', '428', '431',
    '437', '438', '450', '460', '468', '474', '506', '514', '519', '548', '579', '581', '584', '587', '604', '613', '639', '647', '672', '683', '705',
    '709', '742', '753', '778', '780', '782', '807', '819', '825', '867', '873', '879', '902', '905', '942'],
  AG: ['268'], AI: ['264'], AS: ['684'], BB: ['246'], BM: ['441'], BS: ['242'], DM: ['767'], DO: ['809', '829', '849'], GD: ['473'], GU: ['671'],
  JM: ['876', '658'], KN: ['869'], KY: ['345'], LC: ['758'], MP: ['670'], MS: ['664'], PR: ['787', '939'], SX: ['721'], TC: ['649'], TT: ['868'],
  VC: ['784'], VG: ['284'], VI: ['340'],
};

const byAreaCode = new Map<string, string>();
for (const [country, codes] of Object.entries(NANP_AREA_CODES)) for (const code of codes) byAreaCode.set(code, country);

const CALLING_CODES = new Set(COUNTRIES.map((c) => c.callingCode));

/** "+351" for "PT" (alpha-2 or alpha-3, any case); null for a code the gazetteer does not know. */
export function callingCodeOf(countryCode: string): string | null {
  return countryByCode(countryCode)?.callingCode ?? null;
}

/** Every country dialled with a calling code ("+44": GB, GG, IM, JE). */
export function countriesWithCallingCode(callingCode: string): string[] {
  const code = callingCode.startsWith('+') ? callingCode : `+${callingCode}`;
  return COUNTRIES.filter((c) => c.callingCode === code).map((c) => c.code);
}

export interface SplitPhone {
  callingCode: string;
  /** ISO alpha-2 of the likeliest country for the number. */
  country: string;
  /** The rest as written ("912 345 678"), without a "(0)" trunk prefix. */
  national: string;
}

/**
 * "+351 912 345 678" → { callingCode: '+351', country: 'PT', national: '912 345 678' }; also
 * "00351…" and "+1 (416) 555-0100" (Canada by its area code). Null when the number has no
 * international prefix: its country cannot be told from the digits.
 */
export function splitPhone(phone: string): SplitPhone | null {
  const m = /^\s*(?:\+|00)\s*([\d\s().-]+)$/.exec(phone);
  if (!m?.[1]) return null;
  const rest = m[1];
  let digits = '';
  for (let i = 0; i < rest.length && digits.length < 4; i++) {
    const ch = rest.charAt(i);
    if (!/\d/.test(ch)) {
      if (digits) break;
      continue;
    }
    digits += ch;
    const code = `+${digits}`;
    // ITU calling codes are prefix-free: the first code the digits spell is the one.
    if (CALLING_CODES.has(code)) {
      const national = rest.slice(i + 1).replace(/^[\s.-]+/, '').replace(/^\(0\)\s*/, '').trim();
      return { callingCode: code, country: countryFor(code, national), national };
    }
  }
  return null;
}

function countryFor(callingCode: string, national: string): string {
  const digits = national.replace(/\D/g, '');
  if (callingCode === '+1') return byAreaCode.get(digits.slice(0, 3)) ?? 'US';
  // Kazakhstan shares +7 with Russia; its numbers start with 6 or 7.
  if (callingCode === '+7') return /^[67]/.test(digits) ? 'KZ' : 'RU';
  const home = HOME_OF_SHARED_CODE[callingCode];
  if (home) return home;
  return countriesWithCallingCode(callingCode)[0] ?? '';
}
