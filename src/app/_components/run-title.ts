import type { RunSummary } from '~/shared/pipeline';

/** A run's kind with its own parameters (a distributive Pick keeps the pair together). */
type KindAndParams = RunSummary extends infer R ? (R extends RunSummary ? Pick<R, 'kind' | 'params'> : never) : never;

/** A run's name in lists and headings: what it searches for, or what the session is about. */
export function runTitle(run: KindAndParams): string {
  switch (run.kind) {
    case 'pipeline':
      return run.params.query;
    case 'salary_research':
      return `Pay research: ${run.params.role}`;
    case 'salary_battle':
      return `Negotiation: ${run.params.role} at ${run.params.company}`;
    case 'interview':
      return `Interview practice: ${run.params.role ?? 'a posting'}`;
    case 'career_chat':
      return `Career chat: ${run.params.opening.slice(0, 60)}`;
    case 'network':
      return `Contacts at ${run.params.company}`;
  }
}

/** Where a run happens, for a card's second line. */
export function runPlace(run: KindAndParams): string {
  const location = 'location' in run.params ? run.params.location : '';
  return location === '' ? 'Any location' : location;
}
