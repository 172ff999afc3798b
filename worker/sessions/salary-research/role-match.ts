import type { Seniority } from '~/shared/sessions/salary';
import { normalizeTitle } from '../../sources/dedupe';
import { queryMatcher } from '../../sources/match';
import { matchesSeniority } from './seniority';

export interface RoleFilter {
  role: string;
  seniority?: Seniority;
}

/**
 * Whether a posting's title is the role asked about. The sources match a query in the
 * description too, which is right for finding jobs but not for pay: a "Sales manager"
 * posting that mentions backend engineers says nothing about backend engineers' pay.
 * Both sides are normalised, so "Sr. Backend Engineer" is a "Senior backend engineer".
 */
export function titleMatcher(filter: RoleFilter): (title: string) => boolean {
  const matchesRole = queryMatcher(normalizeTitle(filter.role));
  const { seniority } = filter;
  return (title) => {
    if (!matchesRole({ title: normalizeTitle(title), description: '' })) return false;
    return seniority === undefined || matchesSeniority(title, seniority);
  };
}
