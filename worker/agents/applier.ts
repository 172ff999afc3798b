import type { AgentContext } from '../agent-context';
import type { ScoredJob } from './analyst';

export interface ApplierOutcome {
  drafted: number;
  submitted: number;
  failed: number;
}

/** The applicant, until accounts bring each user's profile (accounts issue). */
const DEMO_APPLICANT = { 'Full name': 'Alex Example', Email: 'alex@example.com', Phone: '+1 555 0100' };

/**
 * Fills each application and, in draft mode, submits only what the user approves.
 * (A real browser arrives with the agents issue; this version walks the same events.)
 */
export async function applier(
  ctx: AgentContext,
  jobs: readonly ScoredJob[],
  range: { from: number; to: number },
): Promise<ApplierOutcome> {
  const outcome: ApplierOutcome = { drafted: 0, submitted: 0, failed: 0 };
  for (const [i, job] of jobs.entries()) {
    await ctx.pausePoint(`apply to ${job.title} at ${job.company}`);
    const ref = { jobUrl: job.url, title: job.title, company: job.company };
    await ctx.emit('applier_start', `Applying to ${job.title} at ${job.company}`, { ...ref, draftMode: ctx.params.draftMode });
    await ctx.emit('applier_navigate', `Opening the application form`, { url: `${job.url}/apply` });
    await ctx.pace();
    const fields = Object.entries(DEMO_APPLICANT).map(([label, value]) => ({ label, value, confident: true }));
    for (const field of fields) {
      await ctx.emit('applier_type', `Typing ${field.label}`, { field: field.label, value: field.value });
    }
    outcome.drafted += 1;
    await ctx.emit('applier_draft_ready', `Draft ready for ${job.company}`, { ...ref, fields });
    const approved = ctx.params.draftMode ? await askApproval(ctx, job) : true;
    if (approved) {
      await ctx.emit('applier_submit', `Submitting the application`, { jobUrl: job.url });
      await ctx.emit('applier_submitted', `Application submitted to ${job.company}`, {
        ...ref,
        confirmation: `sandbox-${job.id}`,
      });
      outcome.submitted += 1;
    }
    await ctx.progress(range.from + Math.floor(((range.to - range.from) * (i + 1)) / jobs.length));
  }
  await ctx.emit('applier_complete', `Applications: ${outcome.submitted} submitted, ${outcome.drafted} drafted`, outcome);
  return outcome;
}

async function askApproval(ctx: AgentContext, job: ScoredJob): Promise<boolean> {
  const { answer } = await ctx.hitl.ask(
    `Submit the application to ${job.title} at ${job.company}?`,
    `Draft filled with your profile. Match score ${job.matchScore}%.`,
    ['approve', 'reject'],
    { default: 'reject' },
  );
  return answer === 'approve';
}
