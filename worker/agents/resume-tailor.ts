import { atsScore } from '../documents/ats-score';
import { clip } from '../documents/company-research';
import { renderPdf } from '../documents/pdf';
import { tailorResume, ungroundedTerms, type TailorJob } from '../documents/resume-tailor';
import { tryComplete, type LlmClient } from '../llm';
import { postingText, type AgentJob, type DocumentAgentContext } from './company-research';
import { userMessage } from '../user-facing-error';

/** What the applier uploads: the approved resume, as text and as a PDF. */
export interface TailoredResumeArtifact {
  text: string;
  pdf: Buffer;
  fileName: string;
}

interface ResumeDraft {
  text: string;
  before: number;
  after: number;
  /** How the draft was made, for the event messages. */
  note: string;
}

export type ReviewDecision = { kind: 'approved' } | { kind: 'edited'; text: string } | { kind: 'rejected' };

export interface DraftReview {
  question: string;
  preview: string;
  /** Publishes the agent's own review event with the question's id (see HitlAskOptions.announce). */
  announce(hitlId: string, preview: string): Promise<void>;
}

const PREVIEW_MAX_CHARS = 10_000;
const REVIEW_OPTIONS = ['approve', 'edit', 'reject'];
// A model's resume much shorter than the original has dropped experience.
const LLM_MIN_LENGTH_RATIO = 0.4;

/**
 * Tailors the profile's resume to the job, prints it to PDF and asks the user. Only an
 * approved (or user-edited) resume is returned; on reject or no answer the applier
 * keeps the original.
 */
export async function tailorResumeFor(ctx: DocumentAgentContext, job: AgentJob): Promise<TailoredResumeArtifact | null> {
  const ref = { jobUrl: job.url, title: clip(job.title, 300), company: clip(job.company, 200) };
  await ctx.pausePoint(`tailor the resume for ${ref.title} at ${ref.company}`);
  await ctx.emit('resume_start', `Tailoring the resume for ${ref.title} at ${ref.company}`, ref);
  await ctx.emit('resume_fetching_context', 'Reading the posting', { jobUrl: job.url });
  const description = await postingText(ctx, job);
  await ctx.pace();
  const resumeText = ctx.profile.resumeText.trim();
  if (!resumeText) return complete(ctx, job, null, 'No resume text in the profile, so nothing to tailor');

  const draft = await draftResume(ctx, resumeText, { title: job.title, company: job.company, description }, job.url);
  await ctx.emit('resume_ats_scored', `ATS keyword score ${draft.before} → ${draft.after} (${draft.note})`, {
    jobUrl: job.url,
    before: draft.before,
    after: draft.after,
  });
  const first = await renderResume(ctx, job, draft.text);
  if (typeof first === 'string') return complete(ctx, job, null, `Could not print the tailored resume (${first}); the original stays`);

  const decision = await reviewDraft(ctx, {
    question:
      `Use this tailored resume for ${ref.title} at ${ref.company}? ATS keyword score ${draft.before} → ${draft.after}. ` +
      '(approve: use it; edit: send corrected text; reject: keep your original resume)',
    preview: draft.text,
    announce: (hitlId, preview) =>
      ctx.emit('resume_review', `Tailored resume for ${ref.company} is ready for review`, { jobUrl: job.url, hitlId, preview }),
  });
  if (decision.kind === 'rejected') return complete(ctx, job, null, 'Keeping the original resume');
  const final = decision.kind === 'edited' ? await renderResume(ctx, job, decision.text) : first;
  if (typeof final === 'string') return complete(ctx, job, null, `Could not print the edited resume (${final}); the original stays`);
  return complete(ctx, job, final, decision.kind === 'edited' ? 'Your edited resume will be used' : 'Tailored resume approved');
}

async function complete(
  ctx: DocumentAgentContext,
  job: AgentJob,
  artifact: TailoredResumeArtifact | null,
  message: string,
): Promise<TailoredResumeArtifact | null> {
  await ctx.emit('resume_complete', message, { jobUrl: job.url, approved: artifact !== null });
  return artifact;
}

async function draftResume(ctx: DocumentAgentContext, resumeText: string, job: TailorJob, jobUrl: string): Promise<ResumeDraft> {
  const plain = tailorResume(resumeText, job, ctx.profile);
  const respelled = plain.rephrased.map((r) => `${r.from} → ${r.to}`);
  const parts = [
    plain.keywordsUsed.length ? `putting forward ${plain.keywordsUsed.join(', ')}` : 'no keyword of the job is in the resume',
    ...(respelled.length ? [`using the job's wording (${respelled.join(', ')})`] : []),
    ...(plain.keywordsMissing.length ? [`not claiming ${plain.keywordsMissing.join(', ')}`] : []),
  ];
  await ctx.emit('resume_tailoring', clip(`Tailoring: ${parts.join('; ')}`, 1000), {
    jobUrl,
    keywords: plain.keywordsUsed.map((k) => clip(k, 100)),
  });
  const deterministic = { text: plain.text, before: plain.before, after: plain.after, note: 'deterministic tailoring' };
  if (!ctx.llm) return deterministic;
  const byModel = await modelResume(ctx, ctx.llm, resumeText, job, plain.keywordsUsed);
  if (!byModel.ok) return { ...deterministic, note: `model draft not used: ${clip(byModel.reason, 300)}` };
  const after = atsScore(byModel.text, `${job.title}\n${job.description}`).score;
  if (after < plain.before) return { ...deterministic, note: `model draft not used: its ATS score fell to ${after}` };
  return { text: byModel.text, before: plain.before, after, note: `written by ${ctx.llm.model}` };
}

type ModelAnswer = { ok: true; text: string } | { ok: false; reason: string };

/** The model may reword and reorder; a draft that adds a skill or a number is refused. */
async function modelResume(
  ctx: DocumentAgentContext,
  llm: LlmClient,
  resumeText: string,
  job: TailorJob,
  keywords: string[],
): Promise<ModelAnswer> {
  const attempt = await tryComplete(
    llm,
    [
      {
        role: 'system',
        content:
          'You tailor resumes to a job. Use only facts from the resume: never add a skill, tool, employer, title, date or number it does not contain. ' +
          "You may reorder sections and bullets, tighten wording, use the job's spelling for skills the resume already names, and open with a one-line summary. " +
          'Keep the section headings. Answer with the resume as plain text, bullets starting with "- ", and nothing else.',
      },
      {
        role: 'user',
        content: `Job: ${job.title} at ${job.company}\nKeywords the resume already has: ${keywords.join(', ') || 'none'}\n\nJob description:\n${clip(job.description, 6000)}\n\nResume:\n${resumeText}`,
      },
    ],
    { signal: ctx.signal, maxTokens: 3000, temperature: 0.2 },
  );
  if (!attempt.ok) return attempt;
  const text = attempt.text.trim();
  if (text.length < resumeText.length * LLM_MIN_LENGTH_RATIO) return { ok: false, reason: 'it dropped most of the resume' };
  const invented = ungroundedTerms(text, [resumeText, String(ctx.profile.yearsOfExperience ?? '')]);
  if (invented.length) return { ok: false, reason: `it added ${invented.slice(0, 5).join(', ')}, which the resume does not have` };
  return { ok: true, text };
}

/** The printed resume, or why it could not be printed. */
async function renderResume(ctx: DocumentAgentContext, job: AgentJob, text: string): Promise<TailoredResumeArtifact | string> {
  const name = ctx.profile.name.trim() || `${ctx.profile.firstName} ${ctx.profile.lastName}`.trim();
  const fileName = `${[slug(name), 'resume', slug(job.company)].filter(Boolean).join('-')}.pdf`;
  try {
    const pdf = await renderPdf(await ctx.browser(), { title: name ? `${name} — Resume` : 'Resume', text, layout: 'resume' });
    await ctx.emit('resume_generated', `${fileName} (${Math.ceil(pdf.length / 1024)} kB)`, {
      jobUrl: job.url,
      fileName: clip(fileName, 300),
      bytes: pdf.length,
    });
    return { text, pdf, fileName };
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    return clip(userMessage(err, 'the browser could not print it; the worker log has the details', `printing the resume for ${job.url}`), 500);
  }
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * Asks approve / edit / reject with the draft in the question's context. "edit" asks
 * once more for the corrected text (a free answer); no answer to either question
 * counts as reject, so nothing unreviewed is ever sent.
 */
export async function reviewDraft(ctx: DocumentAgentContext, review: DraftReview): Promise<ReviewDecision> {
  const preview = clip(review.preview, PREVIEW_MAX_CHARS);
  const first = await ctx.hitl.ask(clip(review.question, 1000), preview, REVIEW_OPTIONS, {
    default: 'reject',
    announce: (hitlId) => review.announce(hitlId, preview),
  });
  if (first.answer === 'approve') return { kind: 'approved' };
  if (first.answer !== 'edit') return { kind: 'rejected' };
  const edit = await ctx.hitl.ask('Send the corrected text; it replaces the draft (no answer keeps the original).', preview, [], {
    default: null,
    announce: (hitlId) => review.announce(hitlId, preview),
  });
  const text = edit.answer?.trim() ?? '';
  return text ? { kind: 'edited', text } : { kind: 'rejected' };
}
