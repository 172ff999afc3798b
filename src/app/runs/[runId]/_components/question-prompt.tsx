'use client';

import { HitlDialog, type DraftView, type HitlQuestionView } from '~/app/_components/hitl/hitl-dialog';
import type { DraftState, OpenQuestion } from '~/shared/run-state';
import type { QuestionDialogState } from './use-question-dialog';

function questionView(q: OpenQuestion, runId: string): HitlQuestionView {
  return {
    hitlId: q.hitlId,
    runId,
    agent: q.agent,
    question: q.question,
    context: q.context,
    options: [...q.options],
    answerKind: q.answerKind,
    multiple: q.multiple,
    saveAs: q.saveAs,
    expiresAt: q.expiresAt,
    defaultAnswer: q.defaultAnswer,
  };
}

/** The approval of a draft is answered while looking at that draft. */
function draftView(q: OpenQuestion, drafts: ReadonlyMap<string, DraftState>): DraftView | null {
  const draft = q.isApproval && q.jobUrl ? drafts.get(q.jobUrl) : undefined;
  if (!draft) return null;
  return {
    title: draft.title,
    company: draft.company,
    jobUrl: draft.jobUrl,
    fields: draft.fields.map((f) => ({ ...f })),
    ...(draft.screenshot ? { screenshot: draft.screenshot } : {}),
  };
}

interface Props {
  runId: string;
  dialog: QuestionDialogState;
  drafts: ReadonlyMap<string, DraftState>;
}

/**
 * While an agent waits for the user, says so above everything else and keeps a way
 * back to the question after its dialog was closed.
 */
export function QuestionPrompt({ runId, dialog, drafts }: Props) {
  const { shown, waiting } = dialog;
  const first = waiting[0];
  if (!first) return null;
  return (
    <>
      <section
        aria-label="Questions waiting for you"
        className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-400 bg-amber-50 p-3"
      >
        <p className="min-w-0 text-amber-950">
          <span className="font-semibold">
            {waiting.length === 1 ? 'A question is waiting for you: ' : `${waiting.length} questions are waiting for you. First: `}
          </span>
          <span className="break-words">{first.question}</span>
        </p>
        <button
          type="button"
          onClick={() => dialog.open(first.hitlId)}
          className="rounded bg-amber-700 px-4 py-2 font-medium text-white hover:bg-amber-800"
        >
          Answer question
        </button>
      </section>
      {shown ? (
        <HitlDialog
          key={shown.hitlId}
          question={questionView(shown, runId)}
          draft={draftView(shown, drafts)}
          onClose={dialog.close}
          onAnswered={() => dialog.answered(shown.hitlId)}
        />
      ) : null}
    </>
  );
}
