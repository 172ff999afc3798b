import { describe, expect, it } from 'vitest';
import type { ProfileFields } from '~/shared/profile';
import { chooseOption, identifyField, numberIn, planField, type ApplicantFacts } from '../../worker/browser/field-mapper';
import type { FieldDescriptor } from '../../worker/browser/read-fields';

const profile: ProfileFields = {
  name: 'Ada Lovelace',
  firstName: '',
  lastName: '',
  email: 'ada@example.com',
  phone: '+44 20 7946 0000',
  location: 'London, United Kingdom',
  linkedinUrl: 'https://linkedin.com/in/ada',
  githubUrl: 'https://github.com/ada',
  websiteUrl: '',
  currentCompany: 'Analytical Engines Ltd',
  yearsOfExperience: 7,
  workAuthorization: 'yes',
  requiresSponsorship: 'no',
  desiredSalary: '£95,000',
  earliestStartDate: '2027-01-15',
  resumeText: 'Senior Python engineer',
  jobSources: [],
  savedAnswers: [],
};
const facts: ApplicantFacts = { profile, coverLetter: null, hasResumeFile: true };

function field(over: Partial<FieldDescriptor>): FieldDescriptor {
  return {
    ref: 'f1', control: 'text', name: '', id: '', label: '', ariaLabel: '', placeholder: '', autocomplete: '',
    nearbyText: '', section: '', required: false, options: [], value: '', ...over,
  };
}
const yesNo = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];

describe('identifying what a field asks for', () => {
  it.each([
    [{ label: 'First Name' }, 'firstName'],
    [{ placeholder: 'Last name' }, 'lastName'],
    [{ ariaLabel: 'Full name' }, 'fullName'],
    [{ nearbyText: 'Email address *' }, 'email'],
    [{ autocomplete: 'tel' }, 'phone'],
    [{ label: 'LinkedIn Profile' }, 'linkedinUrl'],
    [{ label: 'Will you now or in the future require visa sponsorship?' }, 'requiresSponsorship'],
    [{ label: 'Are you legally authorized to work in the United Kingdom?' }, 'workAuthorization'],
    [{ label: 'How many years of professional experience do you have?' }, 'yearsOfExperience'],
    [{ label: 'Earliest start date' }, 'earliestStartDate'],
    [{ label: 'Resume/CV', control: 'file' as const }, 'resume'],
    [{ label: 'Gender', section: 'Voluntary Self-Identification' }, 'eeo'],
    [{ label: 'Veteran status' }, 'eeo'],
  ])('%o → %s', (over, key) => {
    expect(identifyField(field(over))?.key).toBe(key);
  });

  it('trusts what a person reads, not the element name alone', () => {
    expect(identifyField(field({ name: 'email' }))).toEqual({ key: 'email', confident: false });
    expect(identifyField(field({ label: 'Email', name: 'q_77' }))).toEqual({ key: 'email', confident: true });
  });

  it('is not sure about a field that names two answers', () => {
    expect(identifyField(field({ label: 'Email or phone' }))?.confident).toBe(false);
  });

  it('knows nothing of questions the profile cannot answer', () => {
    expect(identifyField(field({ label: 'Are you willing to relocate?' }))).toBeNull();
    expect(identifyField(field({ label: 'How did you hear about us?' }))).toBeNull();
  });
});

describe('planning each field from the profile', () => {
  it('splits the full name when the profile has no first and last name', () => {
    expect(planField(field({ label: 'First name' }), facts)).toMatchObject({ kind: 'fill', value: 'Ada' });
    expect(planField(field({ label: 'Last name' }), facts)).toMatchObject({ kind: 'fill', value: 'Lovelace' });
  });

  it('answers yes/no screening questions with the matching option', () => {
    const auth = planField(field({ control: 'radio', label: 'Are you authorized to work in the UK?', options: yesNo }), facts);
    expect(auth).toEqual({ kind: 'choose', key: 'workAuthorization', option: { value: 'yes', label: 'Yes' } });
    const visa = planField(field({ control: 'select', label: 'Do you require sponsorship?', options: yesNo }), facts);
    expect(visa).toMatchObject({ kind: 'choose', option: { label: 'No' } });
  });

  it('puts numbers into number fields and picks the right experience band', () => {
    expect(planField(field({ control: 'number', label: 'Desired salary' }), facts)).toMatchObject({ kind: 'fill', value: '95000' });
    const bands = ['0-1 years', '1-3 years', '3-5 years', '5-10 years', '10+ years'].map((l) => ({ value: l, label: l }));
    expect(planField(field({ control: 'select', label: 'Years of experience', options: bands }), facts)).toMatchObject({
      kind: 'choose',
      option: { label: '5-10 years' },
    });
  });

  it('uploads the resume, and asks when there is none', () => {
    expect(planField(field({ control: 'file', label: 'Resume' }), facts)).toEqual({ kind: 'upload', key: 'resume' });
    expect(planField(field({ control: 'file', label: 'Resume', required: true }), { ...facts, hasResumeFile: false }).kind).toBe('ask');
  });

  it('declines voluntary self-identification, and never picks an answer for the person', () => {
    const options = [{ value: 'f', label: 'Female' }, { value: 'm', label: 'Male' }, { value: 'd', label: 'Decline to self-identify' }];
    expect(planField(field({ control: 'select', label: 'Gender', options }), facts)).toMatchObject({ kind: 'choose', option: { label: 'Decline to self-identify' } });
    const noDecline = options.slice(0, 2);
    expect(planField(field({ control: 'select', label: 'Gender', options: noDecline }), facts).kind).toBe('skip');
    expect(planField(field({ control: 'select', label: 'Gender', options: noDecline, required: true }), facts).kind).toBe('ask');
  });

  it('asks the human instead of guessing', () => {
    expect(planField(field({ control: 'radio', label: 'Are you willing to relocate?', options: yesNo, required: true }), facts).kind).toBe('ask');
    expect(planField(field({ name: 'email' }), facts)).toMatchObject({ kind: 'ask', suggestion: 'ada@example.com' });
    expect(planField(field({ label: 'Website', required: true }), facts)).toMatchObject({ kind: 'ask' });
  });

  it('leaves optional fields it cannot answer empty', () => {
    expect(planField(field({ label: 'Website' }), facts).kind).toBe('skip');
    expect(planField(field({ label: 'Anything else?', control: 'textarea' }), facts).kind).toBe('skip');
  });

  it('pastes the cover letter written for the job', () => {
    const withLetter = { ...facts, coverLetter: 'Dear team, …' };
    expect(planField(field({ control: 'textarea', label: 'Cover letter' }), withLetter)).toMatchObject({ kind: 'fill', value: 'Dear team, …' });
  });
});

describe('reading values', () => {
  it('parses salary notations', () => {
    expect(numberIn('$150,000')).toBe(150000);
    expect(numberIn('150k')).toBe(150000);
    expect(numberIn('negotiable')).toBeNull();
  });

  it('matches a location against country options', () => {
    const options = ['Germany', 'United Kingdom', 'United States'].map((l) => ({ value: l, label: l }));
    expect(chooseOption(options, 'location', 'United Kingdom')?.label).toBe('United Kingdom');
    expect(chooseOption(options, 'location', 'Paris, France')).toBeNull();
  });
});

describe('questions worded the way other forms word them', () => {
  it.each([
    [{ label: 'When could you start?', control: 'date-parts' as const }, 'earliestStartDate'],
    [{ label: 'When can you start?' }, 'earliestStartDate'],
    [{ label: 'Country of residence', control: 'combobox' as const }, 'location'],
    [{ label: 'Resume/CV', control: 'file' as const, widget: 'native' as const }, 'resume'],
  ])('%o → %s', (over, key) => {
    expect(identifyField(field(over))?.key).toBe(key);
  });

  it('never plans typing into a file input', () => {
    const plan = planField(field({ control: 'file', label: 'Portfolio', required: true }), facts);
    expect(plan.kind).toBe('ask');
  });
});
