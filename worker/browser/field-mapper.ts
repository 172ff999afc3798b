import type { ProfileFields } from '~/shared/profile';
import type { FieldDescriptor } from './read-fields';
import { chooseOption as chooseByMeaning } from '../answers/choose-option';

/** What the applier knows that a form may ask for. */
export interface ApplicantFacts {
  profile: ProfileFields;
  /** The letter written for this job, when the cover letter stage ran. */
  coverLetter: string | null;
  hasResumeFile: boolean;
}

export type AnswerKey =
  | 'fullName' | 'firstName' | 'lastName' | 'email' | 'phone' | 'location' | 'linkedinUrl' | 'githubUrl'
  | 'websiteUrl' | 'currentCompany' | 'yearsOfExperience' | 'workAuthorization' | 'requiresSponsorship'
  | 'desiredSalary' | 'earliestStartDate' | 'resume' | 'coverLetter' | 'eeo';

/** What to do with one field. */
export type FieldPlan =
  | { kind: 'fill'; key: AnswerKey; value: string }
  | { kind: 'choose'; key: AnswerKey; option: { value: string; label: string } }
  | { kind: 'upload'; key: 'resume' | 'coverLetter' }
  | { kind: 'ask'; reason: string; suggestion: string | null }
  | { kind: 'skip'; reason: string };

interface Rule {
  key: AnswerKey;
  pattern: RegExp;
  autocomplete?: string[];
}

/**
 * Order matters: the first rule whose pattern matches wins, so the narrower question
 * comes first (sponsorship before work authorization, which both mention work).
 */
const RULES: Rule[] = [
  { key: 'eeo', pattern: /\b(gender|sex|race|racial|ethnicity|hispanic|latino|veteran|disabilit\w*|sexual orientation|transgender|pronouns?)\b/ },
  { key: 'requiresSponsorship', pattern: /sponsor|visa\b/ },
  { key: 'workAuthorization', pattern: /authori[sz]ed to work|work authori[sz]ation|eligible to work|legally (authori[sz]ed|permitted|allowed|able) to work|right to work/ },
  { key: 'resume', pattern: /\b(resume|résumé|cv|curriculum vitae)\b/ },
  { key: 'coverLetter', pattern: /cover ?letter|why do you want to (work|join)|why are you interested|what excites you/ },
  { key: 'firstName', pattern: /\b(first|given|fore) ?name\b|\bfname\b/, autocomplete: ['given-name'] },
  { key: 'lastName', pattern: /\b(last|family|sur) ?name\b|\blname\b/, autocomplete: ['family-name'] },
  { key: 'fullName', pattern: /\b(full|legal|your|applicant|candidate) name\b|^name\b/, autocomplete: ['name'] },
  { key: 'email', pattern: /\be-?mail\b/, autocomplete: ['email'] },
  { key: 'phone', pattern: /\b(phone|mobile|telephone|tel|cell)\b/, autocomplete: ['tel', 'tel-national'] },
  { key: 'linkedinUrl', pattern: /linked ?in/ },
  { key: 'githubUrl', pattern: /git ?hub/ },
  // autocomplete="url" says only that a link goes there, not which one.
  { key: 'websiteUrl', pattern: /portfolio|website|personal (site|url|page)|\bblog\b/ },
  { key: 'yearsOfExperience', pattern: /years? of (\w+ )?experience|how many years|experience \(years\)/ },
  { key: 'desiredSalary', pattern: /salary|compensation|pay expectations?|expected (pay|comp)/ },
  { key: 'earliestStartDate', pattern: /start date|earliest (possible )?(date|start)|available to start|availability|when (can|could) you start/ },
  { key: 'currentCompany', pattern: /current (company|employer)|\bemployer\b|company name|organi[sz]ation/, autocomplete: ['organization'] },
  { key: 'location', pattern: /\blocation\b|\bcity\b|where are you (based|located)|current address|based in|country of residence/, autocomplete: ['address-level2', 'address-level1'] },
];

const LINK_KEYS: readonly AnswerKey[] = ['linkedinUrl', 'githubUrl', 'websiteUrl'];

const DECLINE = /decline|don.?t wish|do not wish|prefer not|not to (answer|say|disclose|self)|choose not|rather not/i;

/** What a human reads as the field's question. */
export function questionOf(field: FieldDescriptor): string {
  return field.label || field.ariaLabel || field.placeholder || field.nearbyText || humanizeName(field.name) || 'Unnamed field';
}

function humanizeName(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-[\]]+/g, ' ').trim();
}

/**
 * Which answer a field asks for. A match on what a person reads (label, aria-label,
 * placeholder, the text beside it, autocomplete) is trusted; a match on the
 * element's name alone, or on two different answers at once, is not.
 */
export function identifyField(field: FieldDescriptor): { key: AnswerKey; confident: boolean } | null {
  // Text beside a field is only a clue when the field has no label of its own.
  const own = [field.label, field.ariaLabel, field.placeholder].filter(Boolean).join(' | ');
  const visible = (own || field.nearbyText).toLowerCase();
  const auto = field.autocomplete.toLowerCase().split(/\s+/);
  const byAutocomplete = RULES.find((r) => r.autocomplete?.some((a) => auto.includes(a)));
  if (byAutocomplete) return { key: byAutocomplete.key, confident: true };
  const visibleKeys = matchingKeys(visible);
  if (/voluntary|self.identif|equal (employment )?opportunity|\beeo\b/i.test(field.section) && visibleKeys[0] !== 'resume') {
    return { key: 'eeo', confident: true };
  }
  if (visibleKeys.length > 0) {
    // "Email or phone" names two answers: that is a question for the human. "GitHub or
    // portfolio" names two links, and either one answers it.
    const distinct = new Set(visibleKeys.filter((k) => k !== 'fullName'));
    const onlyLinks = [...distinct].every((k) => LINK_KEYS.includes(k));
    return { key: visibleKeys[0] as AnswerKey, confident: distinct.size <= 1 || onlyLinks || visibleKeys[0] === 'eeo' };
  }
  const byName = matchingKeys(`${humanizeName(field.name)} ${humanizeName(field.id)}`.toLowerCase());
  return byName[0] ? { key: byName[0], confident: false } : null;
}

function matchingKeys(text: string): AnswerKey[] {
  const keys: AnswerKey[] = [];
  for (const rule of RULES) {
    if (rule.pattern.test(text) && !keys.includes(rule.key)) keys.push(rule.key);
  }
  return keys;
}

/** Decides what to put in a field, or that the human must say. */
export function planField(field: FieldDescriptor, facts: ApplicantFacts): FieldPlan {
  const identity = identifyField(field);
  if (!identity) return unknownField(field);
  const { key, confident } = identity;
  if (key === 'eeo') return planVoluntary(field);
  if (key === 'resume' && field.control === 'file') {
    return facts.hasResumeFile ? { kind: 'upload', key } : needsHuman(field, 'no resume in your profile');
  }
  if (key === 'resume' && field.control === 'textarea' && facts.profile.resumeText.trim()) {
    return { kind: 'fill', key, value: facts.profile.resumeText.trim() };
  }
  if (key === 'coverLetter') return planCoverLetter(field, facts);
  const value = identity.confident && LINK_KEYS.includes(key) ? firstLink(key, field, facts.profile) : answerFor(key, facts.profile);
  if (!value) {
    return field.required ? needsHuman(field, `your profile has no ${describe(key)}`) : { kind: 'skip', reason: `no ${describe(key)} in your profile` };
  }
  if (!confident) return { kind: 'ask', reason: `not sure this field asks for your ${describe(key)}`, suggestion: value };
  return planValue(field, key, value);
}

function planValue(field: FieldDescriptor, key: AnswerKey, value: string): FieldPlan {
  if (field.control === 'file') return needsHuman(field, 'it asks for a file');
  if (['select', 'radio', 'combobox'].includes(field.control)) {
    const choice = chooseByMeaning({ key, value, question: questionOf(field), options: field.options });
    if (choice.kind === 'chosen') return { kind: 'choose', key, option: choice.option };
    if (choice.kind === 'ambiguous') {
      // The fitting options lead the reason, so the person reads them before the full list.
      const fitting = choice.candidates.map((o) => `"${o.label || o.value}"`).join(', ');
      return { kind: 'ask', reason: `two or more options fit your ${describe(key)} (${value}): ${fitting}`, suggestion: null };
    }
    return field.required
      ? { kind: 'ask', reason: `no option matches your ${describe(key)} (${value})`, suggestion: null }
      : { kind: 'skip', reason: `no option matches your ${describe(key)}` };
  }
  if (field.control === 'checkbox') return needsHuman(field, 'a checkbox is a statement only you can make');
  if (field.control === 'number') {
    const n = numberIn(value);
    return n === null ? needsHuman(field, `your ${describe(key)} is not a number`) : { kind: 'fill', key, value: String(n) };
  }
  return { kind: 'fill', key, value: key === 'workAuthorization' || key === 'requiresSponsorship' ? capitalize(value) : value };
}

/** Voluntary self-identification: declined where the form allows it, otherwise left to the human. */
function planVoluntary(field: FieldDescriptor): FieldPlan {
  const decline = field.options.find((o) => DECLINE.test(o.label) || DECLINE.test(o.value));
  if (decline) return { kind: 'choose', key: 'eeo', option: decline };
  if (!field.required) return { kind: 'skip', reason: 'voluntary self-identification is yours to answer' };
  return needsHuman(field, 'a voluntary self-identification question; I never answer these for you');
}

function planCoverLetter(field: FieldDescriptor, facts: ApplicantFacts): FieldPlan {
  if (field.control === 'file') {
    return facts.coverLetter ? { kind: 'upload', key: 'coverLetter' } : field.required ? needsHuman(field, 'no cover letter was written') : { kind: 'skip', reason: 'no cover letter for this job' };
  }
  if (facts.coverLetter) return { kind: 'fill', key: 'coverLetter', value: facts.coverLetter };
  return field.required ? needsHuman(field, 'no cover letter was written for this job') : { kind: 'skip', reason: 'no cover letter for this job' };
}

function unknownField(field: FieldDescriptor): FieldPlan {
  if (!field.required && field.control !== 'radio') return { kind: 'skip', reason: 'optional, and not something your profile answers' };
  return needsHuman(field, 'your profile does not answer this');
}

/** For a field that takes any of several links: the first the field names that the profile has. */
function firstLink(key: AnswerKey, field: FieldDescriptor, profile: ProfileFields): string {
  const text = [field.label, field.ariaLabel, field.placeholder, field.nearbyText].join(' ').toLowerCase();
  const named = LINK_KEYS.filter((k) => RULES.find((r) => r.key === k)?.pattern.test(text));
  return [key, ...named].map((k) => answerFor(k, profile)).find(Boolean) ?? '';
}

const needsHuman = (field: FieldDescriptor, reason: string): FieldPlan => ({ kind: 'ask', reason, suggestion: null });

export function answerFor(key: AnswerKey, p: ProfileFields): string {
  const [first = '', ...rest] = p.name.trim().split(/\s+/);
  switch (key) {
    case 'fullName':
      return p.name.trim() || `${p.firstName} ${p.lastName}`.trim();
    case 'firstName':
      return p.firstName.trim() || first;
    case 'lastName':
      return p.lastName.trim() || rest.join(' ');
    case 'yearsOfExperience':
      return p.yearsOfExperience === null ? '' : String(p.yearsOfExperience);
    case 'workAuthorization':
      return p.workAuthorization ?? '';
    case 'requiresSponsorship':
      return p.requiresSponsorship ?? '';
    case 'earliestStartDate':
      return p.earliestStartDate ?? '';
    case 'resume':
    case 'coverLetter':
    case 'eeo':
      return '';
    default:
      return p[key].trim();
  }
}

/**
 * The option that means the profile's value (by meaning: see worker/answers), or null when
 * none or several do. planValue uses the full answer, with the tie's candidates.
 */
export function chooseOption(
  options: readonly { value: string; label: string }[],
  key: AnswerKey,
  value: string,
  question = '',
  now: Date = new Date(),
): { value: string; label: string } | null {
  const choice = chooseByMeaning({ key, value, question, options, now });
  return choice.kind === 'chosen' ? choice.option : null;
}

/** "$150,000", "150k", "150 000 EUR" → 150000. */
export function numberIn(value: string): number | null {
  const m = /(\d[\d,.\s]*)(k)?/i.exec(value);
  if (!m?.[1]) return null;
  const n = Number(m[1].replace(/[,\s]/g, ''));
  if (!Number.isFinite(n)) return null;
  return Math.round(m[2] ? n * 1000 : n);
}

function describe(key: AnswerKey): string {
  const names: Record<AnswerKey, string> = {
    fullName: 'name', firstName: 'first name', lastName: 'last name', email: 'email', phone: 'phone number',
    location: 'location', linkedinUrl: 'LinkedIn URL', githubUrl: 'GitHub URL', websiteUrl: 'website',
    currentCompany: 'current company', yearsOfExperience: 'years of experience', workAuthorization: 'work authorization',
    requiresSponsorship: 'sponsorship answer', desiredSalary: 'salary expectation', earliestStartDate: 'start date',
    resume: 'resume', coverLetter: 'cover letter', eeo: 'self-identification',
  };
  return names[key];
}

const capitalize = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
