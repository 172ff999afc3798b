import { placeOf } from '../answers';
import { chooseAmong } from './choice-adapter';
import { dateFormatHint, datePartOptions, formatDate } from './date-format';
import { answerFor, identifyField, planField, questionOf, type AnswerKey, type ApplicantFacts, type FieldPlan } from './field-mapper';
import type { FieldQuestion } from './field-questions';
import type { UploadFile } from './form-filler';
import { hasCallingCodeBeside, isCallingCodeField, nationalNumber } from './phone-parts';
import type { FieldDescriptor, FieldOption } from './read-fields';
import { asksForSkills, optionsTheResumeShows } from './skill-options';

export interface FormFiles {
  resume: UploadFile | null;
  coverLetter: UploadFile | null;
}

export type WantsFile = NonNullable<FieldQuestion['wantsFile']>;

/** What the walker does with one field: the field mapper's plans, plus the shapes it adds. */
export type WalkPlan =
  | Exclude<FieldPlan, { kind: 'ask' | 'upload' }>
  | { kind: 'upload'; key: 'resume' | 'coverLetter'; file: UploadFile }
  /** `options`: the choices to offer, when only some fit ("ambiguous"); all of the field's otherwise. */
  | { kind: 'ask'; reason: string; suggestion: string | null; wantsFile: WantsFile | null; options?: FieldOption[] }
  /** A checkbox group: exactly these boxes ticked. */
  | { kind: 'check'; options: FieldOption[] }
  /** A date in separate selects: this option in each. */
  | { kind: 'parts'; values: { ref: string; option: FieldOption }[] };

export interface PlanContext {
  facts: ApplicantFacts;
  files: FormFiles;
  /** Every field read so far (a phone number whose calling code is asked apart). */
  known: readonly FieldDescriptor[];
}

const ask = (reason: string, extra: Partial<Extract<WalkPlan, { kind: 'ask' }>> = {}): WalkPlan => ({ kind: 'ask', reason, suggestion: null, wantsFile: null, ...extra });
const CHOICE_CONTROLS = ['select', 'radio', 'combobox'];

/** Decides what to put in a field, or that the human must say. */
export function planFor(field: FieldDescriptor, ctx: PlanContext): WalkPlan {
  if (field.control === 'file') return planFile(field, ctx);
  if (field.control === 'checkboxes') return planGroup(field, ctx.facts);
  if (field.control === 'date-parts') return planDateParts(field, ctx.facts);
  if (isCallingCodeField(field)) return planCallingCode(field, ctx.facts);
  return adapt(field, planField(field, ctx.facts), ctx);
}

/** A file field gets a file (the resume, the letter's PDF) or a question that wants one; it is never typed into. */
function planFile(field: FieldDescriptor, ctx: PlanContext): WalkPlan {
  const key = identifyField(field)?.key;
  if (key === 'resume' || key === 'coverLetter') {
    const file = key === 'resume' ? ctx.files.resume : ctx.files.coverLetter;
    if (file) return { kind: 'upload', key, file };
    if (!field.required) return { kind: 'skip', reason: `no ${key === 'resume' ? 'resume' : 'cover letter'} file` };
    return ask(key === 'resume' ? 'no resume in your profile' : 'no cover letter was written for this job', { wantsFile: key });
  }
  return field.required ? ask('it asks for a file your profile does not have', { wantsFile: 'other' }) : { kind: 'skip', reason: 'an optional file' };
}

/** "Select all that apply": the skills the resume shows, and no others. */
function planGroup(field: FieldDescriptor, facts: ApplicantFacts): WalkPlan {
  if (asksForSkills(questionOf(field))) {
    const shown = optionsTheResumeShows(facts.profile.resumeText, field.options);
    if (shown.length > 0) return { kind: 'check', options: shown };
    return field.required ? ask('none of the options appear in your resume') : { kind: 'skip', reason: 'none of the options appear in your resume' };
  }
  return field.required ? ask('your profile does not answer this') : { kind: 'skip', reason: 'optional, and not something your profile answers' };
}

/** Month, day and year selects: the field mapper plans the date, then each part gets its option. */
function planDateParts(field: FieldDescriptor, facts: ApplicantFacts): WalkPlan {
  const plan = planField({ ...field, control: 'date' }, facts);
  if (plan.kind !== 'fill') return plan.kind === 'ask' ? ask(plan.reason, { suggestion: plan.suggestion }) : plan.kind === 'skip' ? plan : ask('your profile does not answer this');
  const values = datePartOptions(field.parts ?? [], plan.value);
  return values ? { kind: 'parts', values } : ask(`no option fits the date ${plan.value}`, { suggestion: plan.value });
}

function planCallingCode(field: FieldDescriptor, facts: ApplicantFacts): WalkPlan {
  const phone = facts.profile.phone.trim();
  if (!phone) return field.required ? ask('your profile has no phone number') : { kind: 'skip', reason: 'no phone number in your profile' };
  return fromChoice(field, 'phone', phone, 'your phone number');
}

/** A choice through the option chooser: chosen, several to pick from, or none. */
function fromChoice(field: FieldDescriptor, key: AnswerKey, value: string, what: string): WalkPlan {
  const choice = chooseAmong(field.options, key, value, questionOf(field));
  if (choice.kind === 'chosen') return { kind: 'choose', key, option: choice.option };
  if (choice.kind === 'ambiguous') return ask(`several options fit ${what} (${value})`, { options: choice.candidates });
  return field.required ? ask(`no option matches ${what} (${value})`) : { kind: 'skip', reason: `no option matches ${what}` };
}

/** The field mapper's plan, finished for the shapes of this form: split phones, formatted dates, places. */
function adapt(field: FieldDescriptor, plan: FieldPlan, ctx: PlanContext): WalkPlan {
  if (plan.kind === 'fill' && plan.key === 'phone' && hasCallingCodeBeside(field, ctx.known)) {
    const national = nationalNumber(plan.value);
    return national ? { ...plan, value: national } : plan;
  }
  if (plan.kind === 'fill' && plan.key === 'earliestStartDate' && field.control !== 'date') {
    const hint = dateFormatHint(field);
    return hint ? { ...plan, value: formatDate(plan.value, hint) } : plan;
  }
  if (plan.kind === 'ask' || plan.kind === 'skip') return reconsider(field, plan, ctx.facts) ?? toWalkPlan(plan);
  return toWalkPlan(plan);
}

/**
 * What the field mapper left to the human that the profile still answers: a choice
 * the reasoning module reads by meaning (a region for a city), or a country question.
 */
function reconsider(field: FieldDescriptor, plan: Extract<FieldPlan, { kind: 'ask' | 'skip' }>, facts: ApplicantFacts): WalkPlan | null {
  const identity = identifyField(field);
  const location = facts.profile.location.trim();
  const asksCountry = /\bcountry\b/i.test(questionOf(field));
  if (asksCountry && location && (!identity || identity.key === 'location')) {
    if (CHOICE_CONTROLS.includes(field.control)) return fromChoice(field, 'location', location, 'your location');
    const country = placeOf(location)?.country;
    return country && ['text', 'combobox'].includes(field.control) ? { kind: 'fill', key: 'location', value: country } : null;
  }
  // Only a confident reading of the question, and only for a value the profile has.
  if (plan.kind !== 'ask' || !identity?.confident || identity.key === 'eeo' || !CHOICE_CONTROLS.includes(field.control) || field.options.length === 0) return null;
  const value = answerFor(identity.key, facts.profile).trim();
  return value ? fromChoice(field, identity.key, value, 'your answer') : null;
}

function toWalkPlan(plan: FieldPlan): WalkPlan {
  if (plan.kind === 'ask') return ask(plan.reason, { suggestion: plan.suggestion });
  if (plan.kind === 'upload') return ask('it asks for a file', { wantsFile: plan.key });
  return plan;
}

/** The profile's answer for a field's key, for typing into a searchable list before choosing. */
export function searchTermsFor(field: FieldDescriptor, facts: ApplicantFacts): string[] {
  const identity = identifyField(field);
  const asksCountry = /\bcountry\b/i.test(questionOf(field));
  const key: AnswerKey | null = identity?.key ?? (asksCountry ? 'location' : null);
  if (!key) return [];
  const value = answerFor(key, facts.profile).trim();
  if (key !== 'location') return value ? [value] : [];
  const place = placeOf(value);
  return [place?.country, place?.city].filter((t): t is string => Boolean(t));
}
