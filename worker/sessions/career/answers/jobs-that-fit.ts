/** "Which jobs fit me?": postings for the resume's role, scored against the resume, the best five with links. */
import { topFits, type Fit } from '../fit';
import { resumeSource } from '../profile';
import { answeredLabels, collectPostings, failureNotes } from '../sources';
import { listWords, plural } from '../words';
import type { Reply } from '../types';
import { askForResume, postingsSource, reply } from './common';
import type { AnswerContext } from './context';

const SKILLS_PER_LINE = 3;

/** What to search for: the current role, else the resume's first skill. */
function searchTerm(ctx: AnswerContext): string | null {
  return ctx.profile.role ?? ctx.profile.resume.skills[0] ?? null;
}

export async function answerJobsThatFit(ctx: AnswerContext): Promise<Reply> {
  const term = ctx.profile.resume.hasResume ? searchTerm(ctx) : null;
  if (term === null) return askForResume(ctx, 'jobs_that_fit', 'score jobs against your experience');
  // Anywhere: the score itself takes points off for a move, so distant jobs rank lower rather than vanish.
  const collection = await collectPostings(ctx.clients, { query: term, location: '' }, ctx.signal);
  const fits = topFits(ctx.profile.resume, collection.postings);
  const found = postingsSource(collection.postings.length, term, answeredLabels(collection));
  const text = [headline(fits.length, collection.postings.length, term), ...fits.map(fitLine), ...failureNotes(collection)].join('\n');
  return reply(ctx, {
    intent: 'jobs_that_fit',
    text,
    headline: fits.length > 0 ? `Top ${plural(fits.length, 'job')} for your resume` : `No postings for ${term}`,
    builtFrom: [resumeSource(ctx.profile), found],
    topic: 'jobs that fit you',
    // The links are kept by the check already; the scores are what ranks them.
    mustSay: { numbers: fits.map((f) => f.result.score) },
  });
}

function headline(shown: number, total: number, term: string): string {
  if (total === 0) return `I found no postings for ${term}. Try a search for another role, e.g. "Find me remote ${term} jobs".`;
  return `The ${plural(shown, 'posting')} that fit${shown === 1 ? 's' : ''} your resume best, out of ${plural(total, 'posting')} for ${term}:`;
}

/** "1. Senior Backend Engineer at Acme (Remote): 86% match; you have Python and Go; missing Kafka. https://…" */
function fitLine(fit: Fit, index: number): string {
  const { posting, result } = fit;
  const where = posting.location.trim() === '' ? '' : ` (${posting.location.trim()})`;
  const at = posting.company.trim() === '' ? '' : ` at ${posting.company.trim()}`;
  const has = result.matchedSkills.length > 0 ? `; you have ${listWords(result.matchedSkills.slice(0, SKILLS_PER_LINE))}` : '';
  const lacks = result.missingSkills.length > 0 ? `; missing ${listWords(result.missingSkills.slice(0, SKILLS_PER_LINE))}` : '';
  return `${index + 1}. ${posting.title}${at}${where}: ${result.score}% match${has}${lacks}. ${posting.url}`;
}
