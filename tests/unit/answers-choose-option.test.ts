import { describe, expect, it } from 'vitest';
import type { ProfileFields } from '~/shared/profile';
import { chooseOption, type Choice, type ChoiceRequest } from '../../worker/answers';
import { chooseOption as chooseOptionInMapper, planField, type AnswerKey } from '../../worker/browser/field-mapper';
import type { FieldDescriptor } from '../../worker/browser/read-fields';

const opts = (...labels: string[]) => labels.map((label) => ({ value: label, label }));
const NOW = new Date('2026-06-01T09:00:00Z');

function choose(key: AnswerKey, value: string, question: string, labels: string[], extra: Partial<ChoiceRequest> = {}): Choice {
  return chooseOption({ key, value, question, options: opts(...labels), now: NOW, ...extra });
}

/** The label chosen, 'ambiguous: a | b' for a tie, or 'none'. */
function outcome(choice: Choice): string {
  if (choice.kind === 'chosen') return choice.option.label;
  if (choice.kind === 'ambiguous') return `ambiguous: ${choice.candidates.map((c) => c.label).join(' | ')}`;
  return 'none';
}

const REGIONS = ['US - West (PT)', 'US - East (ET)', 'US - Central (CT)', 'Canada', 'Europe', 'Asia-Pacific'];

describe('the finding: a location matched to options by meaning', () => {
  it('"Portland, OR" for "Where are you based?" is "US - West (PT)"', () => {
    const choice = choose('location', 'Portland, OR', 'Where are you based?', REGIONS);
    expect(choice).toMatchObject({ kind: 'chosen', option: { label: 'US - West (PT)' } });
    expect(chooseOptionInMapper(opts(...REGIONS), 'location', 'Portland, OR', 'Where are you based?')?.label).toBe('US - West (PT)');
  });

  it('"Lisbon, Portugal" is "Europe", a Canadian city is "Canada"', () => {
    expect(outcome(choose('location', 'Lisbon, Portugal', 'Where are you based?', REGIONS))).toBe('Europe');
    expect(outcome(choose('location', 'Toronto, ON', 'Where are you based?', REGIONS))).toBe('Canada');
  });
});

describe('locations', () => {
  const based = 'Where are you based?';
  const sandbox = ['US - West (PT)', 'US - Central (CT)', 'US - East (ET)', 'Canada', 'Latin America', 'Europe', 'Middle East & Africa', 'Asia-Pacific'];
  it.each([
    ['Dubai', sandbox, 'Middle East & Africa'],
    ['Lagos, Nigeria', sandbox, 'Middle East & Africa'],
    ['Mexico City', sandbox, 'Latin America'],
    ['Pristina', sandbox, 'Europe'],
    ['Chicago', ['US - West (PT/MT)', 'US - East (ET/CT)'], 'US - East (ET/CT)'],
    ['San Francisco', ['CA', 'US', 'UK'], 'US'],
    ['San Francisco', ['United States - Remote OK', 'Canada - Remote OK'], 'United States - Remote OK'],
    ['Dallas, TX', ['Remote - TX', 'Remote - CA', 'Remote - NY'], 'Remote - TX'],
    ['Lisbon', ['Remote - US', 'Remote - Canada', 'Remote - PT'], 'Remote - PT'],
    ['London', ['UK', 'Ireland', 'Europe (excl. UK)'], 'UK'],
    ['Paris', ['UK', 'Ireland', 'Europe (excl. UK)'], 'Europe (excl. UK)'],
    ['Vancouver', ['US', 'Canada'], 'ambiguous: Canada | US'],
    ['Georgia', ['US', 'Canada', 'Europe'], 'ambiguous: US | Europe'],
    ['Miami', ['Arizona', 'California', 'Other US state', 'Outside the US'], 'Other US state'],
    ['Honolulu', ['US - West (PT)', 'US - Hawaii (HT)', 'US - Alaska (AKT)'], 'US - Hawaii (HT)'],
    ['Vancouver, BC', REGIONS, 'Canada'],
    ['Montréal', REGIONS, 'Canada'],
    ['Chicago, IL', REGIONS, 'US - Central (CT)'],
    ['Brooklyn, NY', REGIONS, 'US - East (ET)'],
    ['Seattle', REGIONS, 'US - West (PT)'],
    ['Singapore', REGIONS, 'Asia-Pacific'],
    ['Sydney, Australia', REGIONS, 'Asia-Pacific'],
    ['Remote - Berlin', REGIONS, 'Europe'],
    // Denver keeps Mountain time: not "West (PT)"; the form needs a human.
    ['Denver, CO', REGIONS, 'none'],
    // A country alone does not say which US zone.
    ['United States', REGIONS, 'none'],
    ['Portland', REGIONS, 'ambiguous: US - West (PT) | US - East (ET)'],
    ['Portland', ['United States', 'Canada', 'Europe'], 'United States'],
    ['Berlin, Germany', ['North America', 'EMEA', 'APAC', 'LATAM'], 'EMEA'],
    ['Bangalore', ['North America', 'EMEA', 'APAC', 'LATAM'], 'APAC'],
    ['São Paulo, Brazil', ['North America', 'EMEA', 'APAC', 'LATAM'], 'LATAM'],
    ['Austin, TX', ['North America', 'EMEA', 'APAC', 'LATAM'], 'North America'],
    ['Dubai', ['North America', 'EMEA', 'APAC', 'LATAM'], 'EMEA'],
    ['Mexico City', ['North America', 'EMEA', 'APAC', 'LATAM'], 'ambiguous: North America | LATAM'],
    ['Toronto', ['Americas', 'EMEA', 'APAC'], 'Americas'],
    ['Berlin', ['Europe', 'EMEA', 'Americas'], 'Europe'],
    ['Lisbon', ['EU', 'Europe', 'Rest of world'], 'EU'],
    ['London, UK', ['EU', 'Europe', 'North America'], 'Europe'],
    ['Dublin, Ireland', ['UK & Ireland', 'Europe', 'North America'], 'UK & Ireland'],
    ['Vienna', ['DACH', 'Nordics', 'Benelux', 'Other'], 'DACH'],
    ['Stockholm', ['DACH', 'Nordics', 'Benelux', 'Other'], 'Nordics'],
    ['Austin, TX', ['Remote (US)', 'Remote (Canada)', 'Remote (EMEA)'], 'Remote (US)'],
    ['Lisbon', ['United States', 'Outside the US'], 'Outside the US'],
    ['Seattle, WA', ['United States', 'Outside the US'], 'United States'],
    ['São Paulo', ['United States', 'Canada', 'United Kingdom', 'Other'], 'Other'],
    ['Palo Alto, CA', ['San Francisco Bay Area', 'Seattle', 'New York City', 'Remote'], 'San Francisco Bay Area'],
    ['Portland, Oregon', ['Portland, ME', 'Portland, OR', 'Seattle, WA'], 'Portland, OR'],
    ['Brooklyn', ['San Francisco, CA', 'New York, NY', 'London, UK'], 'New York, NY'],
    ['Salem, OR', ['Eugene, OR', 'Seattle, WA'], 'none'],
    ['Portland, OR', ['Portland, OR', 'Remote (US)'], 'Portland, OR'],
    ['Boise, ID', ['US - Pacific', 'US - Mountain', 'US - Central', 'US - Eastern'], 'US - Mountain'],
    ['Atlanta', ['Midwest', 'Northeast', 'South', 'West'], 'South'],
    ['Columbus, OH', ['Midwest', 'Northeast', 'South', 'West'], 'Midwest'],
    ['Halifax, NS', ['Western Canada', 'Central Canada', 'Atlantic Canada'], 'Atlantic Canada'],
    ['Kraków', ['Western Europe', 'Eastern Europe', 'Southern Europe'], 'Eastern Europe'],
    ['Hyderabad', ['India', 'Pakistan', 'Other'], 'ambiguous: India | Pakistan'],
    ['Paris, France', ['Germany', 'United Kingdom', 'United States'], 'none'],
  ])('%s in %j → %s', (value, labels, expected) => {
    expect(outcome(choose('location', value, based, labels))).toBe(expected);
  });

  it('reads the question: a country question wants the country, codes included', () => {
    expect(outcome(choose('location', 'Lisbon, Portugal', 'Country of residence', ['United States', 'Canada', 'Portugal', 'Germany']))).toBe('Portugal');
    expect(outcome(choose('location', 'Lisbon, Portugal', 'Country', ['US', 'CA', 'PT', 'DE']))).toBe('PT');
    expect(outcome(choose('location', 'Toronto, ON', 'Country', ['US', 'CA', 'PT', 'DE']))).toBe('CA');
    expect(outcome(choose('location', 'Austin, TX', 'Country of residence', ['United States', 'North America', 'Other']))).toBe('United States');
  });

  it('reads the question: a state question reads codes as states', () => {
    expect(outcome(choose('location', 'Portland, OR', 'State', ['CA', 'OR', 'WA']))).toBe('OR');
    expect(outcome(choose('location', 'Toronto', 'Province', ['British Columbia', 'Ontario', 'Quebec']))).toBe('Ontario');
  });

  it('reads the question: a time-zone question wants the zone', () => {
    const zones = ['Pacific Time (PT)', 'Mountain Time (MT)', 'Central Time (CT)', 'Eastern Time (ET)'];
    expect(outcome(choose('location', 'Portland, OR', 'Which time zone are you in?', zones))).toBe('Pacific Time (PT)');
    expect(outcome(choose('location', 'Phoenix, AZ', 'Which time zone are you in?', zones))).toBe('Mountain Time (MT)');
    expect(outcome(choose('location', 'Toronto', 'Which time zone are you in?', zones))).toBe('Eastern Time (ET)');
    const offsets = ['UTC-8', 'UTC-7', 'UTC-6', 'UTC-5'];
    expect(outcome(choose('location', 'Portland, OR', 'Your time zone', offsets))).toBe('UTC-8');
    expect(outcome(choose('location', 'Denver', 'Your time zone', offsets))).toBe('UTC-7');
    const europe = ['GMT', 'GMT+1', 'GMT+2'];
    expect(outcome(choose('location', 'Lisbon', 'Time zone', europe))).toBe('GMT');
    expect(outcome(choose('location', 'Berlin', 'Time zone', europe))).toBe('GMT+1');
    expect(outcome(choose('location', 'Athens', 'Time zone', ['WET', 'CET', 'EET']))).toBe('EET');
    expect(outcome(choose('location', 'Bangalore', 'Time zone', ['PST (UTC-8)', 'CET (UTC+1)', 'IST (UTC+5:30)']))).toBe('IST (UTC+5:30)');
    const windows = ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris', '(UTC+00:00) Dublin, Edinburgh, Lisbon, London'];
    expect(outcome(choose('location', 'Paris', 'Time zone', windows))).toBe('(UTC+01:00) Brussels, Copenhagen, Madrid, Paris');
    expect(outcome(choose('location', 'Lyon, France', 'Time zone', windows))).toBe('(UTC+01:00) Brussels, Copenhagen, Madrid, Paris');
  });

  it('answers a time zone written into a region option', () => {
    expect(outcome(choose('location', 'Madrid', based, ['Americas (UTC-8 to UTC-3)', 'Europe (CET ± 3 hours)', 'APAC']))).toBe('Europe (CET ± 3 hours)');
    expect(outcome(choose('location', 'Lima, Peru', based, ['Americas (UTC-8 to UTC-3)', 'Europe (CET ± 3 hours)', 'APAC']))).toBe('Americas (UTC-8 to UTC-3)');
  });

  it('answers yes/no questions about a place', () => {
    expect(outcome(choose('location', 'Austin, TX', 'Are you currently based in the United States?', ['Yes', 'No']))).toBe('Yes');
    expect(outcome(choose('location', 'Lisbon', 'Are you currently based in the United States?', ['Yes', 'No']))).toBe('No');
    expect(outcome(choose('location', 'Lisbon', 'Are you located in Europe?', ['Yes', 'No']))).toBe('Yes');
  });

  it('never answers citizenship from a location', () => {
    expect(choose('location', 'Lisbon, Portugal', 'Country of citizenship', ['Portugal', 'Spain']).kind).toBe('none');
  });

  it('falls back to the form\'s own spelling for places it does not know', () => {
    expect(outcome(choose('location', 'Atlantis', based, ['Atlantis', 'Lemuria']))).toBe('Atlantis');
  });
});

describe('years of experience', () => {
  const bands = ['0-1 years', '1-3 years', '3-5 years', '5-10 years', '10+ years'];
  it.each([
    ['7', bands, '5-10 years'],
    ['0', bands, '0-1 years'],
    ['2', bands, '1-3 years'],
    // Shared edges: "1-3" and "3-5" both include 3; the human decides.
    ['3', bands, 'ambiguous: 1-3 years | 3-5 years'],
    ['10', bands, 'ambiguous: 5-10 years | 10+ years'],
    ['25', bands, '10+ years'],
    ['3', ['Less than 1 year', '1 to less than 3 years', '3 to less than 5 years', '5+ years'], '3 to less than 5 years'],
    ['1', ['Less than 2', '2-4', '5+'], 'Less than 2'],
    ['2', ['Less than 2', '2-4', '5+'], '2-4'],
    ['5', ['0-2', '3-4', '5+'], '5+'],
    ['10', ['5-9', '10 or more'], '10 or more'],
    ['0', ['No experience', '1-2 years', '3+ years'], 'No experience'],
    ['1', ['Junior (0-2)', 'Mid (3-5)', 'Senior (6+)'], 'Junior (0-2)'],
    ['12', ['Junior (0-2)', 'Mid (3-5)', 'Senior (6+)'], 'Senior (6+)'],
    ['4', ['1–3 years', '4–6 years', '7+ years'], '4–6 years'],
    ['6', ['3 to 5', '6 to 10', 'over 10'], '6 to 10'],
    ['10', ['3 to 5', '6 to 10', 'over 10'], '6 to 10'],
    ['11', ['3 to 5', '6 to 10', 'over 10'], 'over 10'],
    ['0', ['Less than 6 months', '6 months - 1 year', '1-3 years'], 'Less than 6 months'],
    ['4', ['One to three years', 'Four to six years', 'Seven or more years'], 'Four to six years'],
    ['7', ['Entry level', 'Mid level', 'Senior'], 'none'],
    ['7', ['Select...', '6', '7', '8'], '7'],
  ])('%s years in %j → %s', (value, labels, expected) => {
    expect(outcome(choose('yearsOfExperience', value, 'Years of experience', labels))).toBe(expected);
  });
});

describe('yes/no eligibility', () => {
  const sponsorQ = 'Will you now or in the future require visa sponsorship?';
  const authQ = 'Are you legally authorized to work in the United States?';
  it.each([
    ['requiresSponsorship', 'no', sponsorQ, ['Yes', 'No'], 'No'],
    ['requiresSponsorship', 'yes', sponsorQ, ['Yes', 'No'], 'Yes'],
    ['workAuthorization', 'yes', authQ, ['Yes, I am authorized to work in the US', 'No, I am not authorized'], 'Yes, I am authorized to work in the US'],
    ['workAuthorization', 'no', authQ, ['Yes, I am authorized to work in the US', 'No, I am not authorized'], 'No, I am not authorized'],
    ['requiresSponsorship', 'no', 'Do you require sponsorship?', ['I will require sponsorship now or in the future', 'I will not require sponsorship'], 'I will not require sponsorship'],
    ['requiresSponsorship', 'yes', 'Do you require sponsorship?', ['I will require sponsorship now or in the future', 'I will not require sponsorship'], 'I will require sponsorship now or in the future'],
    ['requiresSponsorship', 'no', 'Do you need a visa to work here?', ['Yes, I need a visa', 'No, I do not need a visa'], 'No, I do not need a visa'],
    // "Authorized without sponsorship": the question's yes needs both facts.
    ['requiresSponsorship', 'no', 'Are you authorized to work in the US without sponsorship?', ['Yes', 'No'], 'Yes'],
    ['requiresSponsorship', 'yes', 'Are you authorized to work in the US without sponsorship?', ['Yes', 'No'], 'No'],
    ['workAuthorization', 'no', 'Are you authorized to work in the US without sponsorship?', ['Yes', 'No'], 'No'],
    ['workAuthorization', 'yes', 'I am authorized to work in the country where this job is located', ['True', 'False'], 'True'],
    ['requiresSponsorship', 'no', 'Do you require sponsorship?', ['I do', "I don't"], "I don't"],
    ['requiresSponsorship', 'no', sponsorQ, ['Yes', 'No', 'Prefer not to say'], 'No'],
    ['workAuthorization', 'yes', 'Do you have the right to work in the UK?', ['Yes', 'No'], 'Yes'],
    ['workAuthorization', 'yes', authQ, ['Yes, and I do not need sponsorship', 'Yes, but I will need sponsorship', 'No'], 'ambiguous: Yes, and I do not need sponsorship | Yes, but I will need sponsorship'],
    ['requiresSponsorship', 'no', sponsorQ, ['No sponsorship required', 'Sponsorship required'], 'No sponsorship required'],
  ] as const)('%s=%s, "%s" %j → %s', (key, value, question, labels, expected) => {
    expect(outcome(choose(key, value, question, [...labels]))).toBe(expected);
  });

  it('combines both facts when the caller has them', () => {
    const labels = ['Yes, and I do not need sponsorship', 'Yes, but I will need sponsorship', 'No'];
    expect(outcome(choose('workAuthorization', 'yes', authQ, labels, { facts: { requiresSponsorship: 'no' } }))).toBe('Yes, and I do not need sponsorship');
    expect(outcome(choose('workAuthorization', 'yes', authQ, labels, { facts: { requiresSponsorship: 'yes' } }))).toBe('Yes, but I will need sponsorship');
    const status = ['Authorized to work without sponsorship', 'Authorized, but will need sponsorship in the future', 'Not authorized to work', 'US citizen or permanent resident'];
    expect(outcome(choose('workAuthorization', 'yes', 'What is your work authorization status?', status, { facts: { requiresSponsorship: 'no' } }))).toBe(
      'Authorized to work without sponsorship',
    );
  });
});

describe('salary', () => {
  const q = 'What are your salary expectations?';
  it.each([
    ['95000', ['$80,000 - $100,000', '$100,000 - $120,000', '$120,000+'], '$80,000 - $100,000'],
    ['$130k', ['100k–120k', '120k–140k', '140k+'], '120k–140k'],
    ['$120k', ['100k–120k', '120k–140k', '140k+'], 'ambiguous: 100k–120k | 120k–140k'],
    ['€65,000', ['€40k-€60k', '€60k+'], '€60k+'],
    ['45000', ['Under $50k', '$50k - $80k', '$80k+'], 'Under $50k'],
    ['€70k', ['60-80k', '80-100k'], '60-80k'],
    ['$150,000', ['Less than $100,000', '$100,000 to $149,999', '$150,000 or more'], '$150,000 or more'],
    ['$120k', ['$100k - $150k', '$150k - $200k'], '$100k - $150k'],
    // No silent currency conversion.
    ['£95,000', ['$80,000 - $100,000', '$100,000+'], 'none'],
    ['€65,000', ['$60k-$80k', '$80k+'], 'none'],
    // Hourly options against a yearly figure.
    ['100000', ['$40-$50/hr', '$50-$60/hr'], 'none'],
    ['CA$110,000', ['C$100k-C$120k', 'US$100k-US$120k'], 'C$100k-C$120k'],
  ])('%s in %j → %s', (value, labels, expected) => {
    expect(outcome(choose('desiredSalary', value, q, labels))).toBe(expected);
  });

  it('reads options written in thousands under a question that says so', () => {
    expect(outcome(choose('desiredSalary', '$130k', 'Expected salary (USD, in thousands)', ['80-100', '100-120', '120-140']))).toBe('120-140');
  });
});

describe('start date', () => {
  const ladder = ['Immediately', 'Within 2 weeks', 'Within 1 month', '1-3 months', 'More than 3 months'];
  it.each([
    ['2026-06-01', ladder, 'Immediately'],
    ['2026-05-01', ladder, 'Immediately'],
    ['2026-06-10', ladder, 'Within 2 weeks'],
    ['2026-06-25', ladder, 'Within 1 month'],
    ['2026-08-15', ladder, '1-3 months'],
    ['2026-12-01', ladder, 'More than 3 months'],
    ['2026-07-20', ['Immediately', '2 weeks', '1 month', '2-3 months', '3+ months'], '2-3 months'],
    ['2026-06-20', ['2 weeks', '1 month'], '1 month'],
    ['2027-01-15', ['December 2026', 'January 2027', 'February 2027'], 'January 2027'],
    ['2027-02-10', ['Q4 2026', 'Q1 2027', 'Q2 2027'], 'Q1 2027'],
    ['2026-06-01', ['ASAP', 'In 1-2 weeks', 'In a month or more'], 'ASAP'],
    ['2026-06-20', ['Flexible', 'Negotiable'], 'none'],
  ])('%s in %j → %s', (value, labels, expected) => {
    expect(outcome(choose('earliestStartDate', value, 'When can you start?', labels))).toBe(expected);
  });
});

describe('phone calling codes', () => {
  it.each([
    ['+351 912 345 678', ['+1 United States', '+44 United Kingdom', '+351 Portugal'], '+351 Portugal'],
    ['+1 (503) 555-0100', ['Canada (+1)', 'United States (+1)', 'Mexico (+52)'], 'United States (+1)'],
    ['+1 416 555 0100', ['Canada (+1)', 'United States (+1)', 'Mexico (+52)'], 'Canada (+1)'],
    ['+44 20 7946 0000', ['United Kingdom (+44)', 'Jersey (+44)', 'Guernsey (+44)'], 'United Kingdom (+44)'],
    ['+49 30 1234567', ['+1', '+44', '+49'], '+49'],
    // Forms that write North American area codes into the calling code.
    ['+1 876 555 0100', ['United States (+1)', 'Jamaica (+1876)', 'Canada (+1)'], 'Jamaica (+1876)'],
    ['+1 503 555 0100', ['United States (+1)', 'Jamaica (+1876)', 'Canada (+1)'], 'United States (+1)'],
    ['+383 44 123 456', ['Serbia (+381)', 'Kosovo (+383)', 'Albania (+355)'], 'Kosovo (+383)'],
  ])('%s in %j → %s', (value, labels, expected) => {
    expect(outcome(choose('phone', value, 'Country code', labels))).toBe(expected);
  });

  it('reads ISO codes in option values', () => {
    const options = [{ value: 'ES', label: 'Spain' }, { value: 'PT', label: 'Portugal' }];
    expect(chooseOption({ key: 'phone', value: '+351 912 345 678', question: 'Country code', options })).toMatchObject({ kind: 'chosen', option: { value: 'PT' } });
  });
});

describe('everything else: text, as before', () => {
  it('matches equal text, then one option sharing a word, and never a placeholder', () => {
    expect(outcome(choose('currentCompany', 'Analytical Engines Ltd', 'Current company', ['Other', 'Analytical Engines Ltd']))).toBe('Analytical Engines Ltd');
    expect(outcome(choose('currentCompany', 'Analytical Engines', 'Current company', ['Select one', 'Analytical Engines Ltd', 'Babbage & Co']))).toBe('Analytical Engines Ltd');
    expect(choose('currentCompany', 'Acme', 'Current company', ['Select one', 'Other']).kind).toBe('none');
    expect(choose('currentCompany', '', 'Current company', ['Acme']).kind).toBe('none');
  });
});

describe('planning a choice field', () => {
  const profile: ProfileFields = {
    name: 'Ada Lovelace', firstName: '', lastName: '', email: 'ada@example.com', phone: '+1 503 555 0100', location: 'Portland, OR',
    linkedinUrl: '', githubUrl: '', websiteUrl: '', currentCompany: '', yearsOfExperience: 3, workAuthorization: 'yes', requiresSponsorship: 'no',
    desiredSalary: '$120k', earliestStartDate: '2026-06-15', resumeText: '', jobSources: [], savedAnswers: [],
  };
  const facts = { profile, coverLetter: null, hasResumeFile: true };
  const field = (over: Partial<FieldDescriptor>): FieldDescriptor => ({
    ref: 'f1', control: 'select', name: '', id: '', label: '', ariaLabel: '', placeholder: '', autocomplete: '', nearbyText: '', section: '',
    required: true, options: [], value: '', ...over,
  });

  it('chooses "US - West (PT)" for "Where are you based?"', () => {
    expect(planField(field({ label: 'Where are you based?', options: opts(...REGIONS) }), facts)).toEqual({
      kind: 'choose', key: 'location', option: { value: 'US - West (PT)', label: 'US - West (PT)' },
    });
  });

  it('asks about a tie, naming the options that fit first', () => {
    const plan = planField(field({ control: 'radio', label: 'Years of experience', options: opts('1-3 years', '3-5 years', '5+ years') }), facts);
    expect(plan).toEqual({ kind: 'ask', reason: 'two or more options fit your years of experience (3): "1-3 years", "3-5 years"', suggestion: null });
  });

  it('asks when nothing fits and the field is required, skips it otherwise', () => {
    const europe = opts('Europe', 'Asia-Pacific');
    expect(planField(field({ label: 'Where are you based?', options: europe }), facts)).toMatchObject({ kind: 'ask', reason: 'no option matches your location (Portland, OR)' });
    expect(planField(field({ label: 'Where are you based?', options: europe, required: false }), facts)).toMatchObject({ kind: 'skip' });
  });
});
