import { describe, expect, it } from 'vitest';
import { validateNewEvent } from '~/shared/events';
import { skillGaps } from '~worker/sessions/career/skill-gaps';
import type { JobPosting } from '~worker/sources/types';

/**
 * Skill gaps over fixtures whose answer is known by hand: which skills the postings ask
 * for, how many postings ask for each, which the resume lacks, in what order, with what
 * share and which posting as the example.
 */

function posting(id: string, title: string, company: string, description: string): JobPosting {
  return {
    source: 'sandbox',
    sourceId: id,
    title,
    company,
    location: 'Remote',
    remote: true,
    url: `https://jobs.example/${id}`,
    applyUrl: `https://jobs.example/${id}/apply`,
    description,
    salary: null,
    postedAt: null,
  };
}

/**
 * Asked for, by posting (p3's title names Python):
 *   p1 Acme      Python, PostgreSQL, Kubernetes, Kafka (Kubernetes said twice, counted once)
 *   p2 Globex    Go, Kubernetes, gRPC, PostgreSQL
 *   p3 Initech   Python (title), Django, Kubernetes, AWS
 *   p4 Umbrella  Kafka, AWS, Terraform
 * Counts: Kubernetes 3; AWS, Kafka, PostgreSQL, Python 2; Django, Go, gRPC, Terraform 1.
 */
const POSTINGS = [
  posting('p1', 'Backend Engineer', 'Acme', 'We use Python and PostgreSQL.\nYou run services on Kubernetes and Kafka; Kubernetes experience is a must.'),
  posting('p2', 'Senior Backend Engineer', 'Globex', 'Requirements:\n- Go, Kubernetes, gRPC\n- PostgreSQL'),
  posting('p3', 'Backend Engineer (Python)', 'Initech', 'Django services deployed to Kubernetes on AWS.'),
  posting('p4', 'Backend Engineer', 'Umbrella', 'Event streaming with Kafka on AWS, infrastructure in Terraform.'),
];

/** Python, Django and PostgreSQL; Django implies Python, PostgreSQL implies SQL (which no posting asks for). */
const RESUME = 'Backend developer\nBuilt APIs with Django and PostgreSQL for six years.';

describe('skillGaps', () => {
  const result = skillGaps({ role: 'Backend Engineer', postings: POSTINGS, resumeText: RESUME });

  it('ranks the missing skills by how many postings ask for them, ties by name', () => {
    expect(result.gaps.map((g) => [g.skill, g.postings])).toEqual([
      ['Kubernetes', 3],
      ['AWS', 2],
      ['Kafka', 2],
      ['Go', 1],
      ['gRPC', 1],
      ['Terraform', 1],
    ]);
  });

  it('gives each gap its share of the postings', () => {
    expect(result.postings).toBe(4);
    expect(result.gaps.map((g) => g.share)).toEqual([0.75, 0.5, 0.5, 0.25, 0.25, 0.25]);
  });

  it('gives the first posting that asks for a skill as its example', () => {
    const example = (skill: string) => result.gaps.find((g) => g.skill === skill)?.example;
    expect(example('Kubernetes')).toEqual({ title: 'Backend Engineer', company: 'Acme', url: 'https://jobs.example/p1' });
    expect(example('AWS')).toEqual({ title: 'Backend Engineer (Python)', company: 'Initech', url: 'https://jobs.example/p3' });
    expect(example('Terraform')).toEqual({ title: 'Backend Engineer', company: 'Umbrella', url: 'https://jobs.example/p4' });
  });

  it('lists the asked skills the resume has, in the same order, counting what its skills imply', () => {
    // Python is never written in the resume: Django implies it.
    expect(result.have).toEqual(['PostgreSQL', 'Python', 'Django']);
  });

  it('ranks the same whatever order the postings come in; only the examples follow the order', () => {
    const reversed = skillGaps({ role: 'Backend Engineer', postings: [...POSTINGS].reverse(), resumeText: RESUME });
    expect(reversed.gaps.map((g) => g.skill)).toEqual(result.gaps.map((g) => g.skill));
    expect(reversed.have).toEqual(result.have);
    expect(reversed.gaps[0]?.example.company).toBe('Initech');
  });

  it('counts every asked skill as a gap without a resume', () => {
    const none = skillGaps({ role: 'Backend Engineer', postings: POSTINGS, resumeText: '' });
    expect(none.have).toEqual([]);
    expect(none.gaps.map((g) => g.skill)).toEqual(['Kubernetes', 'AWS', 'Kafka', 'PostgreSQL', 'Python', 'Django', 'Go', 'gRPC', 'Terraform']);
  });

  it('has nothing to say without postings', () => {
    expect(skillGaps({ role: 'Astronaut', postings: [], resumeText: RESUME })).toEqual({ role: 'Astronaut', postings: 0, gaps: [], have: [] });
  });

  it('makes a valid career_skill_gaps event', () => {
    expect(() => validateNewEvent({ runId: 'run_careertest01', type: 'career_skill_gaps', agent: 'career', message: 'gaps', data: result })).not.toThrow();
  });

  it('keeps the event within its limits for many skills and long titles', () => {
    const skills = ['Python', 'Go', 'Rust', 'Java', 'Kotlin', 'Scala', 'Ruby', 'PHP', 'Elixir', 'Haskell', 'Swift', 'Dart'];
    const many = Array.from({ length: 60 }, (_, i) =>
      posting(`m${i}`, `${'Very Long Title '.repeat(30)}${i}`, 'Acme', `${skills.join(', ')}, React, Vue.js, Angular, Svelte, Redux, jQuery, webpack, Vite, Storybook, Jest, Cypress, Playwright, Selenium, Django, Flask, FastAPI, Celery, SQLAlchemy, GraphQL, gRPC, Kafka, RabbitMQ, Redis, MongoDB, DynamoDB, Cassandra, Snowflake, BigQuery, Redshift, ClickHouse, AWS, Azure, Docker, Kubernetes, Terraform, Ansible, Pulumi, Jenkins, Nginx, Prometheus, Grafana, Datadog`),
    );
    const big = skillGaps({ role: 'Backend Engineer', postings: many, resumeText: '' });
    expect(big.gaps).toHaveLength(50);
    expect(() => validateNewEvent({ runId: 'run_careertest01', type: 'career_skill_gaps', agent: 'career', message: 'gaps', data: big })).not.toThrow();
  });
});
