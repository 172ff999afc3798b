'use client';

import Link from 'next/link';
import { useFocusOnArrival } from './use-focus-on-arrival';
import { percentGained, type BattleDebrief as Debrief } from '../../_lib/battle-state';
import { formatMoney, formatPercent } from '~/shared/money';

function outcomeText(debrief: Debrief): string {
  const final = debrief.finalOffer === null ? null : formatMoney(debrief.finalOffer, debrief.currency);
  switch (debrief.outcome) {
    case 'accepted':
      return final ? `You accepted ${final}.` : 'You accepted the offer.';
    case 'rejected':
      return final ? `You turned down the recruiter’s last offer of ${final}.` : 'You turned the offer down.';
    case 'abandoned':
      return 'The negotiation ended without an answer: the time for a turn ran out, or it was left.';
  }
}

function Points({ title, points, none }: { title: string; points: readonly string[]; none: string }) {
  return (
    <div className="space-y-1">
      <h3 className="font-semibold text-slate-900">{title}</h3>
      {points.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-slate-800">
          {points.map((point, i) => (
            <li key={`${i}-${point}`} className="break-words">
              {point}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{none}</p>
      )}
    </div>
  );
}

interface Props {
  debrief: Debrief;
  target: number;
  /** Where "Practise again" goes: the same offer, a fresh persona. */
  againHref: string;
}

/**
 * How it went: first and final offer, what was gained, and what moved the persona and
 * what did not. When it appears the turn box has just gone, so the keyboard comes here
 * instead of falling back to the top of the page.
 */
export function BattleDebrief({ debrief, target, againHref }: Props) {
  const heading = useFocusOnArrival<HTMLHeadingElement>();
  const { currency, firstOffer, finalOffer } = debrief;
  const gained = percentGained(debrief);
  const reachedTarget = finalOffer !== null && debrief.outcome === 'accepted' ? finalOffer >= target : null;
  const items: [string, string][] = [
    ['First offer', firstOffer === null ? '—' : formatMoney(firstOffer, currency)],
    ['Final offer', finalOffer === null ? '—' : formatMoney(finalOffer, currency)],
    ['Gained', gained === null ? '—' : formatPercent(gained)],
    ['Rounds', String(debrief.rounds)],
  ];
  return (
    <section
      aria-labelledby="battle-debrief-title"
      data-debrief=""
      data-outcome={debrief.outcome}
      className="space-y-4 rounded-lg border border-emerald-300 bg-emerald-50 p-3 sm:p-4"
    >
      <h2 id="battle-debrief-title" ref={heading} tabIndex={-1} className="text-xl font-semibold text-slate-950">
        Debrief
      </h2>
      <p className="text-slate-900">
        {outcomeText(debrief)}
        {reachedTarget === null ? null : reachedTarget ? ' That meets your target.' : ` Your target was ${formatMoney(target, currency)}.`}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {items.map(([label, value]) => (
          <div key={label} className="rounded border border-emerald-200 bg-white p-2">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-950">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 sm:grid-cols-2">
        <Points title="What moved the recruiter" points={debrief.moved} none="Nothing you said moved the offer." />
        <Points title="What did not" points={debrief.didNotMove} none="Every argument you made counted." />
      </div>
      <p>
        <Link href={againHref} className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
          Practise again
        </Link>{' '}
        <span className="text-slate-700">with the same offer: try the arguments that did not land another way.</span>
      </p>
    </section>
  );
}
