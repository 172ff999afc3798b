import type { EventData } from '~/shared/events';
import type { Seniority } from '~/shared/sessions/salary';

/** What a research asks: the same fields as salary.research, from the user or from a battle. */
export interface SalaryResearchRequest {
  role: string;
  location: string;
  seniority?: Seniority;
  /** The currency to report in; the postings' most common one when left out. */
  currency?: string;
}

/** A research's answer, exactly as its salary_result event carries it. */
export type SalaryResearchResult = EventData<'salary_result'>;
