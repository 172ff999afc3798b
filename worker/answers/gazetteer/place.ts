import type { CityArea } from './areas';
import { scan, type Entity, type Item, type Mention } from './lexicon';
import { countryOf, subdivisionByKey, subdivisionKey } from './lookup';
import { abbreviationsOf } from './time-zones';
import type { City, Region, Subdivision } from './types';

/** Where someone is, as far as their text says. */
export interface Place {
  /** The city: the gazetteer's spelling when it knows it, else as written ("Eugene"). */
  city?: string;
  state?: string;
  stateCode?: string;
  country: string;
  countryCode: string;
  region: Region;
  /** IANA zone; null when the text names only a country that spans several ("United States"). */
  timeZone: string | null;
  /** "PT", "PST", "PDT"; empty where no form uses letters for the zone. */
  timeZoneAbbreviations: string[];
  /** The text fits other places too and this is the likeliest; they are in `alternatives`. */
  guess: boolean;
  alternatives: Place[];
}

/** One way to read the text: a known city, a named city inside a state or country, a state, a metro area, or a country. */
interface Reading {
  city: City | null;
  metro: CityArea | null;
  namedCity: string | null;
  subdivision: Subdivision | null;
  countryCode: string;
  /** The order of the entry in the gazetteer: where a name is several places the first listed is likelier. */
  rank: number;
}

/**
 * Reads free text ("Portland, OR", "Lisbon, Portugal", "Remote - Berlin", "NYC", "Toronto ON")
 * into a place, or null when it names none (or only a region such as "EMEA").
 *
 * A name that fits several places ("Portland", "Georgia", "Washington") gives the likeliest
 * (the larger city, a city over a state, a state over a country) with `guess: true` and the
 * others in `alternatives`, so that a caller can check whether the difference matters.
 */
export function placeOf(text: string): Place | null {
  const items = scan(text, { lenientCodes: true }).filter((item) => item.kind === 'unknown' || !isMarker(item));
  const readings = readingsOf(items);
  if (readings.length === 0) return null;
  const scored = readings.map((r) => ({ r, explained: explains(r, items) }));
  const most = Math.max(...scored.map((s) => s.explained));
  const tied = scored.filter((s) => s.explained === most).map((s) => s.r);
  // Reading the first words as an unknown town is the last resort: "Denver, CO" is not a Denver
  // in Colombia, and "Victoria, Australia" is the state.
  const best = (tied.some((r) => r.namedCity === null) ? tied.filter((r) => r.namedCity === null) : tied).sort(byLikelihood);
  const distinct = best.filter((r, i) => best.findIndex((o) => samePlace(o, r) || refines(o, r) || refines(r, o)) === i);
  const [first, ...others] = distinct;
  if (!first) return null;
  const alternatives = others.map((r) => toPlace(r, []));
  return toPlace(first, alternatives);
}

const PLACE_KINDS = new Set<Entity['kind']>(['country', 'subdivision', 'city', 'metro']);

/** Words that are not places: "Remote", regions, zones, "other". */
function isMarker(item: Mention): boolean {
  return !item.entities.some((e) => PLACE_KINDS.has(e.kind));
}

function readingsOf(items: readonly Item[]): Reading[] {
  const readings: Reading[] = [];
  items.forEach((item, index) => {
    if (item.kind === 'unknown') return;
    for (const e of item.entities) {
      const reading = readingOf(e, index);
      if (reading) readings.push(reading);
    }
  });
  readings.push(...namedCityReadings(items));
  return readings;
}

function readingOf(e: Entity, index: number): Reading | null {
  const base = { city: null, metro: null, namedCity: null, subdivision: null, rank: index };
  switch (e.kind) {
    case 'city':
      return { ...base, city: e.city, subdivision: e.city.state ? (subdivisionByKey(`${e.city.country}-${e.city.state}`) ?? null) : null, countryCode: e.city.country };
    case 'subdivision':
      return { ...base, subdivision: e.subdivision, countryCode: e.subdivision.country };
    case 'country':
      return { ...base, countryCode: e.country.code };
    case 'metro':
      return metroReading(e.area, index);
    default:
      return null;
  }
}

/** A metro area sits in one state ("Bay Area" is California). */
function metroReading(area: CityArea, index: number): Reading | null {
  const [first] = area.cities;
  if (!first) return null;
  const [country = '', state = ''] = first.split('-');
  return { city: null, metro: area, namedCity: null, subdivision: subdivisionByKey(`${country}-${state}`) ?? null, countryCode: country, rank: index };
}

/**
 * "Eugene, OR", "London, Ontario": the first words name a city the gazetteer does not know, or
 * knows elsewhere, inside the state or country named after them.
 */
function namedCityReadings(items: readonly Item[]): Reading[] {
  const [head, ...rest] = items;
  if (!head || (head.kind === 'mention' && !head.entities.some((e) => e.kind === 'city'))) return [];
  const readings: Reading[] = [];
  for (const item of rest) {
    if (item.kind === 'unknown') continue;
    for (const e of item.entities) {
      if (e.kind === 'subdivision') {
        readings.push({ city: null, metro: null, namedCity: head.raw, subdivision: e.subdivision, countryCode: e.subdivision.country, rank: 1000 });
      }
      if (e.kind === 'country') {
        readings.push({ city: null, metro: null, namedCity: head.raw, subdivision: null, countryCode: e.country.code, rank: 1000 });
      }
    }
  }
  return readings;
}

/** How many of the text's words this reading accounts for. */
function explains(r: Reading, items: readonly Item[]): number {
  let count = 0;
  items.forEach((item, index) => {
    if (index === 0 && r.namedCity !== null) count++;
    else if (item.kind === 'mention' && item.entities.some((e) => agrees(e, r))) count++;
  });
  return count;
}

function agrees(e: Entity, r: Reading): boolean {
  switch (e.kind) {
    case 'country':
      return e.country.code === r.countryCode;
    case 'subdivision':
      return r.subdivision !== null && subdivisionKey(e.subdivision) === subdivisionKey(r.subdivision);
    case 'city':
      return r.city === e.city;
    case 'metro':
      return r.metro === e.area;
    default:
      return false;
  }
}

const specificity = (r: Reading): number => (r.city ? 4 : r.metro ? 3.5 : r.namedCity ? 3 : r.subdivision ? 2 : 1);

function byLikelihood(a: Reading, b: Reading): number {
  return specificity(b) - specificity(a) || a.rank - b.rank;
}

function samePlace(a: Reading, b: Reading): boolean {
  return a.city === b.city && a.metro === b.metro && a.namedCity === b.namedCity && a.subdivision === b.subdivision && a.countryCode === b.countryCode;
}

/** `inner` is a more precise reading of `outer` ("New York" the city inside "New York" the state). */
function refines(inner: Reading, outer: Reading): boolean {
  if (inner.countryCode !== outer.countryCode || specificity(inner) <= specificity(outer)) return false;
  return outer.subdivision === null || inner.subdivision === outer.subdivision;
}

function toPlace(r: Reading, alternatives: Place[]): Place {
  const country = countryOf(r.countryCode);
  const timeZone = r.city?.timeZone ?? r.subdivision?.timeZone ?? country.timeZone;
  const city = r.city?.name ?? r.metro?.name ?? r.namedCity ?? undefined;
  return {
    ...(city ? { city } : {}),
    ...(r.subdivision ? { state: r.subdivision.name, stateCode: r.subdivision.code } : {}),
    country: country.name,
    countryCode: country.code,
    region: country.region,
    timeZone,
    timeZoneAbbreviations: timeZone ? abbreviationsOf(timeZone) : [],
    guess: alternatives.length > 0,
    alternatives,
  };
}

/** "Portland, Oregon, United States". */
export function describePlace(place: Place): string {
  return [place.city, place.state, place.country].filter(Boolean).join(', ');
}
