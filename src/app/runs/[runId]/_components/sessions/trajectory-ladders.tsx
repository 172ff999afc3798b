import { formatMoney } from '~/shared/money';
import { ladders, yearsText, type Trajectory, type TrajectoryStep } from '../../_lib/career-state';

function Step({ step }: { step: TrajectoryStep }) {
  return (
    <li data-step={step.title} className="space-y-1 rounded border border-slate-200 bg-white p-2">
      <p className="font-semibold text-slate-900">{step.title}</p>
      <p className="text-sm text-slate-700">{yearsText(step.years)}</p>
      {step.pay ? (
        <p className="text-sm text-slate-800">
          Pay: <span className="tabular-nums">{formatMoney(step.pay.p25, step.pay.currency)}</span>–
          <span className="tabular-nums">{formatMoney(step.pay.p75, step.pay.currency)}</span>, median{' '}
          <span className="tabular-nums">{formatMoney(step.pay.p50, step.pay.currency)}</span>
          <span className="text-slate-600"> ({step.pay.sampleSize} postings)</span>
        </p>
      ) : (
        <p className="text-sm text-slate-600">Pay: not enough postings to say</p>
      )}
      {step.skills.length > 0 ? <p className="break-words text-sm text-slate-800">Skills: {step.skills.join(', ')}</p> : null}
    </li>
  );
}

function Ladder({ title, steps, none }: { title: string; steps: readonly TrajectoryStep[]; none: string }) {
  return (
    <div className="min-w-0 space-y-2">
      <h3 className="font-semibold text-slate-900">{title}</h3>
      {steps.length > 0 ? (
        <ol aria-label={title} className="space-y-2 border-l-2 border-slate-300 pl-3">
          {steps.map((step) => (
            <Step key={`${step.track}-${step.title}`} step={step} />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-700">{none}</p>
      )}
    </div>
  );
}

/** Where the user can go from here: the individual-contributor and management ladders side by side (stacked on a phone). */
export function TrajectoryLadders({ trajectory }: { trajectory: Trajectory }) {
  const { ic, management } = ladders(trajectory);
  const { from } = trajectory;
  return (
    <section aria-labelledby="trajectory-title" data-trajectory="" className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4">
      <h2 id="trajectory-title" className="text-lg font-semibold text-slate-900">
        Where you can go from here
      </h2>
      <p className="text-sm text-slate-700">
        From {from.title} ({from.seniority}, {from.years} {from.years === 1 ? 'year' : 'years'} of experience). Steps nearest first.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Ladder title="Individual contributor" steps={ic} none="No individual-contributor step is known for this role." />
        <Ladder title="Management" steps={management} none="No management step is known for this role." />
      </div>
    </section>
  );
}
