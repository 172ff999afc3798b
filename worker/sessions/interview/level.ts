import type { Seniority as PostingSeniority } from '../../analysis/requirements';
import type { Seniority as RequestedSeniority } from '~/shared/sessions/salary';
import type { Level } from './types';

/**
 * The level the questions are pitched at. What the user asked for wins over what the
 * posting says, since they may rehearse for the next step up; with neither, "mid",
 * because its questions suit most people.
 */
export function interviewLevel(requested: RequestedSeniority | undefined, posting: PostingSeniority | null): Level {
  if (requested) return fromRequested(requested);
  if (posting) return fromPosting(posting);
  return 'mid';
}

function fromRequested(seniority: RequestedSeniority): Level {
  switch (seniority) {
    case 'junior':
    case 'mid':
    case 'senior':
    case 'staff':
    case 'lead':
      return seniority;
    case 'principal':
      return 'staff';
    case 'manager':
    case 'director':
      return 'lead';
  }
}

function fromPosting(seniority: PostingSeniority): Level {
  switch (seniority) {
    case 'intern':
    case 'junior':
      return 'junior';
    case 'mid':
    case 'senior':
    case 'staff':
    case 'lead':
      return seniority;
    case 'principal':
      return 'staff';
  }
}

/** Senior and above are asked about scope, mentoring and trade-offs. */
export function isSenior(level: Level): boolean {
  return level === 'senior' || level === 'staff' || level === 'lead';
}
