import type { ProfileFields } from '~/shared/profile';
import { readResume } from '../../analysis/resume-facts';
import { extractSkills } from '../../analysis/skills';
import { countWords } from '../../documents/cover-letter';
import { ungroundedTerms } from '../../documents/resume-tailor';
import { tryComplete, type LlmClient } from '../../llm';
import type { Contact } from './types';
import { listPhrase, withArticle } from './words';

/**
 * Outreach notes: a short message per contact, from what the resume really says (the
 * user's name, current title, one or two skills the role asks for) and the role.
 * Recruiters are asked about the process, the hiring manager for a chat about the
 * team, peers about the work. With a model the words may be its own, but a draft that
 * names a skill, number, company or person the facts do not hold is refused and the
 * engine's note is used. Nothing here sends anything.
 */

export const NOTE_MAX_WORDS = 90;
const NOTE_MIN_WORDS = 12;
const MAX_SKILLS = 2;
/** Long role titles are the user's words; a note quotes them, but not at any length. */
const ROLE_MAX_WORDS = 10;

export interface SenderFacts {
  name: string;
  /** The most recent title the resume names; null when it names none. */
  title: string | null;
  currentCompany: string | null;
  /** The resume's skills, canonical names, in the resume's order. */
  skills: string[];
  resumeText: string;
  yearsOfExperience: number | null;
}

export type SenderProfile = Pick<ProfileFields, 'name' | 'firstName' | 'lastName' | 'currentCompany' | 'resumeText' | 'yearsOfExperience'>;

export interface NoteJob {
  company: string;
  role: string | null;
  team: string | null;
  /** The posting's skills, when the posting is known. */
  skills: readonly string[];
}

export function senderFacts(profile: SenderProfile): SenderFacts {
  const resume = readResume(profile.resumeText, profile);
  const name = profile.name.trim() || `${profile.firstName} ${profile.lastName}`.trim();
  return {
    name,
    title: resume.titles[0] ?? null,
    currentCompany: profile.currentCompany.trim() || null,
    skills: resume.skills,
    resumeText: profile.resumeText,
    yearsOfExperience: profile.yearsOfExperience,
  };
}

/**
 * Up to two skills the resume has that matter here: the posting's first, then those
 * the role's or the contact's title names, then the resume's own first skills.
 */
export function relevantSkills(sender: SenderFacts, job: NoteJob, contact?: Pick<Contact, 'title'>): string[] {
  const has = new Set(sender.skills);
  const tiers = [
    extractSkills(job.skills.join(', ')),
    extractSkills(`${job.role ?? ''}\n${contact?.title ?? ''}`),
    sender.skills,
  ];
  const chosen: string[] = [];
  for (const tier of tiers) for (const skill of tier) if (has.has(skill) && !chosen.includes(skill) && chosen.length < MAX_SKILLS) chosen.push(skill);
  return chosen;
}

interface NoteShape {
  skills: number;
  company: boolean;
  role: boolean;
}

/** The deterministic note: the fullest shape that fits in NOTE_MAX_WORDS. */
export function writeNote(sender: SenderFacts, contact: Contact, job: NoteJob): string {
  const skills = relevantSkills(sender, job, contact);
  const shapes: NoteShape[] = [
    { skills: skills.length, company: true, role: true },
    { skills: Math.min(1, skills.length), company: false, role: true },
    { skills: 0, company: false, role: true },
    { skills: 0, company: false, role: false },
  ];
  let text = '';
  for (const shape of shapes) {
    text = compose(sender, contact, job, skills.slice(0, shape.skills), shape);
    if (countWords(text) <= NOTE_MAX_WORDS) break;
  }
  return text;
}

function compose(sender: SenderFacts, contact: Contact, job: NoteJob, skills: string[], shape: NoteShape): string {
  const roleTitle = shape.role && job.role ? shortRole(job.role) : null;
  const theRole = roleTitle ? `the ${roleTitle} role` : 'a role';
  const skillList = listPhrase(skills);
  const where = shape.company && sender.currentCompany ? ` at ${sender.currentCompany}` : '';
  const who = sender.title ? withArticle(sender.title) : null;
  const intro = sender.name ? `I'm ${sender.name}${who ? `, ${who}${where}` : ''}.` : who ? `I'm ${who}${where}.` : '';
  const greeting = `Hi ${firstName(contact.name)},`;
  const sign = (word: string) => (sender.name ? `${word},\n${sender.name}` : `${word}.`);
  let body: string;
  switch (contact.relation) {
    case 'recruiter':
      body =
        `${intro} I'm interested in ${theRole} at ${job.company} and wanted to introduce myself${skillList ? `: I work with ${skillList} every day` : ''}. ` +
        'Could you tell me how the hiring process works, or who the best person to talk to is?';
      return `${greeting}\n\n${body.trim()}\n\n${sign('Thank you')}`;
    case 'hiring_manager': {
      const hiring = job.team ? `the ${job.team} team is hiring` : `${job.company} is hiring`;
      const self = who ? `I'm ${who}${where}` : sender.name ? `I'm ${sender.name}` : "I'm a candidate";
      body =
        `I saw that ${hiring}${roleTitle ? ` for the ${roleTitle} role` : ''}. ${self}${skillList ? `, working with ${skillList}` : ''}, ` +
        'and the work your team does caught my attention. Would you be open to a short chat about what you are looking for?';
      return `${greeting}\n\n${body}\n\n${sign('Best')}`;
    }
    case 'peer': {
      const onTeam = job.team ? ` on the ${job.team} team` : '';
      body =
        `${intro} I'm looking at ${theRole}${onTeam} at ${job.company}. ` +
        `${skillList ? `As someone who also works with ${skillList}, I'd` : "I'd"} love to hear how you find the work there. ` +
        'Would you have a few minutes for a quick call?';
      return `${greeting}\n\n${body.trim()}\n\n${sign('Thanks')}`;
    }
    case 'other':
      body =
        `${intro} I'm exploring ${theRole} at ${job.company}${skillList ? `, where my work with ${skillList} would fit` : ''}. ` +
        'Could you point me to the right person on the team, or share a few words on what working there is like?';
      return `${greeting}\n\n${body.trim()}\n\n${sign('Thanks')}`;
  }
}

function shortRole(role: string): string {
  const words = role.trim().split(/\s+/);
  return words.length <= ROLE_MAX_WORDS ? role.trim() : words.slice(0, ROLE_MAX_WORDS).join(' ');
}

/** A real name's first name; a login ("octocat") as it is. */
function firstName(name: string): string {
  const words = name.trim().split(/\s+/);
  return (words.length > 1 ? words[0] : name.trim()) || 'there';
}

// ---------------------------------------------------------------- the model's draft

export type DraftCheck = { ok: true; text: string } | { ok: false; reason: string };

/** Words a note may start a sentence with, or use capitalised, without naming anyone or anything. */
const COMMON_WORDS = new Set(
  (
    'hi hello hey dear i thanks thank best regards kind warm warmly cheers sincerely would could can may might if as my your you we our the a an ' +
    'it its this that these those since looking happy glad hope hoping any all what how when where why while having after with in on at for and ' +
    'but so also please great excited really love keen open no yes currently recently here there let just quick short congrats congratulations ' +
    'many much most some being been am is are was were do does did have has had will should to from of by about into over good reaching wanted ' +
    'given noticed saw seeing came again both each every one me more well lately today thank-you sure cool nice interested curious appreciate ' +
    'wondering learning reading following together rather already often always never'
  ).split(' '),
);

/**
 * A model's note is used only when it is a note (12–90 words, no contact details or
 * links) and everything it names comes from the facts: skills and numbers (as the
 * resume tailor checks them), and capitalised names (companies, people, products),
 * which must appear in the resume, the role, the company or the contact.
 */
export function checkModelNote(draft: string, sender: SenderFacts, contact: Contact, job: NoteJob): DraftCheck {
  const text = draft.trim().replace(/^["'“”]+|["'“”]+$/g, '').trim();
  const words = countWords(text);
  if (words > NOTE_MAX_WORDS) return { ok: false, reason: `it was ${words} words long (at most ${NOTE_MAX_WORDS})` };
  if (words < NOTE_MIN_WORDS) return { ok: false, reason: 'it was too short to be a note' };
  if (/@|https?:\/\/|www\./i.test(text)) return { ok: false, reason: 'it added a contact detail or a link' };
  const facts = [
    sender.resumeText,
    sender.name,
    sender.title ?? '',
    sender.currentCompany ?? '',
    String(sender.yearsOfExperience ?? ''),
    job.company,
    job.role ?? '',
    job.team ?? '',
    contact.name,
    contact.title,
    contact.team,
  ];
  const invented = ungroundedTerms(text, facts);
  if (invented.length > 0) return { ok: false, reason: `it named ${invented.slice(0, 3).join(', ')}, which your resume and the role do not` };
  const vocabulary = new Set(facts.join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const names = (text.match(/\p{Lu}[\p{L}\p{M}\p{N}]*/gu) ?? []).filter((w) => !vocabulary.has(w.toLowerCase()) && !COMMON_WORDS.has(w.toLowerCase()));
  if (names.length > 0) return { ok: false, reason: `it named ${[...new Set(names)].slice(0, 3).join(', ')}, which your resume and the role do not` };
  return { ok: true, text };
}

export interface NoteDraft {
  text: string;
  /** How it was written, for the review: "from your resume", "written by gpt-4o-mini"… */
  by: string;
}

const RELATION_WORDS: Readonly<Record<Contact['relation'], string>> = {
  recruiter: 'a recruiter: ask about the process and who is hiring',
  hiring_manager: 'the likely hiring manager: ask for a short chat about the team',
  peer: 'a peer in the same kind of work: ask what the work is like',
  other: 'someone else at the company: ask for a pointer to the right person',
};

/** The note to review: the model's when it has one that passes the check, else the engine's. */
export async function draftNote(
  llm: LlmClient | null,
  sender: SenderFacts,
  contact: Contact,
  job: NoteJob,
  signal: AbortSignal,
): Promise<NoteDraft> {
  const plain = writeNote(sender, contact, job);
  if (!llm) return { text: plain, by: 'from your resume' };
  const skills = relevantSkills(sender, job, contact);
  const attempt = await tryComplete(
    llm,
    [
      {
        role: 'system',
        content:
          `You write short, friendly outreach notes that a job seeker sends on a professional network. At most ${NOTE_MAX_WORDS} words, plain text, ` +
          'no subject line, no placeholders, no links. Use only the facts given: never name a skill, tool, number, company or person that is not in them, ' +
          "and never claim experience the resume does not show. Ask for a conversation, not for the job. Sign with the sender's name.",
      },
      {
        role: 'user',
        content:
          `Sender: ${sender.name || 'unknown'}; current title: ${sender.title ?? 'unknown'}${sender.currentCompany ? `; works at ${sender.currentCompany}` : ''}\n` +
          `Skills from the resume worth mentioning: ${skills.join(', ') || 'none'}\n` +
          `Recipient: ${contact.name}, ${contact.title}${contact.team ? `, ${contact.team} team` : ''}; ${RELATION_WORDS[contact.relation]}\n` +
          `Company: ${job.company}; role: ${job.role ?? 'not named'}${job.team ? `; team: ${job.team}` : ''}\n\n` +
          `A draft you may reword:\n${plain}`,
      },
    ],
    { signal, maxTokens: 400, temperature: 0.5 },
  );
  if (!attempt.ok) return { text: plain, by: 'from your resume (the model did not answer)' };
  const checked = checkModelNote(attempt.text, sender, contact, job);
  if (!checked.ok) return { text: plain, by: `from your resume (the model's draft was refused: ${checked.reason})` };
  return { text: checked.text, by: `written by ${llm.model}` };
}
