/**
 * The next rungs from where the user stands: up to three on the IC track and up to
 * three on the management track, each with its typical years and the skills that
 * separate it. A manager's IC options are the senior IC rungs people move across to.
 */
import type { EventData } from '~/shared/events';
import {
  IC_LEVELS,
  MANAGEMENT_LEVELS,
  TYPICAL_YEARS,
  icTitle,
  type IcLevel,
  type Level,
  type ManagementLevel,
  type Track,
} from './ladder';
import type { Placement } from './placement';

export const MAX_STEPS_PER_TRACK = 3;

export interface PlannedStep {
  title: string;
  track: Track;
  level: Level;
  years: number;
  skills: string[];
  /** The words a posting's title must have to be this rung, besides its level ("Backend Engineer"). */
  roleWords: string;
}

export type Trajectory = EventData<'career_trajectory'>;
export type StepPay = Trajectory['steps'][number]['pay'];

/** The IC rungs after the user's, or for a manager the ones at staff level and above. */
function icLevelsAhead(placement: Placement): IcLevel[] {
  if (placement.track === 'ic') return IC_LEVELS.slice(IC_LEVELS.indexOf(placement.level) + 1);
  // A manager who returns to IC work does so at the level of their scope: staff, or principal from senior manager up.
  return placement.level === 'manager' ? ['staff', 'principal'] : ['principal'];
}

/** Management starts at its first rung from any IC level; a manager climbs from their own. */
function managementLevelsAhead(placement: Placement): ManagementLevel[] {
  if (placement.track === 'ic') return [...MANAGEMENT_LEVELS];
  return MANAGEMENT_LEVELS.slice(MANAGEMENT_LEVELS.indexOf(placement.level) + 1);
}

export function nextSteps(placement: Placement): PlannedStep[] {
  const { family, role } = placement;
  const step = (title: string, track: Track, level: Level, roleWords: string): PlannedStep => ({
    title,
    track,
    level,
    years: TYPICAL_YEARS[level],
    skills: [...family.skills[level]],
    roleWords,
  });
  const ic = icLevelsAhead(placement)
    .slice(0, MAX_STEPS_PER_TRACK)
    .map((level) => step(icTitle(family, role, level), 'ic', level, role));
  const management = managementLevelsAhead(placement)
    .slice(0, MAX_STEPS_PER_TRACK)
    .map((level) => {
      const title = placement.managementTitles[level];
      // "Senior Engineering Manager" postings are found by "Engineering Manager" and told apart by their level.
      return step(title, 'management', level, title.replace(/\bsenior\s+/i, ''));
    });
  return [...ic, ...management];
}

/** The trajectory event: where the user is, and each next rung with its pay (null without enough postings). */
export function trajectoryOf(placement: Placement, steps: readonly PlannedStep[], pay: readonly StepPay[]): Trajectory {
  return {
    from: { title: placement.title, seniority: placement.level, years: placement.years },
    steps: steps.map((step, i) => ({
      title: step.title,
      track: step.track,
      years: step.years,
      skills: step.skills,
      pay: pay[i] ?? null,
    })),
  };
}
