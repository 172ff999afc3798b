/**
 * Which postings fit the resume best, scored by the analyst's deterministic engine (the
 * requirements read from each posting's text, then the match score). Postings are read
 * from the text their source gave, not fetched page by page: a chat answer cannot wait
 * for dozens of pages, and the source's text is what the scout hands the analyst when a
 * page is unreadable anyway.
 */
import { scoreMatch, type MatchResult } from '../../analysis/match-score';
import { extractRequirements } from '../../analysis/requirements';
import type { ResumeFacts } from '../../analysis/resume-facts';
import type { JobPosting } from '../../sources/types';

export const TOP_FITS = 5;

export interface Fit {
  posting: JobPosting;
  result: MatchResult;
}

export function scoreFit(resume: ResumeFacts, posting: JobPosting): Fit {
  const requirements = extractRequirements(posting.description, posting.title);
  return { posting, result: scoreMatch(resume, requirements, posting) };
}

/** Best first; equal scores by title, company and link, so the same postings always rank the same. */
function byScore(a: Fit, b: Fit): number {
  return (
    b.result.score - a.result.score ||
    a.posting.title.localeCompare(b.posting.title, 'en') ||
    a.posting.company.localeCompare(b.posting.company, 'en') ||
    a.posting.url.localeCompare(b.posting.url, 'en')
  );
}

export function topFits(resume: ResumeFacts, postings: readonly JobPosting[], max = TOP_FITS): Fit[] {
  return postings
    .map((posting) => scoreFit(resume, posting))
    .sort(byScore)
    .slice(0, max);
}
