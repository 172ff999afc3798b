import { clip, type CompanyResearch } from '../documents/company-research';
import { countWords, resumeFacts, writeCoverLetter, type CoverLetter, type CoverLetterJob } from '../documents/cover-letter';
import { ungroundedTerms } from '../documents/resume-tailor';
import { tryComplete, type LlmClient } from '../llm';
import { postingText, type AgentJob, type DocumentAgentContext } from './company-research';
import { reviewDraft } from './resume-tailor';

/** What the applier pastes: an approved (or user-edited) letter. */
export interface CoverLetterArtifact {
  text: string;
}

// A model's letter outside these bounds is a summary or an essay, not a cover letter.
const LLM_MIN_WORDS = 150;
const LLM_MAX_WORDS = 450;

/**
 * Writes a cover letter for the job from the resume and what is known of the company,
 * and asks the user; on reject or no answer, no letter is attached.
 */
export async function coverLetterFor(
  ctx: DocumentAgentContext,
  job: AgentJob,
  company: CompanyResearch | null = null,
): Promise<CoverLetterArtifact | null> {
  const ref = { jobUrl: job.url, title: clip(job.title, 300), company: clip(job.company, 200) };
  await ctx.pausePoint(`write a cover letter for ${ref.title} at ${ref.company}`);
  await ctx.emit('cover_letter_start', `Writing a cover letter for ${ref.title} at ${ref.company}`, ref);
  const description = await postingText(ctx, job);
  await ctx.emit('cover_letter_generating', `Drafting from your resume and the posting`, { jobUrl: job.url });
  const letterJob = { title: job.title, company: job.company, description };
  const { letter, note } = await draftLetter(ctx, letterJob, company);
  await ctx.pace();

  const decision = await reviewDraft(ctx, {
    question: `Attach this cover letter to the application for ${ref.title} at ${ref.company}? (approve: attach it; edit: send corrected text; reject: no letter)`,
    preview: letter.text,
    announce: (hitlId, preview) =>
      ctx.emit('cover_letter_review_requested', `Cover letter for ${ref.company} (${letter.wordCount} words, ${note}) is ready for review`, {
        jobUrl: job.url,
        hitlId,
        preview,
      }),
  });
  const text = decision.kind === 'approved' ? letter.text : decision.kind === 'edited' ? decision.text : null;
  await ctx.emit('cover_letter_complete', text ? 'Cover letter approved' : 'No cover letter will be attached', {
    jobUrl: job.url,
    approved: text !== null,
    wordCount: text ? countWords(text) : 0,
  });
  return text ? { text } : null;
}

async function draftLetter(
  ctx: DocumentAgentContext,
  job: CoverLetterJob,
  company: CompanyResearch | null,
): Promise<{ letter: CoverLetter; note: string }> {
  const resumeText = ctx.profile.resumeText;
  const plain = writeCoverLetter(ctx.profile, resumeFacts(resumeText), job, company);
  if (!ctx.llm) return { letter: plain, note: 'from your resume' };
  const byModel = await modelLetter(ctx, ctx.llm, job, company, resumeText);
  return byModel ? { letter: byModel, note: `written by ${ctx.llm.model}` } : { letter: plain, note: 'from your resume; the model draft was not usable' };
}

/**
 * The model's letter, if it passes the same bar as the deterministic one: a letter's
 * length, the company named, the applicant's name signed, and no skill or number that
 * neither the resume nor the posting's title and company facts contain.
 */
async function modelLetter(
  ctx: DocumentAgentContext,
  llm: LlmClient,
  job: CoverLetterJob,
  company: CompanyResearch | null,
  resumeText: string,
): Promise<CoverLetter | null> {
  const name = ctx.profile.name.trim();
  const facts = company ? `${company.summary}\n${company.facts.join('\n')}` : '';
  const attempt = await tryComplete(
    llm,
    [
      {
        role: 'system',
        content:
          'You write cover letters of 250 to 350 words. Use only facts from the resume and the company notes; never claim a skill, employer, ' +
          "result or number the resume does not contain. Be specific to the job's requirements. Plain text, no placeholders, " +
          `end with "Sincerely," and the applicant's name${name ? ` (${name})` : ''}.`,
      },
      {
        role: 'user',
        content: `Job: ${job.title} at ${job.company}\n\nJob description:\n${clip(job.description, 6000)}\n\nCompany notes:\n${facts || 'none'}\n\nResume:\n${resumeText || 'none'}`,
      },
    ],
    { signal: ctx.signal, maxTokens: 900, temperature: 0.4 },
  );
  if (!attempt.ok) return null;
  const text = attempt.text.trim();
  const words = countWords(text);
  if (words < LLM_MIN_WORDS || words > LLM_MAX_WORDS) return null;
  if (!text.includes(job.company) || (name && !text.includes(name))) return null;
  const sources = [resumeText, job.title, job.company, facts, String(ctx.profile.yearsOfExperience ?? ''), ctx.profile.phone];
  return ungroundedTerms(text, sources).length === 0 ? { text, wordCount: words } : null;
}
