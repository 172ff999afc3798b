import { describe, expect, it } from 'vitest';
import { extractSkills } from '~worker/analysis/skills';
import { atsScore, findSkillTerms, jobTerms } from '~worker/documents/ats-score';
import { findCompanyLink, htmlToText, researchCompany } from '~worker/documents/company-research';
import { LETTER_MAX_WORDS, LETTER_MIN_WORDS, countWords, resumeFacts, writeCoverLetter } from '~worker/documents/cover-letter';
import { documentHtml } from '~worker/documents/pdf';
import { bulletItems, parseResume, tailorResume, ungroundedTerms } from '~worker/documents/resume-tailor';

const RESUME = `JANE DOE
jane@example.com | +49 30 1234567 | Berlin

EXPERIENCE
Senior Software Engineer — Acme Corp (2019–2024)
- Organised the team offsite and wrote the onboarding guide
- Built billing services in Python and Django on Postgres, serving 2M requests a day
- Set up Docker-based CI/CD with GitHub Actions, cutting deploy time from 40 to 8 minutes
- Led the migration of 30 cron jobs to Celery workers with retries and alerting

Software Engineer — Beta GmbH (2015–2019)
- Wrote React dashboards in JavaScript for 200 internal users
- Tuned Postgres queries, cutting p95 latency by 40%
- Mentored three junior engineers through code review and pairing

EDUCATION
BSc Computer Science, TU Berlin (2015)

SKILLS
Languages: Java, JavaScript, Python, SQL
Tools: Figma, Git, Docker, Postgres`;

const POSTING = `Northwind Labs is a fintech company that builds payment infrastructure for small merchants.
We are a remote-first team of 120 people, founded in 2017. We value candor, ownership and craft.

About the role: you will design and run the services behind our payments API.
Requirements: 5+ years with Python and Django, PostgreSQL, Docker and Kubernetes. Experience with AWS is a plus.
Benefits: health insurance, equity, 30 days of paid vacation and a learning budget.`;

const JOB = { title: 'Senior Python Engineer', company: 'Northwind Labs', description: POSTING };

const PROFILE = {
  name: 'Jane Doe',
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane@example.com',
  phone: '+49 30 1234567',
  currentCompany: 'Acme Corp',
  yearsOfExperience: 9,
};

describe('ATS score', () => {
  it('covers the job keywords the resume has, crediting the exact wording more than a synonym', () => {
    const job = 'We need PostgreSQL, Go and Kubernetes.';
    const exact = atsScore('Go and PostgreSQL every day', job);
    const synonym = atsScore('Golang and Postgres every day', job);
    expect(exact.matched).toEqual(['PostgreSQL', 'Go']);
    expect(exact.missing).toEqual(['Kubernetes']);
    expect(exact.score).toBe(67);
    expect(synonym.matched).toEqual(exact.matched);
    expect(synonym.score).toBeLessThan(exact.score);
    expect(atsScore('nothing relevant', job)).toEqual({ score: 0, matched: [], missing: ['PostgreSQL', 'Go', 'Kubernetes'] });
  });

  it("uses the job's own spelling of each keyword", () => {
    expect([...jobTerms('Golang services on Postgres; more golang later. Postgres!')]).toEqual([
      ['Go', 'Golang'],
      ['PostgreSQL', 'Postgres'],
    ]);
  });

  it('reads a spelling as a skill only where the skill lexicon does', () => {
    const hits = findSkillTerms("Let's go to the React Native meetup. I write Go and React.").map((h) => `${h.skill}:${h.surface}`);
    expect(hits).toEqual(['React Native:React Native', 'Go:Go', 'React:React']);
  });
});

describe('resume tailoring', () => {
  const tailored = tailorResume(RESUME, JOB, PROFILE);

  it('raises the ATS score and reports before and after', () => {
    expect(tailored.before).toBe(atsScore(RESUME, `${JOB.title}\n${JOB.description}`).score);
    expect(tailored.after).toBe(atsScore(tailored.text, `${JOB.title}\n${JOB.description}`).score);
    expect(tailored.after).toBeGreaterThan(tailored.before);
  });

  it('never invents a skill the resume does not have', () => {
    const before = new Set(extractSkills(RESUME));
    expect(extractSkills(tailored.text).filter((s) => !before.has(s))).toEqual([]);
    expect(tailored.keywordsMissing).toEqual(expect.arrayContaining(['Kubernetes', 'AWS']));
    expect(tailored.text).not.toMatch(/kubernetes|aws/i);
    // even when the job title itself names a missing skill
    const k8s = tailorResume(RESUME, { ...JOB, title: 'Kubernetes / Python Engineer' }, PROFILE);
    expect(extractSkills(k8s.text).filter((s) => !before.has(s))).toEqual([]);
    expect(k8s.text).toContain('Candidate for the Python Engineer role');
  });

  it("rephrases to the job's wording and adds a summary naming the title and the matching skills", () => {
    expect(tailored.rephrased).toEqual([{ from: 'Postgres', to: 'PostgreSQL' }]);
    expect(tailored.text).not.toMatch(/\bPostgres\b/);
    expect(tailored.text).toContain(
      'Candidate for the Senior Python Engineer role at Northwind Labs: 9 years of experience, with hands-on work in Python, Django, PostgreSQL and Docker.',
    );
  });

  it('puts the bullets and skills that match the job first, keeping the rest of the facts', () => {
    const sections = parseResume(tailored.text);
    expect(sections.map((s) => s.heading)).toEqual([null, 'SUMMARY', 'EXPERIENCE', 'SKILLS', 'EDUCATION']);
    const experience = sections.find((s) => s.heading === 'EXPERIENCE')?.lines ?? [];
    expect(experience.slice(0, 4)).toEqual([
      'Senior Software Engineer — Acme Corp (2019–2024)',
      '- Built billing services in Python and Django on PostgreSQL, serving 2M requests a day',
      '- Set up Docker-based CI/CD with GitHub Actions, cutting deploy time from 40 to 8 minutes',
      '- Organised the team offsite and wrote the onboarding guide',
    ]);
    expect(sections.find((s) => s.heading === 'SKILLS')?.lines).toEqual([
      'Languages: Python, Java, JavaScript, SQL',
      'Tools: Docker, PostgreSQL, Figma, Git',
    ]);
    expect(bulletItems(tailored.text).sort()).toEqual(bulletItems(RESUME).map((b) => b.replace(/Postgres\b/, 'PostgreSQL')).sort());
  });

  it('leaves a resume alone when the job shares nothing with it, apart from the summary', () => {
    const plain = tailorResume('Alex Roe\n\nEXPERIENCE\n- Baked bread', { title: 'Chef', company: 'Bistro', description: 'Cook food.' }, { yearsOfExperience: null });
    expect(plain.text).toBe('Alex Roe\n\nSUMMARY\nCandidate for the Chef role at Bistro.\n\nEXPERIENCE\n- Baked bread');
    expect(plain.before).toBe(0);
    expect(plain.after).toBe(0);
  });

  it('flags skills and numbers a rewrite made up', () => {
    expect(ungroundedTerms('Python and Kubernetes, 2M requests, 50% faster', [RESUME])).toEqual(['Kubernetes', '50']);
    expect(ungroundedTerms('Python on PostgreSQL, 2M requests', [RESUME])).toEqual([]);
  });
});

describe('cover letter', () => {
  const research = researchCompany('Northwind Labs', [{ label: 'job posting', text: POSTING }]);
  const letter = writeCoverLetter(PROFILE, resumeFacts(RESUME), JOB, research);

  it('names the company and the title, and is signed with the profile name', () => {
    expect(letter.text.startsWith('Dear Northwind Labs hiring team,')).toBe(true);
    expect(letter.text).toContain('the Senior Python Engineer position at Northwind Labs');
    expect(letter.text.endsWith('Sincerely,\nJane Doe')).toBe(true);
    expect(letter.text).toContain('jane@example.com');
  });

  it('has a letter’s length', () => {
    expect(letter.wordCount).toBe(countWords(letter.text));
    expect(letter.wordCount).toBeGreaterThanOrEqual(LETTER_MIN_WORDS);
    expect(letter.wordCount).toBeLessThanOrEqual(LETTER_MAX_WORDS);
  });

  it('draws on the resume’s real experience and claims no skill it lacks', () => {
    expect(letter.text).toContain('I built billing services in Python and Django on PostgreSQL, serving 2M requests a day.');
    expect(letter.text).toContain('my experience covers Python, Django, PostgreSQL and Docker');
    const allowed = new Set([...extractSkills(RESUME), ...extractSkills(JOB.title)]);
    expect(extractSkills(letter.text).filter((s) => !allowed.has(s))).toEqual([]);
    expect(ungroundedTerms(letter.text, [RESUME, String(PROFILE.yearsOfExperience), POSTING])).toEqual([]);
  });

  it('stays within the limit for a long resume and stays honest for a thin one', () => {
    const long = `${RESUME}\n${Array.from({ length: 20 }, (_, i) => `- Delivered project ${i} in Python with a team of ${i + 2} across three countries and many stakeholders`).join('\n')}`;
    expect(writeCoverLetter(PROFILE, resumeFacts(long), JOB, research).wordCount).toBeLessThanOrEqual(LETTER_MAX_WORDS);
    const thin = writeCoverLetter({ ...PROFILE, currentCompany: '', yearsOfExperience: null }, resumeFacts('Jane Doe'), JOB, null);
    expect(thin.text).toContain('Northwind Labs');
    expect(thin.wordCount).toBeLessThan(LETTER_MIN_WORDS); // shorter rather than padded with made-up facts
  });
});

describe('company research', () => {
  it('finds the industry, size, work model, values and benefits in the posting', () => {
    const research = researchCompany('Northwind Labs', [{ label: 'job posting', text: POSTING }]);
    expect(research.summary).toMatch(/^Northwind Labs is a fintech company that builds payment infrastructure/);
    expect(research.industry).toBe('financial technology');
    expect(research.size).toBe('team of 120 people');
    expect(research.remote).toBe('remote-first');
    expect(research.values).toEqual(['We value candor, ownership and craft.']);
    expect(research.benefits).toEqual(['health insurance', 'equity', 'generous paid time off', 'learning budget']);
    expect(research.facts).toContain('Work model: remote-first');
    expect(research.sources).toEqual(['job posting']);
  });

  it('says when nothing describes the company', () => {
    const research = researchCompany('Quiet Co', [{ label: 'job posting', text: '' }]);
    expect(research.summary).toBe('No description of Quiet Co was available.');
    expect(research.facts).toEqual([]);
  });

  it("reads a page's text and finds the company's own link, not social or job-board links", () => {
    const html = `<html><head><style>p{}</style><script>var x = "<p>no</p>";</script></head><body>
      <h1>Backend Engineer &amp; more</h1><p>Fish &#x26; chips&nbsp;&mdash; ok</p>
      <a href="https://www.linkedin.com/company/northwind">Northwind Labs on LinkedIn</a>
      <a href="#apply">Apply</a>
      <a href="https://northwindlabs.example/about">About us</a></body></html>`;
    expect(htmlToText(html)).toBe('Backend Engineer & more\nFish & chips — ok\nNorthwind Labs on LinkedIn Apply About us');
    expect(findCompanyLink(html, 'https://boards.example/jobs/1', 'Northwind Labs')).toBe('https://northwindlabs.example/about');
    expect(findCompanyLink('<a href="/jobs/2">Next job</a>', 'https://boards.example/jobs/1', 'Northwind Labs')).toBeNull();
  });
});

describe('printable HTML', () => {
  it('escapes everything and lays out a resume', () => {
    const html = documentHtml({ title: 'A <b>&', layout: 'resume', text: 'JANE <DOE>\nx@y.z\n\nSKILLS\n- <script>alert(1)</script>\n- "quotes" & \'apostrophes\'' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<DOE>');
    expect(html).toContain('<title>A &#60;b&#62;&#38;</title>');
    expect(html).toContain('<h1>JANE &#60;DOE&#62;</h1>');
    expect(html).toContain('<h2>SKILLS</h2><ul><li>&#60;script&#62;alert(1)&#60;/script&#62;</li><li>&#34;quotes&#34; &#38; &#39;apostrophes&#39;</li></ul>');
  });
});
