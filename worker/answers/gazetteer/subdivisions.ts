import type { Subdivision, SubdivisionKind } from './types';

type Row = readonly [code: string, name: string, capital: string, zones: readonly string[], aliases?: readonly string[]];

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const LA = 'America/Los_Angeles';

/** The 50 states and DC. Split states list the zone most people live in first. */
const US: readonly Row[] = [
  ['AL', 'Alabama', 'Montgomery', [CHI]],
  ['AK', 'Alaska', 'Juneau', ['America/Anchorage', 'America/Juneau', 'America/Adak']],
  ['AZ', 'Arizona', 'Phoenix', ['America/Phoenix']],
  ['AR', 'Arkansas', 'Little Rock', [CHI]],
  ['CA', 'California', 'Sacramento', [LA], ['Calif']],
  ['CO', 'Colorado', 'Denver', [DEN]],
  ['CT', 'Connecticut', 'Hartford', [NY]],
  ['DE', 'Delaware', 'Dover', [NY]],
  ['DC', 'District of Columbia', 'Washington', [NY], ['Washington DC', 'Washington D.C.', 'D.C.']],
  ['FL', 'Florida', 'Tallahassee', [NY, CHI]],
  ['GA', 'Georgia', 'Atlanta', [NY]],
  ['HI', 'Hawaii', 'Honolulu', ['Pacific/Honolulu'], ["Hawai'i"]],
  ['ID', 'Idaho', 'Boise', ['America/Boise', LA]],
  ['IL', 'Illinois', 'Springfield', [CHI]],
  ['IN', 'Indiana', 'Indianapolis', ['America/Indiana/Indianapolis', CHI]],
  ['IA', 'Iowa', 'Des Moines', [CHI]],
  ['KS', 'Kansas', 'Topeka', [CHI, DEN]],
  ['KY', 'Kentucky', 'Frankfort', [NY, 'America/Kentucky/Louisville', CHI]],
  ['LA', 'Louisiana', 'Baton Rouge', [CHI]],
  ['ME', 'Maine', 'Augusta', [NY]],
  ['MD', 'Maryland', 'Annapolis', [NY]],
  ['MA', 'Massachusetts', 'Boston', [NY], ['Mass']],
  ['MI', 'Michigan', 'Lansing', ['America/Detroit', 'America/Menominee']],
  ['MN', 'Minnesota', 'Saint Paul', [CHI]],
  ['MS', 'Mississippi', 'Jackson', [CHI]],
  ['MO', 'Missouri', 'Jefferson City', [CHI]],
  ['MT', 'Montana', 'Helena', [DEN]],
  ['NE', 'Nebraska', 'Lincoln', [CHI, DEN]],
  ['NV', 'Nevada', 'Carson City', [LA]],
  ['NH', 'New Hampshire', 'Concord', [NY]],
  ['NJ', 'New Jersey', 'Trenton', [NY]],
  ['NM', 'New Mexico', 'Santa Fe', [DEN]],
  ['NY', 'New York', 'Albany', [NY], ['New York State', 'NY State']],
  ['NC', 'North Carolina', 'Raleigh', [NY]],
  ['ND', 'North Dakota', 'Bismarck', [CHI, 'America/North_Dakota/Center', DEN]],
  ['OH', 'Ohio', 'Columbus', [NY]],
  ['OK', 'Oklahoma', 'Oklahoma City', [CHI]],
  ['OR', 'Oregon', 'Salem', [LA, 'America/Boise']],
  ['PA', 'Pennsylvania', 'Harrisburg', [NY]],
  ['RI', 'Rhode Island', 'Providence', [NY]],
  ['SC', 'South Carolina', 'Columbia', [NY]],
  ['SD', 'South Dakota', 'Pierre', [CHI, DEN]],
  ['TN', 'Tennessee', 'Nashville', [CHI, NY]],
  ['TX', 'Texas', 'Austin', [CHI, DEN]],
  ['UT', 'Utah', 'Salt Lake City', [DEN]],
  ['VT', 'Vermont', 'Montpelier', [NY]],
  ['VA', 'Virginia', 'Richmond', [NY]],
  ['WA', 'Washington', 'Olympia', [LA], ['Washington State', 'WA State']],
  ['WV', 'West Virginia', 'Charleston', [NY]],
  ['WI', 'Wisconsin', 'Madison', [CHI]],
  ['WY', 'Wyoming', 'Cheyenne', [DEN]],
];

/** The 10 provinces and 3 territories. */
const CANADA: readonly Row[] = [
  ['AB', 'Alberta', 'Edmonton', ['America/Edmonton']],
  ['BC', 'British Columbia', 'Victoria', ['America/Vancouver', 'America/Dawson_Creek', 'America/Fort_Nelson', 'America/Creston']],
  ['MB', 'Manitoba', 'Winnipeg', ['America/Winnipeg']],
  ['NB', 'New Brunswick', 'Fredericton', ['America/Moncton']],
  ['NL', 'Newfoundland and Labrador', "St. John's", ['America/St_Johns', 'America/Goose_Bay'], ['Newfoundland', 'Labrador', 'Newfoundland & Labrador']],
  ['NS', 'Nova Scotia', 'Halifax', ['America/Halifax']],
  ['NT', 'Northwest Territories', 'Yellowknife', ['America/Edmonton', 'America/Inuvik'], ['NWT']],
  ['NU', 'Nunavut', 'Iqaluit', ['America/Iqaluit', 'America/Rankin_Inlet', 'America/Cambridge_Bay']],
  ['ON', 'Ontario', 'Toronto', ['America/Toronto', 'America/Atikokan', 'America/Winnipeg']],
  ['PE', 'Prince Edward Island', 'Charlottetown', ['America/Halifax'], ['PEI']],
  ['QC', 'Quebec', 'Quebec City', ['America/Toronto', 'America/Blanc-Sablon'], ['Québec', 'Province of Quebec']],
  ['SK', 'Saskatchewan', 'Regina', ['America/Regina', 'America/Swift_Current']],
  ['YT', 'Yukon', 'Whitehorse', ['America/Whitehorse', 'America/Dawson'], ['Yukon Territory']],
];

/**
 * Australia's states and territories: "Perth, WA" and "Sydney NSW" are how Australians write
 * places, and without them "WA" would only read as Washington.
 */
const AUSTRALIA: readonly Row[] = [
  ['NSW', 'New South Wales', 'Sydney', ['Australia/Sydney']],
  ['VIC', 'Victoria', 'Melbourne', ['Australia/Melbourne']],
  ['QLD', 'Queensland', 'Brisbane', ['Australia/Brisbane']],
  ['WA', 'Western Australia', 'Perth', ['Australia/Perth']],
  ['SA', 'South Australia', 'Adelaide', ['Australia/Adelaide']],
  ['TAS', 'Tasmania', 'Hobart', ['Australia/Hobart']],
  ['ACT', 'Australian Capital Territory', 'Canberra', ['Australia/Sydney']],
  ['NT', 'Northern Territory', 'Darwin', ['Australia/Darwin']],
];

const CANADIAN_TERRITORIES = new Set(['NT', 'NU', 'YT']);
const AUSTRALIAN_TERRITORIES = new Set(['ACT', 'NT']);

function build(country: Subdivision['country'], rows: readonly Row[], kindOf: (code: string) => SubdivisionKind): Subdivision[] {
  return rows.map(([code, name, capital, zones, aliases = []]) => ({
    country,
    code,
    name,
    aliases,
    kind: kindOf(code),
    timeZone: zones[0] ?? 'UTC',
    timeZones: zones,
    capital,
  }));
}

export const SUBDIVISIONS: readonly Subdivision[] = [
  ...build('US', US, (code) => (code === 'DC' ? 'district' : 'state')),
  ...build('CA', CANADA, (code) => (CANADIAN_TERRITORIES.has(code) ? 'territory' : 'province')),
  ...build('AU', AUSTRALIA, (code) => (AUSTRALIAN_TERRITORIES.has(code) ? 'territory' : 'state')),
];
