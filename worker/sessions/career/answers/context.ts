import type { AgentContext } from '../../../agent-context';
import type { JobSourceClient } from '../../../sources';
import type { SalaryResearchRequest, SalaryResearchResult } from '../../salary-research/types';
import type { CareerProfile } from '../profile';
import type { SuggestionContext } from '../suggestions';

/** What an answer may use: the user, the sources, events, and the salary research. */
export interface AnswerContext {
  readonly profile: CareerProfile;
  /** Every source the scout knows for this user. */
  readonly clients: readonly JobSourceClient[];
  readonly signal: AbortSignal;
  readonly emit: AgentContext<unknown>['emit'];
  /** The salary research, which reports its own progress in salary_* events. */
  research(request: SalaryResearchRequest): Promise<SalaryResearchResult>;
  /** The suggestions' defaults, from the resume; an answer about another role overrides `role`. */
  readonly suggestions: SuggestionContext;
}
