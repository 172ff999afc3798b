import type { Page } from 'playwright-core';
import { questionOf } from './field-mapper';
import { readPageStates, type FieldDescriptor } from './read-fields';

export interface FieldProblem {
  ref: string;
  /** What the page said about it, in its own words. */
  said: string;
}

export interface StepProblems {
  fields: FieldProblem[];
  /** Everything the page said (alert() and confirm() first), for the user when the walker gives up. */
  said: string[];
}

const STOP = new Set(['the', 'and', 'for', 'you', 'your', 'are', 'this', 'that', 'with', 'what', 'have', 'please', 'answer', 'enter', 'field', 'required']);
const wordsOf = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A message names a field when it quotes its question, or most of its words. */
function names(message: string, field: FieldDescriptor): boolean {
  const said = wordsOf(message);
  const asked = wordsOf(questionOf(field));
  if (asked.length >= 3 && said.includes(asked)) return true;
  const words = asked.split(' ').filter((w) => w.length > 2 && !STOP.has(w));
  const hits = words.filter((w) => said.split(' ').includes(w)).length;
  return words.length >= 2 && hits / words.length >= 0.7;
}

/**
 * Why a step did not move on, field by field: the fields the page marks invalid (with
 * the browser's own validation message or the error text tied to them), and the
 * fields an alert() or an error message names. When the page names none, the fields
 * the walker left empty are the likely ones (at most three: more would be a guess).
 */
export async function readProblems(page: Page, dialogs: readonly string[], known: ReadonlyMap<string, FieldDescriptor>, leftEmpty: ReadonlySet<string>): Promise<StepProblems> {
  const states = await readPageStates(page);
  const said = [...new Set([...dialogs, ...states.flatMap((s) => s.messages)])];
  const visible = states.flatMap((s) => s.fields).filter((f) => f.visible);
  const problems = new Map<string, string>();
  for (const f of visible) if (f.invalid || f.messages.length > 0) problems.set(f.ref, f.messages[0] ?? said[0] ?? 'the page marked it as not valid');
  for (const message of said) {
    for (const f of visible) {
      const field = known.get(f.ref);
      if (field && !problems.has(f.ref) && names(message, field)) problems.set(f.ref, message);
    }
  }
  if (problems.size === 0 && said.length > 0) {
    const empty = visible.filter((f) => leftEmpty.has(f.ref) && !f.value.trim());
    if (empty.length <= 3) for (const f of empty) problems.set(f.ref, said[0] ?? '');
  }
  return { fields: [...problems].map(([ref, message]) => ({ ref, said: message })), said };
}
