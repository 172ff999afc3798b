import type { EventData, RunEvent } from '~/shared/events';
import type { RunStatus } from '~/shared/pipeline';
import { inSeqOrder, sessionEndAfter, sessionStatusAfter, type SessionEnd } from '~/shared/session-state';

/** A pay research, folded from the run's events alone (a negotiation folds one too, as its first step). */

export type SalaryResult = EventData<'salary_result'>;
export type SalaryPosting = SalaryResult['postings'][number];

/** What one source gave the research. */
export interface SourceProgress {
  source: string;
  postings: number;
  withPay: number;
  /** The agent's sentence about it (a failing board says what to do here). */
  message: string;
}

export interface ResearchState {
  status: RunStatus | null;
  request: EventData<'salary_start'> | null;
  sources: readonly SourceProgress[];
  result: SalaryResult | null;
  complete: EventData<'salary_complete'> | null;
  end: SessionEnd | null;
}

export const initialResearchState: ResearchState = {
  status: null,
  request: null,
  sources: [],
  result: null,
  complete: null,
  end: null,
};

/** One event into the research; events about anything else change only status and end. */
export function foldResearch(state: ResearchState, event: RunEvent): ResearchState {
  const next: ResearchState = {
    ...state,
    status: sessionStatusAfter(state.status, event),
    end: sessionEndAfter(state.end, event),
  };
  switch (event.type) {
    case 'salary_start':
      // A new attempt researches from the beginning: what the last one found is not this one's.
      return { ...next, request: event.data, sources: [], result: null, complete: null };
    case 'salary_analyzing': {
      const { source, postings, withPay } = event.data;
      return { ...next, sources: [...state.sources, { source, postings, withPay, message: event.message }] };
    }
    case 'salary_result':
      return { ...next, result: event.data };
    case 'salary_complete':
      return { ...next, complete: event.data };
    default:
      return next;
  }
}

export function researchStateOf(events: readonly RunEvent[]): ResearchState {
  return inSeqOrder(events).reduce(foldResearch, initialResearchState);
}

/** The percentiles, only when the sample was big enough to have them (never an invented number). */
export function percentilesOf(result: SalaryResult): { p25: number; p50: number; p75: number } | null {
  const { enough, p25, p50, p75 } = result;
  return enough && p25 !== null && p50 !== null && p75 !== null ? { p25, p50, p75 } : null;
}

/** The SVG range chart, in amounts: the page maps them to pixels. */
export interface RangeChartModel {
  /** The axis runs from `from` to `to`, on round numbers. */
  from: number;
  to: number;
  ticks: readonly number[];
  /** The p25–p75 band and the median, when there is enough data for them. */
  band: { p25: number; p75: number } | null;
  median: number | null;
  /** Each posting's range, lowest first, so the bars read as a staircase. */
  bars: readonly SalaryPosting[];
}

/** 1, 2 or 5 times a power of ten: tick steps a reader can add up. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step ?? 10 * power;
}

const TICK_COUNT = 5;

/** The chart's scale and marks; null when the result has no amount to draw. */
export function rangeChartModel(result: SalaryResult): RangeChartModel | null {
  const percentiles = percentilesOf(result);
  const amounts = [
    ...result.postings.flatMap((p) => [p.min, p.max]),
    ...(percentiles ? [percentiles.p25, percentiles.p50, percentiles.p75] : []),
  ];
  if (amounts.length === 0) return null;
  let low = Math.min(...amounts);
  let high = Math.max(...amounts);
  if (high === low) {
    // One amount still needs an axis around it.
    const pad = Math.max(1000, Math.round(low * 0.1));
    low = Math.max(0, low - pad);
    high += pad;
  }
  const step = niceStep(high - low, TICK_COUNT);
  const from = Math.floor(low / step) * step;
  const to = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let t = from; t <= to + step / 2; t += step) ticks.push(t);
  return {
    from,
    to,
    ticks,
    band: percentiles ? { p25: percentiles.p25, p75: percentiles.p75 } : null,
    median: percentiles?.p50 ?? null,
    bars: [...result.postings].sort((a, b) => a.min - b.min || a.max - b.max),
  };
}
