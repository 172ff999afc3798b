import { describe, expect, it } from 'vitest';
import { countWords } from '~worker/documents/cover-letter';
import type { ChatMessage, LlmClient } from '~worker/llm/types';
import {
  NOTE_MAX_WORDS,
  checkModelNote,
  draftNote,
  relevantSkills,
  senderFacts,
  writeNote,
  type NoteJob,
  type SenderProfile,
} from '~worker/sessions/network/notes';
import type { Contact } from '~worker/sessions/network/types';

const RESUME = `Ada Lovelace
Senior Backend Engineer — Analytical Engines Ltd, 2019 – present
- Built payment APIs in Python and Django on PostgreSQL, serving 2 million requests a day
- Ran Redis caches and Docker deployments

Software Engineer — Difference Works, 2015 – 2019
- React dashboards`;

const PROFILE: SenderProfile = {
  name: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  currentCompany: 'Analytical Engines Ltd',
  resumeText: RESUME,
  yearsOfExperience: 9,
};

/** A Go posting on the Payments team: PostgreSQL is the only skill the resume shares with it. */
const JOB: NoteJob = { company: 'Acme Analytics', role: 'Senior Backend Engineer', team: 'Payments', skills: ['Go', 'PostgreSQL', 'Kubernetes', 'gRPC', 'Kafka'] };

function contact(relation: Contact['relation'], name: string, title: string, team = 'Payments'): Contact {
  return { name, title, team, relation, profileUrl: 'http://localhost:3000/sandbox/companies/acme-analytics/team#x', source: 'sandbox', why: 'Because.' };
}

const RECRUITER = contact('recruiter', 'Sofia Lopez', 'Senior Technical Recruiter', 'Talent');
const MANAGER = contact('hiring_manager', 'Priya Rahman', 'Engineering Manager, Payments');
const PEER = contact('peer', 'Marta Rossi', 'Senior Backend Engineer');
const OTHER = contact('other', 'Arjun Silva', 'VP of Engineering', 'Leadership');

describe('senderFacts and relevantSkills', () => {
  it('reads the name, current title and skills the resume really has', () => {
    const sender = senderFacts(PROFILE);
    expect(sender).toMatchObject({ name: 'Ada Lovelace', title: 'Senior Backend Engineer', currentCompany: 'Analytical Engines Ltd' });
    expect(sender.skills).toEqual(['Python', 'Django', 'PostgreSQL', 'Redis', 'Docker', 'React']);
  });

  it('puts the posting’s skills the resume has first, never one it lacks', () => {
    const sender = senderFacts(PROFILE);
    expect(relevantSkills(sender, JOB)).toEqual(['PostgreSQL', 'Python']);
    // Without a posting, the role's own words, then the resume's first skills.
    expect(relevantSkills(sender, { ...JOB, role: 'Backend Engineer (Django)', skills: [] })).toEqual(['Django', 'Python']);
    expect(relevantSkills(senderFacts({ ...PROFILE, resumeText: '' }), JOB)).toEqual([]);
  });

  it('falls back to first and last name when the profile has no full name', () => {
    expect(senderFacts({ ...PROFILE, name: '' }).name).toBe('Ada Lovelace');
  });
});

describe('writeNote', () => {
  const sender = senderFacts(PROFILE);

  it('writes to a recruiter about the process, from the resume and the role', () => {
    expect(writeNote(sender, RECRUITER, JOB)).toBe(
      'Hi Sofia,\n\n' +
        "I'm Ada Lovelace, a Senior Backend Engineer at Analytical Engines Ltd. I'm interested in the Senior Backend Engineer role at Acme Analytics " +
        'and wanted to introduce myself: I work with PostgreSQL and Python every day. ' +
        'Could you tell me how the hiring process works, or who the best person to talk to is?\n\n' +
        'Thank you,\nAda Lovelace',
    );
  });

  it('asks the hiring manager for a chat about the team, and a peer about the work', () => {
    const manager = writeNote(sender, MANAGER, JOB);
    expect(manager).toContain('Hi Priya,');
    expect(manager).toContain('I saw that the Payments team is hiring for the Senior Backend Engineer role.');
    expect(manager).toContain('Would you be open to a short chat about what you are looking for?');
    const peer = writeNote(sender, PEER, JOB);
    expect(peer).toContain('Hi Marta,');
    expect(peer).toContain("I'm looking at the Senior Backend Engineer role on the Payments team at Acme Analytics.");
    expect(peer).toContain("As someone who also works with PostgreSQL and Python, I'd love to hear how you find the work there.");
    const other = writeNote(sender, OTHER, JOB);
    expect(other).toContain('Could you point me to the right person on the team');
    expect(new Set([writeNote(sender, RECRUITER, JOB), manager, peer, other]).size).toBe(4);
  });

  it('stays within 90 words and claims no skill the resume lacks', () => {
    const longRole = { ...JOB, role: 'Senior Backend Engineer for Payments, Billing, Ledgers, Reconciliation and Internal Platform Tooling Work' };
    for (const c of [RECRUITER, MANAGER, PEER, OTHER]) {
      for (const job of [JOB, longRole]) {
        const note = writeNote(sender, c, job);
        expect(countWords(note)).toBeLessThanOrEqual(NOTE_MAX_WORDS);
        for (const lacking of ['Go', 'Kubernetes', 'Kafka', 'gRPC']) expect(note).not.toMatch(new RegExp(`\\b${lacking}\\b`));
        expect(note).not.toMatch(/@|\+\d|https?:/);
      }
    }
  });

  it('still writes a note without a resume, a name or a role', () => {
    const bare = senderFacts({ ...PROFILE, name: '', firstName: '', lastName: '', currentCompany: '', resumeText: '' });
    const note = writeNote(bare, RECRUITER, { company: 'Acme Analytics', role: null, team: null, skills: [] });
    expect(note).toBe(
      "Hi Sofia,\n\nI'm interested in a role at Acme Analytics and wanted to introduce myself. " +
        'Could you tell me how the hiring process works, or who the best person to talk to is?\n\nThank you.',
    );
    // A GitHub login is greeted as it is.
    expect(writeNote(bare, contact('other', 'octocat', 'Title not public', ''), { ...JOB, role: null })).toMatch(/^Hi octocat,/);
  });
});

describe('checkModelNote', () => {
  const sender = senderFacts(PROFILE);
  const good =
    "Hi Priya, I'm Ada Lovelace, a Senior Backend Engineer at Analytical Engines Ltd. I noticed the Payments team at Acme Analytics is hiring, " +
    "and my work with PostgreSQL and Python seems a close fit. Would you be open to a short chat about the team? Best, Ada";

  it('accepts a draft that names only what the facts hold', () => {
    expect(checkModelNote(`"${good}"`, sender, MANAGER, JOB)).toEqual({ ok: true, text: good });
  });

  it('refuses a skill, a number, a company or a person the facts do not hold', () => {
    const refused = (draft: string) => {
      const result = checkModelNote(draft, sender, MANAGER, JOB);
      return result.ok ? 'accepted' : result.reason;
    };
    expect(refused(good.replace('PostgreSQL and Python', 'Rust and Python'))).toMatch(/Rust/);
    expect(refused(good.replace('seems a close fit', 'spans 12 years'))).toMatch(/12/);
    expect(refused(good.replace('Analytical Engines Ltd', 'Stripe'))).toMatch(/Stripe/);
    expect(refused(good.replace('Would you', 'Bob Smith suggested I write. Would you'))).toMatch(/Bob/);
    // A skill the posting asks for but the resume lacks is not the user's to claim.
    expect(refused(good.replace('PostgreSQL and Python', 'Kafka and Python'))).toMatch(/Kafka/);
  });

  it('refuses what is not a short note', () => {
    expect(checkModelNote(`${good} ${good}`, sender, MANAGER, JOB)).toMatchObject({ ok: false, reason: expect.stringMatching(/words long/) as unknown });
    expect(checkModelNote('Hi Priya, hello.', sender, MANAGER, JOB)).toMatchObject({ ok: false });
    expect(checkModelNote(`${good} Write to ada@example.com`, sender, MANAGER, JOB)).toMatchObject({ ok: false, reason: expect.stringMatching(/contact detail/) as unknown });
  });
});

describe('draftNote', () => {
  const sender = senderFacts(PROFILE);
  const signal = new AbortController().signal;

  function fakeLlm(answer: string | Error): LlmClient & { prompts: ChatMessage[][] } {
    const prompts: ChatMessage[][] = [];
    return {
      model: 'test-model',
      prompts,
      complete(messages: ChatMessage[]) {
        prompts.push(messages);
        return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
      },
    };
  }

  it('uses the engine without a model', async () => {
    expect(await draftNote(null, sender, PEER, JOB, signal)).toEqual({ text: writeNote(sender, PEER, JOB), by: 'from your resume' });
  });

  it('uses a grounded model draft, and gives the model the facts and the engine’s draft', async () => {
    const llm = fakeLlm(
      "Hi Marta, I'm Ada Lovelace, a Senior Backend Engineer. I'm looking at the Senior Backend Engineer role on the Payments team " +
        "at Acme Analytics, and as someone who works with PostgreSQL I'd love to hear what the work is like. Could we talk for a few minutes? Thanks, Ada",
    );
    const draft = await draftNote(llm, sender, PEER, JOB, signal);
    expect(draft.by).toBe('written by test-model');
    expect(draft.text).toMatch(/^Hi Marta, I'm Ada Lovelace/);
    const prompt = llm.prompts[0]?.map((m) => m.content).join('\n') ?? '';
    expect(prompt).toContain('Skills from the resume worth mentioning: PostgreSQL, Python');
    expect(prompt).toContain(writeNote(sender, PEER, JOB));
  });

  it('falls back to the engine’s note, saying why, when the draft invents or the model fails', async () => {
    const invented = await draftNote(fakeLlm('Hi Marta, I have shipped Rust services at Stripe for years and would love to chat about the Payments team. Thanks, Ada'), sender, PEER, JOB, signal);
    expect(invented.text).toBe(writeNote(sender, PEER, JOB));
    expect(invented.by).toMatch(/^from your resume \(the model's draft was refused: it named Rust/);
    const failed = await draftNote(fakeLlm(new Error('socket hang up at 10.0.0.5')), sender, PEER, JOB, signal);
    expect(failed).toEqual({ text: writeNote(sender, PEER, JOB), by: 'from your resume (the model did not answer)' });
  });
});
