/** Small pieces of English the ranking, the notes and the agent's messages share. */

/** "a Backend Engineer", "an Engineering Manager", "an SRE", "the CTO". */
export function withArticle(title: string): string {
  if (/^(cto|ceo|cpo|coo|vp|head|director|chief)\b/i.test(title)) return `the ${title}`;
  // Initialisms are read letter by letter: "an SRE", "an ML Engineer", but "a QA Engineer".
  if (/^[A-Z]{2,}\b/.test(title)) return /^[AEFHILMNORSX]/.test(title) ? `an ${title}` : `a ${title}`;
  return /^[aeiou]/i.test(title) && !/^(uni|use|eu)/i.test(title) ? `an ${title}` : `a ${title}`;
}

export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
