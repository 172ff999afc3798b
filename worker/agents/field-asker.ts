import { MULTIPLE_CHOICE_SEPARATOR, type HitlSaveAs, type SavableProfileField } from '~/shared/hitl';
import { questionKey, type ProfileFields } from '~/shared/profile';
import type { AgentContext, ResumeFile } from '../agent-context';
import { identifyField, type AnswerKey, type ApplicantFacts } from '../browser/field-mapper';
import type { FieldAnswer, FieldQuestion, FieldQuestions } from '../browser/field-questions';

/**
 * What the applier knows across the applications of one run. An answer the user
 * keeps in their profile lands here too, so the next application is not asked again.
 */
export interface ApplicantMemory {
  facts: ApplicantFacts;
  /** A resume the user gave through a question and kept; later applications upload it. */
  resume: ResumeFile | null;
}

export interface AskTarget {
  title: string;
  company: string;
}

/** Options the user reads and answers with; one button each. */
const SKIP_APPLICATION = 'skip this application';

const SAVABLE: Partial<Record<AnswerKey, SavableProfileField>> = {
  fullName: 'name', firstName: 'firstName', lastName: 'lastName', email: 'email', phone: 'phone', location: 'location',
  linkedinUrl: 'linkedinUrl', githubUrl: 'githubUrl', websiteUrl: 'websiteUrl', currentCompany: 'currentCompany',
  desiredSalary: 'desiredSalary', earliestStartDate: 'earliestStartDate',
};

/** Questions about this job in particular: their answers do not carry over to the next one. */
const JOB_SPECIFIC = /\bwhy\b|cover letter|tell us|describe|interest(ed)? in|this (role|position|job|team)|about yourself/i;

/**
 * The applier's side of the form walker's questions: a saved answer when the profile
 * has one, otherwise a HITL question shaped like the field (text, one or several
 * options, a file), offering to keep the answer in the profile where it belongs there.
 */
export function fieldAsker(ctx: AgentContext, job: AskTarget, memory: ApplicantMemory): FieldQuestions {
  return {
    async ask(question) {
      const saved = savedAnswerFor(memory.facts.profile, question);
      if (saved) {
        await ctx.emit('browser_action', `Using your saved answer for "${question.label.slice(0, 200)}"`, {
          action: 'saved_answer',
          detail: `${question.label}: ${saved.kind === 'text' ? saved.value : saved.kind === 'choice' ? saved.values.join(', ') : ''}`.slice(0, 1000),
        });
        return saved;
      }
      return question.wantsFile ? askForFile(ctx, job, memory, question) : askForValue(ctx, job, memory, question);
    },
  };
}

/** The profile's kept answer to this question, when it still fits the field's options. */
function savedAnswerFor(profile: ProfileFields, question: FieldQuestion): FieldAnswer | null {
  const key = questionKey(question.label);
  const saved = profile.savedAnswers.find((a) => questionKey(a.question) === key);
  if (!saved || question.wantsFile) return null;
  if (question.options.length === 0) return { kind: 'text', value: saved.answer };
  const wanted = saved.answer.split(MULTIPLE_CHOICE_SEPARATOR).map((v) => v.trim().toLowerCase());
  const values = question.options.filter((o) => wanted.includes(o.label.toLowerCase()) || wanted.includes(o.value.toLowerCase())).map((o) => o.label);
  if (values.length !== wanted.length || (!question.multiple && values.length !== 1)) return null;
  return { kind: 'choice', values };
}

async function askForFile(ctx: AgentContext, job: AskTarget, memory: ApplicantMemory, question: FieldQuestion): Promise<FieldAnswer | null> {
  const what = question.wantsFile === 'resume' ? 'your resume' : question.wantsFile === 'coverLetter' ? 'a cover letter' : 'a document';
  const reply = await ctx.hitl.ask(
    `${job.company}: "${question.label.slice(0, 200)}" needs ${what} (PDF)`,
    [
      `The ${job.title} application at ${job.company} asks for ${what} as a file, and ${question.reason}.`,
      `Upload the PDF (at most 5 MB) to send with this application${question.wantsFile === 'resume' ? ', and keep it in your profile so that later applications use it' : ''},`,
      `or choose "${SKIP_APPLICATION}".`,
    ].join(' '),
    [SKIP_APPLICATION],
    { default: null, answerKind: 'file', ...(question.wantsFile === 'resume' ? { saveAs: { to: 'resume' } } : {}) },
  );
  if (!reply.file) return null;
  if (reply.savedToProfile && question.wantsFile === 'resume') {
    memory.resume = reply.file;
    memory.facts.hasResumeFile = true;
  }
  return { kind: 'file', file: { fileName: reply.file.fileName, bytes: reply.file.bytes, mimeType: 'application/pdf' } };
}

async function askForValue(ctx: AgentContext, job: AskTarget, memory: ApplicantMemory, question: FieldQuestion): Promise<FieldAnswer | null> {
  const options = question.options.map((o) => o.label).filter(Boolean).slice(0, 20);
  const saveAs = saveTarget(question, job);
  const reply = await ctx.hitl.ask(`${job.company}: "${question.label.slice(0, 200)}"`, context(job, question, options, saveAs), options, {
    default: question.multiple || options.length === 0 ? null : (question.suggestion ?? null),
    ...(question.multiple ? { multiple: true } : {}),
    ...(saveAs ? { saveAs } : {}),
  });
  if (reply.answer === null) return null;
  if (reply.savedToProfile && saveAs) remember(memory.facts.profile, saveAs, reply.answer);
  if (options.length === 0) return { kind: 'text', value: reply.answer };
  return { kind: 'choice', values: reply.answer.split(MULTIPLE_CHOICE_SEPARATOR).map((v) => v.trim()).filter(Boolean) };
}

function context(job: AskTarget, question: FieldQuestion, options: string[], saveAs: HitlSaveAs | null): string {
  return [
    `The ${job.title} application at ${job.company} asks: "${question.label}" (${question.field.required ? 'required' : 'optional'}).`,
    `I did not fill it because ${question.reason}.`,
    question.pageSaid ? `The page said: "${question.pageSaid.slice(0, 500)}".` : '',
    question.suggestion ? `My best guess is "${question.suggestion}"; send it back to confirm, or give the right answer.` : '',
    options.length > 0 ? (question.multiple ? `Choose all that apply of: ${options.join(', ')}.` : `Choose one of: ${options.join(', ')}.`) : 'Type the answer to put in the field.',
    saveAs ? 'Keep it in your profile and I will not ask again.' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Where this answer belongs in the profile, if anywhere: a profile field, or a kept answer to a general question. */
function saveTarget(question: FieldQuestion, job: AskTarget): HitlSaveAs | null {
  const identity = identifyField(question.field);
  const field = identity ? SAVABLE[identity.key] : undefined;
  if (field) return { to: 'profile', field };
  if (identity?.key === 'eeo' || identity?.key === 'coverLetter') return null;
  if (JOB_SPECIFIC.test(question.label) || (job.company.length > 2 && question.label.toLowerCase().includes(job.company.toLowerCase()))) return null;
  if (question.field.control === 'textarea' || question.field.control === 'file') return null;
  return { to: 'savedAnswer', question: question.label.slice(0, 300) };
}

/** The profile of this run learns what the user kept in their profile. */
function remember(profile: ProfileFields, saveAs: HitlSaveAs, answer: string): void {
  if (saveAs.to === 'profile') {
    if (saveAs.field === 'earliestStartDate') profile.earliestStartDate = answer;
    else profile[saveAs.field] = answer;
    return;
  }
  if (saveAs.to === 'savedAnswer') {
    const key = questionKey(saveAs.question);
    profile.savedAnswers = [...profile.savedAnswers.filter((a) => questionKey(a.question) !== key), { question: saveAs.question, answer }];
  }
}
