import { CITY_AREAS, COUNTRY_AREAS, DIRECTIONS, STATE_BUCKETS, type CityArea, type CountryArea, type StateBucket } from './areas';
import { CITIES, COUNTRIES, SUBDIVISIONS } from './lookup';
import { continues, continuesName, phraseOf, tokenize, type Separator, type Token } from './text';
import { ZONE_GROUPS, type ZoneGroup } from './time-zones';
import type { City, Country, Subdivision } from './types';

/** One thing a word or phrase can name. `byCode`: written as a code ("OR", "PT"), which has several readings. */
export type Entity =
  | { kind: 'country'; country: Country; byCode: boolean }
  | { kind: 'subdivision'; subdivision: Subdivision; byCode: boolean }
  | { kind: 'city'; city: City }
  | { kind: 'area'; area: CountryArea }
  | { kind: 'bucket'; bucket: StateBucket }
  | { kind: 'metro'; area: CityArea }
  | { kind: 'direction'; word: string }
  | { kind: 'zone'; group: ZoneGroup; byCode: boolean }
  | { kind: 'anywhere' }
  | { kind: 'other' }
  | { kind: 'negator' }
  | { kind: 'filler' };

/** A run of words the lexicon recognised, with every reading it has. */
export interface Mention {
  kind: 'mention';
  entities: Entity[];
  raw: string;
  start: number;
  end: number;
  before: Separator;
  inParens: boolean;
}

/** A run of words the lexicon does not know: maybe a small town ("Eugene, OR"), maybe noise. */
export interface Unknown {
  kind: 'unknown';
  raw: string;
  start: number;
  end: number;
  before: Separator;
  inParens: boolean;
}

export type Item = Mention | Unknown;

const ANYWHERE = ['anywhere', 'worldwide', 'world wide', 'global', 'globally', 'any location', 'any country', 'any time zone', 'any timezone',
  'all locations', 'all countries', 'fully remote', 'remote anywhere', 'no preference', 'open to all', 'everywhere'];
const OTHER = ['other', 'others', 'other country', 'other countries', 'other location', 'other locations', 'other region', 'other regions',
  'none of the above', 'not listed', 'not listed above', 'elsewhere', 'rest of world', 'rest of the world', 'row', 'international', 'somewhere else',
  'another country', 'other time zone', 'other timezone', 'other please specify', 'not in the list'];
const NEGATORS = ['outside', 'outside of', 'outside the', 'non', 'not in', 'not based in', 'ex', 'excl', 'exc', 'excluding', 'except', 'other than',
  'not located in', 'not including', 'without', 'apart from'];
const FILLERS = ['remote', 'remotely', 'hybrid', 'onsite', 'on site', 'in office', 'in person', 'office', 'based', 'only', 'the', 'of', 'in', 'and', 'or',
  'area', 'region', 'greater', 'metro', 'metropolitan', 'city', 'state', 'country', 'province', 'time', 'zone', 'timezone', 'time zone', 'hours',
  'hq', 'headquarters', 'location', 'locations', 'within', 'from', 'i', 'am', 'im', 'currently', 'located', 'live', 'living', 'reside', 'residing',
  'resident', 'residents', 'work', 'working', 'preferred', 'friendly', 'first', 'near', 'around', 'candidates', 'applicants',
  'must', 'be', 'team', 'timezones', 'time zones', 'standard', 'daylight', 'metro area'];
/**
 * Codes that are also everyday capitalised words or too easily misread: never codes.
 * ("AND" is Andorra's alpha-3, "CAN" Canada's, "ARE" the Emirates', "PER" Peru's.)
 */
const NOT_CODES = new Set(['AND', 'ARE', 'CAN', 'PER', 'MAC', 'NOR', 'GUM', 'TON', 'COL', 'BEL', 'MAR', 'SOM', 'LIE', 'FIN', 'SUR', 'TUR']);
/** City names that are also ordinary words: only a capitalised "Reading" is the town. */
const COMMON_WORDS = new Set(['reading', 'nice', 'split', 'mobile', 'essen', 'concord', 'providence', 'mesa', 'cork', 'male', 'bath', 'orange',
  'independence', 'praia', 'zug', 'aurora', 'gaza', 'reno']);

interface Lexicon {
  phrases: Map<string, Entity[]>;
  codes: Map<string, Entity[]>;
  longest: number;
}

let lexicon: Lexicon | null = null;

function add(map: Map<string, Entity[]>, key: string, entity: Entity): void {
  if (!key) return;
  const list = map.get(key) ?? [];
  list.push(entity);
  map.set(key, list);
}

/** "Saint Louis" is also "St Louis"; "The Hague" also "Hague". */
function variants(phrase: string): string[] {
  const out = [phrase];
  if (phrase.startsWith('saint ')) out.push(`st ${phrase.slice(6)}`);
  if (phrase.startsWith('st ')) out.push(`saint ${phrase.slice(3)}`);
  if (phrase.startsWith('fort ')) out.push(`ft ${phrase.slice(5)}`);
  if (phrase.startsWith('the ')) out.push(phrase.slice(4));
  return out;
}

/** Short all-capital aliases ("UAE", "NYC", "SF") are codes; anything else is a phrase. */
function addName(lex: Lexicon, name: string, entity: Entity): void {
  if (/^[A-Z]{2,3}$/.test(name.replace(/\./g, ''))) {
    add(lex.codes, name.replace(/\./g, ''), entity);
    return;
  }
  for (const v of variants(phraseOf(name))) add(lex.phrases, v, entity);
}

function build(): Lexicon {
  const lex: Lexicon = { phrases: new Map(), codes: new Map(), longest: 1 };
  for (const country of COUNTRIES) {
    for (const name of [country.name, ...country.aliases]) addName(lex, name, { kind: 'country', country, byCode: false });
    add(lex.codes, country.code, { kind: 'country', country, byCode: true });
    if (!NOT_CODES.has(country.code3)) add(lex.codes, country.code3, { kind: 'country', country, byCode: true });
  }
  const gb = COUNTRIES.find((c) => c.code === 'GB');
  if (gb) add(lex.codes, 'UK', { kind: 'country', country: gb, byCode: true });
  for (const subdivision of SUBDIVISIONS) {
    for (const name of [subdivision.name, ...subdivision.aliases]) addName(lex, name, { kind: 'subdivision', subdivision, byCode: false });
    add(lex.codes, subdivision.code, { kind: 'subdivision', subdivision, byCode: true });
  }
  for (const city of CITIES) {
    for (const name of [city.name, ...city.aliases]) addName(lex, name, { kind: 'city', city });
  }
  for (const area of COUNTRY_AREAS) {
    for (const p of area.phrases) add(lex.phrases, p, { kind: 'area', area });
    for (const c of area.codes) add(lex.codes, c, { kind: 'area', area });
  }
  for (const bucket of STATE_BUCKETS) for (const p of bucket.phrases) add(lex.phrases, p, { kind: 'bucket', bucket });
  for (const area of CITY_AREAS) for (const p of area.phrases) add(lex.phrases, p, { kind: 'metro', area });
  for (const word of Object.keys(DIRECTIONS)) add(lex.phrases, word, { kind: 'direction', word });
  for (const group of ZONE_GROUPS) {
    for (const n of group.names) add(lex.phrases, n, { kind: 'zone', group, byCode: false });
    for (const a of group.abbreviations) add(lex.codes, a, { kind: 'zone', group, byCode: true });
  }
  for (const p of ANYWHERE) add(lex.phrases, p, { kind: 'anywhere' });
  for (const p of OTHER) add(lex.phrases, p, { kind: 'other' });
  for (const p of NEGATORS) add(lex.phrases, p, { kind: 'negator' });
  for (const p of FILLERS) add(lex.phrases, p, { kind: 'filler' });
  for (const key of lex.phrases.keys()) lex.longest = Math.max(lex.longest, key.split(' ').length);
  return lex;
}

function theLexicon(): Lexicon {
  lexicon ??= build();
  return lexicon;
}

/** A capitalised or upper-case word, as a name is written. */
const looksLikeName = (raw: string): boolean => /^\p{Lu}/u.test(raw);

/** Entities a phrase may stand for here: drops the town "Nice" from "nice to have". */
function plausible(entities: readonly Entity[], phrase: string, tokens: readonly Token[]): Entity[] {
  if (!COMMON_WORDS.has(phrase)) return [...entities];
  const capitalised = tokens.every((t) => looksLikeName(t.raw));
  return entities.filter((e) => e.kind !== 'city' || capitalised);
}

function phraseAt(tokens: readonly Token[], i: number, lex: Lexicon): { entities: Entity[]; length: number } | null {
  let words = '';
  let best: { entities: Entity[]; length: number } | null = null;
  for (let n = 1; n <= lex.longest && i + n <= tokens.length; n++) {
    const token = tokens[i + n - 1];
    if (!token || (n > 1 && !continuesName(token))) break;
    words = n === 1 ? token.word : `${words} ${token.word}`;
    const found = lex.phrases.get(words);
    if (found) {
      const entities = plausible(found, words, tokens.slice(i, i + n));
      if (entities.length > 0) best = { entities, length: n };
    }
  }
  return best;
}

/**
 * Codes count when written in capitals ("OR", "PT", "EMEA"); `lenient` also takes a lower-case
 * code that stands alone after a comma ("portland, or"), as people type their own location.
 */
function codeAt(token: Token, lex: Lexicon, lenient: boolean): Entity[] {
  if (token.raw === token.raw.toUpperCase() && /\p{L}/u.test(token.raw)) return lex.codes.get(token.raw) ?? [];
  if (lenient) return lex.codes.get(token.raw.toUpperCase()) ?? [];
  return [];
}

export interface ScanOptions {
  /** Read lower-case codes that stand alone after a comma ("portland, or"). */
  lenientCodes?: boolean;
}

/** Reads a text into the places, regions, zones and markers it names, longest phrase first. */
export function scan(text: string, options: ScanOptions = {}): Item[] {
  const lex = theLexicon();
  const tokens = tokenize(text);
  const items: Item[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    const next = tokens[i + 1];
    const alone = token.before === 'comma' && (!next || !continues(next));
    const phrase = phraseAt(tokens, i, lex);
    const codes = codeAt(token, lex, Boolean(options.lenientCodes) && alone);
    const length = phrase?.length ?? 1;
    const entities = [...(phrase?.entities ?? []), ...(length === 1 ? codes : [])];
    const raw = tokens.slice(i, i + length).map((t) => t.raw).join(' ');
    const at = { raw, start: i, end: i + length, before: token.before, inParens: token.inParens };
    if (entities.length > 0) items.push({ kind: 'mention', entities: dedupe(entities), ...at });
    else pushUnknown(items, at);
    i += length;
  }
  return items;
}

/** Consecutive unknown words form one name ("Santa Rosa"). */
function pushUnknown(items: Item[], at: Omit<Unknown, 'kind'>): void {
  const last = items.at(-1);
  if (last?.kind === 'unknown' && last.end === at.start && at.before === 'space') {
    items[items.length - 1] = { ...last, raw: `${last.raw} ${at.raw}`, end: at.end };
    return;
  }
  items.push({ kind: 'unknown', ...at });
}

function dedupe(entities: Entity[]): Entity[] {
  const seen = new Set<unknown>();
  return entities.filter((e) => {
    const id = identity(e);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function identity(e: Entity): unknown {
  switch (e.kind) {
    case 'country':
      return e.country;
    case 'subdivision':
      return e.subdivision;
    case 'city':
      return e.city;
    case 'area':
    case 'metro':
      return e.area;
    case 'bucket':
      return e.bucket;
    case 'zone':
      return e.group;
    case 'direction':
      return `direction:${e.word}`;
    default:
      return e.kind;
  }
}

/** True when every entity of the mention is a marker word, not a place. */
export const isFiller = (m: Mention): boolean => m.entities.every((e) => e.kind === 'filler');
