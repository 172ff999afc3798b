import { QUESTION_KIND_LABEL, type InterviewQuestion as Question } from '../../_lib/interview-state';

interface Props {
  question: Question;
  /** How many the interview has, for "Question 2 of 5". */
  total: number | null;
  /** The question's text gets this id: the answer box reads it with its field. */
  textId: string;
}

/** The kind of a question, and the posting skill a technical one is about. */
export function QuestionTags({ question }: { question: Question }) {
  return (
    <span className="flex flex-wrap gap-1.5 text-xs font-semibold">
      <span className="rounded bg-blue-100 px-2 py-0.5 text-blue-900">{QUESTION_KIND_LABEL[question.kind]}</span>
      {question.skill ? <span className="rounded bg-slate-200 px-2 py-0.5 text-slate-900">Skill: {question.skill}</span> : null}
    </span>
  );
}

/** The question being asked now, as the interviewer would put it. */
export function InterviewQuestion({ question, total, textId }: Props) {
  return (
    <section
      aria-labelledby={`${textId}-heading`}
      data-question={question.index}
      className="space-y-2 rounded-lg border border-blue-200 bg-blue-50 p-3 sm:p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${textId}-heading`} className="text-sm font-semibold uppercase tracking-wide text-slate-700">
          Question {question.index}
          {total ? ` of ${total}` : ''}
        </h2>
        <QuestionTags question={question} />
      </div>
      <p id={textId} className="whitespace-pre-wrap break-words text-lg font-medium text-slate-950">
        {question.question}
      </p>
    </section>
  );
}
