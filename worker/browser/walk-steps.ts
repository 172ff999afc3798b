import type { Locator } from 'playwright-core';
import { UserFacingError } from '../user-facing-error';
import { findNextButton } from './buttons';
import type { AskPlan } from './field-question';
import type { WalkPlan } from './form-planner';
import { readProblems, type StepProblems } from './page-problems';
import { markStep, movedOn, settle } from './step-progress';
import { askAndFill, fillShown, planOf, refill } from './walk-fields';
import type { WalkSession } from './walk-session';

/**
 * A Continue that does not move on is clicked at most this often: the first click, a
 * retry after fixing what the profile answers, a last one after asking the user.
 */
const MAX_CLICKS_PER_STEP = 3;

/**
 * Moves the form to its next step. When the click does not move it on, the walker
 * reads why (alert(), error messages, invalid fields), fixes what the profile
 * answers and asks about the rest, then tries again, a bounded number of times; then
 * it gives up in words that say what the page wanted.
 */
export async function advance(s: WalkSession, first: Locator, step: number): Promise<void> {
  let button = first;
  let said: string[] = [];
  for (let click = 1; click <= MAX_CLICKS_PER_STEP; click++) {
    if (await clickMovesOn(s, button)) return;
    const problems = await readProblems(s.page, s.dialogs.take(), s.known, s.leftEmpty);
    if (problems.said.length > 0) said = problems.said;
    for (const message of problems.said) await s.events?.pageSaid?.(message);
    if (click === MAX_CLICKS_PER_STEP || !(await respond(s, problems, click))) break;
    button = (await findNextButton(s.page)) ?? button;
  }
  throw new UserFacingError(stuck(step, said));
}

async function clickMovesOn(s: WalkSession, button: Locator): Promise<boolean> {
  const before = await markStep(s.page);
  if (await button.isEnabled({ timeout: s.timeoutMs }).catch(() => false)) {
    const label = ((await button.innerText().catch(() => '')) || (await button.getAttribute('value')) || 'Next').trim();
    await s.events?.clicked?.(label);
    await button.click({ timeout: s.timeoutMs });
    await settle(s.page);
  }
  return movedOn(before, await markStep(s.page));
}

/**
 * Answers what the page said: new fields are filled; a field it refused is filled again
 * from the profile once, and otherwise asked about with the page's words. Whether
 * anything changed (if not, clicking again would only loop).
 */
async function respond(s: WalkSession, problems: StepProblems, click: number): Promise<boolean> {
  let acted = (await fillShown(s)) > 0;
  for (const problem of problems.fields) {
    const seen = s.known.get(problem.ref);
    if (!seen) continue;
    // The page says it needs an answer, whatever its markup said.
    const field = { ...seen, required: true };
    const plan = planOf(s, field);
    if (click === 1 && plan.kind !== 'ask' && plan.kind !== 'skip') await refill(s, field, plan);
    else await askAndFill(s, field, askPlan(plan, problem.said), problem.said);
    acted = true;
  }
  return acted;
}

/** The question to put when the profile's answer was refused or there is none. */
function askPlan(plan: WalkPlan, said: string): AskPlan {
  if (plan.kind === 'ask') return plan;
  const suggestion = plan.kind === 'fill' ? plan.value : plan.kind === 'choose' ? plan.option.label : null;
  return { kind: 'ask', reason: `the form says: ${said}`, suggestion, wantsFile: null };
}

function stuck(step: number, said: readonly string[]): string {
  const words = said.slice(0, 3).map((m) => `"${m.slice(0, 200)}"`).join('; ');
  return words
    ? `the form would not go past step ${step}; the page said ${words}. Nothing was submitted`
    : `the form would not go past step ${step} and did not say why. Nothing was submitted`;
}
