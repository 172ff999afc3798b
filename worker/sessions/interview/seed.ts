/**
 * A number from a string (FNV-1a), so that a run's id seeds its questions: the same run
 * asks the same questions if it is resumed, and tests can pin a seed by its id.
 */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
