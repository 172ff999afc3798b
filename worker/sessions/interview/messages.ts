/** What the user reads in the interview's event messages and its summary. */
import { clip, listWords, plural } from './text';
import type { InterviewPosting, Question } from './types';

const MAX_MESSAGE_CHARS = 2000;

/** "Senior Backend Engineer at Acme", or the role alone. */
export function jobName(posting: InterviewPosting): string {
  return posting.company ? `${posting.role} at ${posting.company}` : posting.role;
}

function skillsFrom(posting: InterviewPosting): string {
  const skills = posting.skills.length > 0 ? ` (${listWords(posting.skills.slice(0, 5))}${posting.skills.length > 5 ? '…' : ''})` : '';
  switch (posting.from.kind) {
    case 'posting':
      return posting.skills.length > 0 ? `skills from the posting${skills}` : 'no skills found in the posting';
    case 'postings':
      return `skills counted across ${plural(posting.from.count, 'posting')} for the role on ${listWords(posting.from.sources)}${skills}`;
    case 'role':
      return posting.skills.length > 0 ? `skills from the role's name${skills}` : 'general questions, since no skills could be found for the role';
  }
}

export function startMessage(posting: InterviewPosting, questions: number, note: string | null): string {
  const head = `Interview practice for ${jobName(posting)}: ${plural(questions, 'question')}, ${skillsFrom(posting)}`;
  return clip(note ? `${head}. ${note}` : head, MAX_MESSAGE_CHARS);
}

export function questionMessage(question: Question, total: number): string {
  return clip(`Question ${question.index} of ${total}: ${question.question}`, MAX_MESSAGE_CHARS);
}

export function answerMessage(index: number, words: number): string {
  return `You answered question ${index} (${plural(words, 'word')})`;
}

export function feedbackMessage(index: number, score: number): string {
  return `Question ${index}: ${score}/100`;
}

export function silenceMessage(index: number, seconds: number): string {
  return `No answer to question ${index} within ${seconds} seconds`;
}

export function completeMessage(answered: number, asked: number, average: number | null): string {
  const head = `Interview over: ${answered} of ${plural(asked, 'question')} answered`;
  return average === null ? head : `${head}, ${average}/100 on average`;
}

export interface InterviewTally {
  answered: number;
  asked: number;
  planned: number;
  average: number | null;
  abandoned: boolean;
  seconds: number;
  workOn: readonly string[];
}

/** The session's summary: how it went, and the first thing to work on. */
export function summaryOf(posting: InterviewPosting, t: InterviewTally): string {
  const job = jobName(posting);
  const first = t.workOn[0] ? ` First thing to work on: ${t.workOn[0]}` : '';
  if (t.abandoned) {
    const so = t.average === null ? '' : `, averaging ${t.average}/100 on the ones you did`;
    return clip(`The interview for ${job} ended after two questions in a row went unanswered within ${t.seconds} seconds; you answered ${t.answered} of ${plural(t.planned, 'question')}${so}.${first}`, MAX_MESSAGE_CHARS);
  }
  if (t.average === null) return clip(`You answered none of the ${plural(t.asked, 'question')} for ${job}.${first}`, MAX_MESSAGE_CHARS);
  return clip(`You answered ${t.answered} of ${plural(t.asked, 'question')} for ${job}, averaging ${t.average}/100.${first}`, MAX_MESSAGE_CHARS);
}
