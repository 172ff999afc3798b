import { UserFacingError } from '../user-facing-error';
import { findNextButton } from './buttons';
import { watchDialogs } from './dialogs';
import { fillShown } from './walk-fields';
import type { FilledField, WalkOptions, WalkSession } from './walk-session';
import { advance } from './walk-steps';

export type { FilledField, WalkEvents, WalkOptions } from './walk-session';
export type { FormFiles } from './form-planner';

const MAX_FORM_STEPS = 10;

/**
 * Walks an application form step by step, in every frame and open shadow root: fills
 * each field from the profile, asks the human (FieldQuestions) for what the profile
 * cannot answer, reads the page again after each answer, and presses Continue (never
 * Back) until the step with the submit button. It does not submit. Returns what it
 * put where, for the draft. Failures meant for the user are UserFacingErrors.
 */
export async function walkForm(options: WalkOptions): Promise<FilledField[]> {
  const s: WalkSession = { ...options, dialogs: watchDialogs(options.page), known: new Map(), filled: new Map(), leftEmpty: new Set() };
  try {
    for (let step = 1; step <= MAX_FORM_STEPS; step++) {
      await fillShown(s);
      const next = await findNextButton(s.page);
      if (!next) return [...s.filled.values()];
      await advance(s, next, step);
      await s.events?.step?.(step + 1);
    }
    throw new UserFacingError(`the form has more than ${MAX_FORM_STEPS} steps`);
  } finally {
    s.dialogs.stop();
  }
}
