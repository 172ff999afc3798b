import { CRITERIA, scoreText, type InterviewFeedback as Feedback } from '../../_lib/interview-state';

/** Green from 70, amber from 40: the same bands the summary's average reads in. */
function scoreLook(score: number): string {
  if (score >= 70) return 'bg-emerald-600';
  if (score >= 40) return 'bg-amber-500';
  return 'bg-red-600';
}

/** A criterion's score as a bar with its number: the bar is decoration, the number is what is read. */
function ScoreBar({ score }: { score: number }) {
  const width = Math.min(100, Math.max(0, Math.round(score)));
  return (
    <span aria-hidden="true" className="block h-2 w-full overflow-hidden rounded bg-slate-200">
      <span className={`block h-full ${scoreLook(score)}`} style={{ width: `${width}%` }} />
    </span>
  );
}

/**
 * What the interviewer made of one answer: the score, the feedback in words and the four
 * criteria, each with what was found.
 */
export function InterviewFeedback({ feedback }: { feedback: Feedback }) {
  return (
    <div data-feedback={feedback.index} data-score={Math.round(feedback.score)} className="space-y-3">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-sm text-slate-700">Score</span>
        <span className="text-2xl font-bold tabular-nums text-slate-950">{scoreText(feedback.score)}</span>
      </p>
      <p className="whitespace-pre-wrap break-words text-slate-900">{feedback.feedback}</p>
      <dl aria-label="Criteria" className="grid gap-3 sm:grid-cols-2">
        {CRITERIA.map(({ name, label }) => {
          const criterion = feedback.criteria[name];
          return (
            <div key={name} data-criterion={name} className="space-y-1 rounded border border-slate-200 bg-slate-50 p-2">
              <dt className="flex items-baseline justify-between gap-2 text-sm font-semibold text-slate-900">
                <span>{label}</span>
                <span className="tabular-nums">{scoreText(criterion.score)}</span>
              </dt>
              <dd className="space-y-1">
                <ScoreBar score={criterion.score} />
                <span className="block break-words text-sm text-slate-800">{criterion.note}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
