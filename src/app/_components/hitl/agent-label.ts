import type { Agent } from '~/shared/events';

const LABELS: Record<Agent, string> = {
  system: 'System',
  scout: 'Scout',
  analyst: 'Analyst',
  company: 'Company research',
  resume: 'Resume tailoring',
  cover_letter: 'Cover letter',
  applier: 'Applier',
  browser: 'Browser',
  hitl: 'Questions',
  salary: 'Salary',
  salary_battle: 'Salary negotiation',
  network: 'Network',
  interview: 'Interview',
  career: 'Career',
  task: 'Task',
};

function isAgent(agent: string): agent is Agent {
  return Object.hasOwn(LABELS, agent);
}

/** A person's name for the agent that asks; an agent we do not know yet keeps its own name. */
export function agentLabel(agent: string): string {
  return isAgent(agent) ? LABELS[agent] : agent;
}
