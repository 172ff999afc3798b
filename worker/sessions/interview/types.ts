import type { SkillCategory } from '../../analysis/skills';

/** The kinds of question the catalog knows (interview_question.kind). */
export type QuestionKind = 'behavioural' | 'technical' | 'role';

/**
 * How senior the questions are pitched. The posting's seven levels and the request's
 * eight collapse to five, because that is how many ways the questions differ.
 */
export type Level = 'junior' | 'mid' | 'senior' | 'staff' | 'lead';

/** Where the skills came from, so the start message can say so. */
export type SkillSource =
  /** The posting at the run's jobUrl. */
  | { kind: 'posting'; url: string }
  /** Postings for the role on the scout's sources, counted across them. */
  | { kind: 'postings'; count: number; sources: string[] }
  /** Only the role's own words: no posting could be read or matched. */
  | { kind: 'role' };

/** What the interview is for: the job, its skills and its level. */
export interface InterviewPosting {
  role: string;
  company: string | null;
  /** The must-have skills, most important first: the technical questions' pool. */
  skills: string[];
  /** Nice-to-haves; an answer that names them is on topic too. */
  preferred: string[];
  level: Level;
  /** The field most of the skills belong to (backend, data, design…), when there is one. */
  domain: SkillCategory | null;
  from: SkillSource;
}

/**
 * What an answer must touch to be on topic: each group is one idea, and any of its
 * stems counts ("mentor" matches "mentored" and "mentoring").
 */
export type KeywordGroups = readonly (readonly string[])[];

export interface Question {
  /** 1-based, and the session round the answer is awaited in. */
  index: number;
  question: string;
  kind: QuestionKind;
  /** The posting skill a technical (or skill-flavoured role) question is about. */
  skill: string | null;
  /** A short label ("conflict", "design", "mentoring") for logs and tests. */
  theme: string;
  keywords: KeywordGroups;
  /** "How would you…": a plan is the answer, so the result may be a plan for measuring it. */
  hypothetical: boolean;
}

export type CriterionName = 'structure' | 'specificity' | 'relevance' | 'length';

/** One criterion's judgement, with the words feedback is built from. */
export interface CriterionResult {
  /** 0–100. */
  score: number;
  /** What was found, concretely: shown next to the score. */
  note: string;
  /** Said as praise when the criterion scored well; null when there is nothing to praise. */
  good: string | null;
  /** What to add or change; null when nothing needs to. */
  add: string | null;
  /** The main thing missing, as a key the end-of-interview advice counts ("result", "figures"…). */
  gap: string | null;
}

export type Criteria = Record<CriterionName, CriterionResult>;

export interface AnswerScore {
  /** 0–100, the weighted criteria. */
  score: number;
  criteria: Criteria;
}

/** What the scorer knows of the interview besides the question. */
export interface ScoringContext {
  /** Every skill the posting names (required and preferred). */
  postingSkills: readonly string[];
}
