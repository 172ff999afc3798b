import type { Person } from '../../sources/people/types';
import { disciplineFit, disciplineWords, escapeRegExp, readRole, type DisciplineFit, type RoleReading } from './roles';
import type { Contact, ContactRelation } from './types';
import { capitalise, clip, withArticle } from './words';

/**
 * Who is worth contacting about a job, in order: recruiters (they run the first
 * conversation), the likely hiring manager (a manager of the posting's team), peers
 * (the same kind of work, in that team first, at a level near the role's), then anyone
 * else. Pure: the same people and target give the same contacts, each with a sentence
 * saying why.
 */

export interface RankTarget {
  company: string;
  /** The role's title: the posting's, else the user's words; null when neither says. */
  role: string | null;
  /** The posting's team ("Payments"); null when unknown (then the role's words may name one). */
  team: string | null;
}

export interface RankOptions {
  /** Most contacts returned. */
  max?: number;
}

export const DEFAULT_MAX_CONTACTS = 8;
/** So that recruiters and managers do not crowd out the people who do the work. */
const CAPS: Readonly<Record<ContactRelation, number>> = { recruiter: 2, hiring_manager: 2, peer: 4, other: Number.POSITIVE_INFINITY };
const ORDER: readonly ContactRelation[] = ['recruiter', 'hiring_manager', 'peer', 'other'];

const MAX = { name: 200, title: 300, team: 200, source: 100, why: 500, url: 2048 } as const;

interface Candidate {
  person: Person;
  index: number;
  role: RoleReading;
  teamMatch: boolean;
  fit: DisciplineFit;
  relation: ContactRelation;
  score: number;
}

export function rankPeople(people: readonly Person[], target: RankTarget, options: RankOptions = {}): Contact[] {
  const max = options.max ?? DEFAULT_MAX_CONTACTS;
  const unique = dedupe(people);
  const team = resolveTeam(target, unique);
  const wanted = readRole(target.role ?? '');
  const candidates = unique.map((person, index) => read(person, index, team, wanted));
  classify(candidates, team, wanted);
  return select(candidates, max).map((c) => toContact(c, { ...target, team }));
}

/** The same person listed twice (a team page and GitHub) is one contact: the first listing wins. */
function dedupe(people: readonly Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The team the user would join: the posting's, else one the role's own words name
 * ("Backend Engineer, Payments") among the teams people are in; null when neither says.
 */
export function resolveTeam(target: RankTarget, people: readonly Person[]): string | null {
  const stated = target.team?.trim();
  if (stated) return stated;
  const role = target.role;
  if (!role) return null;
  const teams = [...new Set(people.map((p) => p.team.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  return teams.find((t) => new RegExp(`\\b${escapeRegExp(t)}\\b`, 'i').test(role)) ?? null;
}

function sameTeam(person: Person, team: string | null): boolean {
  if (!team) return false;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (person.team && norm(person.team) === norm(team)) return true;
  return new RegExp(`\\b${escapeRegExp(team)}\\b`, 'i').test(person.title);
}

function read(person: Person, index: number, team: string | null, wanted: RoleReading): Candidate {
  const role = readRole(person.title, person.team, person.bio);
  return { person, index, role, teamMatch: sameTeam(person, team), fit: disciplineFit(role.disciplines, wanted.disciplines), relation: 'other', score: 0 };
}

const FIT_POINTS: Readonly<Record<DisciplineFit, number>> = { same: 3, related: 1, unknown: 0, different: -3 };

function classify(candidates: Candidate[], team: string | null, wanted: RoleReading): void {
  const roleKnown = wanted.disciplines.size > 0;
  const technicalRole = wanted.disciplines.has('engineering');
  for (const c of candidates) {
    if (c.role.recruiter) {
      c.relation = 'recruiter';
      const technicalRecruiter = /\b(technical|tech|engineering)\b/i.test(c.person.title);
      // A technical recruiter for an engineering role, a generalist for the rest; no preference without a role.
      c.score = 2 + (roleKnown && technicalRecruiter === technicalRole ? 2 : 0) - (/coordinator/i.test(c.person.title) ? 1 : 0);
    } else if (!c.role.manager && !c.role.leadership && isPeer(c, team, roleKnown)) {
      c.relation = 'peer';
      c.score = (c.teamMatch ? 4 : 0) + FIT_POINTS[c.fit] + Math.max(0, 2 - Math.abs(c.role.level - wanted.level));
    } else {
      c.relation = 'other';
      c.score = (c.teamMatch ? 3 : 0) + (c.role.leadership ? 2 : 0) + (c.fit === 'same' ? 1 : c.fit === 'related' ? 0.5 : 0) + (c.person.title ? 1 : 0);
    }
  }
  // The hiring manager: a manager of the posting's team; failing that, one who manages the same kind of work.
  const managers = candidates.filter((c) => c.role.manager && !c.role.leadership && !c.role.recruiter);
  const tiers = [
    managers.filter((c) => c.teamMatch && c.fit !== 'different'),
    roleKnown ? managers.filter((c) => c.fit === 'same') : [],
    roleKnown && !team ? managers.filter((c) => c.fit === 'related') : [],
  ];
  const chosen = tiers.find((tier) => tier.length > 0) ?? [];
  for (const c of chosen) {
    c.relation = 'hiring_manager';
    c.score = (c.teamMatch ? 4 : 0) + FIT_POINTS[c.fit];
  }
}

/** The same kind of work as the role (in its team, related work is enough); without a role, the team alone. */
function isPeer(c: Candidate, team: string | null, roleKnown: boolean): boolean {
  if (!roleKnown) return team !== null && c.teamMatch;
  return c.fit === 'same' || (c.teamMatch && c.fit === 'related');
}

function byRank(a: Candidate, b: Candidate): number {
  return ORDER.indexOf(a.relation) - ORDER.indexOf(b.relation) || b.score - a.score || a.index - b.index;
}

/** Each relation up to its cap, then others, then whoever is left over, all in relation order. */
function select(candidates: readonly Candidate[], max: number): Candidate[] {
  const ranked = [...candidates].sort(byRank);
  const picked: Candidate[] = [];
  const count = (r: ContactRelation) => picked.filter((c) => c.relation === r).length;
  for (const c of ranked) if (picked.length < max && count(c.relation) < CAPS[c.relation]) picked.push(c);
  for (const c of ranked) if (picked.length < max && !picked.includes(c)) picked.push(c);
  return picked.sort(byRank);
}

function toContact(c: Candidate, target: RankTarget): Contact {
  return {
    name: clip(c.person.name, MAX.name),
    title: clip(c.person.title || 'Title not public', MAX.title),
    team: clip(c.person.team, MAX.team),
    relation: c.relation,
    profileUrl: clip(c.person.profileUrl, MAX.url),
    source: clip(c.person.source, MAX.source),
    why: clip(why(c, target), MAX.why),
  };
}

/** One sentence: what this person is to the user, from what the ranking used. */
function why(c: Candidate, target: RankTarget): string {
  const { person } = c;
  const at = target.company;
  const role = target.role ? `the ${target.role} role` : 'the role';
  const title = person.title ? withArticle(person.title) : null;
  const inTeam = person.team ? ` on the ${person.team} team` : '';
  switch (c.relation) {
    case 'recruiter':
      return `As ${title ?? 'a recruiter'} at ${at}, they run the first conversation for ${role} and know who is hiring.`;
    case 'hiring_manager':
      return c.teamMatch
        ? `Leads the ${person.team || target.team || 'posting’s'} team, where ${target.role ? `the ${target.role} opening` : 'the opening'} sits, so is most likely the hiring manager.`
        : `Manages ${disciplineWords(c.role.disciplines)} work${inTeam} at ${at}, so is likely close to the hiring decision for ${role}.`;
    case 'peer':
      if (!title) return `${capitalise(person.via)}, and their profile points to the same kind of work as ${role}.`;
      return c.teamMatch
        ? `Works as ${title} on the ${person.team || target.team || ''} team you would join, so can tell you what the work is really like.`
        : `Works as ${title}${inTeam} at ${at}, the same kind of work as ${role}, so can tell you how the teams work.`;
    case 'other':
      if (!title) return `${capitalise(person.via)}, so likely works on its code, though no title is public.`;
      if (c.role.leadership) return `As ${title} at ${at}, can point you to the right person if nobody closer answers.`;
      if (c.teamMatch) return `Works on the ${person.team || target.team || ''} team you would join as ${title}, a useful second contact.`;
      return `Works at ${at} as ${title}, a friendly first contact if the others do not answer.`;
  }
}
