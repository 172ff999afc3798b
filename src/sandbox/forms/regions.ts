/** "Where are you based?" as a hiring team groups the world, by time zone more than by country. */
export const BASED_IN_REGIONS = [
  'US - West (PT)',
  'US - Central (CT)',
  'US - East (ET)',
  'Canada',
  'Latin America',
  'Europe',
  'Middle East & Africa',
  'Asia-Pacific',
];
