import { CITIES, COUNTRIES, cityKey, SUBDIVISIONS } from './lookup';
import { zoneGroupsOf } from './time-zones';
import type { Country } from './types';

/** A region made of whole countries: "Europe", "EMEA", "LATAM", "DACH". */
export interface CountryArea {
  name: string;
  /** Lower-case spellings. */
  phrases: readonly string[];
  /** Written in capitals only ("EU" but not "eu", which is a Portuguese word). */
  codes: readonly string[];
  countries: ReadonlySet<string>;
}

/** A region made of states or provinces: "US - West", "Midwest", "Atlantic Canada". */
export interface StateBucket {
  name: string;
  country: 'US' | 'CA';
  /** Subdivision keys, "US-OR". */
  states: ReadonlySet<string>;
  /** Names that say the country themselves ("Midwest", "Atlantic Canada"); the rest need an anchor. */
  phrases: readonly string[];
}

/** A metro area made of cities: "Bay Area", "Silicon Valley". */
export interface CityArea {
  name: string;
  phrases: readonly string[];
  /** City keys. */
  cities: ReadonlySet<string>;
}

const EU = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  // Outermost regions and Åland, EU territory with ISO codes of their own.
  'AX', 'GF', 'GP', 'MQ', 'RE', 'YT', 'MF'];
const MIDDLE_EAST = ['AE', 'BH', 'EG', 'IL', 'IQ', 'IR', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'YE'];
const MAGHREB = ['DZ', 'LY', 'MA', 'TN', 'EH'];
const CEE = ['BG', 'CZ', 'HU', 'PL', 'RO', 'SK', 'SI', 'HR', 'EE', 'LV', 'LT', 'BA', 'RS', 'ME', 'MK', 'AL', 'XK', 'UA', 'MD', 'BY'];
const BALKANS = ['AL', 'BA', 'BG', 'HR', 'ME', 'MK', 'RS', 'SI', 'XK'];
const BALTICS = ['EE', 'LV', 'LT'];

const where = (test: (c: Country) => boolean): Set<string> => new Set(COUNTRIES.filter(test).map((c) => c.code));
const codes = (list: readonly string[]): Set<string> => new Set(list);
const inEurope = (c: Country) => c.region === 'Europe' || c.continent === 'Europe';

// The EU's outermost regions (Réunion, Guadeloupe…) count as Europe: the EU must lie inside it.
const EUROPE = new Set([...where(inEurope), ...EU]);

function area(name: string, phrases: readonly string[], countries: Set<string>, capitals: readonly string[] = []): CountryArea {
  return { name, phrases, codes: capitals, countries };
}

export const COUNTRY_AREAS: readonly CountryArea[] = [
  area('Europe', ['europe', 'european', 'continental europe', 'europe region', 'european region', 'european countries', 'rest of europe'], EUROPE),
  area('European Union', ['european union', 'eu countries', 'eu member states', 'eu member state', 'eu27', 'eu 27'], codes(EU), ['EU']),
  area('European Economic Area', ['european economic area'], codes([...EU, 'IS', 'LI', 'NO']), ['EEA']),
  area('EMEA', ['emea', 'europe middle east and africa', 'europe middle east africa', 'europe the middle east and africa', 'emea region'],
    new Set([...EUROPE, ...where((c) => c.region === 'Middle East & Africa')]), ['EMEA']),
  area('Middle East & Africa', ['middle east and africa', 'middle east africa', 'africa and middle east', 'africa and the middle east', 'mea'],
    where((c) => c.region === 'Middle East & Africa'), ['MEA']),
  area('Middle East', ['middle east', 'mideast', 'the middle east'], codes(MIDDLE_EAST)),
  area('MENA', ['mena', 'middle east and north africa', 'mena region'], codes([...MIDDLE_EAST, ...MAGHREB]), ['MENA']),
  area('GCC', ['gcc', 'gulf cooperation council', 'gulf states', 'gulf region', 'gulf countries', 'the gulf'], codes(['AE', 'BH', 'KW', 'OM', 'QA', 'SA']), ['GCC']),
  area('Africa', ['africa', 'african continent', 'rest of africa'], where((c) => c.continent === 'Africa')),
  area('Sub-Saharan Africa', ['sub saharan africa', 'subsaharan africa'], where((c) => c.continent === 'Africa' && c.subregion !== 'Northern Africa'), ['SSA']),
  area('North Africa', ['north africa', 'northern africa'], where((c) => c.subregion === 'Northern Africa')),
  area('West Africa', ['west africa', 'western africa'], where((c) => c.subregion === 'Western Africa')),
  area('East Africa', ['east africa', 'eastern africa'], where((c) => c.subregion === 'Eastern Africa')),
  area('Southern Africa', ['southern africa'], where((c) => c.subregion === 'Southern Africa')),
  area('Central Africa', ['central africa', 'middle africa'], where((c) => c.subregion === 'Middle Africa')),
  area('Asia-Pacific', ['apac', 'asia pacific', 'asiapac', 'asia pac', 'asia and pacific', 'asia and the pacific', 'apj', 'asia pacific and japan', 'apac region'],
    where((c) => c.region === 'Asia-Pacific'), ['APAC', 'APJ']),
  area('Asia', ['asia', 'rest of asia'], where((c) => c.continent === 'Asia')),
  area('Southeast Asia', ['southeast asia', 'south east asia', 'asean', 'sea region'], where((c) => c.subregion === 'South-eastern Asia'), ['ASEAN']),
  area('South Asia', ['south asia', 'southern asia', 'indian subcontinent'], codes(['AF', 'BD', 'BT', 'IN', 'MV', 'NP', 'PK', 'LK'])),
  area('East Asia', ['east asia', 'eastern asia', 'far east'], where((c) => c.subregion === 'Eastern Asia')),
  area('Central Asia', ['central asia'], where((c) => c.subregion === 'Central Asia')),
  area('Western Asia', ['western asia', 'west asia'], where((c) => c.subregion === 'Western Asia')),
  area('Oceania', ['oceania', 'australasia', 'pacific islands'], where((c) => c.continent === 'Oceania')),
  area('Australia and New Zealand', ['anz', 'australia and new zealand', 'australia new zealand', 'aus and nz', 'au and nz', 'aunz', 'anz region', 'new zealand and australia'],
    codes(['AU', 'NZ']), ['ANZ']),
  area('Latin America', ['latam', 'latin america', 'latinoamerica', 'latin america and the caribbean', 'lat am', 'south and central america', 'central and south america'],
    where((c) => c.region === 'Latin America'), ['LATAM', 'LAC']),
  area('South America', ['south america', 'southern america'], where((c) => c.subregion === 'South America')),
  area('Central America', ['central america'], where((c) => c.subregion === 'Central America' && c.code !== 'MX')),
  area('Caribbean', ['caribbean', 'the caribbean', 'west indies', 'caribbean islands'], where((c) => c.subregion === 'Caribbean')),
  // In hiring, North America is the US and Canada with Mexico; the Caribbean and Central America are LATAM.
  area('North America', ['north america', 'northern america', 'noram', 'namer', 'n america', 'north american'], codes(['US', 'CA', 'MX', 'BM', 'GL', 'PM']), ['NORAM', 'NAMER']),
  area('Americas', ['americas', 'the americas', 'amer', 'amers', 'north and south america', 'american continent'],
    where((c) => c.continent === 'North America' || c.continent === 'South America'), ['AMER', 'AMS']),
  area('Nordics', ['nordics', 'nordic', 'nordic countries', 'nordic region', 'nordic states'], codes(['DK', 'FI', 'IS', 'NO', 'SE', 'FO', 'AX'])),
  area('Scandinavia', ['scandinavia', 'scandinavian countries', 'scandinavian'], codes(['DK', 'NO', 'SE'])),
  area('Benelux', ['benelux'], codes(['BE', 'NL', 'LU'])),
  area('DACH', ['dach', 'dach region'], codes(['DE', 'AT', 'CH']), ['DACH']),
  area('Baltics', ['baltics', 'baltic states', 'baltic countries', 'baltic region', 'baltic'], codes(BALTICS)),
  area('Balkans', ['balkans', 'western balkans', 'balkan', 'balkan countries'], codes(BALKANS)),
  area('Iberia', ['iberia', 'iberian peninsula', 'spain and portugal'], codes(['ES', 'PT', 'AD', 'GI'])),
  area('UK and Ireland', ['uk and ireland', 'uk and i', 'uki', 'uk ireland', 'british isles', 'great britain and ireland', 'ireland and uk', 'ireland and the uk'],
    codes(['GB', 'IE', 'IM', 'JE', 'GG']), ['UKI']),
  area('Central and Eastern Europe', ['cee', 'central and eastern europe', 'central eastern europe', 'eastern europe', 'east europe', 'eastern european'], codes(CEE), ['CEE']),
  area('Central Europe', ['central europe', 'central european'], codes(['DE', 'AT', 'CH', 'LI', 'PL', 'CZ', 'SK', 'HU', 'SI'])),
  // The political sense: Europe outside the former Eastern bloc, Lisbon and Dublin included.
  area('Western Europe', ['western europe', 'west europe', 'western european'],
    where((c) => c.continent === 'Europe' && !CEE.includes(c.code) && c.subregion !== 'Eastern Europe')),
  area('Northern Europe', ['northern europe', 'north europe'], where((c) => c.subregion === 'Northern Europe')),
  area('Southern Europe', ['southern europe', 'south europe', 'mediterranean'], where((c) => c.subregion === 'Southern Europe')),
];

/** States by the group of the zone most of their people keep: "US - Central" is the CT states. */
function statesKeeping(zoneKey: string): string[] {
  return SUBDIVISIONS.filter((s) => s.country === 'US' && zoneGroupsOf(s.timeZone).some((g) => g.key === zoneKey)).map((s) => s.code);
}

function bucket(name: string, country: 'US' | 'CA', states: readonly string[], phrases: readonly string[] = []): StateBucket {
  return { name, country, states: new Set(states.map((s) => `${country}-${s}`)), phrases };
}

// Census regions and divisions, and the buckets forms use.
const WEST = ['WA', 'OR', 'CA', 'NV', 'ID', 'MT', 'WY', 'UT', 'CO', 'AZ', 'NM', 'AK', 'HI'];
const MIDWEST = ['ND', 'SD', 'NE', 'KS', 'MN', 'IA', 'MO', 'WI', 'IL', 'IN', 'MI', 'OH'];
const SOUTH = ['DE', 'MD', 'DC', 'VA', 'WV', 'NC', 'SC', 'GA', 'FL', 'KY', 'TN', 'AL', 'MS', 'AR', 'LA', 'OK', 'TX'];
const NORTHEAST = ['ME', 'NH', 'VT', 'MA', 'RI', 'CT', 'NY', 'NJ', 'PA'];

export const STATE_BUCKETS: readonly StateBucket[] = [
  bucket('US West', 'US', WEST),
  bucket('US Midwest', 'US', MIDWEST, ['midwest', 'mid west', 'midwestern', 'the midwest']),
  bucket('US South', 'US', SOUTH),
  bucket('US Northeast', 'US', NORTHEAST),
  bucket('US East', 'US', statesKeeping('ET')),
  bucket('US Central', 'US', statesKeeping('CT')),
  bucket('US Mountain', 'US', statesKeeping('MT')),
  bucket('US Pacific', 'US', statesKeeping('PT')),
  bucket('US West Coast', 'US', ['CA', 'OR', 'WA'], ['west coast', 'westcoast']),
  bucket('US East Coast', 'US', ['ME', 'NH', 'MA', 'RI', 'CT', 'NY', 'NJ', 'PA', 'DE', 'MD', 'DC', 'VA', 'NC', 'SC', 'GA', 'FL'], ['east coast', 'eastcoast']),
  bucket('US Southeast', 'US', ['AL', 'FL', 'GA', 'KY', 'MS', 'NC', 'SC', 'TN', 'VA', 'WV', 'AR', 'LA']),
  bucket('US Southwest', 'US', ['AZ', 'NM', 'TX', 'OK', 'NV']),
  bucket('US Northwest', 'US', ['WA', 'OR', 'ID'], ['pacific northwest', 'pnw', 'the pacific northwest']),
  bucket('New England', 'US', ['CT', 'ME', 'MA', 'NH', 'RI', 'VT'], ['new england']),
  bucket('Mid-Atlantic', 'US', ['NY', 'NJ', 'PA', 'DE', 'MD', 'DC'], ['mid atlantic', 'midatlantic']),
  bucket('Western Canada', 'CA', ['BC', 'AB', 'SK', 'MB'], ['western canada', 'west canada']),
  bucket('Eastern Canada', 'CA', ['ON', 'QC', 'NB', 'NS', 'PE', 'NL'], ['eastern canada', 'east canada']),
  bucket('Central Canada', 'CA', ['ON', 'QC'], ['central canada']),
  bucket('Atlantic Canada', 'CA', ['NB', 'NS', 'PE', 'NL'], ['atlantic canada']),
  bucket('Maritimes', 'CA', ['NB', 'NS', 'PE'], ['maritimes', 'the maritimes', 'maritime provinces']),
  bucket('Prairies', 'CA', ['AB', 'SK', 'MB'], ['prairies', 'the prairies', 'prairie provinces']),
  bucket('Northern Canada', 'CA', ['YT', 'NT', 'NU'], ['northern canada', 'canadian north']),
];

/** What a compass word means next to each anchor; `zone` when it stands alone ("Eastern", "Pacific"). */
export interface DirectionMeaning {
  US?: string;
  CA?: string;
  Europe?: string;
  Asia?: string;
  Africa?: string;
  zone?: string;
}

const WESTWARD: DirectionMeaning = { US: 'US West', CA: 'Western Canada', Europe: 'Western Europe', Asia: 'Western Asia', Africa: 'West Africa' };
const EASTWARD: DirectionMeaning = { US: 'US East', CA: 'Eastern Canada', Europe: 'Central and Eastern Europe', Asia: 'East Asia', Africa: 'East Africa' };
const SOUTHWARD: DirectionMeaning = { US: 'US South', Europe: 'Southern Europe', Asia: 'South Asia', Africa: 'Southern Africa' };
const NORTHWARD: DirectionMeaning = { US: 'US Northeast', CA: 'Northern Canada', Europe: 'Northern Europe', Africa: 'North Africa' };

export const DIRECTIONS: Readonly<Record<string, DirectionMeaning>> = {
  west: WESTWARD,
  western: WESTWARD,
  east: EASTWARD,
  eastern: { ...EASTWARD, zone: 'ET' },
  central: { US: 'US Central', CA: 'Central Canada', Europe: 'Central Europe', Asia: 'Central Asia', Africa: 'Central Africa', zone: 'CT' },
  south: SOUTHWARD,
  southern: SOUTHWARD,
  north: NORTHWARD,
  northern: NORTHWARD,
  northeast: { US: 'US Northeast' },
  'north east': { US: 'US Northeast' },
  northeastern: { US: 'US Northeast' },
  northwest: { US: 'US Northwest' },
  'north west': { US: 'US Northwest' },
  northwestern: { US: 'US Northwest' },
  southeast: { US: 'US Southeast', Asia: 'Southeast Asia' },
  'south east': { US: 'US Southeast', Asia: 'Southeast Asia' },
  southeastern: { US: 'US Southeast', Asia: 'Southeast Asia' },
  southwest: { US: 'US Southwest' },
  'south west': { US: 'US Southwest' },
  southwestern: { US: 'US Southwest' },
  mountain: { US: 'US Mountain', zone: 'MT' },
  pacific: { US: 'US Pacific', zone: 'PT' },
  atlantic: { CA: 'Atlantic Canada', zone: 'AT' },
};

function metro(name: string, phrases: readonly string[], members: readonly (readonly [string, string, string])[]): CityArea {
  const keys = members.map(([city, country, state]) => cityKey({ name: city, country, state }));
  for (const key of keys) {
    if (!CITIES.some((c) => cityKey(c) === key)) throw new Error(`gazetteer: ${name} lists unknown city ${key}`);
  }
  return { name, phrases, cities: new Set(keys) };
}

const bay = (city: string) => [city, 'US', 'CA'] as const;

export const CITY_AREAS: readonly CityArea[] = [
  metro('San Francisco Bay Area', ['bay area', 'sf bay area', 'san francisco bay area', 'silicon valley', 'the bay area', 'norcal bay area'],
    ['San Francisco', 'Oakland', 'San Jose', 'Palo Alto', 'Mountain View', 'Sunnyvale', 'Santa Clara', 'Menlo Park', 'Cupertino', 'Berkeley', 'Fremont',
      'Redwood City', 'San Mateo'].map(bay)),
  metro('Southern California', ['southern california', 'socal', 'so cal', 'greater los angeles', 'la area'],
    ['Los Angeles', 'San Diego', 'Irvine', 'Santa Monica', 'Pasadena', 'Long Beach', 'Anaheim', 'Riverside', 'Santa Barbara'].map(bay)),
  metro('New York metro', ['new york metro', 'new york metropolitan area', 'nyc metro', 'nyc metro area', 'tri state area', 'tristate area', 'greater new york'],
    [['New York', 'US', 'NY'], ['Jersey City', 'US', 'NJ'], ['Newark', 'US', 'NJ'], ['Hoboken', 'US', 'NJ'], ['Stamford', 'US', 'CT']]),
  metro('Seattle area', ['greater seattle', 'seattle area', 'puget sound', 'seattle metro'],
    [['Seattle', 'US', 'WA'], ['Bellevue', 'US', 'WA'], ['Redmond', 'US', 'WA'], ['Kirkland', 'US', 'WA'], ['Tacoma', 'US', 'WA']]),
  metro('Research Triangle', ['research triangle', 'the triangle', 'raleigh durham', 'rtp'],
    [['Raleigh', 'US', 'NC'], ['Durham', 'US', 'NC'], ['Chapel Hill', 'US', 'NC']]),
  metro('Washington metro', ['dmv', 'dc metro', 'dc metro area', 'washington metro', 'dc area', 'washington dc metro'],
    [['Washington', 'US', 'DC'], ['Arlington', 'US', 'VA'], ['Reston', 'US', 'VA']]),
];

