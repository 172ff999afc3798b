import { describe, expect, it } from 'vitest';
import { checkDraft, groundingOf, MAX_DRAFT_CHARS } from '~worker/sessions/career/grounding';
import { numbersIn } from '~worker/sessions/career/numbers';

/**
 * The check on a model's rewording: everything it names (skills, numbers, roles,
 * companies, people, links) must be in the engine's data, and it must keep what the
 * reply is about.
 */

const REPLY = [
  'I read 38 postings for Backend Engineer. The skills they ask for that your resume does not show, most asked first: ' +
    'Kubernetes (21 of 38 postings, 55%; e.g. Staff Backend Engineer at Acme); Kafka (12 of 38 postings, 32%).',
  'Staff Backend Engineer pays $150,000–$190,000, median $170,000, from 7 postings: https://boards.greenhouse.io/acme/jobs/301',
].join('\n');
const FACTS = ['Your skills: Python, Django, PostgreSQL', 'Your current title: Senior Backend Engineer', 'Principal Backend Engineer (typically 12 years)'];
const grounding = groundingOf({ reply: REPLY, facts: FACTS, mustSay: { skills: ['Kubernetes'], numbers: [170_000] } });
const LINK = 'https://boards.greenhouse.io/acme/jobs/301';

const check = (draft: string) => checkDraft(draft, grounding);
const refusal = (draft: string): string => {
  const result = check(draft);
  return result.ok ? 'accepted' : result.reason;
};

describe('checkDraft', () => {
  it("accepts a rewording that names only the data's skills, numbers, roles and companies", () => {
    const draft =
      `Good news: with your Python and PostgreSQL background you're close. Kubernetes shows up in 21 of the 38 postings (55%), Kafka in 12. ` +
      `Strengthening those would set you up for Staff Backend Engineer, which pays a median of $170K (e.g. at Acme):\n${LINK}`;
    expect(check(draft)).toEqual({ ok: true, text: draft });
  });

  it('takes off the quotes a model puts around its answer', () => {
    expect(check(`"Kubernetes is the top gap, median $170,000: ${LINK}"`)).toEqual({ ok: true, text: `Kubernetes is the top gap, median $170,000: ${LINK}` });
  });

  it('refuses a skill the data does not have', () => {
    expect(refusal(`Learn Kubernetes and Rust; median $170,000. ${LINK}`)).toBe('the draft names a skill the data does not have (Rust)');
  });

  it('refuses a number the data does not have, however it is written', () => {
    expect(refusal(`Kubernetes is in 60% of postings; median $170,000. ${LINK}`)).toBe('the draft names a number the data does not have (60)');
    expect(refusal(`Kubernetes matters; median $175k. ${LINK}`)).toBe('the draft names a number the data does not have (175k)');
    expect(refusal(`Kubernetes matters in about five postings; median $170,000. ${LINK}`)).toBe('the draft names a number the data does not have (five)');
    // The same amount written another way is the same number; list markers and links are no numbers.
    expect(check(`1. Kubernetes: 21 postings\n2. Median: 170k\n${LINK}`).ok).toBe(true);
  });

  it('refuses a company or a person the data does not name, wherever it stands', () => {
    expect(refusal(`Kubernetes is key, as at Google; median $170,000. ${LINK}`)).toBe('the draft names something the data does not have (Google)');
    expect(refusal(`Google pays more for Kubernetes; median $170,000. ${LINK}`)).toBe('the draft names something the data does not have (Google)');
    expect(refusal(`Ask Sarah about Kubernetes; median $170,000. ${LINK}`)).toBe('the draft names something the data does not have (Sarah)');
  });

  it('refuses a role the data does not name', () => {
    expect(refusal(`Kubernetes could make you a Principal Engineer; median $170,000. ${LINK}`)).toBe(
      'the draft names a role the data does not have (Principal Engineer)',
    );
    expect(refusal(`Kubernetes leads to senior engineering manager roles; median $170,000. ${LINK}`)).toBe(
      'the draft names a role the data does not have (senior engineering manager)',
    );
    expect(refusal(`Kubernetes leads to a vp of engineering seat; median $170,000. ${LINK}`)).toBe('the draft names a role the data does not have (vp of engineering)');
    expect(check(`Kubernetes leads to Principal Backend Engineer; median $170,000. ${LINK}`).ok).toBe(true);
  });

  it('refuses a link the data does not have, and a draft that drops the reply\'s link', () => {
    expect(refusal(`Kubernetes; median $170,000. ${LINK} and https://evil.example/apply`)).toBe(
      'the draft gives a link the data does not have (https://evil.example/apply)',
    );
    expect(refusal('Kubernetes; median $170,000.')).toBe(`the draft leaves out a link (${LINK})`);
  });

  it('refuses a draft that leaves out what the reply is about', () => {
    expect(refusal(`Kafka is worth learning; median $170,000. ${LINK}`)).toBe('the draft leaves out Kubernetes');
    expect(refusal(`Kubernetes is worth learning. ${LINK}`)).toBe('the draft leaves out the figure 170000');
  });

  it('refuses an empty or overlong draft', () => {
    expect(refusal('  ')).toBe('the draft was empty');
    expect(refusal(`Kubernetes $170,000 ${LINK} ${'and more '.repeat(MAX_DRAFT_CHARS / 9 + 1)}`)).toBe('the draft was too long');
  });
});

describe('a realistic rewording', () => {
  it("passes the check when it keeps to a trajectory's data", () => {
    const reply = [
      'You are at Senior Backend Engineer: senior level on the software engineering ladder, 7 years of experience.',
      'Individual contributor (IC) track: Staff Backend Engineer (typically 8 years; performance optimization, observability, technical strategy and ' +
        'technical leadership across teams; pays $192,500–$207,500, median $200,000, from 6 postings); then Principal Backend Engineer (typically 12 years; ' +
        'architecture for the organisation, security and influence beyond the company; not enough postings with pay to say what it pays).',
      'Management track: Engineering Manager (typically 7 years; people management, hiring, mentoring and Agile; pays $195,000–$205,000, median $200,000, ' +
        'from 5 postings); then Senior Engineering Manager (typically 10 years; managing managers, organisation design and OKRs; not enough postings with pay ' +
        'to say what it pays); then Director of Engineering (typically 13 years; budget and headcount planning, stakeholder management and strategy across teams; ' +
        'not enough postings with pay to say what it pays).',
    ].join('\n');
    const g = groundingOf({ reply, facts: ['Your skills: Python, Django, PostgreSQL, Docker, SQL'] });
    const draft =
      "You're a Senior Backend Engineer with 7 years behind you, and paths open up on both tracks. On the IC track, Staff Backend Engineer is next: people usually get " +
      'there around 8 years in, it pays about $192,500–$207,500 (median $200,000), and it asks for observability, performance optimization and technical ' +
      'strategy. Principal Backend Engineer follows. If you would rather lead people, Engineering Manager (median $200,000) builds on mentoring and hiring, ' +
      'then Senior Engineering Manager and Director of Engineering. Your Python and PostgreSQL experience carries over either way.';
    expect(checkDraft(draft, g)).toEqual({ ok: true, text: draft });
  });
});

describe('numbersIn', () => {
  it('reads amounts, shares and counts as values', () => {
    expect(numbersIn('$150,000, 150k, €120 000, 55%, 2.5 years, twelve, p25').map((n) => n.value)).toEqual([150_000, 150_000, 120_000, 55, 2.5, 12]);
  });

  it('skips list markers, links and numbers inside words', () => {
    expect(numbersIn('1. Python3 and ES6 at https://jobs.example/42').map((n) => n.value)).toEqual([]);
  });
});
