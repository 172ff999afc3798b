/**
 * What the chat knows about the user, read once per conversation from the profile as
 * it was when the run started: the resume's skills, titles and years (the analyst's
 * reader and lexicon), and the profile's own fields where the user typed them.
 */
import type { ProfileFields } from '~/shared/profile';
import { readResume, type ResumeFacts } from '../../analysis/resume-facts';
import { withImpliedSkills } from '../../analysis/skills';
import { roleWithoutLevel } from './roles';

export interface CareerProfile {
  resume: ResumeFacts;
  /** The most recent title on the resume, as written; null when it names none. */
  currentTitle: string | null;
  /** The current title without its level ("Backend Engineer"): what the chat searches for. */
  role: string | null;
  /** The resume's skills plus those they imply (a Django developer writes Python). */
  skills: ReadonlySet<string>;
  /** profile.location, or '' when the user left it empty. */
  location: string;
  resumeText: string;
}

export function readCareerProfile(profile: ProfileFields, now: Date): CareerProfile {
  const resume = readResume(profile.resumeText, profile, { now });
  const currentTitle = resume.titles[0] ?? null;
  const role = currentTitle === null ? null : roleWithoutLevel(currentTitle);
  return {
    resume,
    currentTitle,
    role: role === '' ? null : role,
    skills: new Set(withImpliedSkills(resume.skills)),
    location: profile.location.trim(),
    resumeText: profile.resumeText,
  };
}

/** "your resume (23 skills)", for a reply's builtFrom. */
export function resumeSource(profile: CareerProfile): string {
  if (!profile.resume.hasResume) return 'your profile (no resume text)';
  const count = profile.resume.skills.length;
  return `your resume (${count} ${count === 1 ? 'skill' : 'skills'})`;
}

/** What the resume says, as data a reworded reply may name ("with your Python background"). */
export function profileFacts(profile: CareerProfile): string[] {
  const facts = [`Your skills: ${[...profile.skills].join(', ')}`];
  if (profile.currentTitle !== null) facts.push(`Your current title: ${profile.currentTitle}`);
  if (profile.location !== '') facts.push(`Your location: ${profile.location}`);
  return facts;
}
