import type { Seniority } from '~/shared/sessions/salary';
import { normalizeTitle } from '../../sources/dedupe';

/**
 * A title's seniority, from the words boards put in titles. normalizeTitle has already
 * spelled out "Sr", "Jr" and "Mgr", so only the full words are listed here.
 */
const MARKERS: Readonly<Record<string, Exclude<Seniority, 'mid'>>> = {
  senior: 'senior',
  staff: 'staff',
  principal: 'principal',
  lead: 'lead',
  junior: 'junior',
  manager: 'manager',
  director: 'director',
};

/** Every seniority a title names ("Senior Engineering Manager": senior and manager); 'mid' when it names none. */
export function senioritiesOf(title: string): Set<Seniority> {
  const found = new Set<Seniority>(normalizeTitle(title).split(' ').flatMap((word) => MARKERS[word] ?? []));
  return found.size > 0 ? found : new Set<Seniority>(['mid']);
}

export function matchesSeniority(title: string, wanted: Seniority): boolean {
  return senioritiesOf(title).has(wanted);
}
