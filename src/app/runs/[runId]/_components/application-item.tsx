import type { ApplicationStage, ApplicationState } from '~/shared/run-state';
import { safeHref } from '../_lib/safe-href';
import { SessionLinks } from './sessions/session-links';

const LOOK: Record<ApplicationStage, string> = {
  filling: 'bg-blue-100 text-blue-900',
  drafted: 'bg-slate-200 text-slate-900',
  awaiting_approval: 'bg-amber-100 text-amber-900',
  approved: 'bg-blue-100 text-blue-900',
  not_approved: 'bg-slate-200 text-slate-900',
  submitted: 'bg-emerald-100 text-emerald-900',
  failed: 'bg-red-100 text-red-900',
};

function statusText(a: ApplicationState): string {
  switch (a.stage) {
    case 'filling':
      return 'Filling in the form';
    case 'drafted':
      return 'Drafted';
    case 'awaiting_approval':
      return 'Waiting for your approval';
    case 'approved':
      return 'Approved; submitting';
    case 'not_approved':
      return 'Drafted, not submitted: it was not approved';
    case 'submitted':
      return `Submitted, confirmation ${a.confirmation ?? 'received'}`;
    case 'failed':
      return `Failed: ${a.error ?? 'no reason given'}`;
  }
}

/** One application: the job, its status in words, and the way to the draft while it waits for you. */
export function ApplicationItem({ application: a, onReview }: { application: ApplicationState; onReview: (hitlId: string) => void }) {
  const href = safeHref(a.jobUrl);
  const fields =
    a.fieldCount === null ? null : `${a.fieldCount} ${a.fieldCount === 1 ? 'field' : 'fields'} filled${a.unsureFields > 0 ? `, ${a.unsureFields} unsure` : ''}`;
  return (
    <li data-job-url={a.jobUrl} data-application-status={a.stage} className="rounded border border-slate-200 p-3">
      <h3 className="break-words font-semibold text-slate-900">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" className="underline-offset-2 hover:underline">
            {a.title}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          a.title
        )}
      </h3>
      {a.company ? <p className="text-sm text-slate-700">{a.company}</p> : null}
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded px-2 py-0.5 font-semibold ${LOOK[a.stage]}`}>{statusText(a)}</span>
        {fields ? <span className="text-slate-700">{fields}</span> : null}
      </p>
      {a.stage === 'awaiting_approval' && a.approvalHitlId ? (
        <button
          type="button"
          onClick={() => a.approvalHitlId && onReview(a.approvalHitlId)}
          className="mt-2 rounded bg-amber-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-800"
        >
          Review draft<span className="sr-only"> for {a.title}</span>
        </button>
      ) : null}
      <div className="mt-2">
        <SessionLinks role={a.title} company={a.company} jobUrl={a.jobUrl} />
      </div>
    </li>
  );
}
