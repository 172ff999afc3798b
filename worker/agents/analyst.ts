import type { AgentContext } from '../agent-context';
import { scoreWithLlm } from '../analysis/llm-scorer';
import { type MatchResult, scoreMatch } from '../analysis/match-score';
import { fetchPostingText, POSTING_UNREADABLE_MESSAGE, PostingPageError } from '../analysis/posting-text';
import { extractRequirements, type Requirements } from '../analysis/requirements';
import { type ResumeFacts, readResume } from '../analysis/resume-facts';
import type { JobPosting } from '../sources/types';

export interface ScoredJob extends JobPosting {
  matchScore: number;
  matchedSkills: string[];
  missingSkills: string[];
  explanation: string;
  requirements: Requirements;
}

/** What the analyst uses of its context; an AgentContext is one. */
export type AnalystContext = Pick<
  AgentContext,
  'params' | 'profile' | 'llm' | 'signal' | 'settings' | 'emit' | 'pausePoint' | 'pace' | 'progress'
>;

/** Limits of the event catalog (text fields and messages), so an odd posting cannot fail a publish. */
const LIMIT = { message: 2000, text: 2000, title: 300, company: 200, skill: 100, requirement: 200, url: 2048 } as const;
const MAX_LISTED = 40;
/** A page shorter than this is a JavaScript shell or an error page; the source's own text is better. */
const MIN_PAGE_CHARS = 300;

const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const cutAll = (items: readonly string[], max: number): string[] => items.slice(0, MAX_LISTED).map((s) => cut(s, max));

interface PostingText {
  text: string;
  /** Why the page was not used, when it was not. */
  note: string | null;
}

/** The page's text when it can be fetched and says something; the source's description otherwise. */
async function readPosting(ctx: AnalystContext, job: JobPosting): Promise<PostingText> {
  try {
    const page = await fetchPostingText(job.url, { signal: ctx.signal, timeoutMs: ctx.settings.SOURCE_TIMEOUT_MS });
    // A script-rendered page can be all cookie banner; the source's own text then says more.
    const pageSaysMore = page.length >= MIN_PAGE_CHARS && page.length * 2 >= job.description.length;
    if (pageSaysMore || page.length >= job.description.length) return { text: page, note: null };
    return { text: job.description, note: 'the page had little text, so the listing’s description was used' };
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    // PostingPageError's message is written for the user (and is the same for a closed
    // port as for an open one); anything else is a bug, told in general words and logged.
    const reason = err instanceof PostingPageError ? err.message : POSTING_UNREADABLE_MESSAGE;
    if (!(err instanceof PostingPageError)) console.error(`[worker] reading ${job.url} failed:`, err);
    const fallback = job.description.trim() === '' ? 'and the listing has no description' : 'so the listing’s description was used';
    return { text: job.description, note: `could not read the page (${cut(reason, 200)}), ${fallback}` };
  }
}

async function score(ctx: AnalystContext, resume: ResumeFacts, job: JobPosting, text: string, requirements: Requirements): Promise<MatchResult> {
  const deterministic = scoreMatch(resume, requirements, job);
  if (!ctx.llm || !resume.hasResume) return deterministic;
  return scoreWithLlm(ctx.llm, {
    resumeText: ctx.profile.resumeText,
    posting: { title: job.title, company: job.company, location: job.location, remote: job.remote, text },
    fallback: deterministic,
    signal: ctx.signal,
  });
}

async function report(ctx: AnalystContext, job: JobPosting, result: MatchResult): Promise<void> {
  const ref = { jobUrl: cut(job.url, LIMIT.url), title: cut(job.title, LIMIT.title), company: cut(job.company, LIMIT.company) };
  const { minMatchScore } = ctx.params;
  const explanation = cut(result.explanation, LIMIT.text);
  if (result.score >= minMatchScore) {
    await ctx.emit('analyst_result', cut(`${job.title} at ${job.company}: ${result.score}% match`, LIMIT.message), {
      ...ref,
      matchScore: result.score,
      matchedSkills: cutAll(result.matchedSkills, LIMIT.skill),
      missingSkills: cutAll(result.missingSkills, LIMIT.skill),
      explanation,
    });
    return;
  }
  await ctx.emit('analyst_skipped', cut(`Skipped ${job.title}: ${result.score}% is below ${minMatchScore}%`, LIMIT.message), {
    ...ref,
    matchScore: result.score,
    minMatchScore,
    reason: explanation,
  });
}

async function analyseOne(ctx: AnalystContext, resume: ResumeFacts, job: JobPosting, index: number, total: number): Promise<ScoredJob> {
  await ctx.pausePoint(cut(`analyse ${job.title} at ${job.company}`, LIMIT.requirement));
  const ref = { jobUrl: cut(job.url, LIMIT.url), title: cut(job.title, LIMIT.title), company: cut(job.company, LIMIT.company) };
  await ctx.emit('analyst_start', cut(`Analysing job ${index}/${total}: ${job.title} at ${job.company}`, LIMIT.message), {
    ...ref,
    jobIndex: index,
    total,
    progress: Math.round((index / total) * 100),
  });
  await ctx.emit('analyst_fetching', cut(`Fetching ${job.url}`, LIMIT.message), { jobUrl: ref.jobUrl });
  const posting = await readPosting(ctx, job);
  const requirements = extractRequirements(posting.text, job.title);
  const asked = `${requirements.required.length} required and ${requirements.preferred.length} nice-to-have skills`;
  const note = posting.note ? ` (${posting.note})` : '';
  await ctx.emit('analyst_analyzing', cut(`Comparing ${asked} with the resume${note}`, LIMIT.message), {
    ...ref,
    requirements: cutAll([...requirements.required, ...requirements.preferred], LIMIT.requirement),
  });
  await ctx.pace();
  const result = await score(ctx, resume, job, posting.text, requirements);
  await report(ctx, job, result);
  return {
    ...job,
    matchScore: result.score,
    matchedSkills: result.matchedSkills,
    missingSkills: result.missingSkills,
    explanation: result.explanation,
    requirements,
  };
}

/** With no resume, the role the user searched for is the best hint of their field. */
function targetRoleWhenNoResume(resume: ResumeFacts, query: string): ResumeFacts {
  return resume.hasResume || query.trim() === '' ? resume : { ...resume, titles: [query] };
}

/**
 * Reads each posting, scores it against the user's resume and reports progress from
 * `from` to `to` percent. Jobs are analysed one at a time so the feed tells one story
 * and a pause takes effect between jobs.
 */
export async function analyst(
  ctx: AnalystContext,
  jobs: readonly JobPosting[],
  range: { from: number; to: number },
): Promise<ScoredJob[]> {
  // "Present" in the resume's date ranges means today; read once so every job sees the same facts.
  const resume = targetRoleWhenNoResume(readResume(ctx.profile.resumeText, ctx.profile, { now: new Date() }), ctx.params.query);
  const scored: ScoredJob[] = [];
  for (const [i, job] of jobs.entries()) {
    scored.push(await analyseOne(ctx, resume, job, i + 1, jobs.length));
    await ctx.progress(range.from + Math.floor(((range.to - range.from) * (i + 1)) / jobs.length));
  }
  const qualified = scored.filter((j) => j.matchScore >= ctx.params.minMatchScore).length;
  await ctx.emit('analyst_complete', `Analysed ${scored.length} jobs; ${qualified} qualify`, {
    analyzed: scored.length,
    qualified,
  });
  return scored;
}
