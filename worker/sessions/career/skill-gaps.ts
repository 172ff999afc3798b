/**
 * What postings for a role ask for that the resume does not show. Each posting's skills
 * are read with the analyst's lexicon (its title counts too: a "React Developer" asks
 * for React whether or not the text repeats it), counted once per posting, and ranked
 * by how many postings ask for them, ties by name, so the same postings always give the
 * same list. The resume is read with the same lexicon, plus what its skills imply.
 */
import type { EventData } from '~/shared/events';
import { extractSkills, withImpliedSkills } from '../../analysis/skills';
import type { JobPosting } from '../../sources/types';
import { clip } from './words';

export type SkillGaps = EventData<'career_skill_gaps'>;
export type SkillGap = SkillGaps['gaps'][number];

const MAX_GAPS = 50;
const MAX_HAVE = 100;

interface Asked {
  skill: string;
  postings: number;
  /** The first posting, in the order given, that asks for it. */
  example: JobPosting;
}

export function postingSkills(posting: JobPosting): string[] {
  return extractSkills(`${posting.title}\n${posting.description}`);
}

/** Most-asked first; ties by name, case set aside, then as written, so the order never depends on input order. */
export function byDemand(a: { skill: string; postings: number }, b: { skill: string; postings: number }): number {
  return b.postings - a.postings || a.skill.localeCompare(b.skill, 'en', { sensitivity: 'base' }) || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0);
}

function askedSkills(postings: readonly JobPosting[]): Asked[] {
  const asked = new Map<string, Asked>();
  for (const posting of postings) {
    for (const skill of postingSkills(posting)) {
      const seen = asked.get(skill);
      if (seen) seen.postings += 1;
      else asked.set(skill, { skill, postings: 1, example: posting });
    }
  }
  return [...asked.values()].sort(byDemand);
}

export function skillGaps(input: { role: string; postings: readonly JobPosting[]; resumeText: string }): SkillGaps {
  const total = input.postings.length;
  const have = new Set(withImpliedSkills(extractSkills(input.resumeText)));
  const asked = askedSkills(input.postings);
  return {
    role: clip(input.role, 200),
    postings: total,
    gaps: asked
      .filter((a) => !have.has(a.skill))
      .slice(0, MAX_GAPS)
      .map((a) => ({
        skill: a.skill,
        postings: a.postings,
        share: a.postings / total,
        example: { title: clip(a.example.title, 300), company: clip(a.example.company, 200), url: a.example.url.slice(0, 2048) },
      })),
    have: asked
      .filter((a) => have.has(a.skill))
      .slice(0, MAX_HAVE)
      .map((a) => a.skill),
  };
}
