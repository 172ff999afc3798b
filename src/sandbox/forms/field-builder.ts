import type { SandboxField, SandboxFieldKind } from './field-types';

/** A field spec in one line; optional unless `required: true` is given. */
export function field(
  name: string,
  label: string,
  kind: SandboxFieldKind,
  extra: Partial<Omit<SandboxField, 'name' | 'label' | 'kind'>> = {},
): SandboxField {
  return { name, label, kind, required: false, ...extra };
}

export const YES_NO = ['Yes', 'No'];

export const HEARD_ABOUT_US = ['LinkedIn', 'Company website', 'Job board', 'Friend or colleague', 'Conference or meetup', 'Other'];

export const YEARS_RANGES = ['Less than 1 year', '1-2 years', '3-5 years', '6-9 years', '10 or more years'];

export const WORK_ARRANGEMENTS = ['Remote', 'Hybrid', 'On-site'];
