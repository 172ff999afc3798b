'use client';

import Link from 'next/link';
import { useFocusOnArrival } from './use-focus-on-arrival';
import { scoreText, type InterviewSummary as Summary } from '../../_lib/interview-state';

interface Props {
  summary: Summary;
  /** How many questions the interview had. */
  asked: number;
  /** Where "Practise again" goes: the same role or posting, fresh questions. */
  againHref: string;
}

/**
 * How the interview went: the average, how many questions were answered, and the three
 * things to work on. When it appears the answer box has just gone, so the keyboard comes
 * here instead of falling back to the top of the page.
 */
export function InterviewSummary({ summary, asked, againHref }: Props) {
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  const items: [string, string][] = [
    ['Average score', summary.averageScore === null ? '—' : scoreText(summary.averageScore)],
    ['Answered', `${summary.answered} of ${Math.max(asked, summary.answered)}`],
  ];
  return (
    <section
      aria-labelledby="interview-summary-title"
      data-interview-summary=""
      className="space-y-4 rounded-lg border border-emerald-300 bg-emerald-50 p-3 sm:p-4"
    >
      <h2 id="interview-summary-title" ref={heading} tabIndex={-1} className="text-xl font-semibold text-slate-950">
        Summary
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:max-w-md">
        {items.map(([label, value]) => (
          <div key={label} className="rounded border border-emerald-200 bg-white p-2">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-950">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="space-y-1">
        <h3 className="font-semibold text-slate-900">What to work on</h3>
        {summary.workOn.length > 0 ? (
          <ol className="list-decimal space-y-1 pl-5 text-slate-800">
            {summary.workOn.map((point, i) => (
              <li key={`${i}-${point}`} className="break-words">
                {point}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-slate-700">Nothing stood out: your answers covered every criterion.</p>
        )}
      </div>
      <p>
        <Link href={againHref} className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
          Practise again
        </Link>{' '}
        <span className="text-slate-700">with new questions for the same job.</span>
      </p>
    </section>
  );
}
