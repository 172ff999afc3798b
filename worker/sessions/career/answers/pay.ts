/** "What does <role> pay?": the salary research (which reports itself in salary_* events), summed up in one reply. */
import { formatMoney } from '~/shared/money';
import { describeRole, summaryOf } from '../../salary-research/messages';
import type { SalaryResearchRequest, SalaryResearchResult } from '../../salary-research/types';
import type { Reply } from '../types';
import { plural } from '../words';
import { askForRole, reply } from './common';
import type { AnswerContext } from './context';

/** Postings quoted in the text as examples of the range. */
const EXAMPLES = 3;

export async function answerPay(ctx: AnswerContext, asked: { role: string | null; location: string | null }): Promise<Reply> {
  const role = asked.role ?? ctx.profile.role;
  if (role === null) return askForRole(ctx, 'pay', 'What does a Backend Engineer pay?');
  // No place named: the whole market, as the research reads an empty location.
  const request: SalaryResearchRequest = { role, location: asked.location ?? '' };
  const result = await ctx.research(request);
  return reply(ctx, {
    intent: 'pay',
    text: payText(request, result),
    headline: `Pay for ${describeRole(request)}`,
    builtFrom: [`the salary research: ${plural(result.sampleSize, 'posting')} with pay for ${describeRole(request)}`],
    facts: result.postings.map((p) => `${p.title} at ${p.company}: ${formatMoney(p.min, result.currency)}–${formatMoney(p.max, result.currency)}`),
    topic: `pay for ${role}`,
    ...(result.enough && result.p50 !== null ? { mustSay: { numbers: [result.p50] } } : {}),
  }, role);
}

function payText(request: SalaryResearchRequest, result: SalaryResearchResult): string {
  const said = summaryOf(request, result);
  const summary = /[.!?]$/.test(said) ? said : `${said}.`;
  if (!result.enough) return summary;
  const money = (n: number) => formatMoney(n, result.currency);
  // The research lists its sample by midpoint, so the last postings are the best paid.
  const examples = result.postings
    .slice(-EXAMPLES)
    .reverse()
    .map((p) => `${p.title} at ${p.company} (${money(p.min)}–${money(p.max)}): ${p.url}`);
  return [summary, 'The best-paid postings in the sample:', ...examples].join('\n');
}
