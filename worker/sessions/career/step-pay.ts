/**
 * Pay for each rung of a trajectory, from postings collected once: a posting pays a
 * rung when its title has the rung's role words and reads as the rung's level. The
 * research engine turns each rung's postings into quartiles, in one currency for the
 * whole ladder so that the rungs compare; below its minimum sample a rung has no pay.
 */
import { normalizeTitle } from '../../sources/dedupe';
import { queryMatcher } from '../../sources/match';
import type { JobPosting } from '../../sources/types';
import { analyseSalaries } from '../salary-research/analyse';
import { reportCurrency } from '../salary-research/currency';
import { rungOfTitle } from './placement';
import type { PlannedStep, StepPay } from './trajectory';

/** Whether a posting's title is this rung: the role's words, and the same track and level. */
export function stepMatcher(step: PlannedStep): (title: string) => boolean {
  const hasRole = queryMatcher(normalizeTitle(step.roleWords));
  return (title) => {
    if (!hasRole({ title: normalizeTitle(title), description: '' })) return false;
    const rung = rungOfTitle(title);
    return rung.track === step.track && rung.level === step.level;
  };
}

/** Whether a posting pays any of the rungs: the postings worth looking up pay for. */
export function anyStepMatcher(steps: readonly PlannedStep[]): (title: string) => boolean {
  const matchers = steps.map(stepMatcher);
  return (title) => matchers.some((matches) => matches(title));
}

export function payForSteps(steps: readonly PlannedStep[], postings: readonly JobPosting[]): StepPay[] {
  const onLadder = anyStepMatcher(steps);
  const currency = reportCurrency(postings.filter((p) => p.salary !== null && onLadder(p.title)));
  return steps.map((step) => {
    const matches = stepMatcher(step);
    const { result } = analyseSalaries(
      postings.filter((p) => matches(p.title)),
      { currency },
    );
    if (!result.enough || result.p25 === null || result.p50 === null || result.p75 === null) return null;
    return { currency: result.currency, p25: result.p25, p50: result.p50, p75: result.p75, sampleSize: result.sampleSize };
  });
}
