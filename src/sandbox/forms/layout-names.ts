/**
 * The application-form layouts, each modelled on a style of applicant tracking system.
 * Kept apart from the layouts themselves so that postings can name a layout without
 * pulling in the form renderers.
 */
export const layoutNames = [
  'classic',
  'wizard',
  'custom-dropdowns',
  'placeholder-only',
  'screening',
  'eeo',
  'nearby-text',
  'alert-steps',
  'iframe-embed',
  'shadow-dom',
  'conditional',
  'searchable-combos',
] as const;

/** The first seven layouts: postings that had one keep it (see layoutForId). */
export const ORIGINAL_LAYOUT_COUNT = 7;

export type LayoutName = (typeof layoutNames)[number];

export function isLayoutName(value: string): value is LayoutName {
  return (layoutNames as readonly string[]).includes(value);
}
