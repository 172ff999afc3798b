import type { ApplicationState } from '~/shared/run-state';
import { ApplicationItem } from './application-item';

interface Props {
  applications: readonly ApplicationState[];
  autoApply: boolean;
  /** Opens the approval question of a waiting draft. */
  onReview: (hitlId: string) => void;
}

/** Every application the applier touched, and where each one ended up. */
export function Applications({ applications, autoApply, onReview }: Props) {
  return (
    <section aria-labelledby="applications-title" className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id="applications-title" className="text-lg font-semibold text-slate-900">
        Applications
      </h2>
      {applications.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">
          {autoApply ? 'No applications yet: the applier starts after the analysis.' : 'Auto-apply is off for this run, so nothing is applied to.'}
        </p>
      ) : (
        <ul className="mt-3 space-y-3">
          {applications.map((application) => (
            <ApplicationItem key={application.jobUrl} application={application} onReview={onReview} />
          ))}
        </ul>
      )}
    </section>
  );
}
