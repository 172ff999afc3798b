/** Where a posting is based, and what that implies for pay and work authorisation. */
export interface Location {
  label: string;
  remote: boolean;
  /** Finishes "Are you legally authorized to work in …?". */
  workCountry: string;
  currency: string;
  /** Local pay for a role paid 1 USD in the United States, in the local currency. */
  payFactor: number;
  /** Salaries round to this many units (100,000 yen is a natural step; 1,000 euros is another). */
  payStep: number;
  /** How often this location comes up, relative to the others. */
  weight: number;
}

const place = (
  label: string,
  workCountry: string,
  currency: string,
  payFactor: number,
  weight: number,
  payStep = 1000,
): Location => ({ label, remote: label.startsWith('Remote'), workCountry, currency, payFactor, payStep, weight });

export const LOCATIONS: readonly Location[] = [
  place('Remote', 'the country you live in', 'USD', 0.9, 6),
  place('Remote (US)', 'the United States', 'USD', 0.95, 6),
  place('Remote (EU)', 'the European Union', 'EUR', 0.6, 6),
  place('Remote (UK)', 'the United Kingdom', 'GBP', 0.6, 2),
  place('Remote (Canada)', 'Canada', 'CAD', 1.05, 2),
  place('New York, NY, United States', 'the United States', 'USD', 1.12, 4),
  place('San Francisco, CA, United States', 'the United States', 'USD', 1.15, 4),
  place('Austin, TX, United States', 'the United States', 'USD', 0.95, 3),
  place('Seattle, WA, United States', 'the United States', 'USD', 1.05, 3),
  place('Boston, MA, United States', 'the United States', 'USD', 1.0, 2),
  place('Toronto, ON, Canada', 'Canada', 'CAD', 1.05, 3),
  place('Vancouver, BC, Canada', 'Canada', 'CAD', 1.0, 2),
  place('London, United Kingdom', 'the United Kingdom', 'GBP', 0.65, 4),
  place('Manchester, United Kingdom', 'the United Kingdom', 'GBP', 0.55, 1),
  place('Dublin, Ireland', 'Ireland', 'EUR', 0.7, 2),
  place('Berlin, Germany', 'Germany', 'EUR', 0.65, 4),
  place('Munich, Germany', 'Germany', 'EUR', 0.7, 2),
  place('Amsterdam, Netherlands', 'the Netherlands', 'EUR', 0.65, 3),
  place('Paris, France', 'France', 'EUR', 0.6, 2),
  place('Barcelona, Spain', 'Spain', 'EUR', 0.45, 2),
  place('Lisbon, Portugal', 'Portugal', 'EUR', 0.4, 2),
  place('Stockholm, Sweden', 'Sweden', 'SEK', 6.2, 2, 10_000),
  place('Warsaw, Poland', 'Poland', 'PLN', 2.2, 2),
  place('Zurich, Switzerland', 'Switzerland', 'CHF', 1.0, 1),
  place('Sydney, Australia', 'Australia', 'AUD', 1.25, 2),
  place('Singapore', 'Singapore', 'SGD', 1.05, 1),
  place('Bangalore, India', 'India', 'INR', 26, 2, 100_000),
  place('Tokyo, Japan', 'Japan', 'JPY', 105, 1, 100_000),
];
