import { UserFacingError } from '../user-facing-error';
import { fillAnswer } from './answer-filler';
import { probeOptions } from './fill-combobox';
import { questionOf } from './field-mapper';
import { noAnswerMessage, questionFor, type AskPlan } from './field-question';
import { frameOf } from './frames';
import { fillPlanned, type FillAction } from './form-filler';
import { planFor, searchTermsFor, type WalkPlan } from './form-planner';
import { readNewFields, stillShown, type FieldDescriptor } from './read-fields';
import type { WalkSession } from './walk-session';

/** No form has this many fields; a page that keeps adding them is not followed further. */
const MAX_FIELDS_PER_STEP = 150;

/**
 * Fills every field the page shows that was not seen before, reading the page again
 * after each one: an answer can show a follow-up question, which is filled next.
 * Returns how many fields it handled.
 */
export async function fillShown(s: WalkSession): Promise<number> {
  let queue = await readNewFields(s.page);
  let handled = 0;
  for (let field = queue.shift(); field && handled < MAX_FIELDS_PER_STEP; field = queue.shift()) {
    s.known.set(field.ref, field);
    // An earlier answer may have hidden it again ("No" to a question whose follow-up was shown).
    if (!(await stillShown(s.page, field.ref))) continue;
    await fillOne(s, await withOptions(s, field));
    handled += 1;
    queue = [...(await readNewFields(s.page)), ...queue];
  }
  return handled;
}

/** A dropdown whose list exists only while it is open (or shows a long list a page at a time) is opened to read it. */
async function withOptions(s: WalkSession, field: FieldDescriptor): Promise<FieldDescriptor> {
  const lazy = field.widget === 'input-combobox' || (field.widget === 'combobox' && field.options.length === 0);
  if (!lazy) return field;
  const options = await probeOptions(frameOf(s.page, field.ref), field, searchTermsFor(field, s.facts), s.timeoutMs);
  const updated = { ...field, options };
  s.known.set(field.ref, updated);
  return updated;
}

export const planOf = (s: WalkSession, field: FieldDescriptor): WalkPlan => planFor(field, { facts: s.facts, files: s.files, known: [...s.known.values()] });

async function fillOne(s: WalkSession, field: FieldDescriptor): Promise<void> {
  await s.events?.beforeField?.(questionOf(field));
  const plan = planOf(s, field);
  if (plan.kind === 'skip') {
    s.leftEmpty.add(field.ref);
    return;
  }
  if (plan.kind === 'ask') {
    await askAndFill(s, field, plan, null);
    return;
  }
  await record(s, field, await fillPlanned(frameOf(s.page, field.ref), field, plan, s.timeoutMs), 'profile');
}

/** Puts a value the profile gives into a field again (the page refused the first one, or it did not stick). */
export async function refill(s: WalkSession, field: FieldDescriptor, plan: Exclude<WalkPlan, { kind: 'ask' | 'skip' }>): Promise<void> {
  await record(s, field, await fillPlanned(frameOf(s.page, field.ref), field, plan, s.timeoutMs), 'profile');
}

/**
 * Asks the human (through FieldQuestions) and puts the answer in; an answer that does
 * not fit the field is asked about once more. No answer for a field the form needs
 * ends the application in words that say what to do.
 */
export async function askAndFill(s: WalkSession, field: FieldDescriptor, plan: AskPlan, pageSaid: string | null): Promise<void> {
  let said = pageSaid;
  for (let round = 1; round <= 2; round++) {
    const answer = await s.questions.ask(questionFor(field, plan, said));
    if (!answer) break;
    const action = await fillAnswer(frameOf(s.page, field.ref), field, answer, s.timeoutMs);
    if (action) {
      s.leftEmpty.delete(field.ref);
      await record(s, field, action, 'user');
      return;
    }
    said = answer.kind === 'file' ? 'that was a file, and this field takes words' : `"${describe(answer)}" does not fit this field; ${hintFor(field)}`;
  }
  if (field.required) throw new UserFacingError(noAnswerMessage(field, plan));
  s.leftEmpty.add(field.ref);
}

const describe = (answer: Exclude<Awaited<ReturnType<WalkSession['questions']['ask']>>, null>) =>
  (answer.kind === 'text' ? answer.value : answer.kind === 'choice' ? answer.values.join(', ') : answer.file.fileName).slice(0, 80);

function hintFor(field: FieldDescriptor): string {
  if (field.control === 'file') return 'it needs a file';
  if (field.control === 'checkbox') return 'answer yes or no';
  if (['date', 'date-parts'].includes(field.control)) return 'give a date such as 2027-02-01';
  return field.options.length > 0 ? 'pick one of the options' : 'try other words';
}

async function record(s: WalkSession, field: FieldDescriptor, action: FillAction, by: 'profile' | 'user'): Promise<void> {
  const label = questionOf(field);
  s.filled.set(field.ref, { label, value: action.kind === 'upload' ? action.fileName : action.value, confident: true });
  await s.events?.filled?.(label, action, by);
}
