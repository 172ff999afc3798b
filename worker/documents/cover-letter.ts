import type { ProfileFields } from '~/shared/profile';
import { extractSkills } from '../analysis/skills';
import { jobTerms } from './ats-score';
import { clip, sentences, type CompanyResearch } from './company-research';
import { bulletItems, listPhrase, useJobWording } from './resume-tailor';

export type LetterProfile = Pick<ProfileFields, 'name' | 'firstName' | 'lastName' | 'email' | 'phone' | 'currentCompany' | 'yearsOfExperience'>;

/** What the letter may say about the applicant: only what their resume says. */
export interface ResumeFacts {
  skills: string[];
  /** The resume's bullet points, in the resume's order. */
  highlights: string[];
}

export interface CoverLetterJob {
  title: string;
  company: string;
  description: string;
}

export interface CoverLetter {
  text: string;
  wordCount: number;
}

export const LETTER_MIN_WORDS = 250;
export const LETTER_MAX_WORDS = 350;
const HIGHLIGHT_MAX_WORDS = 45;
const MAX_HIGHLIGHTS = 8;
const MIN_HIGHLIGHTS = 2;

export function resumeFacts(resumeText: string): ResumeFacts {
  return { skills: extractSkills(resumeText), highlights: bulletItems(resumeText) };
}

/** What the letter is built from, settled before any wording. */
interface LetterPlan {
  profile: LetterProfile;
  job: CoverLetterJob;
  company: CompanyResearch | null;
  /** The job's skills the resume has, in the job's wording. */
  matched: string[];
  /** Resume skills the job does not ask for. */
  others: string[];
  /** Resume bullets, most relevant to the job first. */
  highlights: string[];
}

interface LetterShape {
  highlights: number;
  extras: boolean;
  companyNote: boolean;
}

/**
 * A letter from the resume's own bullets and the job's requirements. Optional parts
 * (more examples, other skills, what the company says of itself) go first when the
 * letter runs long; a thin resume gives a shorter letter rather than a padded one.
 */
export function writeCoverLetter(
  profile: LetterProfile,
  facts: ResumeFacts,
  job: CoverLetterJob,
  company: CompanyResearch | null = null,
): CoverLetter {
  const plan = planLetter(profile, facts, job, company);
  const shapes = letterShapes(plan.highlights.length);
  let text = compose(plan, shapes[0] ?? { highlights: 0, extras: false, companyNote: false });
  for (const shape of shapes.slice(1)) {
    if (countWords(text) <= LETTER_MAX_WORDS) break;
    text = compose(plan, shape);
  }
  return { text, wordCount: countWords(text) };
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function planLetter(profile: LetterProfile, facts: ResumeFacts, job: CoverLetterJob, company: CompanyResearch | null): LetterPlan {
  const terms = jobTerms(`${job.title}\n${job.description}`);
  const had = new Set(facts.skills);
  const matched = [...terms].filter(([skill]) => had.has(skill)).map(([, wording]) => wording);
  const others = facts.skills.filter((s) => !terms.has(s)).slice(0, 4);
  // Bullets naming the job's skills first, then those with a measurable result.
  const ranked = facts.highlights
    .map((h, i) => ({ h, i, r: extractSkills(h).filter((s) => terms.has(s)).length, n: /\d/.test(h) ? 1 : 0 }))
    .sort((a, b) => b.r - a.r || b.n - a.n || a.i - b.i)
    .slice(0, MAX_HIGHLIGHTS)
    .map((x) => clipWords(useJobWording(x.h, terms).text, HIGHLIGHT_MAX_WORDS));
  return { profile, job, company, matched, others, highlights: ranked };
}

/** From the fullest letter down to the leanest, in the order parts are given up. */
function letterShapes(available: number): LetterShape[] {
  const most = Math.min(available, MAX_HIGHLIGHTS);
  const shapes: LetterShape[] = [];
  for (let n = most; n >= Math.min(most, MIN_HIGHLIGHTS); n -= 1) shapes.push({ highlights: n, extras: true, companyNote: true });
  const fewest = Math.min(most, MIN_HIGHLIGHTS);
  shapes.push({ highlights: fewest, extras: false, companyNote: true }, { highlights: fewest, extras: false, companyNote: false });
  if (fewest > 1) shapes.push({ highlights: 1, extras: false, companyNote: false });
  return shapes;
}

function compose(plan: LetterPlan, shape: LetterShape): string {
  const paragraphs = [
    opening(plan),
    plan.highlights.slice(0, shape.highlights).map(highlightSentence).join(' '),
    skillsParagraph(plan, shape.extras),
    shape.companyNote ? companyNote(plan) : '',
    closing(plan),
  ].filter((p) => p.trim() !== '');
  return [`Dear ${plan.job.company} hiring team,`, ...paragraphs, signOff(plan.profile)].join('\n\n');
}

function opening({ profile, job, matched }: LetterPlan): string {
  const current = profile.currentCompany.trim();
  const years = profile.yearsOfExperience;
  const experience = years === null ? '' : `${years} year${years === 1 ? '' : 's'} of professional experience`;
  const background =
    current && experience
      ? ` I currently work at ${current} and bring ${experience}.`
      : current
        ? ` I currently work at ${current}.`
        : experience
          ? ` I bring ${experience}.`
          : '';
  const fit = matched.length ? ` The role's emphasis on ${listPhrase(matched.slice(0, 3))} matches the work I have been doing.` : '';
  return `I am writing to apply for the ${job.title} position at ${job.company}.${background}${fit}`;
}

const LEADS = ['In my work so far, I', 'I also', 'In addition, I', 'Beyond that, I', 'Along the way, I', 'Separately, I', 'Alongside this, I', 'Further, I'];
const IRREGULAR_PAST = new Set([
  'built', 'led', 'ran', 'wrote', 'drove', 'made', 'grew', 'cut', 'set', 'took', 'won', 'began', 'brought', 'taught', 'sold', 'found',
  'kept', 'held', 'oversaw', 'rebuilt', 'rewrote', 'spoke', 'gave', 'chose', 'shipped', 'co-led', 'undertook', 'withdrew', 'sped', 'split',
]);

/** "Built X" becomes "I also built X"; a bullet that is not a deed is quoted as an example. */
function highlightSentence(bullet: string, index: number): string {
  const body = bullet.replace(/[.;:,\s]+$/, '');
  const first = body.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (/^[a-z-]+ed$/.test(first) || IRREGULAR_PAST.has(first)) {
    return `${LEADS[index % LEADS.length] ?? 'I also'} ${lowerFirst(body)}.`;
  }
  return `${index === 0 ? 'One example from my experience' : 'Another example'}: ${body}.`;
}

function skillsParagraph({ matched, others, job: { title } }: LetterPlan, extras: boolean): string {
  const core = matched.length ? `Of the skills your posting lists for the ${title} role, my experience covers ${listPhrase(matched)}.` : '';
  const more = extras && others.length ? ` I have also worked with ${listPhrase(others)}, which I would bring to the team as well.` : '';
  return (core + more).trim();
}

/** Only what the posting or the company's page says; nothing about the company is guessed. */
function companyNote({ company, job }: LetterPlan): string {
  if (!company) return '';
  const parts: string[] = [];
  const about = sentences(company.summary)[0] ?? '';
  if (about.toLowerCase().startsWith(job.company.toLowerCase())) parts.push(`I read that ${clip(about, 220).replace(/[.…]$/, '')}.`);
  else if (company.industry) parts.push(`The chance to apply my experience in ${company.industry} at ${job.company} appeals to me.`);
  const value = company.values[0];
  if (value) parts.push(`I also appreciated this line from ${job.company}: “${clip(value, 160)}”`);
  return parts.join(' ');
}

function closing({ profile, job }: LetterPlan): string {
  const email = profile.email.trim();
  const phone = profile.phone.trim();
  const reach = email && phone ? ` You can reach me at ${email} or ${phone}.` : email || phone ? ` You can reach me at ${email || phone}.` : '';
  return `I would welcome the chance to discuss how my experience can help ${job.company}. Thank you for your time and consideration.${reach}`;
}

function signOff(profile: LetterProfile): string {
  const name = profile.name.trim() || `${profile.firstName} ${profile.lastName}`.trim();
  return name ? `Sincerely,\n${name}` : 'Sincerely,';
}

function lowerFirst(text: string): string {
  // "API gateway…" keeps its capitals; "Built…" does not.
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function clipWords(text: string, max: number): string {
  const words = text.split(/\s+/);
  return words.length <= max ? text : `${words.slice(0, max).join(' ').replace(/[,;:]$/, '')}…`;
}
