import type { AgentContext, ResumeFile, RunScope } from './agent-context';
import { agentContext } from './agent-context';
import type { ApplicationDocuments, ApplyTarget } from './agents/applier';
import { companyResearch } from './agents/company-research';
import { coverLetterFor } from './agents/cover-letter';
import { tailorResumeFor } from './agents/resume-tailor';
import type { ScoredJob } from './agents/analyst';
import { renderPdf } from './documents/pdf';

/**
 * The optional stages between the analyst and the applier: company research, a
 * tailored resume and a cover letter for each shortlisted job, each behind its flag.
 * Returns what the applier needs for a job: the resume file to upload and the letter.
 */
export async function prepareDocuments(
  scope: RunScope,
  jobs: readonly ScoredJob[],
  range: { from: number; to: number },
): Promise<(job: ApplyTarget) => Promise<ApplicationDocuments>> {
  const { params } = scope;
  const prepared = new Map<string, { resume: ResumeFile | null; letter: string | null }>();
  const stages = [params.useCompanyResearch, params.useResumeTailoring, params.useCoverLetter].filter(Boolean).length;
  for (const [i, job] of jobs.entries()) {
    if (stages === 0) break;
    const research = params.useCompanyResearch ? await companyResearch(agentContext(scope, 'company', 'company'), job) : null;
    const tailored = params.useResumeTailoring ? await tailorResumeFor(agentContext(scope, 'resume', 'resume'), job) : null;
    const letter = params.useCoverLetter ? await coverLetterFor(agentContext(scope, 'cover_letter', 'cover_letter'), job, research) : null;
    prepared.set(job.url, {
      resume: tailored ? { fileName: tailored.fileName, bytes: tailored.pdf } : null,
      letter: letter?.text ?? null,
    });
    await agentContext(scope, 'system', params.useCoverLetter ? 'cover_letter' : 'resume').progress(
      range.from + Math.floor(((range.to - range.from) * (i + 1)) / jobs.length),
    );
  }
  const ctx = agentContext(scope, 'applier', 'applier');
  const baseResume = once(() => profileResume(ctx));
  return async (job) => {
    const own = prepared.get(job.url);
    const letter = own?.letter ?? null;
    return {
      resume: own?.resume ?? (await baseResume()),
      coverLetter: letter ? { text: letter, pdf: await letterPdf(ctx, job, letter) } : null,
    };
  };
}

/** The uploaded resume, or else one printed from the profile's resume text. */
async function profileResume(ctx: AgentContext): Promise<ResumeFile | null> {
  const uploaded = await ctx.resumeFile();
  if (uploaded) return uploaded;
  const text = ctx.profile.resumeText.trim();
  if (!text) return null;
  const name = ctx.profile.name.trim() || 'resume';
  const bytes = await renderPdf(await ctx.browser(), { title: `${name} – resume`, text, layout: 'resume' });
  return { fileName: `${fileSafe(name)}-resume.pdf`, bytes };
}

async function letterPdf(ctx: AgentContext, job: ApplyTarget, text: string): Promise<ResumeFile> {
  const bytes = await renderPdf(await ctx.browser(), { title: `Cover letter – ${job.company}`, text, layout: 'letter' });
  return { fileName: `cover-letter-${fileSafe(job.company)}.pdf`, bytes };
}

function fileSafe(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'document';
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | null = null;
  return () => (result ??= make());
}
