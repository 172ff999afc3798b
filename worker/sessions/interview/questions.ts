/**
 * The questions of one interview: technical ones about the posting's must-have skills
 * in the posting's order, one about the role at its level, and behavioural ones, mixed
 * so that no two of a kind come together when it can be helped. Choices that are not
 * the posting's (which template, which behavioural theme) come from the seed, so one
 * posting and one seed always give the same interview.
 */
import { skillCategory } from '../../analysis/skills';
import { createRng, pick, type Rng } from '../salary-battle/prng';
import { BEHAVIOURAL_BANK, type BankQuestion } from './behavioural-bank';
import { roleTemplatesFor, type RoleTemplate } from './role-questions';
import { templatesFor, type SkillTemplate, type TemplateForm } from './skill-templates';
import type { InterviewPosting, Question } from './types';

/** Tools every posting lists; a question about Jira tells an interviewer nothing. */
const NOT_ASKED_ABOUT = new Set(['Git', 'Jira', 'Confluence', 'Google Sheets', 'Excel', 'Xcode', 'App Store']);

/** A question before its place in the interview is known. */
export type Draft = Omit<Question, 'index'>;

export function fromSkillTemplate(template: SkillTemplate, skill: string): Draft {
  return {
    question: template.text(skill),
    kind: 'technical',
    skill,
    theme: template.theme,
    keywords: template.keywords,
    hypothetical: template.form === 'design',
  };
}

export function fromRoleTemplate(template: RoleTemplate, role: string, skill: string | null): Draft {
  const text = template.text(role, skill);
  return {
    question: text,
    kind: 'role',
    skill: template.usesSkill && skill !== null && text.includes(skill) ? skill : null,
    theme: template.theme,
    keywords: template.keywords,
    hypothetical: /^how (?:would|do) you\b/i.test(text),
  };
}

export function fromBank(entry: BankQuestion): Draft {
  return { question: entry.question, kind: 'behavioural', skill: null, theme: entry.theme, keywords: entry.keywords, hypothetical: false };
}

export interface QuestionMix {
  technical: number;
  behavioural: number;
  role: number;
}

/**
 * How many of each kind: one role question from three questions on (two from eight),
 * and the rest split between technical and behavioural, technical first, as far as the
 * posting has skills to ask about.
 */
export function questionMix(count: number, askableSkills: number): QuestionMix {
  const role = count >= 8 ? 2 : count >= 3 ? 1 : 0;
  const technical = Math.min(askableSkills, Math.ceil((count - role) / 2));
  return { technical, role, behavioural: count - role - technical };
}

/** The skills technical questions may be about, in the posting's order. */
export function askableSkills(posting: InterviewPosting): string[] {
  return posting.skills.filter((s) => !NOT_ASKED_ABOUT.has(s));
}

export function pickQuestions(posting: InterviewPosting, count: number, seed: number): Question[] {
  const rng = createRng(seed);
  const skills = askableSkills(posting);
  const mix = questionMix(count, skills.length);
  const themes = new Set<string>();
  const technical = technicalQuestions(posting, skills.slice(0, mix.technical), rng, themes);
  const role = roleQuestions(posting, skills[mix.technical] ?? skills[0] ?? null, mix.role, rng, themes);
  const behavioural = behaviouralQuestions(mix.behavioural, rng, themes);
  return interleave([technical, behavioural, role]).map((q, i) => ({ ...q, index: i + 1 }));
}

/** Story and design questions alternate, a story first: it is the easier way in. */
function technicalQuestions(posting: InterviewPosting, skills: readonly string[], rng: Rng, themes: Set<string>): Draft[] {
  return skills.map((skill, i) => {
    const form: TemplateForm = i % 2 === 0 ? 'story' : 'design';
    const pool = templatesFor(skillCategory(skill), form, posting.level);
    const fresh = pool.filter((t) => !themes.has(t.theme));
    const template = pick(rng, fresh.length > 0 ? fresh : pool);
    themes.add(template.theme);
    return fromSkillTemplate(template, skill);
  });
}

function roleQuestions(posting: InterviewPosting, skill: string | null, count: number, rng: Rng, themes: Set<string>): Draft[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i += 1) {
    const pool = roleTemplatesFor(posting.level).filter((t) => !themes.has(t.theme));
    if (pool.length === 0) break;
    const template = pick(rng, pool);
    themes.add(template.theme);
    drafts.push(fromRoleTemplate(template, posting.role, skill));
  }
  return drafts;
}

/** A seeded shuffle of the bank, one question per theme. */
function behaviouralQuestions(count: number, rng: Rng, themes: Set<string>): Draft[] {
  const order = BEHAVIOURAL_BANK.map((q) => ({ q, key: rng.next() })).sort((a, b) => a.key - b.key);
  const drafts: Draft[] = [];
  for (const { q } of order) {
    if (drafts.length === count) break;
    if (themes.has(q.theme)) continue;
    themes.add(q.theme);
    drafts.push(fromBank(q));
  }
  return drafts;
}

/** One from each list in turn, so kinds alternate: technical, behavioural, role, technical… */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i += 1) {
    for (const list of lists) {
      const item = list[i];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}
