import { z } from 'zod';
import { chooseOption as reasonedChoice } from '../answers';
import { chooseOption, type AnswerKey } from './field-mapper';
import type { FieldOption } from './read-fields';

/** What fits a question among its options: one, several equally (the human picks), or none. */
export type OptionChoice =
  | { kind: 'chosen'; option: FieldOption }
  | { kind: 'ambiguous'; candidates: FieldOption[] }
  | { kind: 'none' };

const optionSchema = z.object({ value: z.string(), label: z.string() });
const choiceSchema = z.union([
  z.object({ kind: z.literal('chosen'), option: optionSchema }),
  z.object({ kind: z.literal('ambiguous'), candidates: z.array(optionSchema) }),
  z.object({ kind: z.literal('none') }),
]);

/** The page's own option (which carries its tag) for an option a chooser handed back. */
function pageOption(options: readonly FieldOption[], chosen: { value: string; label: string }): FieldOption {
  return options.find((o) => o.value === chosen.value && o.label === chosen.label) ?? chosen;
}

/**
 * field-mapper's chooseOption answers an option or null today and a
 * chosen / ambiguous / none result once option choosing moves to worker/answers; both
 * are read here, so the walker works on either side of that change.
 */
function fromMapper(result: unknown, options: readonly FieldOption[]): OptionChoice {
  if (result === null || result === undefined) return { kind: 'none' };
  const choice = choiceSchema.safeParse(result);
  if (choice.success) {
    const c = choice.data;
    if (c.kind === 'chosen') return { kind: 'chosen', option: pageOption(options, c.option) };
    if (c.kind === 'ambiguous') return { kind: 'ambiguous', candidates: c.candidates.map((o) => pageOption(options, o)) };
    return { kind: 'none' };
  }
  const legacy = optionSchema.safeParse(result);
  return legacy.success ? { kind: 'chosen', option: pageOption(options, legacy.data) } : { kind: 'none' };
}

/**
 * The option that says the profile's `value` for `key`. The field mapper decides first;
 * when it finds none (it answers null for "several fit" too), the reasoning module
 * (worker/answers) is asked directly, which tells "none" from "these candidates".
 */
export function chooseAmong(options: readonly FieldOption[], key: AnswerKey, value: string, question: string): OptionChoice {
  const plain = options.map(({ value: v, label }) => ({ value: v, label }));
  const mapped = fromMapper(chooseOption(plain, key, value, question), options);
  if (mapped.kind !== 'none') return mapped;
  return fromMapper(reasonedChoice({ key, value, question, options: plain }), options);
}
