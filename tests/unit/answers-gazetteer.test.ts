import { describe, expect, it } from 'vitest';
import { CITY_AREAS, COUNTRY_AREAS } from '../../worker/answers/gazetteer/areas';
import { CITIES, COUNTRIES, SUBDIVISIONS, cityKey, countryByCode } from '../../worker/answers/gazetteer/lookup';
import { callingCodeOf, countriesWithCallingCode, splitPhone } from '../../worker/answers/gazetteer/phone';
import { placeOf } from '../../worker/answers/gazetteer/place';
import { ZONE_GROUPS, abbreviationsOf, offsetsOf } from '../../worker/answers/gazetteer/time-zones';

const cityNamed = (name: string, country: string) => CITIES.find((c) => c.name === name && c.country === country);

describe('the gazetteer data', () => {
  it('has every ISO 3166-1 country once, and Kosovo, with well-formed codes', () => {
    expect(COUNTRIES).toHaveLength(250);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(250);
    expect(new Set(COUNTRIES.map((c) => c.code3)).size).toBe(250);
    expect(countryByCode('XK')).toMatchObject({ name: 'Kosovo', callingCode: '+383', region: 'Europe' });
    for (const c of COUNTRIES) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.code3).toMatch(/^[A-Z]{3}$/);
      expect(c.callingCode, c.name).toMatch(/^\+\d{1,4}$/);
    }
  });

  it('gives every country zones Intl knows, and a main zone among them where there is one', () => {
    for (const c of COUNTRIES) {
      for (const zone of c.timeZones) expect(offsetsOf(zone), `${c.name}: ${zone}`).not.toBeNull();
      if (c.timeZone) expect(c.timeZones, c.name).toContain(c.timeZone);
    }
    expect(countryByCode('US')?.timeZone).toBeNull();
    expect(countryByCode('PT')?.timeZone).toBe('Europe/Lisbon');
    expect(countryByCode('DE')?.timeZones).toEqual(['Europe/Berlin', 'Europe/Busingen']);
  });

  it.each([
    ['PT', 'Europe', 'Europe'], ['DE', 'Europe', 'Europe'], ['GB', 'Europe', 'Europe'], ['TR', 'Asia', 'Europe'], ['IR', 'Asia', 'Middle East & Africa'],
    ['AE', 'Asia', 'Middle East & Africa'], ['EG', 'Africa', 'Middle East & Africa'], ['MX', 'North America', 'Latin America'], ['BR', 'South America', 'Latin America'],
    ['US', 'North America', 'North America'], ['CA', 'North America', 'North America'], ['SG', 'Asia', 'Asia-Pacific'], ['AU', 'Oceania', 'Asia-Pacific'],
    ['IN', 'Asia', 'Asia-Pacific'], ['JM', 'North America', 'Latin America'],
  ])('%s is in %s, region %s', (code, continent, region) => {
    expect(countryByCode(code)).toMatchObject({ continent, region });
  });

  it('knows aliases and alpha-3 codes', () => {
    expect(countryByCode('prt')?.name).toBe('Portugal');
    expect(countryByCode('GBR')?.aliases).toEqual(expect.arrayContaining(['UK', 'Great Britain']));
    expect(countryByCode('DE')?.aliases).toContain('Deutschland');
    expect(countryByCode('US')?.aliases).toEqual(expect.arrayContaining(['USA', 'United States of America']));
  });

  it('has the 50 states and DC, and Canada\'s 13 provinces and territories, with capitals and zones', () => {
    const us = SUBDIVISIONS.filter((s) => s.country === 'US');
    const canada = SUBDIVISIONS.filter((s) => s.country === 'CA');
    expect(us).toHaveLength(51);
    expect(canada).toHaveLength(13);
    expect(canada.filter((s) => s.kind === 'territory').map((s) => s.code).sort()).toEqual(['NT', 'NU', 'YT']);
    for (const s of SUBDIVISIONS) {
      for (const zone of s.timeZones) expect(countryByCode(s.country)?.timeZones, `${s.name}: ${zone}`).toContain(zone);
      const capital = CITIES.find((c) => c.name === s.capital && c.country === s.country && c.state === s.code);
      expect(capital, `capital of ${s.name}`).toBeDefined();
    }
  });

  it('lists hundreds of cities, the tech hubs among them, each with a zone of its own country', () => {
    expect(CITIES.length).toBeGreaterThanOrEqual(600);
    const hubs: [string, string][] = [
      ['San Francisco', 'US'], ['Seattle', 'US'], ['Austin', 'US'], ['Portland', 'US'], ['Boston', 'US'], ['New York', 'US'], ['Toronto', 'CA'],
      ['Vancouver', 'CA'], ['London', 'GB'], ['Berlin', 'DE'], ['Lisbon', 'PT'], ['Amsterdam', 'NL'], ['Bangalore', 'IN'], ['Singapore', 'SG'],
      ['Sydney', 'AU'], ['Tel Aviv', 'IL'], ['São Paulo', 'BR'],
    ];
    for (const [name, country] of hubs) expect(cityNamed(name, country), name).toBeDefined();
    for (const c of CITIES) expect(countryByCode(c.country)?.timeZones, `${c.name}: ${c.timeZone}`).toContain(c.timeZone);
    expect(new Set(CITIES.map(cityKey)).size).toBe(CITIES.length);
  });

  it('has a capital city for most sovereign countries', () => {
    const withCity = new Set(CITIES.map((c) => c.country));
    expect(withCity.size).toBeGreaterThanOrEqual(185);
  });

  it('names zones by their groups', () => {
    for (const g of ZONE_GROUPS) for (const zone of g.zones) expect(offsetsOf(zone), zone).not.toBeNull();
    expect(abbreviationsOf('America/Los_Angeles')).toEqual(['PT', 'PST', 'PDT']);
    expect(abbreviationsOf('Europe/Berlin')).toContain('CET');
    expect(abbreviationsOf('Asia/Kolkata')).toEqual(['IST']);
    expect(abbreviationsOf('Europe/London')).toEqual(expect.arrayContaining(['GMT', 'BST']));
    expect(offsetsOf('America/Los_Angeles')).toEqual({ standard: -480, daylight: -420 });
    expect(offsetsOf('Australia/Sydney')).toEqual({ standard: 600, daylight: 660 });
    expect(offsetsOf('Asia/Kolkata')).toEqual({ standard: 330, daylight: 330 });
    expect(offsetsOf('Not/AZone')).toBeNull();
  });

  it('draws regions the way hiring forms do', () => {
    const area = (name: string) => COUNTRY_AREAS.find((a) => a.name === name)?.countries ?? new Set<string>();
    expect(area('EMEA').has('PT') && area('EMEA').has('AE') && area('EMEA').has('ZA')).toBe(true);
    expect(area('EMEA').has('US')).toBe(false);
    expect(area('European Union').has('GB')).toBe(false);
    expect(area('Europe').has('GB')).toBe(true);
    expect(area('Latin America').has('MX')).toBe(true);
    expect(area('North America').has('MX')).toBe(true);
    expect(area('Asia-Pacific').has('JP') && area('Asia-Pacific').has('AU')).toBe(true);
    expect(area('DACH')).toEqual(new Set(['DE', 'AT', 'CH']));
    expect(area('Western Europe').has('PT') && !area('Western Europe').has('PL')).toBe(true);
    expect(CITY_AREAS.find((a) => a.name === 'San Francisco Bay Area')?.cities.size).toBe(13);
  });
});

describe('reading a place from free text', () => {
  it.each([
    ['Portland, OR', { city: 'Portland', state: 'Oregon', stateCode: 'OR', countryCode: 'US', timeZone: 'America/Los_Angeles', guess: false }],
    ['Portland, Oregon', { city: 'Portland', stateCode: 'OR', countryCode: 'US', guess: false }],
    ['portland, or', { city: 'Portland', stateCode: 'OR', guess: false }],
    ['Lisbon, Portugal', { city: 'Lisbon', country: 'Portugal', countryCode: 'PT', region: 'Europe', timeZone: 'Europe/Lisbon', timeZoneAbbreviations: ['WET', 'WEST'] }],
    ['Remote - Berlin', { city: 'Berlin', countryCode: 'DE', region: 'Europe', timeZone: 'Europe/Berlin' }],
    ['NYC', { city: 'New York', stateCode: 'NY', countryCode: 'US', timeZoneAbbreviations: ['ET', 'EST', 'EDT'] }],
    ['Brooklyn, NY', { city: 'New York', stateCode: 'NY' }],
    ['São Paulo, Brazil', { city: 'São Paulo', countryCode: 'BR', region: 'Latin America', timeZone: 'America/Sao_Paulo' }],
    ['Sao Paulo', { city: 'São Paulo', countryCode: 'BR' }],
    ['Toronto ON', { city: 'Toronto', state: 'Ontario', stateCode: 'ON', countryCode: 'CA', region: 'North America' }],
    ['Montréal, QC', { city: 'Montreal', stateCode: 'QC', countryCode: 'CA' }],
    ['Vancouver, BC', { city: 'Vancouver', stateCode: 'BC', countryCode: 'CA', guess: false }],
    ['Vancouver, WA', { city: 'Vancouver', stateCode: 'WA', countryCode: 'US', guess: false }],
    ['Perth, WA', { city: 'Perth', stateCode: 'WA', countryCode: 'AU', timeZone: 'Australia/Perth', guess: false }],
    ['Sydney NSW', { city: 'Sydney', stateCode: 'NSW', countryCode: 'AU' }],
    ['Denver, CO', { city: 'Denver', stateCode: 'CO', countryCode: 'US', timeZone: 'America/Denver', guess: false }],
    ['Eugene, OR', { city: 'Eugene', stateCode: 'OR', countryCode: 'US', timeZone: 'America/Los_Angeles' }],
    ['London, Ontario', { city: 'London', stateCode: 'ON', countryCode: 'CA', guess: false }],
    ['London', { city: 'London', countryCode: 'GB', guess: false }],
    ['Bangalore, Karnataka, India', { city: 'Bangalore', countryCode: 'IN', timeZone: 'Asia/Kolkata', timeZoneAbbreviations: ['IST'] }],
    ['Bengaluru', { city: 'Bangalore', countryCode: 'IN' }],
    ['Greater Boston Area', { city: 'Boston', stateCode: 'MA' }],
    ['Bay Area', { city: 'San Francisco Bay Area', stateCode: 'CA', timeZone: 'America/Los_Angeles' }],
    ['Washington, D.C.', { city: 'Washington', stateCode: 'DC', guess: false }],
    ['El Paso, TX', { city: 'El Paso', stateCode: 'TX', timeZone: 'America/Denver', timeZoneAbbreviations: ['MT', 'MST', 'MDT'] }],
    ['Phoenix, AZ', { timeZone: 'America/Phoenix', timeZoneAbbreviations: ['MT', 'MST', 'MDT'] }],
    ['Honolulu', { stateCode: 'HI', timeZoneAbbreviations: ['HT', 'HST', 'HDT', 'HAST'] }],
    ['Tbilisi, Georgia', { countryCode: 'GE', guess: false }],
    ['Atlanta, Georgia', { countryCode: 'US', stateCode: 'GA', guess: false }],
    ['Cambridge, MA', { city: 'Cambridge', countryCode: 'US', stateCode: 'MA', guess: false }],
    ['Cambridge, UK', { city: 'Cambridge', countryCode: 'GB', guess: false }],
    ['Hyderabad, Pakistan', { countryCode: 'PK', guess: false }],
    ['St. Louis, MO', { city: 'St. Louis', stateCode: 'MO' }],
    ['Kiev', { city: 'Kyiv', countryCode: 'UA', timeZone: 'Europe/Kyiv' }],
    ['München', { city: 'Munich', countryCode: 'DE' }],
    ['Zurich, Switzerland', { city: 'Zurich', countryCode: 'CH' }],
    ['Ciudad de México', { city: 'Mexico City', countryCode: 'MX', timeZone: 'America/Mexico_City' }],
    ['Tokyo, Japan', { timeZoneAbbreviations: ['JST'] }],
    ['Las Palmas', { countryCode: 'ES', timeZone: 'Atlantic/Canary' }],
    ['Deutschland', { country: 'Germany', countryCode: 'DE', timeZone: 'Europe/Berlin' }],
    ['UK', { countryCode: 'GB', timeZone: 'Europe/London' }],
    ['Great Britain', { countryCode: 'GB' }],
    ['USA', { countryCode: 'US', timeZone: null, timeZoneAbbreviations: [] }],
    ['United States of America', { countryCode: 'US' }],
    ['Texas', { state: 'Texas', stateCode: 'TX', countryCode: 'US', timeZone: 'America/Chicago' }],
  ])('%s', (text, expected) => {
    expect(placeOf(text)).toMatchObject(expected);
  });

  it('takes the likelier of several places with the same name, and says so', () => {
    const portland = placeOf('Portland');
    expect(portland).toMatchObject({ city: 'Portland', stateCode: 'OR', guess: true });
    expect(portland?.alternatives).toEqual([expect.objectContaining({ city: 'Portland', stateCode: 'ME', timeZone: 'America/New_York' })]);
    expect(placeOf('Hyderabad')).toMatchObject({ countryCode: 'IN', guess: true, alternatives: [expect.objectContaining({ countryCode: 'PK' })] });
    expect(placeOf('Georgia')).toMatchObject({ stateCode: 'GA', guess: true, alternatives: [expect.objectContaining({ countryCode: 'GE' })] });
    expect(placeOf('Saint Petersburg')).toMatchObject({ countryCode: 'RU', guess: true, alternatives: [expect.objectContaining({ stateCode: 'FL' })] });
  });

  it('returns null for text that names no place, or only a region', () => {
    for (const text of ['', 'Remote', 'EMEA', 'Anywhere', 'asdfgh qwerty', 'Europe']) expect(placeOf(text), text).toBeNull();
  });
});

describe('calling codes', () => {
  it('knows each country\'s code', () => {
    expect(callingCodeOf('PT')).toBe('+351');
    expect(callingCodeOf('us')).toBe('+1');
    expect(callingCodeOf('GBR')).toBe('+44');
    expect(callingCodeOf('JM')).toBe('+1');
    expect(callingCodeOf('XX')).toBeNull();
    expect(countriesWithCallingCode('+44').sort()).toEqual(['GB', 'GG', 'IM', 'JE']);
  });

  it.each([
    ['+351 912 345 678', { callingCode: '+351', country: 'PT', national: '912 345 678' }],
    ['+1 (503) 555-0100', { callingCode: '+1', country: 'US', national: '(503) 555-0100' }],
    ['+1 416 555 0100', { callingCode: '+1', country: 'CA', national: '416 555 0100' }],
    ['+1 876 555 0100', { callingCode: '+1', country: 'JM', national: '876 555 0100' }],
    ['+44 20 7946 0000', { callingCode: '+44', country: 'GB', national: '20 7946 0000' }],
    ['+44 (0) 20 7946 0000', { callingCode: '+44', country: 'GB', national: '20 7946 0000' }],
    ['0049 30 1234567', { callingCode: '+49', country: 'DE', national: '30 1234567' }],
    ['+353871234567', { callingCode: '+353', country: 'IE', national: '871234567' }],
    ['+7 701 123 4567', { callingCode: '+7', country: 'KZ' }],
    ['+7 495 123-45-67', { callingCode: '+7', country: 'RU' }],
    ['+91 98765 43210', { callingCode: '+91', country: 'IN', national: '98765 43210' }],
    ['+55 11 91234-5678', { callingCode: '+55', country: 'BR' }],
  ])('splits %s', (phone, expected) => {
    expect(splitPhone(phone)).toMatchObject(expected);
  });

  it('cannot split a number without an international prefix', () => {
    expect(splitPhone('503 555 0100')).toBeNull();
    expect(splitPhone('+999 123')).toBeNull();
    expect(splitPhone('')).toBeNull();
  });
});
