import type { EventData, RunEvent } from '~/shared/events';
import type { RunStatus } from '~/shared/pipeline';
import { inSeqOrder, sessionEndAfter, sessionStatusAfter, type SessionEnd } from '~/shared/session-state';

/**
 * An interview practice, folded from the run's events alone: the questions as they are
 * asked, the user's answers, the feedback on each and, at the end, the summary. Whose
 * turn it is comes from the open round (sessions.turn); the events only bridge the moment
 * before the worker has opened it.
 */

export type InterviewSetup = EventData<'interview_start'>;
export type InterviewFeedback = EventData<'interview_feedback'>;
export type InterviewSummary = EventData<'interview_complete'>;
export type QuestionKind = EventData<'interview_question'>['kind'];
export type CriterionName = keyof InterviewFeedback['criteria'];

/** The criteria in the order feedback reads them, with the words the page uses. */
export const CRITERIA: readonly { name: CriterionName; label: string }[] = [
  { name: 'structure', label: 'Structure' },
  { name: 'specificity', label: 'Specificity' },
  { name: 'relevance', label: 'Relevance' },
  { name: 'length', label: 'Length' },
];

export const QUESTION_KIND_LABEL: Record<QuestionKind, string> = {
  behavioural: 'Behavioural',
  technical: 'Technical',
  role: 'About the role',
};

export interface InterviewAnswer {
  text: string;
  /** Ties the pending answer on the page to this stored copy. */
  turnId: string;
}

export interface InterviewQuestion {
  /** 1-based; also the round the answer is awaited in. */
  index: number;
  question: string;
  kind: QuestionKind;
  skill: string | null;
  answer: InterviewAnswer | null;
  feedback: InterviewFeedback | null;
  askedSeq: number;
  /** When its feedback arrived: the newest feedback is the one the page announces. */
  feedbackSeq: number | null;
}

export interface InterviewState {
  status: RunStatus | null;
  setup: InterviewSetup | null;
  /** In the order asked (by index). */
  questions: readonly InterviewQuestion[];
  summary: InterviewSummary | null;
  end: SessionEnd | null;
}

export const initialInterviewState: InterviewState = {
  status: null,
  setup: null,
  questions: [],
  summary: null,
  end: null,
};

function updateQuestion(
  questions: readonly InterviewQuestion[],
  index: number,
  change: (q: InterviewQuestion) => InterviewQuestion,
): readonly InterviewQuestion[] {
  // Answers and feedback for a question never asked (a truncated history) have nowhere to go.
  return questions.some((q) => q.index === index) ? questions.map((q) => (q.index === index ? change(q) : q)) : questions;
}

/** One event into the interview. */
export function foldInterview(state: InterviewState, event: RunEvent): InterviewState {
  const next: InterviewState = {
    ...state,
    status: sessionStatusAfter(state.status, event),
    end: sessionEndAfter(state.end, event),
  };
  switch (event.type) {
    case 'interview_start':
      // A retried attempt asks from the beginning: the last attempt's questions are not this one's.
      return { ...initialInterviewState, status: next.status, end: next.end, setup: event.data };
    case 'interview_question': {
      const { index, question, kind, skill } = event.data;
      const asked: InterviewQuestion = { index, question, kind, skill, answer: null, feedback: null, askedSeq: event.seq, feedbackSeq: null };
      const others = state.questions.filter((q) => q.index !== index);
      return { ...next, questions: [...others, asked].sort((a, b) => a.index - b.index) };
    }
    case 'interview_answer': {
      const { index, answer, turnId } = event.data;
      return { ...next, questions: updateQuestion(state.questions, index, (q) => ({ ...q, answer: { text: answer, turnId } })) };
    }
    case 'interview_feedback': {
      const feedback = event.data;
      return { ...next, questions: updateQuestion(state.questions, feedback.index, (q) => ({ ...q, feedback, feedbackSeq: event.seq })) };
    }
    case 'interview_complete':
      return { ...next, summary: event.data };
    default:
      return next;
  }
}

export function interviewStateOf(events: readonly RunEvent[]): InterviewState {
  return inSeqOrder(events).reduce(foldInterview, initialInterviewState);
}

/** Whether questions can still be answered: started, not summed up, not ended. */
export function isInterviewOpen(state: InterviewState): boolean {
  return state.setup !== null && state.summary === null && state.end === null;
}

/**
 * The question waiting for an answer: the newest one asked, while the interview is open
 * and it has neither an answer nor feedback (a question whose time ran out gets feedback
 * without an answer, and is past).
 */
export function currentQuestion(state: InterviewState): InterviewQuestion | null {
  if (!isInterviewOpen(state)) return null;
  const last = state.questions.at(-1);
  return last && last.answer === null && last.feedback === null ? last : null;
}

/** Every question but the one being asked, in the order asked: answered, or passed over when its time ran out. */
export function pastQuestions(state: InterviewState): InterviewQuestion[] {
  const current = currentQuestion(state);
  return state.questions.filter((q) => q !== current);
}

/** The newest feedback: what the live region reads out. */
export function latestFeedback(state: InterviewState): { question: InterviewQuestion; feedback: InterviewFeedback } | null {
  let found: { question: InterviewQuestion; feedback: InterviewFeedback } | null = null;
  let newest = -1;
  for (const question of state.questions) {
    const { feedback, feedbackSeq } = question;
    if (feedback && feedbackSeq !== null && feedbackSeq > newest) {
      newest = feedbackSeq;
      found = { question, feedback };
    }
  }
  return found;
}

/** The answer that has been given but not yet judged: the page says feedback is on its way. */
export function awaitingFeedback(state: InterviewState): InterviewQuestion | null {
  if (state.end !== null) return null;
  return state.questions.find((q) => q.answer !== null && q.feedback === null) ?? null;
}

/** 180 → "3 min", 45 → "45 s", 90 → "1 min 30 s": the time for an answer. */
export function durationText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** A 0–100 score, rounded, as the page writes it. */
export function scoreText(score: number): string {
  return `${Math.round(score)}/100`;
}
