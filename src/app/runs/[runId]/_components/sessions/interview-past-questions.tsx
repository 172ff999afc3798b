import { scoreText, type InterviewQuestion } from '../../_lib/interview-state';
import { InterviewFeedback } from './interview-feedback';
import { QuestionTags } from './interview-question';

/**
 * The questions already put, in order, each with the answer given and its feedback; shut
 * by default (a summary line with the score), so a long interview stays a short page.
 */
export function InterviewPastQuestions({ questions }: { questions: readonly InterviewQuestion[] }) {
  if (questions.length === 0) return null;
  return (
    <section aria-labelledby="interview-past-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id="interview-past-title" className="text-lg font-semibold text-slate-900">
        Past questions
      </h2>
      <ol className="space-y-2">
        {questions.map((q) => (
          <li key={q.index} data-past-question={q.index} className="rounded border border-slate-200">
            <details className="group">
              <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 p-2 hover:bg-slate-50">
                <span className="font-semibold text-slate-900">Question {q.index}</span>
                <span className="tabular-nums text-slate-800">
                  {q.feedback ? scoreText(q.feedback.score) : q.answer ? 'Being scored…' : 'Not answered'}
                </span>
                <span className="min-w-0 basis-full break-words text-sm text-slate-700">{q.question}</span>
              </summary>
              <div className="space-y-3 border-t border-slate-200 p-2">
                <QuestionTags question={q} />
                <div>
                  <h3 className="text-sm font-semibold text-slate-900">Your answer</h3>
                  <p className="whitespace-pre-wrap break-words text-slate-800">
                    {q.answer ? q.answer.text : 'No answer: the time for this question ran out.'}
                  </p>
                </div>
                {q.feedback ? <InterviewFeedback feedback={q.feedback} /> : null}
              </div>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
