import { describePlace, placeOf, type Place } from '../gazetteer/place';
import { pickBest, type Scored } from '../pick';
import { quoted, textOf, type Choice, type Option } from '../types';
import { yesNoOf } from '../yes-no-words';
import { meaningOf, understood, type LocationMode, type OptionMeaning } from './option-meaning';
import { contains, countriesOf, fits, locate, specificity, zoneOfScope, type Located, type Scope } from './scope';
import { groupFit, rangeFit, sameClocks, stronger, weaker, type Strength } from './zone-match';

/** What the question asks of where someone is; "citizenship" is not something a location answers. */
export function locationModeOf(question: string): LocationMode | 'citizenship' {
  const q = question.toLowerCase();
  if (/citizen|nationality|passport/.test(q)) return 'citizenship';
  if (/time ?zone|\btz\b|utc offset|working hours|hours overlap/.test(q)) return 'timezone';
  if (/\bcountr(?:y|ies)\b|\bnation\b/.test(q)) return 'country';
  if (/\bstate\b|\bprovince\b|\bterritory\b/.test(q)) return 'state';
  return 'general';
}

interface Read {
  option: Option;
  meaning: OptionMeaning;
}

/**
 * The option that names where the profile's location is: its city, state, country, region or
 * time zone, whatever the option is written in. A location that could be several places
 * ("Portland") is checked as each of them: the answer stands only if they agree.
 */
export function chooseLocation(value: string, question: string, options: readonly Option[]): Choice | null {
  const mode = locationModeOf(question);
  if (mode === 'citizenship') return { kind: 'none', why: 'the question asks for citizenship, which your location does not tell' };
  const place = placeOf(value);
  if (!place) return null;
  const yesNo = answerPlaceQuestion(place, question, options);
  if (yesNo) return yesNo;
  const reads = options.map((option) => ({ option, meaning: meaningOf(textOf(option), mode) }));
  if (!reads.some((r) => understood(r.meaning))) return null;
  const readings = [place, ...place.alternatives];
  const choices = readings.map((p) => chooseFor(p, reads, mode));
  return combine(place, readings, choices);
}

function chooseFor(place: Place, reads: readonly Read[], mode: LocationMode): Choice {
  const at = locate(place);
  const subject = `your location (${describePlace(place)})`;
  const named = reads.filter((r) => r.meaning.catchAll !== 'other' || understoodBeyondOther(r.meaning));
  const scored = named.flatMap((r) => scoreOf(r, at, mode, place).map((s) => ({ ...s, read: r })));
  const placed = mode === 'timezone' ? [] : scored.filter((s) => s.read.meaning.scopes.length > 0);
  if (placed.length > 0) return pickBest(narrowestOptions(placed, mode), subject);
  if (scored.length > 0) return pickBest(scored, subject);
  const others = reads.filter((r) => r.meaning.catchAll === 'other' && !understoodBeyondOther(r.meaning));
  // "Other" is right only when every other option was understood and none is this place.
  const allRead = reads.every((r) => understood(r.meaning));
  if (others.length > 0 && allRead) {
    return pickBest(others.map((r) => ({ option: r.option, score: 1, why: `none of the places named is ${describePlace(place)}` })), subject);
  }
  return { kind: 'none', why: `no option names ${describePlace(place)}, its region or its time zone` };
}

/**
 * Of the options that name a place holding this one, those no other names a smaller part of:
 * "Europe" over "EMEA", "US" over "US/Canada", "Portland, OR" over "Remote (US)". Options that
 * merely overlap ("North America" and "LATAM" for Mexico City) stay a tie for the human.
 */
function narrowestOptions<T extends Scored & { read: Read }>(placed: readonly T[], mode: LocationMode): T[] {
  const extent = (s: T): Scope[] => (mode === 'country' ? s.read.meaning.scopes.map(asCountries) : s.read.meaning.scopes);
  const broader = (a: T, b: T) => covers(extent(a), extent(b)) && !covers(extent(b), extent(a));
  return placed.filter((s) => !placed.some((o) => o !== s && broader(s, o))).map((s) => ({ ...s, score: 1 }));
}

/** Every scope of `inner` lies in some scope of `outer`. */
function covers(outer: readonly Scope[], inner: readonly Scope[]): boolean {
  return inner.every((i) => outer.some((o) => contains(o, i)));
}

const asCountries = (s: Scope): Scope => ({ kind: 'countries', name: 'countries', codes: countriesOf(s) });

const understoodBeyondOther = (m: OptionMeaning): boolean => m.scopes.length + m.excluded.length + m.groups.length + m.ranges.length > 0;

function scoreOf(read: Read, at: Located, mode: LocationMode, place: Place): Scored[] {
  const score = mode === 'timezone' ? zoneScore(read.meaning, at) : mode === 'country' ? countryScore(read.meaning, at) : placeScore(read.meaning, at);
  if (score === null) return [];
  const label = textOf(read.option);
  const why = mode === 'timezone' ? `${describePlace(place)} keeps the time of "${label}"` : `${describePlace(place)} is in "${label}"`;
  return [{ option: read.option, score, why }];
}

/** General questions ("Where are you based?"): the place must be in the option and keep its zone. */
function placeScore(m: OptionMeaning, at: Located): number | null {
  if (m.excluded.some((s) => fits(s, at) || !preciseEnough(s, at))) return null;
  const zone = zoneStrength(m, at);
  if (zone === null) return null;
  if (m.scopes.length > 0) {
    const fitting = m.scopes.filter((s) => fits(s, at));
    return fitting.length > 0 ? Math.max(...fitting.map(specificity)) : null;
  }
  if (m.groups.length + m.ranges.length > 0) return zone === 'strong' ? 150 : 120;
  if (m.excluded.length > 0) return 50;
  return m.catchAll === 'anywhere' ? 10 : null;
}

/** Whether the place says enough to tell if it is outside a scope (a country alone is not enough for "outside California"). */
function preciseEnough(scope: Scope, at: Located): boolean {
  if (scope.kind === 'countries') return true;
  if (scope.kind === 'states') return at.stateKey !== null || !countriesOf(scope).has(at.countryCode);
  return at.cityKey !== null || at.cityName !== null || !countriesOf(scope).has(at.countryCode);
}

/**
 * Every kind of zone the option names must hold: one of its named zones and one of its offsets.
 * 'strong' when nothing is asked of the zone.
 */
function zoneStrength(m: OptionMeaning, at: Located): Strength | null {
  if (m.groups.length + m.ranges.length === 0) return 'strong';
  if (!at.timeZone) return null;
  const zone = at.timeZone;
  const byGroup = m.groups.length > 0 ? m.groups.map((g) => groupFit(g, zone)).reduce(stronger, null) : 'strong';
  const byRange = m.ranges.length > 0 ? m.ranges.map((r) => rangeFit(r, zone)).reduce(stronger, null) : 'strong';
  return weaker(byGroup, byRange);
}

/** "Country of residence": only the country matters; regions count, cities and states stand for their country. */
function countryScore(m: OptionMeaning, at: Located): number | null {
  const codes = (s: Scope) => countriesOf(s);
  if (m.excluded.some((s) => codes(s).has(at.countryCode))) return null;
  const fitting = m.scopes.filter((s) => codes(s).has(at.countryCode));
  if (fitting.length > 0) return Math.max(...fitting.map((s) => (codes(s).size === 1 ? 300 : 250 - Math.min(codes(s).size, 240))));
  if (m.scopes.length > 0) return null;
  if (m.excluded.length > 0) return 50;
  return m.catchAll === 'anywhere' ? 10 : null;
}

/**
 * "Which time zone are you in?": the zone decides; the cities an option lists ("(UTC+01:00)
 * Amsterdam, Berlin") are examples that break ties.
 */
function zoneScore(m: OptionMeaning, at: Located): number | null {
  const zone = at.timeZone;
  if (!zone) return null;
  const named = m.groups.length + m.ranges.length > 0;
  const strength = named ? zoneStrength(m, at) : zoneOfScopes(m.scopes, zone);
  if (strength === null) return m.catchAll === 'anywhere' ? 10 : null;
  const example = m.scopes.some((s) => fits(s, at)) ? 50 : m.scopes.some((s) => zoneOfScope(s) === zone) ? 40 : 0;
  return (strength === 'strong' ? 500 : 300) + example;
}

function zoneOfScopes(scopes: readonly Scope[], zone: string): Strength | null {
  const zones = scopes.map(zoneOfScope).filter((z): z is string => z !== null);
  if (zones.includes(zone)) return 'strong';
  return zones.some((z) => sameClocks(z, zone)) ? 'weak' : null;
}

/** "Are you based in the US?" with Yes/No options: yes when the place is in what the question names. */
function answerPlaceQuestion(place: Place, question: string, options: readonly Option[]): Choice | null {
  const answers = options.map((o) => ({ option: o, says: yesNoOf(textOf(o)) }));
  if (answers.length === 0 || answers.some((a) => a.says === null)) return null;
  const asked = meaningOf(question, 'general');
  if (asked.scopes.length === 0) return null;
  const at = locate(place);
  if (!asked.scopes.every((s) => preciseEnough(s, at))) return null;
  const inside = asked.scopes.some((s) => fits(s, at));
  const want = inside ? 'yes' : 'no';
  const matching = answers.filter((a) => a.says === want).map((a) => a.option);
  const why = `${describePlace(place)} is ${inside ? '' : 'not '}in ${asked.scopes.map(scopeName).join(' or ')}`;
  const [only] = matching;
  if (matching.length === 1 && only) return { kind: 'chosen', option: only, why };
  return matching.length > 1 ? { kind: 'ambiguous', candidates: matching, why } : { kind: 'none', why };
}

/** The answer for every reading of an unsure location: the same option, or a question for the human. */
function combine(place: Place, readings: readonly Place[], choices: readonly Choice[]): Choice {
  const [first] = choices;
  if (!first) return { kind: 'none', why: 'no place to match' };
  if (choices.length === 1) return first;
  const picked = choices.flatMap((c) => (c.kind === 'chosen' ? [c.option] : c.kind === 'ambiguous' ? c.candidates : []));
  const distinct = picked.filter((o, i) => picked.indexOf(o) === i);
  const places = readings.map(describePlace).join(' or ');
  const allChose = choices.every((c) => c.kind === 'chosen');
  const [only] = distinct;
  if (allChose && distinct.length === 1 && only) return { kind: 'chosen', option: only, why: `"${textOf(only)}" fits ${places} alike` };
  if (distinct.length === 0) return { kind: 'none', why: `no option fits ${places}` };
  if (distinct.length === 1 && only) {
    return { kind: 'ambiguous', candidates: [only], why: `"${place.city ?? place.country}" may be ${places}, and only some of them are in "${textOf(only)}"` };
  }
  return { kind: 'ambiguous', candidates: distinct, why: `"${place.city ?? place.country}" may be ${places}: ${quoted(distinct)}` };
}

function scopeName(s: Scope): string {
  switch (s.kind) {
    case 'city':
      return s.city.name;
    case 'metro':
      return s.area.name;
    default:
      return s.name;
  }
}
