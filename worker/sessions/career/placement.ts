/**
 * Where the user stands on a ladder: the family from their title (or, without one, from
 * the mix of their skills), the track and level from the title's words, and the years
 * from the profile or the resume's dates. The same reading of titles classifies
 * postings, so a "Senior Backend Engineer" posting pays the senior rung.
 */
import { skillCategory } from '../../analysis/skills';
import {
  FAMILIES,
  TYPICAL_YEARS,
  icTitle,
  managementTitles,
  type FamilyId,
  type IcLevel,
  type JobFamily,
  type ManagementLevel,
} from './ladder';
import { roleWithoutLevel } from './roles';

export type Rung = { track: 'ic'; level: IcLevel } | { track: 'management'; level: ManagementLevel };

export type Placement = Rung & PlacementDetails;

interface PlacementDetails {
  family: JobFamily;
  /** The IC role of the ladder, without a level ("Backend Engineer"). */
  role: string;
  /** The title the user holds, or the rung's title when no title was given. */
  title: string;
  managementTitles: Readonly<Record<ManagementLevel, string>>;
  years: number;
  /** False when neither the profile nor the resume says, and the level's typical years stand in. */
  yearsKnown: boolean;
  /** What the placement rests on. */
  basis: 'title' | 'skills';
}

export interface PlacementInput {
  /** The current title (from the resume or the message); null when there is none. */
  title: string | null;
  skills: readonly string[];
  years: number | null;
}

export function familyOfTitle(title: string): JobFamily | null {
  return FAMILIES.find((f) => f.titlePattern.test(title)) ?? null;
}

/** Generic practices (Git, Agile…) say nothing about a field, so only a family's own skills count. */
export function familyOfSkills(skills: readonly string[]): JobFamily | null {
  const counts = new Map<FamilyId, number>();
  for (const skill of skills) {
    const category = skillCategory(skill);
    const family = category === undefined || category === 'practice' ? undefined : FAMILIES.find((f) => f.skillCategories.includes(category));
    if (family) counts.set(family.id, (counts.get(family.id) ?? 0) + 1);
  }
  // Ties go to the family listed first, so the same skills always give the same family.
  let best: JobFamily | null = null;
  for (const family of FAMILIES) {
    const n = counts.get(family.id) ?? 0;
    if (n > 0 && (best === null || n > (counts.get(best.id) ?? 0))) best = family;
  }
  return best;
}

const DIRECTOR = /\b(?:director|head of|vp|vice president|chief)\b/i;
const SENIOR = /\b(?:senior|sr|snr)\b/i;
/** "Product Manager" names a discipline, not a people manager; a group product manager manages. */
const NOT_PEOPLE_MANAGER = /\b(?:product|program|project|account|community|marketing|office|case|release)\s+manager\b/gi;

function managementLevel(title: string): ManagementLevel | null {
  if (DIRECTOR.test(title)) return 'director';
  const managesPeople = /\bgroup product manager\b/i.test(title) || /\bmanager\b/i.test(title.replace(NOT_PEOPLE_MANAGER, ''));
  if (!managesPeople) return null;
  return SENIOR.test(title) ? 'senior manager' : 'manager';
}

const IC_MARKERS: readonly [RegExp, IcLevel][] = [
  [/\b(?:principal|distinguished|fellow)\b/i, 'principal'],
  [/\bstaff\b/i, 'staff'],
  // "Lead" titles sit between senior and staff; counted as senior, staff is their next rung.
  [/\b(?:senior|sr|snr|lead)\b|\bIII$/i, 'senior'],
  [/\b(?:junior|jr|associate|entry[\s-]level|graduate|intern|trainee|apprentice)\b|\bI$/, 'junior'],
  [/\b(?:mid[\s-]?level|intermediate)\b|\bII$/, 'mid'],
];

/**
 * A title without a level word is the middle rung, or lower with under two years;
 * years alone never make someone staff: that rung is a title people are given.
 */
function levelFromYears(years: number | null): IcLevel {
  if (years === null) return 'mid';
  if (years < 2) return 'junior';
  return years < TYPICAL_YEARS.senior ? 'mid' : 'senior';
}

/** The rung a title names; `years` only decides when the title names no level. */
export function rungOfTitle(title: string, years: number | null = null): Rung {
  const manager = managementLevel(title);
  if (manager) return { track: 'management', level: manager };
  const marked = IC_MARKERS.find(([pattern]) => pattern.test(title))?.[1];
  return { track: 'ic', level: marked ?? levelFromYears(years) };
}

/** The user's place on a ladder; null when there is neither a title nor a skill to go on. */
export function placeUser(input: PlacementInput): Placement | null {
  const title = input.title?.trim() ?? '';
  const family = (title === '' ? null : familyOfTitle(title)) ?? familyOfSkills(input.skills);
  if (!family) return null;
  const placed = title === '' ? placeBySkills(family, input.years) : placeByTitle(family, title, input.years);
  return { ...placed, years: input.years ?? TYPICAL_YEARS[placed.level], yearsKnown: input.years !== null };
}

type Placed = Rung & Omit<PlacementDetails, 'years' | 'yearsKnown'>;

/** Without a title, the skills give the field and the years the rung. */
function placeBySkills(family: JobFamily, years: number | null): Placed {
  const level = levelFromYears(years);
  const role = family.defaultRole;
  const title = icTitle(family, role, level);
  return { track: 'ic', level, family, role, title, managementTitles: managementTitles(family, role), basis: 'skills' };
}

function placeByTitle(family: JobFamily, title: string, years: number | null): Placed {
  const rung = rungOfTitle(title, years);
  const role = icRole(family, title, rung);
  return { ...rung, family, role, title, managementTitles: managementTitles(family, `${title} ${role}`), basis: 'title' };
}

/** The IC role a ladder is built on: the user's own ("Backend Engineer") when their title is in the family. */
function icRole(family: JobFamily, title: string, rung: Rung): string {
  if (rung.track === 'management' || familyOfTitle(title)?.id !== family.id) return family.defaultRole;
  const role = roleWithoutLevel(title);
  return role === '' ? family.defaultRole : role;
}
