import { describe, expect, it } from 'vitest';
import type { Person } from '~worker/sources/people/types';
import { rankPeople, resolveTeam } from '~worker/sessions/network/ranking';
import { disciplineFit, readRole } from '~worker/sessions/network/roles';
import { withArticle } from '~worker/sessions/network/words';

/** Someone on a team page: only the fields a test cares about. */
function person(name: string, title: string, team: string, extra: Partial<Person> = {}): Person {
  const id = name.toLowerCase().replace(/\s+/g, '-');
  return {
    name,
    title,
    team,
    profileUrl: `http://localhost:3000/sandbox/companies/acme-analytics/team#${id}`,
    source: 'sandbox',
    bio: '',
    via: "on Acme Analytics's team page",
    ...extra,
  };
}

/** A company with every kind of person, in page order (as the sandbox lists them). */
const TEAM: readonly Person[] = [
  person('Arjun Silva', 'VP of Engineering', 'Leadership'),
  person('Aoife Sorensen', 'Head of People', 'Leadership'),
  person('Sofia Lopez', 'Senior Technical Recruiter', 'Talent'),
  person('Rafael Tran', 'Talent Acquisition Partner', 'Talent'),
  person('Ines Moreau', 'Recruiting Coordinator', 'Talent'),
  person('Leon Fujita', 'Engineering Manager, Search', 'Search'),
  person('Sami Tran', 'Staff Backend Engineer', 'Search'),
  person('Priya Rahman', 'Engineering Manager, Payments', 'Payments'),
  person('Rin Sorensen', 'Junior Backend Engineer', 'Payments'),
  person('Marta Rossi', 'Senior Backend Engineer', 'Payments'),
  person('Kofi Park', 'Product Designer', 'Payments'),
  person('Emeka Haddad', 'Frontend Engineer', 'Checkout'),
];

const summary = (contacts: ReturnType<typeof rankPeople>) => contacts.map((c) => `${c.relation}: ${c.name}`);

describe('rankPeople', () => {
  it('orders recruiters, the hiring manager of the posting’s team, peers by team and level, then others', () => {
    const contacts = rankPeople(TEAM, { company: 'Acme Analytics', role: 'Senior Backend Engineer', team: 'Payments' });
    expect(summary(contacts)).toEqual([
      // The technical recruiter before the generalist; the coordinator is left out (two recruiters at most).
      'recruiter: Sofia Lopez',
      'recruiter: Rafael Tran',
      // The manager of the posting's own team, not the other engineering manager.
      'hiring_manager: Priya Rahman',
      // Same team and level first, then same team another level, then the same work in another team.
      'peer: Marta Rossi',
      'peer: Rin Sorensen',
      'peer: Sami Tran',
      // Others fill up to eight: the designer on the team before company leadership.
      'other: Kofi Park',
      'other: Arjun Silva',
    ]);
  });

  it('says why, in one sentence each, from what the ranking used', () => {
    const contacts = rankPeople(TEAM, { company: 'Acme Analytics', role: 'Senior Backend Engineer', team: 'Payments' });
    const why = Object.fromEntries(contacts.map((c) => [c.name, c.why]));
    expect(why['Sofia Lopez']).toBe(
      'As a Senior Technical Recruiter at Acme Analytics, they run the first conversation for the Senior Backend Engineer role and know who is hiring.',
    );
    expect(why['Priya Rahman']).toBe('Leads the Payments team, where the Senior Backend Engineer opening sits, so is most likely the hiring manager.');
    expect(why['Marta Rossi']).toBe(
      'Works as a Senior Backend Engineer on the Payments team you would join, so can tell you what the work is really like.',
    );
    expect(why['Sami Tran']).toBe(
      'Works as a Staff Backend Engineer on the Search team at Acme Analytics, the same kind of work as the Senior Backend Engineer role, so can tell you how the teams work.',
    );
    expect(why['Kofi Park']).toBe('Works on the Payments team you would join as a Product Designer, a useful second contact.');
    expect(why['Arjun Silva']).toBe('As the VP of Engineering at Acme Analytics, can point you to the right person if nobody closer answers.');
    for (const c of contacts) {
      expect(c.why.match(/[.!?](\s|$)/g)).toHaveLength(1);
      expect(c.profileUrl).toMatch(/^http:\/\/localhost:3000\/sandbox\/companies\/acme-analytics\/team#/);
      expect(c.source).toBe('sandbox');
    }
  });

  it('reads the team from the role’s words when the posting does not say', () => {
    const target = { company: 'Acme Analytics', role: 'Backend Engineer, Search', team: null };
    expect(resolveTeam(target, TEAM)).toBe('Search');
    const contacts = rankPeople(TEAM, target);
    expect(contacts.find((c) => c.relation === 'hiring_manager')?.name).toBe('Leon Fujita');
    expect(contacts.filter((c) => c.relation === 'peer').map((c) => c.name)[0]).toBe('Sami Tran');
  });

  it('without a team, takes the managers of related work as likely hiring managers and peers by discipline', () => {
    const contacts = rankPeople(TEAM, { company: 'Acme Analytics', role: 'Frontend Engineer', team: null });
    expect(summary(contacts)).toEqual([
      'recruiter: Sofia Lopez',
      'recruiter: Rafael Tran',
      'hiring_manager: Leon Fujita',
      'hiring_manager: Priya Rahman',
      'peer: Emeka Haddad',
      'other: Arjun Silva',
      'other: Aoife Sorensen',
      // Backend work is closer to frontend than design is.
      'other: Sami Tran',
    ]);
    expect(contacts.find((c) => c.name === 'Leon Fujita')?.why).toBe(
      'Manages engineering work on the Search team at Acme Analytics, so is likely close to the hiring decision for the Frontend Engineer role.',
    );
  });

  it('a design role finds the design manager, not an engineering one', () => {
    const people = [...TEAM, person('Yara Kim', 'Head of Design, Payments', 'Payments')];
    const contacts = rankPeople(people, { company: 'Acme Analytics', role: 'Product Designer', team: 'Payments' });
    expect(contacts.filter((c) => c.relation === 'hiring_manager').map((c) => c.name)).toEqual(['Yara Kim']);
    expect(contacts.filter((c) => c.relation === 'peer').map((c) => c.name)).toEqual(['Kofi Park']);
    // The generalist recruiter first for a role outside engineering.
    expect(contacts[0]?.name).toBe('Rafael Tran');
  });

  it('without a role, lists recruiters first and nobody as a hiring manager or peer', () => {
    const contacts = rankPeople(TEAM, { company: 'Acme Analytics', role: null, team: null });
    expect(contacts.slice(0, 2).map((c) => c.relation)).toEqual(['recruiter', 'recruiter']);
    expect(contacts.some((c) => c.relation === 'hiring_manager' || c.relation === 'peer')).toBe(false);
    expect(contacts[0]?.why).toBe('As a Senior Technical Recruiter at Acme Analytics, they run the first conversation for the role and know who is hiring.');
  });

  it('keeps at most eight (or the asked number), each person once across sources', () => {
    const github = person('Marta Rossi', 'Senior backend engineer', '', { source: 'github:acme', profileUrl: 'https://github.com/mrossi' });
    const many = [...TEAM, github, ...Array.from({ length: 20 }, (_, i) => person(`Extra Person${i}`, 'Backend Engineer', 'Payments'))];
    const contacts = rankPeople(many, { company: 'Acme Analytics', role: 'Senior Backend Engineer', team: 'Payments' });
    expect(contacts).toHaveLength(8);
    expect(contacts.filter((c) => c.name === 'Marta Rossi')).toHaveLength(1);
    expect(contacts.find((c) => c.name === 'Marta Rossi')?.source).toBe('sandbox');
    expect(rankPeople(many, { company: 'Acme Analytics', role: 'Backend Engineer', team: 'Payments' }, { max: 3 })).toHaveLength(3);
  });

  it('reads GitHub members by their bio, and says so when no title is public', () => {
    const gh = (name: string, title: string, bio: string, team = '') =>
      person(name, title, team, { source: 'github:acme', profileUrl: `https://github.com/${name}`, bio, via: 'a public member of the acme GitHub organisation' });
    const people = [
      gh('octocat', '', ''),
      gh('Mona Lisa', 'Engineering manager', 'Engineering manager @acme, on the Payments team', 'Payments'),
      gh('Hubot Jones', 'Backend developer', 'Backend developer. Go and Postgres.'),
      gh('Tech Hiring', 'Technical recruiter', 'Technical recruiter at Acme'),
    ];
    const contacts = rankPeople(people, { company: 'Acme', role: 'Backend Engineer', team: 'Payments' });
    expect(summary(contacts)).toEqual(['recruiter: Tech Hiring', 'hiring_manager: Mona Lisa', 'peer: Hubot Jones', 'other: octocat']);
    const octocat = contacts.find((c) => c.name === 'octocat');
    expect(octocat?.title).toBe('Title not public');
    expect(octocat?.why).toBe('A public member of the acme GitHub organisation, so likely works on its code, though no title is public.');
  });

  it('is deterministic and empty for nobody', () => {
    const target = { company: 'Acme Analytics', role: 'Senior Backend Engineer', team: 'Payments' };
    expect(rankPeople(TEAM, target)).toEqual(rankPeople([...TEAM], target));
    expect(rankPeople([], target)).toEqual([]);
  });
});

describe('readRole', () => {
  it('tells recruiters, managers and leadership apart, whatever the team is called', () => {
    expect(readRole('Talent Acquisition Partner', 'Talent')).toMatchObject({ recruiter: true, manager: false });
    expect(readRole('Engineering Lead, Core Platform', 'Core Platform')).toMatchObject({ manager: true, leadership: false });
    expect(readRole('Head of Consumer App Engineering', 'Consumer App')).toMatchObject({ manager: true, leadership: false });
    expect(readRole('Head of Engineering', 'Leadership')).toMatchObject({ manager: true, leadership: true });
    expect(readRole('CTO', 'Leadership')).toMatchObject({ leadership: true });
    // A lead engineer is a senior individual contributor; a product manager manages a product, not people.
    expect(readRole('Lead Backend Engineer', 'Billing')).toMatchObject({ manager: false, level: 4 });
    expect(readRole('Product Manager', 'Growth')).toMatchObject({ manager: false });
    expect(readRole('Director of Product, Growth', 'Growth')).toMatchObject({ manager: true });
  });

  it('reads the discipline without the team’s own words', () => {
    const manager = readRole('Engineering Manager, Design Systems', 'Design Systems');
    expect([...manager.disciplines]).toEqual(['engineering']);
    expect(disciplineFit(readRole('Senior Backend Engineer').disciplines, readRole('Backend Engineer (Go)').disciplines)).toBe('same');
    expect(disciplineFit(readRole('Frontend Engineer').disciplines, readRole('Backend Engineer').disciplines)).toBe('related');
    expect(disciplineFit(readRole('Product Designer').disciplines, readRole('Backend Engineer').disciplines)).toBe('different');
    expect(disciplineFit(readRole('Head of Payments').disciplines, readRole('Backend Engineer').disciplines)).toBe('unknown');
  });

  it('reads levels from titles, plain titles as mid', () => {
    expect(readRole('Junior Backend Engineer').level).toBe(1);
    expect(readRole('Backend Engineer').level).toBe(2);
    expect(readRole('Senior Backend Engineer').level).toBe(3);
    expect(readRole('Staff SRE').level).toBe(4);
  });
});

describe('withArticle', () => {
  it('reads initialisms as they are spoken', () => {
    expect(withArticle('SRE')).toBe('an SRE');
    expect(withArticle('QA Engineer')).toBe('a QA Engineer');
    expect(withArticle('Engineering Manager')).toBe('an Engineering Manager');
    expect(withArticle('CTO')).toBe('the CTO');
  });
});
