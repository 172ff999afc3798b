import type { FormContext, LayoutDefinition, SandboxField } from './field-types';
import { type LayoutName, layoutNames } from './layout-names';
import { alertStepsLayout } from './layouts/alert-steps';
import { classicLayout } from './layouts/classic';
import { conditionalLayout } from './layouts/conditional';
import { customDropdownsLayout } from './layouts/custom-dropdowns';
import { eeoLayout } from './layouts/eeo';
import { iframeEmbedLayout } from './layouts/iframe-embed';
import { nearbyTextLayout } from './layouts/nearby-text';
import { placeholderOnlyLayout } from './layouts/placeholder-only';
import { screeningLayout } from './layouts/screening';
import { searchableCombosLayout } from './layouts/searchable-combos';
import { shadowDomLayout } from './layouts/shadow-dom';
import { wizardLayout } from './layouts/wizard';

export { layoutNames, type LayoutName } from './layout-names';

const LAYOUTS: Readonly<Record<LayoutName, LayoutDefinition>> = {
  classic: classicLayout,
  wizard: wizardLayout,
  'custom-dropdowns': customDropdownsLayout,
  'placeholder-only': placeholderOnlyLayout,
  screening: screeningLayout,
  eeo: eeoLayout,
  'nearby-text': nearbyTextLayout,
  'alert-steps': alertStepsLayout,
  'iframe-embed': iframeEmbedLayout,
  'shadow-dom': shadowDomLayout,
  conditional: conditionalLayout,
  'searchable-combos': searchableCombosLayout,
};

/** Wording used when no posting is given: the field names and kinds never depend on it. */
const GENERIC_CONTEXT: FormContext = { company: 'the company', workCountry: 'the country of this job' };

export function layoutDefinition(layout: LayoutName): LayoutDefinition {
  return LAYOUTS[layout];
}

/**
 * The fields of a layout's form, in page order; the form's HTML is drawn from exactly
 * this list. Pass the posting to get its wording (company, country) in the labels.
 */
export function sandboxFormFields(layout: LayoutName, context: FormContext = GENERIC_CONTEXT): SandboxField[] {
  return LAYOUTS[layout].fields(context);
}

/** One line per layout on what makes it hard for an automated applier. */
export function layoutSummaries(): { layout: LayoutName; summary: string }[] {
  return layoutNames.map((layout) => ({ layout, summary: LAYOUTS[layout].summary }));
}
