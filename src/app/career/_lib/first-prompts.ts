/** Questions a newcomer can ask with one press: one per thing the chat knows how to answer. */
export const FIRST_PROMPTS = [
  'Which jobs fit me?',
  'What am I missing for Staff Engineer?',
  'Where can I go from here?',
  'What does a Data Engineer pay?',
  'Find me backend jobs in Berlin',
] as const;
