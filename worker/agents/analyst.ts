import type { AgentContext } from '../agent-context';
import type { FoundJob } from './scout';

export interface ScoredJob extends FoundJob {
  matchScore: number;
  matchedSkills: string[];
  missingSkills: string[];
}

/**
 * The skills the analyst matches against until accounts bring each user's own
 * resume (the accounts and agents issues replace this with the profile's resume).
 */
const DEMO_RESUME_SKILLS = ['python', 'typescript', 'react', 'postgresql', 'docker', 'aws', 'rest', 'sql', 'testing'];

/** Scores each job against the resume; reports progress from `from` to `to` percent. */
export async function analyst(
  ctx: AgentContext,
  jobs: readonly FoundJob[],
  range: { from: number; to: number },
): Promise<ScoredJob[]> {
  const scored: ScoredJob[] = [];
  const { minMatchScore } = ctx.params;
  for (const [i, job] of jobs.entries()) {
    await ctx.pausePoint(`analyse ${job.title} at ${job.company}`);
    const ref = { jobUrl: job.url, title: job.title, company: job.company };
    const progress = Math.round(((i + 1) / jobs.length) * 100);
    await ctx.emit('analyst_start', `Analysing job ${i + 1}/${jobs.length}: ${job.title}`, {
      ...ref,
      jobIndex: i + 1,
      total: jobs.length,
      progress,
    });
    await ctx.emit('analyst_fetching', `Fetching ${job.url}`, { jobUrl: job.url });
    await ctx.pace();
    await ctx.emit('analyst_analyzing', `Comparing requirements with the resume`, { ...ref, requirements: job.skills });
    const result = score(job);
    scored.push(result);
    if (result.matchScore >= minMatchScore) {
      await ctx.emit('analyst_result', `${job.title} at ${job.company}: ${result.matchScore}% match`, {
        ...ref,
        matchScore: result.matchScore,
        matchedSkills: result.matchedSkills,
        missingSkills: result.missingSkills,
        explanation: explain(result),
      });
    } else {
      await ctx.emit('analyst_skipped', `Skipped ${job.title}: ${result.matchScore}% is below ${minMatchScore}%`, {
        ...ref,
        matchScore: result.matchScore,
        minMatchScore,
        reason: explain(result),
      });
    }
    await ctx.progress(range.from + Math.floor(((range.to - range.from) * (i + 1)) / jobs.length));
  }
  const qualified = scored.filter((j) => j.matchScore >= minMatchScore).length;
  await ctx.emit('analyst_complete', `Analysed ${scored.length} jobs; ${qualified} qualify`, {
    analyzed: scored.length,
    qualified,
  });
  return scored;
}

function score(job: FoundJob): ScoredJob {
  const matchedSkills = job.skills.filter((s) => DEMO_RESUME_SKILLS.includes(s));
  const missingSkills = job.skills.filter((s) => !DEMO_RESUME_SKILLS.includes(s));
  const matchScore = Math.round((matchedSkills.length / Math.max(1, job.skills.length)) * 100);
  return { ...job, matchScore, matchedSkills, missingSkills };
}

function explain(job: ScoredJob): string {
  const has = job.matchedSkills.length ? `has ${job.matchedSkills.join(', ')}` : 'shares no listed skill';
  const lacks = job.missingSkills.length ? `; missing ${job.missingSkills.join(', ')}` : '';
  return `The resume ${has}${lacks}.`;
}
