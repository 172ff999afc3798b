import { CITY_ROWS } from './cities';
import { COUNTRY_RECORDS } from './countries';
import { SUBDIVISIONS } from './subdivisions';
import type { City, Continent, Country, CountryRecord, Region, Subdivision, Subregion } from './types';

const CONTINENT_OF: Record<Subregion, Continent> = {
  'Northern Africa': 'Africa', 'Eastern Africa': 'Africa', 'Middle Africa': 'Africa', 'Southern Africa': 'Africa', 'Western Africa': 'Africa',
  Caribbean: 'North America', 'Central America': 'North America', 'Northern America': 'North America', 'South America': 'South America',
  'Central Asia': 'Asia', 'Eastern Asia': 'Asia', 'South-eastern Asia': 'Asia', 'Southern Asia': 'Asia', 'Western Asia': 'Asia',
  'Eastern Europe': 'Europe', 'Northern Europe': 'Europe', 'Southern Europe': 'Europe', 'Western Europe': 'Europe',
  'Australia and New Zealand': 'Oceania', Melanesia: 'Oceania', Micronesia: 'Oceania', Polynesia: 'Oceania', Antarctica: 'Antarctica',
};

/**
 * Western Asia is split by how companies draw their regions: Cyprus (EU), Türkiye and the
 * Caucasus sit in Europe; the Gulf and the Levant in the Middle East. Iran is Southern Asia to the UN
 * and Middle East to everyone hiring.
 */
const REGION_OVERRIDES: Readonly<Record<string, Region>> = { CY: 'Europe', TR: 'Europe', GE: 'Europe', AM: 'Europe', AZ: 'Europe', IR: 'Middle East & Africa' };

function regionOf(record: CountryRecord, continent: Continent): Region {
  const override = REGION_OVERRIDES[record.code];
  if (override) return override;
  switch (continent) {
    case 'Europe':
      return 'Europe';
    case 'Africa':
      return 'Middle East & Africa';
    case 'South America':
      return 'Latin America';
    case 'North America':
      return record.subregion === 'Northern America' ? 'North America' : 'Latin America';
    case 'Asia':
      return record.subregion === 'Western Asia' ? 'Middle East & Africa' : 'Asia-Pacific';
    case 'Oceania':
      return 'Asia-Pacific';
    case 'Antarctica':
      return 'Antarctica';
  }
}

export const COUNTRIES: readonly Country[] = COUNTRY_RECORDS.map((record) => {
  const continent = CONTINENT_OF[record.subregion];
  return { ...record, continent, region: regionOf(record, continent) };
});

const byCode = new Map<string, Country>();
for (const country of COUNTRIES) {
  byCode.set(country.code, country);
  byCode.set(country.code3, country);
}

/** By ISO alpha-2 or alpha-3, any case. */
export function countryByCode(code: string): Country | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/** For code known to be in the table (data written in this folder). */
export function countryOf(code: string): Country {
  const country = countryByCode(code);
  if (!country) throw new Error(`gazetteer: no country ${code}`);
  return country;
}

export { SUBDIVISIONS };

/** "US-OR", "CA-ON", "AU-NSW". */
export const subdivisionKey = (s: Pick<Subdivision, 'country' | 'code'>): string => `${s.country}-${s.code}`;

const subdivisionsByKey = new Map(SUBDIVISIONS.map((s) => [subdivisionKey(s), s]));

export function subdivisionByKey(key: string): Subdivision | undefined {
  return subdivisionsByKey.get(key);
}

function toCity([name, country, state = '', zone = '', aliases = []]: (typeof CITY_ROWS)[number]): City {
  const subdivision = state ? subdivisionByKey(`${country}-${state}`) : undefined;
  const timeZone = zone || subdivision?.timeZone || countryOf(country).timeZone;
  if (!timeZone) throw new Error(`gazetteer: ${name}, ${country} needs a zone: its country spans several`);
  return { name, country, state: state || null, timeZone, aliases };
}

export const CITIES: readonly City[] = CITY_ROWS.map(toCity);

/** One city, whatever its spelling: "US-OR-Portland". */
export const cityKey = (c: Pick<City, 'country' | 'state' | 'name'>): string => `${c.country}-${c.state ?? ''}-${c.name}`;
