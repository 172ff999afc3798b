/** Benefits a posting picks a handful from; pay is added per posting, not here. */
export const BENEFITS: readonly string[] = [
  '28 days of paid vacation plus public holidays',
  'Unlimited paid time off with a 20-day minimum we actually track',
  'Private health, dental and vision insurance for you and your dependants',
  'A yearly learning budget for books, courses and conferences',
  'Equity in the company through stock options',
  'A home-office budget and a new laptop of your choice',
  'Sixteen weeks of fully paid parental leave for every parent',
  'Flexible working hours built around a few core hours',
  'A monthly wellbeing allowance for sport, therapy or childcare',
  'A four-day work week every other Friday in summer',
  'Retirement plan with a 4% employer match',
  'Two company-wide offsites a year',
  'A sabbatical month after four years',
  'Subsidised public transport or bike leasing',
  'Visa sponsorship and relocation support where the role allows',
];
