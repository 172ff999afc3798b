import type { BattlePhase } from '../../_lib/battle-state';
import { formatMoney } from '~/shared/money';

export const PHASE_LABEL: Record<BattlePhase, string> = {
  opening: 'Opening offer',
  counter: 'Counter-offers',
  final_offer: 'Final offer',
  closed: 'Closed',
};

const PHASE_HINT: Record<BattlePhase, string> = {
  opening: 'The recruiter has made a first offer; this is where the most room is.',
  counter: 'Offers go back and forth: reasons move the recruiter, demands do not.',
  final_offer: 'The recruiter says this is as far as it goes: accept it or turn it down.',
  closed: 'The negotiation is over.',
};

interface Props {
  currency: string;
  currentOffer: number | null;
  firstOffer: number | null;
  lastAsk: number | null;
  target: number;
  phase: BattlePhase | null;
}

/** Where the offer stands, in numbers; `data-current-offer` carries the plain amount for tests. */
export function OfferStatus({ currency, currentOffer, firstOffer, lastAsk, target, phase }: Props) {
  const items: { label: string; value: string; data?: Record<string, string> }[] = [
    {
      label: 'Current offer',
      value: currentOffer === null ? 'None yet' : formatMoney(currentOffer, currency),
      data: { 'data-current-offer': currentOffer === null ? '' : String(currentOffer) },
    },
    { label: 'First offer', value: firstOffer === null ? '—' : formatMoney(firstOffer, currency) },
    { label: 'Your last ask', value: lastAsk === null ? '—' : formatMoney(lastAsk, currency) },
    { label: 'Your target', value: formatMoney(target, currency) },
  ];
  return (
    <section aria-labelledby="offer-status-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="offer-status-title" className="text-lg font-semibold text-slate-900">
          The offer
        </h2>
        {phase ? (
          <p data-phase={phase} className="text-sm text-slate-800">
            Phase: <span className="rounded bg-slate-100 px-2 py-0.5 font-semibold text-slate-900">{PHASE_LABEL[phase]}</span>
          </p>
        ) : null}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {items.map((item) => (
          <div key={item.label} className="rounded border border-slate-200 bg-slate-50 p-2">
            <dt className="text-sm text-slate-700">{item.label}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-950" {...item.data}>
              {item.value}
            </dd>
          </div>
        ))}
      </dl>
      {phase ? <p className="text-sm text-slate-700">{PHASE_HINT[phase]}</p> : null}
    </section>
  );
}
