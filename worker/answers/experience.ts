import { bandHas, parseBand, pickBand, type Band, type Scale } from './bands';
import { textOf, type Choice, type Option } from './types';

/** Months and weeks in a years question ("Less than 6 months"). */
const inYears: Scale = (n, unit) => (unit?.startsWith('mo') ? n / 12 : unit?.startsWith('w') ? n / 52 : unit?.startsWith('d') ? n / 365 : n);

const NO_EXPERIENCE = /\b(?:none|no (?:prior |professional |relevant )?experience|no years)\b/i;

function bandOf(label: string): Band | null {
  if (NO_EXPERIENCE.test(label)) return { min: 0, max: 0, minInclusive: true, maxInclusive: true };
  return parseBand(label, inYears);
}

/**
 * Years of experience against bands: "0-1", "1–3 years", "3 to 5", "5+", "10 or more",
 * "Less than 2", "Junior (0-2)". Edges are read as written ("less than 2" excludes 2, "1-3"
 * includes 3), so 3 years against "1-3" and "3-5" fits both and the human chooses.
 * null when no option names a number.
 */
export function chooseExperience(value: string, options: readonly Option[]): Choice | null {
  const years = Number(value);
  if (!value.trim() || !Number.isFinite(years)) return null;
  const read = options.map((option) => ({ option, band: bandOf(textOf(option)) }));
  if (!read.some((r) => r.band !== null)) return null;
  const fitting = read.flatMap((r) => (r.band && bandHas(r.band, years) ? [{ option: r.option, band: r.band }] : []));
  return pickBand(fitting, `your ${years} years of experience`, `${years} years`);
}
