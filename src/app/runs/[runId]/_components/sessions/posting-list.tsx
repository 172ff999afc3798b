'use client';

import { useState } from 'react';
import type { SalaryPosting } from '../../_lib/research-state';
import { safeHref } from '../../_lib/safe-href';
import { formatMoney } from '~/shared/money';

/** A sample can have up to 200 postings; the first few show what it is made of. */
const FIRST_SHOWN = 8;

function range(posting: SalaryPosting, currency: string): string {
  return posting.min === posting.max
    ? formatMoney(posting.min, currency)
    : `${formatMoney(posting.min, currency)} – ${formatMoney(posting.max, currency)}`;
}

/** The postings behind the numbers, each a link to the posting itself, so every figure can be checked. */
export function PostingList({ postings, currency, headingId }: { postings: readonly SalaryPosting[]; currency: string; headingId: string }) {
  const [showAll, setShowAll] = useState(false);
  const listId = `${headingId}-list`;
  if (postings.length === 0) return null;
  const shown = showAll ? postings : postings.slice(0, FIRST_SHOWN);
  return (
    <div className="space-y-2">
      <h3 id={headingId} className="font-semibold text-slate-900">
        The postings behind it ({postings.length})
      </h3>
      <ul id={listId} aria-labelledby={headingId} className="divide-y divide-slate-200 rounded border border-slate-200">
        {shown.map((posting, i) => {
          const href = safeHref(posting.url);
          return (
            <li key={`${posting.url}-${i}`} data-posting-url={posting.url} className="flex flex-col gap-1 p-2 @md:flex-row @md:items-baseline @md:justify-between @md:gap-3">
              <div className="min-w-0">
                {href ? (
                  <a
                    href={href}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="break-words font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950"
                  >
                    {posting.title}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </a>
                ) : (
                  <span className="break-words font-medium text-slate-900">{posting.title}</span>
                )}
                <p className="text-sm text-slate-700">
                  {posting.company}
                  {posting.source ? <span className="text-slate-600"> · {posting.source}</span> : null}
                </p>
              </div>
              <p className="shrink-0 text-sm tabular-nums text-slate-900 @md:text-right">
                {range(posting, currency)}
                {posting.original ? <span className="block text-xs text-slate-600">Posted as {posting.original}</span> : null}
              </p>
            </li>
          );
        })}
      </ul>
      {postings.length > FIRST_SHOWN ? (
        <button
          type="button"
          aria-expanded={showAll}
          aria-controls={listId}
          onClick={() => setShowAll((all) => !all)}
          className="rounded border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100"
        >
          {showAll ? `Show the first ${FIRST_SHOWN} only` : `Show all ${postings.length} postings`}
        </button>
      ) : null}
    </div>
  );
}
