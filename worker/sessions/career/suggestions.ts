/**
 * The next prompts a reply offers, as buttons: two to four questions the chat can
 * answer, about the user's own role where it is known, never the question just asked.
 * Each is written in a phrasing the intent parser reads back to its intent.
 */
import type { CareerIntent } from '~/shared/sessions/career';
import { placeUser } from './placement';
import type { CareerProfile } from './profile';
import { nextSteps } from './trajectory';

export interface SuggestionContext {
  /** The role the conversation is about: the one just asked about, else the resume's. */
  role: string | null;
  /** The user's next rung ("Senior Backend Engineer"), when the resume places them. */
  nextRole: string | null;
  /** Where to search: the profile's location, or '' for remote. */
  place: string;
  hasResume: boolean;
}

type Offer = Exclude<CareerIntent, 'small_talk' | 'unknown'>;

/** Used only when the resume names no role, so that a suggestion is still a question that works. */
const EXAMPLE_ROLE = 'Software Engineer';

const FOLLOW_UPS: Readonly<Record<CareerIntent, readonly Offer[]>> = {
  jobs_that_fit: ['skill_gaps', 'pay', 'trajectory'],
  skill_gaps: ['trajectory', 'pay', 'find_jobs'],
  trajectory: ['skill_gaps', 'pay', 'jobs_that_fit'],
  pay: ['skill_gaps', 'find_jobs', 'trajectory'],
  find_jobs: ['jobs_that_fit', 'pay', 'skill_gaps'],
  small_talk: ['jobs_that_fit', 'skill_gaps', 'trajectory', 'pay'],
  unknown: ['jobs_that_fit', 'skill_gaps', 'trajectory', 'find_jobs'],
};

function prompt(offer: Offer, context: SuggestionContext): string {
  const role = context.role ?? EXAMPLE_ROLE;
  switch (offer) {
    case 'jobs_that_fit':
      return 'Which jobs fit me?';
    case 'skill_gaps':
      return `What am I missing for ${context.nextRole ?? role}?`;
    case 'trajectory':
      return 'Where can I go from here?';
    case 'pay':
      return `What does ${withArticle(role)} pay?`;
    case 'find_jobs':
      return context.place === '' || /^remote$/i.test(context.place) ? `Find me remote ${role} jobs` : `Find me ${role} jobs in ${context.place}`;
  }
}

/** "a Backend Engineer", "an Engineering Manager", "an SRE" (said "an ess-are-ee"). */
export function withArticle(role: string): string {
  const first = role.split(' ')[0] ?? '';
  const acronym = first.length > 1 && first === first.toUpperCase();
  const vowelSound = acronym ? /^[AEFHILMNORSX]/.test(first) : /^[aeiou]/i.test(first);
  return `${vowelSound ? 'an' : 'a'} ${role}`;
}

/** Without a resume there is nothing to fit or place, so those offers give way to a search. */
function usable(offer: Offer, context: SuggestionContext): Offer {
  if (context.hasResume || (offer !== 'jobs_that_fit' && offer !== 'trajectory')) return offer;
  return 'find_jobs';
}

export function suggestionsFor(answered: CareerIntent, context: SuggestionContext): string[] {
  const offers = FOLLOW_UPS[answered].map((offer) => usable(offer, context));
  return [...new Set(offers.map((offer) => prompt(offer, context)))];
}

/** The suggestions' defaults for a user: their role, and their next IC rung when the resume places them. */
export function suggestionDefaults(profile: CareerProfile): SuggestionContext {
  const placement = placeUser({ title: profile.currentTitle, skills: profile.resume.skills, years: profile.resume.years });
  const next = placement ? nextSteps(placement).find((step) => step.track === placement.track) : undefined;
  return { role: profile.role, nextRole: next?.title ?? null, place: profile.location, hasResume: profile.resume.hasResume };
}
