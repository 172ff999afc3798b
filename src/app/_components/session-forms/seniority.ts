import type { Seniority } from '~/shared/sessions/salary';

/** Seniority as a person says it; the form's select and the research page share these words. */
export const SENIORITY_LABEL: Record<Seniority, string> = {
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  staff: 'Staff',
  principal: 'Principal',
  lead: 'Lead',
  manager: 'Manager',
  director: 'Director',
};
