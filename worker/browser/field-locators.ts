import type { Frame, Locator, Page } from 'playwright-core';
import { z } from 'zod';
import { DOM_HELPERS } from './page-scripts/dom';
import { LABEL_HELPERS } from './page-scripts/labels';
import { VISIBILITY_HELPERS } from './page-scripts/visibility';
import { WIDGET_HELPERS } from './page-scripts/widgets';

/** Where a field lives: a page, or the frame that holds it. CSS locators reach into open shadow roots. */
export type Scope = Page | Frame;

/** The element(s) read as one field (every radio of a group carries the group's tag). */
export const fieldLocator = (scope: Scope, ref: string): Locator => scope.locator(`[data-jobstream-field="${ref}"]`);

/** One option drawn as its own element (a role="radio", a toggle button, a box of a group). */
export const optionLocator = (scope: Scope, ref: string): Locator => scope.locator(`[data-jobstream-option="${ref}"]`);

const valueScript = (ref: string) => `(() => {${DOM_HELPERS}${VISIBILITY_HELPERS}${LABEL_HELPERS}${WIDGET_HELPERS}
  const el = allElements(document).find((e) => e.getAttribute(ATTR) === ${JSON.stringify(ref)});
  return el ? valueOf(el) : null;
})()`;

/** The value a person now sees in the field (a custom dropdown's shown text, a group's ticked boxes). */
export async function shownValue(scope: Scope, ref: string): Promise<string | null> {
  return z.string().nullable().parse(await scope.evaluate(valueScript(ref)));
}
