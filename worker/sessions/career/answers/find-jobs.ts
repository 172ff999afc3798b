/**
 * "Find me <role> jobs in <place>": a proposed pipeline run. The chat never starts a
 * run; the page shows the proposal with a button, and pipeline.start runs it as shown.
 */
import type { PipelineParams } from '~/shared/pipeline';
import { proposeSearch } from '../proposal';
import type { ParsedMessage, Reply } from '../types';
import { askForRole, reply } from './common';
import type { AnswerContext } from './context';

type FindJobs = Extract<ParsedMessage, { intent: 'find_jobs' }>;

export function answerFindJobs(ctx: AnswerContext, asked: FindJobs): Reply {
  const role = asked.role ?? ctx.profile.role;
  if (role === null) return askForRole(ctx, 'find_jobs', 'Find me Backend Engineer jobs in Berlin');
  const proposal = proposeSearch({ role, location: asked.location, sources: asked.sources, profileLocation: ctx.profile.location });
  if (!proposal) return askForRole(ctx, 'find_jobs', 'Find me Backend Engineer jobs in Berlin');
  return reply(ctx, {
    intent: 'find_jobs',
    text: proposalText(proposal, ctx.clients.map((c) => c.label)),
    headline: `Proposed a search for ${proposal.query}`,
    builtFrom: [asked.role === null ? 'your resume (its current title)' : 'your message', "the pipeline's default settings"],
    proposal,
    topic: `a search for ${proposal.query} jobs`,
  }, role);
}

function proposalText(p: PipelineParams, allSources: readonly string[]): string {
  const where = p.location.trim() === '' ? 'in any location' : /^remote$/i.test(p.location.trim()) ? 'that are remote' : `in ${p.location}`;
  const sources = p.sources ? p.sources.join(', ') : allSources.join(', ');
  const review = p.draftMode ? 'in draft mode, so nothing is sent without your review' : 'and sends applications';
  return [
    `I can search for ${p.query} jobs ${where} on ${sources}.`,
    `The run scores each posting against your resume, keeps those at ${p.minMatchScore}% or more, and prepares applications ${review}.`,
    'It starts when you confirm with the button below.',
  ].join(' ');
}
