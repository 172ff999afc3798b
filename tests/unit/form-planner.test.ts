import { describe, expect, it } from 'vitest';
import { dateFormatHint, formatDate, parseDate } from '../../worker/browser/date-format';
import type { ApplicantFacts } from '../../worker/browser/field-mapper';
import { questionFor } from '../../worker/browser/field-question';
import { planFor, type FormFiles, type PlanContext } from '../../worker/browser/form-planner';
import type { FieldDescriptor } from '../../worker/browser/read-fields';
import { TEST_PROFILE } from '../helpers/applicant';

const facts: ApplicantFacts = { profile: TEST_PROFILE, coverLetter: null, hasResumeFile: true };
const pdf = { fileName: 'cv.pdf', bytes: Buffer.from('%PDF-1.4'), mimeType: 'application/pdf' };
const files: FormFiles = { resume: pdf, coverLetter: null };
const ctx = (known: FieldDescriptor[] = [], over: Partial<PlanContext> = {}): PlanContext => ({ facts, files, known, ...over });

function field(over: Partial<FieldDescriptor>): FieldDescriptor {
  return {
    ref: 'f1', control: 'text', name: '', id: '', label: '', ariaLabel: '', placeholder: '', autocomplete: '',
    nearbyText: '', section: '', required: false, options: [], value: '', ...over,
  };
}
const options = (...labels: string[]) => labels.map((label) => ({ value: label, label }));

describe('dates as the field writes them', () => {
  it('reads the format a text field asks for and writes the start date that way', () => {
    expect(dateFormatHint(field({ placeholder: 'MM/DD/YYYY' }))).toBe('MM/DD/YYYY');
    expect(formatDate('2027-02-01', 'MM/DD/YYYY')).toBe('02/01/2027');
    expect(formatDate('2027-02-01', 'DD.MM.YYYY')).toBe('01.02.2027');
    const us = planFor(field({ label: 'Earliest start date', placeholder: 'MM/DD/YYYY' }), ctx());
    expect(us).toMatchObject({ kind: 'fill', value: '02/01/2027' });
    expect(planFor(field({ label: 'Earliest start date', placeholder: 'DD/MM/YYYY' }), ctx())).toMatchObject({ value: '01/02/2027' });
    expect(planFor(field({ label: 'Earliest start date', control: 'date' }), ctx())).toMatchObject({ value: '2027-02-01' });
  });

  it('reads the dates people type, in the field\'s own order', () => {
    expect(parseDate('2027-02-01', null)).toBe('2027-02-01');
    expect(parseDate('02/01/2027', 'MM/DD/YYYY')).toBe('2027-02-01');
    expect(parseDate('02/01/2027', 'DD/MM/YYYY')).toBe('2027-01-02');
    expect(parseDate('1 February 2027', null)).toBe('2027-02-01');
    expect(parseDate('31/02/2027', 'DD/MM/YYYY')).toBeNull();
    expect(parseDate('soon', null)).toBeNull();
  });

  it('chooses month, day and year in separate selects', () => {
    const parts = [
      { ref: 'f1-month', part: 'month' as const, options: options('January', 'February', 'March') },
      { ref: 'f1-day', part: 'day' as const, options: ['01', '02'].map((d) => ({ value: d, label: d })) },
      { ref: 'f1-year', part: 'year' as const, options: options('2026', '2027') },
    ];
    const plan = planFor(field({ control: 'date-parts', label: 'When could you start?', parts, required: true }), ctx());
    expect(plan).toEqual({
      kind: 'parts',
      values: [
        { ref: 'f1-month', option: { value: 'February', label: 'February' } },
        { ref: 'f1-day', option: { value: '01', label: '01' } },
        { ref: 'f1-year', option: { value: '2027', label: '2027' } },
      ],
    });
    const noYear = parts.map((p) => (p.part === 'year' ? { ...p, options: options('2030') } : p));
    expect(planFor(field({ control: 'date-parts', label: 'Start date', parts: noYear, required: true }), ctx()).kind).toBe('ask');
  });
});

describe('phones, countries and regions', () => {
  const code = field({ ref: 'c', control: 'select', label: 'Country code', required: true, options: options('Poland (+48)', 'Portugal (+351)', 'Puerto Rico (+1787)') });
  const number = field({ ref: 'n', control: 'tel', label: 'Phone number', required: true });

  it('splits the phone number when the form asks its calling code apart', () => {
    expect(planFor(code, ctx([code, number]))).toMatchObject({ kind: 'choose', option: { label: 'Portugal (+351)' } });
    expect(planFor(number, ctx([code, number]))).toMatchObject({ kind: 'fill', value: '912 345 678' });
    expect(planFor(number, ctx([number]))).toMatchObject({ kind: 'fill', value: TEST_PROFILE.phone });
  });

  it('answers a country question and a region question from the city', () => {
    const countries = field({ control: 'select', label: 'Country', required: true, options: options('Poland', 'Portugal', 'Spain') });
    expect(planFor(countries, ctx())).toMatchObject({ kind: 'choose', option: { label: 'Portugal' } });
    expect(planFor(field({ label: 'Country', required: true }), ctx())).toMatchObject({ kind: 'fill', value: 'Portugal' });
    const regions = field({ control: 'select', label: 'Where are you based?', required: true, options: options('US - West (PT)', 'US - East (ET)', 'Canada', 'Europe', 'Asia-Pacific') });
    expect(planFor(regions, ctx())).toMatchObject({ kind: 'choose', option: { label: 'Europe' } });
  });
});

describe('groups, statements and files', () => {
  const skills = field({ control: 'checkboxes', label: 'Which of these have you used? Select all that apply', options: options('Python', 'Go', 'Java', 'React', 'Kafka') });

  it('ticks the skills the resume shows, and no others', () => {
    expect(planFor(skills, ctx())).toEqual({ kind: 'check', options: options('Python', 'Go', 'Kafka') });
    const none = { ...skills, options: options('Java', 'Swift') };
    expect(planFor(none, ctx()).kind).toBe('skip');
    expect(planFor({ ...none, required: true }, ctx()).kind).toBe('ask');
    expect(planFor(field({ control: 'checkboxes', label: 'Which days suit you?', required: true, options: options('Monday', 'Friday') }), ctx()).kind).toBe('ask');
  });

  it('asks about a statement only the person can make, as a yes or no', () => {
    const certify = field({ control: 'checkbox', label: 'I certify that this is accurate', required: true });
    const plan = planFor(certify, ctx());
    expect(plan.kind).toBe('ask');
    if (plan.kind !== 'ask') return;
    expect(questionFor(certify, plan, null).options).toEqual([{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]);
  });

  it('gives a file field a file or a question that wants one, never text', () => {
    const resume = field({ control: 'file', label: 'Resume/CV', required: true });
    expect(planFor(resume, ctx())).toMatchObject({ kind: 'upload', key: 'resume', file: pdf });
    const noResume = ctx([], { files: { resume: null, coverLetter: null } });
    expect(planFor(resume, noResume)).toMatchObject({ kind: 'ask', wantsFile: 'resume', reason: 'no resume in your profile' });
    expect(planFor({ ...resume, required: false }, noResume).kind).toBe('skip');
    expect(planFor(field({ control: 'file', label: 'Cover letter', required: true }), ctx())).toMatchObject({ kind: 'ask', wantsFile: 'coverLetter' });
    expect(planFor(field({ control: 'file', label: 'Transcript', required: true }), ctx())).toMatchObject({ kind: 'ask', wantsFile: 'other' });
    const question = planFor(resume, noResume);
    if (question.kind === 'ask') expect(questionFor(resume, question, null)).toMatchObject({ wantsFile: 'resume', options: [], multiple: false });
  });
});
