import Link from 'next/link';
import { useId } from 'react';
import { percentilesOf, type ResearchState, type SalaryResult } from '../../_lib/research-state';
import { formatMoney } from '~/shared/money';
import { PostingList } from './posting-list';
import { SalaryRangeChart } from './salary-range-chart';

function Percentiles({ result }: { result: SalaryResult }) {
  const percentiles = percentilesOf(result);
  if (!percentiles) return null;
  const { currency } = result;
  const items: [string, string][] = [
    ['25th percentile', formatMoney(percentiles.p25, currency)],
    ['Median', formatMoney(percentiles.p50, currency)],
    ['75th percentile', formatMoney(percentiles.p75, currency)],
    ['Sample', `${result.sampleSize} ${result.sampleSize === 1 ? 'posting' : 'postings'} with pay`],
  ];
  return (
    <dl data-percentiles="" className="grid grid-cols-2 gap-3 @xl:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="rounded border border-slate-200 bg-slate-50 p-2">
          <dt className="text-sm text-slate-700">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-950">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Below the minimum sample there are no percentiles: say so, and what would find more. */
function NotEnoughData({ result }: { result: SalaryResult }) {
  const found = `${result.sampleSize} ${result.sampleSize === 1 ? 'posting' : 'postings'}`;
  return (
    <div data-not-enough="" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p className="font-semibold">Not enough data</p>
      <p>
        Only {found} with pay matched; at least {result.minimumSample} are needed before a median means anything, so none is
        given. To find more:
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>use a broader role name (“Backend engineer” rather than a title with a team or level in it);</li>
        <li>leave the location empty to count every place, remote included;</li>
        <li>leave out the seniority;</li>
        <li>
          add the Greenhouse or Lever boards of companies you know to{' '}
          <Link href="/profile" className="font-semibold underline underline-offset-2">
            your profile
          </Link>
          : research reads every board listed there.
        </li>
      </ul>
    </div>
  );
}

function SourceList({ research }: { research: ResearchState }) {
  if (research.sources.length === 0) return null;
  return (
    <ul aria-label="Sources searched" className="space-y-1 text-sm text-slate-700">
      {research.sources.map((source, i) => (
        <li key={`${source.source}-${i}`} className="break-words">
          {source.message}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  research: ResearchState;
  /** Whether the session is still going: an empty panel then means "working", not "nothing". */
  live: boolean;
  title?: string;
}

/**
 * What the market pays for the role: the percentiles or why there are none, the chart, and
 * the postings behind them. It lays out by its own width (a container), since it is the
 * whole page of a research but a side column of a negotiation.
 */
export function ResearchPanel({ research, live, title = 'Market pay' }: Props) {
  const id = useId();
  const { result } = research;
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-research-result={result ? (percentilesOf(result) ? 'enough' : 'not-enough') : 'pending'}
      className="@container min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {result ? (
        <>
          {percentilesOf(result) ? <Percentiles result={result} /> : <NotEnoughData result={result} />}
          <p className="text-sm text-slate-700">
            Yearly amounts in {result.currency}, from the pay ranges postings publish.
          </p>
          <SalaryRangeChart result={result} />
          <PostingList postings={result.postings} currency={result.currency} headingId={`${id}-postings`} />
        </>
      ) : (
        <p role="status" className="text-slate-700">
          {live ? 'Reading the pay ranges of matching postings…' : 'The research ended before it had a result.'}
        </p>
      )}
      <SourceList research={research} />
    </section>
  );
}
