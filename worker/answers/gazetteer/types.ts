/** UN M49 subregions: the one geographic fact every country has, from which the rest is derived. */
export type Subregion =
  | 'Northern Africa' | 'Eastern Africa' | 'Middle Africa' | 'Southern Africa' | 'Western Africa'
  | 'Caribbean' | 'Central America' | 'South America' | 'Northern America'
  | 'Central Asia' | 'Eastern Asia' | 'South-eastern Asia' | 'Southern Asia' | 'Western Asia'
  | 'Eastern Europe' | 'Northern Europe' | 'Southern Europe' | 'Western Europe'
  | 'Australia and New Zealand' | 'Melanesia' | 'Micronesia' | 'Polynesia' | 'Antarctica';

export type Continent = 'Africa' | 'Antarctica' | 'Asia' | 'Europe' | 'North America' | 'Oceania' | 'South America';

/** The business regions hiring forms use ("EMEA" is Europe plus Middle East & Africa). */
export type Region = 'North America' | 'Latin America' | 'Europe' | 'Middle East & Africa' | 'Asia-Pacific' | 'Antarctica';

/** One ISO 3166-1 entry as written in countries.ts. */
export interface CountryRecord {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** ISO 3166-1 alpha-3. */
  code3: string;
  name: string;
  /** Other names people write: short forms, native names, former names, ISO's formal name. */
  aliases: readonly string[];
  /** ITU calling code with its plus, e.g. "+351". Countries sharing +1, +7, +44… each carry it. */
  callingCode: string;
  subregion: Subregion;
  /** IANA zones in the country, the main one first (from tzdata's zone.tab). */
  timeZones: readonly string[];
  /** The zone nearly everyone lives in; null when the country spans several offsets (US, Russia, Brazil…). */
  timeZone: string | null;
}

export interface Country extends CountryRecord {
  continent: Continent;
  region: Region;
}

export type SubdivisionKind = 'state' | 'district' | 'province' | 'territory';

/** A US state (or DC), Canadian province or territory, or Australian state or territory. */
export interface Subdivision {
  country: 'US' | 'CA' | 'AU';
  /** Postal code: "OR", "ON", "NSW". */
  code: string;
  name: string;
  aliases: readonly string[];
  kind: SubdivisionKind;
  /** Where most people live; split states list their other zones after it. */
  timeZone: string;
  timeZones: readonly string[];
  capital: string;
}

export interface City {
  name: string;
  /** ISO alpha-2. */
  country: string;
  /** Subdivision code for US, Canadian and Australian cities, null elsewhere. */
  state: string | null;
  timeZone: string;
  aliases: readonly string[];
}
