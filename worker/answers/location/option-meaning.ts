import { COUNTRY_AREAS, DIRECTIONS, STATE_BUCKETS } from '../gazetteer/areas';
import { isFiller, scan, type Entity, type Item, type Mention } from '../gazetteer/lexicon';
import { SUBDIVISIONS, subdivisionKey } from '../gazetteer/lookup';
import { ZONE_GROUPS, type ZoneGroup } from '../gazetteer/time-zones';
import { contains, type Scope } from './scope';
import { widen, zonesInText, type OffsetRange } from './zone-match';

/** What the question asks of a location, which decides how an option is read. */
export type LocationMode = 'general' | 'country' | 'state' | 'timezone';

/** What one option says about where a person may be. */
export interface OptionMeaning {
  /** Any of these (the narrowest the option names: "US - West" is the West, not all the US). */
  scopes: Scope[];
  /** None of these ("Outside the US"). */
  excluded: Scope[];
  /** Zones named ("PT", "Central European Time"): the place keeps one of them. */
  groups: ZoneGroup[];
  /** Offsets named ("UTC-8", "GMT-3 to GMT+3"): the place keeps one of them. */
  ranges: OffsetRange[];
  /** "Anywhere" fits everyone; "Other" fits whoever no other option fits. */
  catchAll: 'anywhere' | 'other' | null;
}

export function understood(m: OptionMeaning): boolean {
  return m.scopes.length + m.excluded.length + m.groups.length + m.ranges.length > 0 || m.catchAll !== null;
}

const PLACE_KINDS = new Set<Entity['kind']>(['country', 'subdivision', 'city', 'area', 'bucket', 'metro']);

interface Resolved {
  index: number;
  entities: Entity[];
  negated: boolean;
}

/** Reads an option label ("US - West (PT)", "Remote - EMEA", "Outside the US", "(GMT-08:00) Pacific Time"). */
export function meaningOf(text: string, mode: LocationMode): OptionMeaning {
  const zones = zonesInText(text);
  const items = scan(zones.rest);
  const meaning: OptionMeaning = { scopes: [], excluded: [], groups: [], ranges: zones.ranges, catchAll: null };
  const resolved = resolveAll(items, mode);
  const compassScopes: Scope[] = [];
  for (const r of resolved) addScopes(meaning, r, resolved, items, mode, compassScopes);
  if (meaning.groups.length > 0) widenBuckets(meaning, compassScopes);
  addNamedCities(meaning, items);
  if (zones.slack > 0) widenZones(meaning, zones.slack);
  meaning.scopes = narrowest(meaning.scopes);
  return meaning;
}

function resolveAll(items: readonly Item[], mode: LocationMode): Resolved[] {
  const compass = items.some((i) => i.kind === 'mention' && i.entities.some(isCompassAnchor));
  const alone = items.filter((i) => i.kind === 'unknown' || !isFiller(i)).length === 1;
  const out: Resolved[] = [];
  let negated = false;
  items.forEach((item, index) => {
    if (item.kind === 'unknown') return;
    if (item.entities.some((e) => e.kind === 'negator')) {
      negated = true;
      return;
    }
    const entities = readingsOf(item, items[index - 1], mode, compass, alone);
    if (entities.length > 0) out.push({ index, entities, negated });
  });
  return qualify(out);
}

/** A compass word, a US or Canadian mention or a state bucket: "(PT)" beside one is a zone, not Portugal. */
function isCompassAnchor(e: Entity): boolean {
  return e.kind === 'direction' || e.kind === 'bucket' || (e.kind === 'country' && (e.country.code === 'US' || e.country.code === 'CA'));
}

/** Which of a mention's readings the option means. */
function readingsOf(item: Mention, previous: Item | undefined, mode: LocationMode, compass: boolean, alone: boolean): Entity[] {
  const entities = item.entities.filter((e) => e.kind !== 'filler' && e.kind !== 'negator');
  const byCode = entities.some((e) => 'byCode' in e && e.byCode);
  if (byCode) return codeReading(entities, item, previous, mode, compass, alone);
  return entities.length <= 1 ? entities : broadest(entities);
}

const ofKind = <K extends Entity['kind']>(entities: readonly Entity[], kind: K): Extract<Entity, { kind: K }>[] =>
  entities.filter((e): e is Extract<Entity, { kind: K }> => e.kind === kind);

/**
 * "OR", "CA", "PT", "IN" each have several readings. The question decides first; then the
 * place the code qualifies ("Portland, OR"); then a zone in brackets beside a compass word
 * ("US - West (PT)"); otherwise a country.
 */
function codeReading(entities: Entity[], item: Mention, previous: Item | undefined, mode: LocationMode, compass: boolean, alone: boolean): Entity[] {
  const countries = ofKind(entities, 'country');
  const subdivisions = ofKind(entities, 'subdivision');
  const zones = ofKind(entities, 'zone');
  const rest = entities.filter((e) => e.kind !== 'country' && e.kind !== 'subdivision' && e.kind !== 'zone');
  const first = (...lists: Entity[][]): Entity[] => lists.find((l) => l.length > 0) ?? rest;
  if (mode === 'timezone') return first(zones, countries, subdivisions);
  if (mode === 'country') return first(countries, subdivisions, zones);
  if (mode === 'state') return first(subdivisions, countries, zones);
  const cities = previous && (item.before === 'comma' || item.before === 'space') ? qualifiedCities(previous) : [];
  if (cities.length > 0) {
    const ownState = subdivisions.filter((s) => cities.some((c) => c.state === s.subdivision.code && c.country === s.subdivision.country));
    const ownCountry = countries.filter((k) => cities.some((c) => c.country === k.country.code));
    return first(ownState, ownCountry, subdivisions, countries);
  }
  if (item.inParens && compass) return first(zones, countries, subdivisions);
  const states = alone ? subdivisions : subdivisions.filter((s) => !WORDS_AS_CODES.has(s.subdivision.code));
  return first(countries, rest, states, zones);
}

/** State codes that are also words in capitals ("Remote OK", "US OR Canada"): states only beside a city or alone. */
const WORDS_AS_CODES = new Set(['OK', 'OR', 'HI', 'IN', 'ME', 'ID', 'AS', 'SO']);

/** The cities an item before a code may be: a known city, or any unknown name (a small town). */
function qualifiedCities(item: Item): { state: string | null; country: string }[] {
  if (item.kind === 'unknown') return [{ state: null, country: '' }];
  return ofKind(item.entities, 'city').map((e) => ({ state: e.city.state, country: e.city.country }));
}

/** "Luxembourg" is the country and its capital, "New York" the state and the city: the option means the larger. */
function broadest(entities: Entity[]): Entity[] {
  const places = entities.filter((e) => PLACE_KINDS.has(e.kind));
  const nested = places.filter((e) => places.some((o) => o !== e && containsEntity(o, e)));
  return entities.filter((e) => !nested.includes(e));
}

function containsEntity(outer: Entity, inner: Entity): boolean {
  const a = simpleScope(outer);
  const b = simpleScope(inner);
  return a !== null && b !== null && contains(a, b) && !contains(b, a);
}

/** Drops the readings of "Portland" that the rest of the option rules out ("Portland, OR"). */
function qualify(resolved: Resolved[]): Resolved[] {
  return resolved.map((r) => {
    const cities = ofKind(r.entities, 'city');
    if (cities.length < 2) return r;
    const others = resolved.filter((o) => o !== r).flatMap((o) => o.entities.map(simpleScope)).filter((s): s is Scope => s !== null);
    const kept = cities.filter((c) => others.some((s) => contains(s, { kind: 'city', city: c.city })));
    return kept.length > 0 ? { ...r, entities: [...r.entities.filter((e) => e.kind !== 'city'), ...kept] } : r;
  });
}

/** The scope an entity names by itself (compass words need an anchor, zones are not places). */
function simpleScope(e: Entity): Scope | null {
  switch (e.kind) {
    case 'city':
      return { kind: 'city', city: e.city };
    case 'subdivision':
      return { kind: 'states', name: e.subdivision.name, keys: new Set([subdivisionKey(e.subdivision)]) };
    case 'country':
      return { kind: 'countries', name: e.country.name, codes: new Set([e.country.code]) };
    case 'area':
      return { kind: 'countries', name: e.area.name, codes: e.area.countries };
    case 'bucket':
      return { kind: 'states', name: e.bucket.name, keys: e.bucket.states };
    case 'metro':
      return { kind: 'metro', area: e.area };
    default:
      return null;
  }
}

function addScopes(meaning: OptionMeaning, r: Resolved, all: readonly Resolved[], items: readonly Item[], mode: LocationMode, compassScopes: Scope[]): void {
  for (const e of r.entities) {
    if (e.kind === 'zone') meaning.groups.push(e.group);
    else if (e.kind === 'anywhere') meaning.catchAll ??= 'anywhere';
    else if (e.kind === 'other') meaning.catchAll = 'other';
    else if (e.kind === 'direction') addDirection(meaning, e.word, r, all, mode, compassScopes);
    else if (!(e.kind === 'city' && isRuledOut(e, r, items))) {
      const scope = simpleScope(e);
      if (scope) (r.negated ? meaning.excluded : meaning.scopes).push(scope);
    }
  }
}

/** A city the next words place elsewhere ("London, Ontario" is not London, England): read as a named city instead. */
function isRuledOut(e: Extract<Entity, { kind: 'city' }>, r: Resolved, items: readonly Item[]): boolean {
  const qualifier = qualifierAfter(items, r.index);
  return qualifier !== null && !contains(qualifier, { kind: 'city', city: e.city });
}

/**
 * The state or country written right after an item: after a comma ("Eugene, OR", "London,
 * Ontario"), or as a code after a space ("Toronto ON").
 */
function qualifierAfter(items: readonly Item[], index: number): Scope | null {
  const next = items[index + 1];
  const asCode = next?.kind === 'mention' && next.before === 'space' && next.entities.some((e) => 'byCode' in e && e.byCode);
  if (next?.kind !== 'mention' || (next.before !== 'comma' && !asCode)) return null;
  const scopes = next.entities
    .filter((e) => e.kind === 'subdivision' || e.kind === 'country')
    .map(simpleScope)
    .filter((s): s is Scope => s !== null);
  return scopes[0] ?? null;
}

/** "Eugene, OR" and "London, Ontario": a city the gazetteer does not place there. */
function addNamedCities(meaning: OptionMeaning, items: readonly Item[]): void {
  items.forEach((item, index) => {
    const unknownName = item.kind === 'unknown';
    const misplacedCity = item.kind === 'mention' && ofKind(item.entities, 'city').length > 0;
    if (!unknownName && !misplacedCity) return;
    const within = qualifierAfter(items, index);
    if (!within) return;
    if (misplacedCity && ofKind(item.entities, 'city').some((c) => contains(within, { kind: 'city', city: c.city }))) return;
    meaning.scopes.push({ kind: 'named', name: item.raw, within });
  });
}

/** "West" next to "US" is the US West; next to "Europe" Western Europe; alone "Eastern" is Eastern Time. */
function addDirection(meaning: OptionMeaning, word: string, r: Resolved, all: readonly Resolved[], mode: LocationMode, compassScopes: Scope[]): void {
  const direction = DIRECTIONS[word];
  if (!direction) return;
  const anchor = anchorOf(r, all);
  const zone = direction.zone ? ZONE_GROUPS.find((g) => g.key === direction.zone) : undefined;
  if (mode === 'timezone' && zone) {
    meaning.groups.push(zone);
    return;
  }
  const name = anchor ? direction[anchor] : (direction.US ?? undefined);
  const bucket = name ? STATE_BUCKETS.find((b) => b.name === name) : undefined;
  const area = name ? COUNTRY_AREAS.find((a) => a.name === name) : undefined;
  const scope: Scope | null = bucket
    ? { kind: 'states', name: bucket.name, keys: bucket.states }
    : area
      ? { kind: 'countries', name: area.name, codes: area.countries }
      : null;
  if (anchor === null && zone) meaning.groups.push(zone);
  else if (scope) {
    (r.negated ? meaning.excluded : meaning.scopes).push(scope);
    compassScopes.push(scope);
  } else if (zone) meaning.groups.push(zone);
}

/**
 * "US - East (ET/CT)": the zones in brackets say what the compass word covers, so the East
 * also takes in the states that keep Central time.
 */
function widenBuckets(meaning: OptionMeaning, compassScopes: readonly Scope[]): void {
  const keeping = SUBDIVISIONS.filter((s) => meaning.groups.some((g) => g.zones.includes(s.timeZone)));
  const widen = (scope: Scope): Scope => {
    if (scope.kind !== 'states' || !compassScopes.includes(scope)) return scope;
    const countries = new Set([...scope.keys].map((k) => k.split('-')[0]));
    const extra = keeping.filter((s) => countries.has(s.country)).map(subdivisionKey);
    return { ...scope, keys: new Set([...scope.keys, ...extra]) };
  };
  meaning.scopes = meaning.scopes.map(widen);
}

type Anchor = 'US' | 'CA' | 'Europe' | 'Asia' | 'Africa';

/** The nearest place a compass word can point within. */
function anchorOf(r: Resolved, all: readonly Resolved[]): Anchor | null {
  const byDistance = [...all].sort((a, b) => Math.abs(a.index - r.index) - Math.abs(b.index - r.index));
  for (const other of byDistance) {
    for (const e of other.entities) {
      if (e.kind === 'country' && (e.country.code === 'US' || e.country.code === 'CA')) return e.country.code;
      if (e.kind === 'area' && (e.area.name === 'Europe' || e.area.name === 'Asia' || e.area.name === 'Africa')) return e.area.name;
    }
  }
  return null;
}

/** "CET ± 3 hours": every named zone becomes a span of offsets. */
function widenZones(meaning: OptionMeaning, hours: number): void {
  const spans = meaning.groups.map((g) => widen(g, hours)).filter((r): r is OffsetRange => r !== null);
  meaning.ranges = [...meaning.ranges.map((r) => ({ min: r.min - hours * 60, max: r.max + hours * 60 })), ...spans];
  meaning.groups = [];
}

/** Keeps the narrowest places: "US - West" means the West, "Portland, OR" means Portland. */
function narrowest(scopes: Scope[]): Scope[] {
  return scopes.filter((s) => !scopes.some((o) => o !== s && contains(s, o) && !contains(o, s)));
}
