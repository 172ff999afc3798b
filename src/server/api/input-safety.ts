/**
 * Checks every raw input before any schema or query sees it. PostgreSQL text holds
 * neither NUL nor half of a UTF-16 surrogate pair, and no field needs them; input
 * nested deeper than any of our schemas goes is an attack on recursive code. Each is
 * refused up front with a clear message instead of failing deep inside (a 500).
 * The walk is iterative, so the depth of the input cannot exhaust the stack.
 */

/** Deeper than any input schema of the API (profile.update's jobSources is 3). */
export const MAX_INPUT_DEPTH = 16;

export type InputProblem = 'nul' | 'surrogate' | 'too_deep';

export const INPUT_PROBLEM_MESSAGES: Record<InputProblem, string> = {
  nul: 'Text may not contain NUL (\\u0000) characters.',
  surrogate: 'Text must be valid Unicode: it contains half of a surrogate pair (an unpaired \\uD800–\\uDFFF).',
  too_deep: `The input is nested too deeply (at most ${MAX_INPUT_DEPTH} levels).`,
};

function textProblem(text: string): InputProblem | null {
  if (text.includes('\u0000')) return 'nul';
  return text.isWellFormed() ? null : 'surrogate';
}

/** The first problem found in `input`, or null when it is safe to parse. */
export function inputProblem(input: unknown): InputProblem | null {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth } = item;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return problem;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return 'too_deep';
    if (Array.isArray(value)) {
      for (const element of value as unknown[]) stack.push({ value: element, depth: depth + 1 });
      continue;
    }
    for (const [key, element] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) return problem;
      stack.push({ value: element, depth: depth + 1 });
    }
  }
  return null;
}
