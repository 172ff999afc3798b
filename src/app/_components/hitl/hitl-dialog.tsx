'use client';

import { useEffect, useId, useRef, useState, type JSX, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { EventData } from '~/shared/events';
import { MULTIPLE_CHOICE_SEPARATOR, type HitlRequest } from '~/shared/hitl';
import { api } from '~/trpc/react';
import { agentLabel } from './agent-label';
import { FileAnswer, FreeTextAnswer, MultipleChoiceAnswer, OptionButtons, SaveToProfile } from './answer-controls';
import { putQuestionFile } from './put-question-file';
import { Countdown, TIME_IS_UP, useSecondsLeft } from './countdown';
import { DraftReview } from './draft-review';
import { useModal } from './use-modal';

/** The part of a question the dialog shows; a row of hitl.pending fits as it is. */
export type HitlQuestionView = Pick<
  HitlRequest,
  'hitlId' | 'runId' | 'agent' | 'question' | 'context' | 'options' | 'answerKind' | 'multiple' | 'saveAs' | 'expiresAt' | 'defaultAnswer'
>;

/** A filled application awaiting approval; the payload of an applier_draft_ready event fits as it is. */
export type DraftView = Pick<EventData<'applier_draft_ready'>, 'title' | 'company' | 'jobUrl' | 'fields' | 'screenshot'>;

interface HitlDialogProps {
  question: HitlQuestionView;
  draft?: DraftView | null;
  onClose: () => void;
  onAnswered?: (answer: string) => void;
}

/** How long a "too late" message stays up before the dialog closes by itself. */
const GONE_CLOSE_MS = 2500;

type Notice =
  /** The answer can be fixed and sent again. */
  | { kind: 'error'; text: string }
  /** Nothing left to answer: say why, then close. */
  | { kind: 'gone'; text: string; detail: string | null };

const SETTLED_ELSEWHERE: Record<'answered' | 'timed_out' | 'cancelled', Notice> = {
  answered: { kind: 'gone', text: 'Already answered — maybe in another tab', detail: null },
  timed_out: { kind: 'gone', text: TIME_IS_UP, detail: null },
  cancelled: { kind: 'gone', text: 'This question was cancelled because its run stopped', detail: null },
};

/**
 * The question dialog: an agent waits on the answer. Modal (focus stays inside,
 * Escape closes and leaves the question pending), with a live countdown and, for a
 * draft application, the filled fields and a screenshot above approve/reject.
 *
 * The modal shell outlives the question: when a page swaps in the next question,
 * focus still returns to whatever opened the first one, while everything about the
 * answer (errors, the request in flight) starts afresh.
 */
export function HitlDialog({ question, draft = null, onClose, onAnswered }: HitlDialogProps): JSX.Element {
  const id = useId();
  const overlay = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useModal(overlay, onClose);
  return createPortal(
    <div
      ref={overlay}
      className="fixed inset-0 z-50 flex items-stretch justify-center bg-slate-950/60 sm:items-center sm:p-4"
      onMouseDown={(e) => {
        // A press on the backdrop closes, like Escape (the question stays pending).
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-question`}
        aria-describedby={`${id}-context`}
        tabIndex={-1}
        data-hitl-id={question.hitlId}
        className={`flex h-full w-full flex-col overflow-y-auto bg-white shadow-2xl focus:outline-none sm:h-auto sm:max-h-[90vh] sm:rounded-xl ${
          draft ? 'sm:max-w-3xl' : 'sm:max-w-xl'
        }`}
      >
        <QuestionBody
          key={question.hitlId}
          idPrefix={id}
          panel={panel}
          question={question}
          draft={draft}
          onClose={onClose}
          onAnswered={onAnswered}
        />
      </div>
    </div>,
    document.body,
  );
}

function QuestionBody({
  idPrefix,
  panel,
  question,
  draft,
  onClose,
  onAnswered,
}: Required<Pick<HitlDialogProps, 'question' | 'onClose'>> &
  Pick<HitlDialogProps, 'onAnswered'> & { idPrefix: string; panel: RefObject<HTMLDivElement | null>; draft: DraftView | null }) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const freeText = question.answerKind === 'text' && question.options.length === 0;
  // Kept answers are what a newcomer wants: asked once, not once per application.
  const [saveToProfile, setSaveToProfile] = useState(true);
  const [uploading, setUploading] = useState<string | null>(null);
  useEffect(() => {
    // Typing can start at once; with buttons, focus starts on the dialog itself, so a
    // held Enter from the opener cannot pick an option before the question is read.
    (freeText ? textarea.current : panel.current)?.focus();
  }, [freeText, panel]);

  const secondsLeft = useSecondsLeft(question.expiresAt);
  const respond = api.hitl.respond.useMutation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const sent = useRef(false);

  // Answered in another tab, timed out or cancelled while open: the inbox room says so.
  api.rooms.inbox.useSubscription(undefined, {
    onData: (note) => {
      if (note.type !== 'hitl_settled' || note.hitlId !== question.hitlId || sent.current) return;
      setNotice(SETTLED_ELSEWHERE[note.status]);
    },
  });

  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });
  const gone = notice?.kind === 'gone';
  useEffect(() => {
    if (!gone) return;
    const timer = window.setTimeout(() => latestClose.current(), GONE_CLOSE_MS);
    return () => window.clearTimeout(timer);
  }, [gone]);

  const blocked = gone || secondsLeft === 0 || respond.isPending || respond.isSuccess || uploading !== null;
  const failed = (code: string | undefined, message: string) => {
    sent.current = false;
    if (code === 'CONFLICT') setNotice(SETTLED_ELSEWHERE.answered);
    else if (code === 'NOT_FOUND') setNotice({ kind: 'gone', text: 'This question has expired', detail: message });
    else setNotice({ kind: 'error', text: message });
  };
  const sendFile = (file: File) => {
    if (blocked) return;
    sent.current = true;
    setNotice(null);
    setUploading(`Uploading ${file.name}…`);
    void putQuestionFile(question.hitlId, file, question.saveAs?.to === 'resume' && saveToProfile, (fraction) =>
      setUploading(`Uploading ${file.name}… ${Math.round(fraction * 100)}%`),
    ).then((result) => {
      setUploading(null);
      if (!result.ok) {
        failed(result.code, result.message);
        return;
      }
      onAnswered?.(`file:${file.name}`);
      onClose();
    });
  };
  const send = (answer: string) => {
    if (blocked) return;
    sent.current = true;
    setNotice(null);
    respond.mutate(
      { hitlId: question.hitlId, response: answer, saveToProfile: question.saveAs !== null && saveToProfile },
      {
        onSuccess: () => {
          onAnswered?.(answer);
          onClose();
        },
        onError: (err) => failed(err.data?.code, err.message),
      },
    );
  };

  // Closing leaves the question pending, like Escape; it is last in the Tab order, after the answers.
  const closeButton = (
    <button
      type="button"
      onClick={onClose}
      className="ml-auto rounded-md px-3 py-2 text-sm font-medium text-slate-800 underline underline-offset-2 hover:text-slate-950"
    >
      Close
    </button>
  );

  return (
    <>
      <div className="space-y-3 px-5 pt-5 pb-4">
        <p className="text-xs font-semibold uppercase tracking-wide text-blue-800">{agentLabel(question.agent)} asks</p>
        <h2 id={`${idPrefix}-question`} className="text-lg font-bold text-slate-950">
          {question.question}
        </h2>
        {/* With a draft, the table below says the same at length; two lines of it suffice here. */}
        <p
          id={`${idPrefix}-context`}
          className={`whitespace-pre-wrap break-words text-sm text-slate-700 ${draft ? 'line-clamp-2' : ''}`}
        >
          {question.context}
        </p>
        <Countdown secondsLeft={secondsLeft} />
        <p className="text-xs text-slate-600">
          {question.defaultAnswer === null
            ? 'Without an answer in time, the agent goes on without one.'
            : `Without an answer in time, the agent uses “${question.defaultAnswer}”.`}
        </p>
        {draft && <DraftReview draft={draft} />}
      </div>
      <div className="sticky bottom-0 mt-auto space-y-3 border-t border-slate-200 bg-white px-5 py-4">
        {/* A free-text error belongs beside the textarea, which shows it itself. */}
        {notice && !((freeText || question.answerKind === 'file') && notice.kind === 'error') && (
          <div role="alert" className={`text-sm font-medium ${notice.kind === 'gone' ? 'text-slate-900' : 'text-red-800'}`}>
            <p>{notice.text}</p>
            {notice.kind === 'gone' && notice.detail && <p className="font-normal text-slate-700">{notice.detail}</p>}
          </div>
        )}
        {(respond.isPending || uploading) && (
          <p role="status" className="text-sm text-slate-700">
            {uploading ?? 'Sending your answer…'}
          </p>
        )}
        {question.saveAs && <SaveToProfile saveAs={question.saveAs} checked={saveToProfile} onChange={setSaveToProfile} />}
        {question.answerKind === 'file' ? (
          <FileAnswer
            options={question.options}
            blocked={blocked}
            serverError={notice?.kind === 'error' ? notice.text : null}
            onFile={sendFile}
            onAnswer={send}
          >
            {closeButton}
          </FileAnswer>
        ) : question.multiple ? (
          <MultipleChoiceAnswer options={question.options} blocked={blocked} onAnswer={(chosen) => send(chosen.join(MULTIPLE_CHOICE_SEPARATOR))}>
            {closeButton}
          </MultipleChoiceAnswer>
        ) : freeText ? (
          <FreeTextAnswer
            blocked={blocked}
            serverError={notice?.kind === 'error' ? notice.text : null}
            inputRef={textarea}
            onAnswer={send}
          >
            {closeButton}
          </FreeTextAnswer>
        ) : (
          <OptionButtons options={question.options} blocked={blocked} onAnswer={send}>
            {closeButton}
          </OptionButtons>
        )}
      </div>
    </>
  );
}
