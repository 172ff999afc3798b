/** Spells out contractions so that one pattern reads "don't" and "do not" alike. */
export function expandContractions(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b|\bcannot\b/g, 'can not')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/n't\b/g, ' not');
}

/**
 * An answer word opens the option and is followed by nothing, punctuation or "I…" ("No, I do
 * not", "Yes I am"); "No sponsorship required" starts with "no" but states a fact instead.
 */
const YES = /^(?:yes|y|yeah|yep|true|correct|affirmative|sure|absolutely)(?=$|[\s,.;:!-])/;
const NO = /^(?:no|n|nope|false|incorrect|negative)(?=$|\s*[,.;:!-]|\s+(?:i|we|thanks|thank you)\b)/;
const SHORT_YES = /^i (?:do|am|will|have|can|would|agree)$/;
const SHORT_NO = /^i (?:do|am|will|have|can|would|did) not$/;

/** What an answer's first words say: "Yes, I am authorized" → yes; "I don't" → no; "Prefer not to say" → null. */
export function yesNoOf(text: string): 'yes' | 'no' | null {
  const t = expandContractions(text).replace(/[^a-z0-9' ,.;:!-]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (NO.test(t) || SHORT_NO.test(t)) return 'no';
  if (YES.test(t) || SHORT_YES.test(t)) return 'yes';
  return null;
}
