import type { Agent } from '~/shared/events';
import { careerChat } from '../agents/career-chat';
import { interview } from '../agents/interview';
import { network } from '../agents/network';
import { salaryBattle } from '../agents/salary-battle';
import { salaryResearch } from '../agents/salary-research';
import type { SessionAgent, SessionKind } from './types';

export type { SessionAgent, SessionKind, SessionOutcome } from './types';

/** Each session kind's agent, and the name its events go out under. */
export const sessionAgents: { [K in SessionKind]: { agent: Agent; run: SessionAgent<K> } } = {
  salary_research: { agent: 'salary', run: salaryResearch },
  salary_battle: { agent: 'salary_battle', run: salaryBattle },
  interview: { agent: 'interview', run: interview },
  career_chat: { agent: 'career', run: careerChat },
  network: { agent: 'network', run: network },
};
