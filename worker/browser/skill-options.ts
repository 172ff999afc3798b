import type { FieldOption } from './read-fields';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The option's name as a whole word of the resume ("Go" in "Python and Go", not in "Google"), in any case. */
function named(resume: string, option: FieldOption): boolean {
  const name = option.label.trim() || option.value.trim();
  return name.length > 0 && new RegExp(`(^|[^\\w+#])${escape(name)}($|[^\\w+#])`, 'i').test(resume);
}

/** The options of a "select all that apply" the resume supports; no others. */
export function optionsTheResumeShows(resume: string, options: readonly FieldOption[]): FieldOption[] {
  return resume.trim() ? options.filter((o) => named(resume, o)) : [];
}

/** A question that lists skills, tools or technologies to tick. */
export function asksForSkills(question: string): boolean {
  return /\b(skills?|technolog\w*|tools?|languages?|frameworks?|stack|experience with|have you used|worked with|familiar with|proficient)\b/i.test(question);
}
