/** "What am I missing for <role>?": the skills postings for the role ask for that the resume does not show. */
import { titleMatcher } from '../../salary-research/role-match';
import { resumeSource } from '../profile';
import { skillGaps, type SkillGap, type SkillGaps } from '../skill-gaps';
import { answeredLabels, collectPostings, failureNotes } from '../sources';
import type { Reply } from '../types';
import { clip, listWords, percentOf, plural } from '../words';
import { askForRole, postingsSource, reply } from './common';
import type { AnswerContext } from './context';

const GAPS_IN_TEXT = 5;
const HAVE_IN_TEXT = 6;

/** Without a role named, the question is about the user's next rung: they already hold their current one. */
export async function answerSkillGaps(ctx: AnswerContext, asked: string | null): Promise<Reply> {
  const role = asked ?? ctx.suggestions.nextRole ?? ctx.profile.role;
  if (role === null) return askForRole(ctx, 'skill_gaps', 'What am I missing for Backend Engineer?');
  // The sources match a query in descriptions too; only postings titled as the role say what the role asks.
  const isRole = titleMatcher({ role });
  const collection = await collectPostings(ctx.clients, { query: role, location: '', keep: (p) => isRole(p.title) }, ctx.signal);
  const gaps = skillGaps({ role, postings: collection.postings, resumeText: ctx.profile.resumeText });
  await ctx.emit('career_skill_gaps', clip(gapsMessage(gaps), 2000), gaps);
  return reply(ctx, {
    intent: 'skill_gaps',
    text: [gapsText(gaps, answeredLabels(collection)), ...failureNotes(collection)].join('\n'),
    headline: `Skill gaps for ${role}`,
    builtFrom: [resumeSource(ctx.profile), postingsSource(gaps.postings, role, answeredLabels(collection))],
    // Every gap and skill had, not only those in the text: the model may name any of them.
    facts: [...gaps.gaps.map((gap) => gapLine(gap, null)), `Skills you have: ${gaps.have.join(', ')}`],
    topic: `skill gaps for ${role}`,
    mustSay: { skills: gaps.gaps.slice(0, 3).map((g) => g.skill) },
  }, role);
}

function gapsMessage(gaps: SkillGaps): string {
  if (gaps.postings === 0) return `No postings for ${gaps.role} to compare with`;
  const top = gaps.gaps.slice(0, 3).map((g) => g.skill);
  return top.length === 0 ? `Your resume covers what ${gaps.role} postings ask for` : `Most asked for ${gaps.role} and missing: ${listWords(top)}`;
}

/** "Kubernetes (21 of 38 postings, 55%; e.g. Senior Backend Engineer at Acme)". */
function gapLine(gap: SkillGap, total: number | null): string {
  const of = total === null ? plural(gap.postings, 'posting') : `${gap.postings} of ${total} postings`;
  const at = gap.example.company.trim() === '' ? '' : ` at ${gap.example.company.trim()}`;
  return `${gap.skill} (${of}, ${percentOf(gap.share)}; e.g. ${gap.example.title}${at})`;
}

function gapsText(gaps: SkillGaps, labels: readonly string[]): string {
  if (gaps.postings === 0) {
    const where = labels.length > 0 ? ` on ${labels.join(', ')}` : '';
    return `I found no postings titled ${gaps.role}${where}, so I have nothing to compare your resume with. Try a broader role.`;
  }
  const intro = `I read ${plural(gaps.postings, 'posting')} for ${gaps.role}.`;
  const have = haveText(gaps);
  if (gaps.gaps.length === 0) return `${intro} Your resume shows every skill they ask for.${have}`;
  const top = gaps.gaps.slice(0, GAPS_IN_TEXT).map((gap) => gapLine(gap, gaps.postings));
  return `${intro} The skills they ask for that your resume does not show, most asked first: ${top.join('; ')}.${have}`;
}

/** " You already have 2 of the 6 skills they ask for: PostgreSQL and Python." */
function haveText(gaps: SkillGaps): string {
  if (gaps.have.length === 0) return '';
  const asked = gaps.gaps.length + gaps.have.length;
  const more = gaps.have.length > HAVE_IN_TEXT ? ' and more' : '';
  return ` You already have ${gaps.have.length} of the ${asked} skills they ask for: ${listWords(gaps.have.slice(0, HAVE_IN_TEXT))}${more}.`;
}
