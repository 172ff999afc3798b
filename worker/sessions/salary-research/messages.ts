import type { SalaryAnalysis } from './analyse';
import { FX_RATES_AS_OF } from './fx';
import { formatMoney } from '~/shared/money';
import type { SalaryResearchRequest, SalaryResearchResult } from './types';

/** What the user reads in a research's events and summary; numbers come from the result, never from here. */

const MAX_MESSAGE_CHARS = 2000;

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Backend engineer (senior) in Berlin" */
export function describeRole(request: SalaryResearchRequest): string {
  const seniority = request.seniority ? ` (${request.seniority})` : '';
  const place = request.location.trim() ? ` in ${request.location.trim()}` : ' in any location';
  return `${request.role}${seniority}${place}`;
}

export function startMessage(request: SalaryResearchRequest): string {
  return clip(`Researching pay for ${describeRole(request)}`);
}

/** What one source gave, for its salary_analyzing event. */
export interface SourceReport {
  label: string;
  matching: number;
  withPay: number;
  /** Greenhouse pay lookups that failed, with the first failure in the user's words. */
  payFailed: number;
  payError: string | null;
  /** Greenhouse jobs past the lookup cap. */
  payNotLookedUp: number;
}

export function analyzingMessage(report: SourceReport): string {
  const parts = [`Found ${plural(report.matching, 'matching posting')} on ${report.label}, ${report.withPay} with pay`];
  if (report.payFailed > 0) {
    parts.push(`the pay of ${plural(report.payFailed, 'posting')} could not be read${report.payError ? ` (${report.payError})` : ''}`);
  }
  if (report.payNotLookedUp > 0) parts.push(`${plural(report.payNotLookedUp, 'more posting')} not looked up, to keep the search short`);
  return clip(parts.join('; '));
}

export function resultMessage(analysis: SalaryAnalysis): string {
  const { result } = analysis;
  const head =
    result.enough && result.p25 !== null && result.p50 !== null && result.p75 !== null
      ? `Median ${formatMoney(result.p50, result.currency)} (p25 ${formatMoney(result.p25, result.currency)}, ` +
        `p75 ${formatMoney(result.p75, result.currency)}) from ${plural(result.sampleSize, 'posting')}`
      : `Not enough data: ${plural(result.sampleSize, 'posting')} with pay; at least ${result.minimumSample} are needed`;
  return clip([head, ...sampleNotes(analysis)].join('; '));
}

function sampleNotes(analysis: SalaryAnalysis): string[] {
  const { result, duplicatesRemoved, unconvertible, converted } = analysis;
  const notes: string[] = [];
  if (duplicatesRemoved > 0) notes.push(`${plural(duplicatesRemoved, 'copy', 'copies')} of jobs listed on several boards counted once`);
  for (const [currency, count] of unconvertible) {
    notes.push(`${plural(count, 'posting')} paid in ${currency} left out: no exchange rate to ${result.currency}`);
  }
  if (converted > 0) {
    notes.push(`${plural(converted, 'posting')} converted to ${result.currency} at the exchange rates of ${FX_RATES_AS_OF}`);
  }
  return notes;
}

export function completeMessage(answered: number, failed: number, sampleSize: number): string {
  const head = `Research complete: ${plural(sampleSize, 'posting')} with pay from ${plural(answered, 'source')}`;
  return failed > 0 ? `${head}; ${plural(failed, 'source')} failed (see above)` : head;
}

/** The session's summary: the market in one sentence, or why there is none and what to do. */
export function summaryOf(request: SalaryResearchRequest, result: SalaryResearchResult): string {
  const { currency, p25, p50, p75, sampleSize, minimumSample } = result;
  if (result.enough && p25 !== null && p50 !== null && p75 !== null) {
    return clip(
      `${describeRole(request)}: median ${formatMoney(p50, currency)} (p25 ${formatMoney(p25, currency)}, ` +
        `p75 ${formatMoney(p75, currency)}) from ${plural(sampleSize, 'posting')}`,
    );
  }
  return clip(
    `Not enough data: ${plural(sampleSize, 'posting')} with pay for ${describeRole(request)}; at least ${minimumSample} are needed. ` +
      'Try a broader role or location, or add Greenhouse/Lever boards on your profile.',
  );
}

function clip(message: string): string {
  return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…`;
}
