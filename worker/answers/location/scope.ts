import type { CityArea } from '../gazetteer/areas';
import { CITIES, cityKey, countryOf, subdivisionByKey } from '../gazetteer/lookup';
import type { Place } from '../gazetteer/place';
import { fold } from '../gazetteer/text';
import type { City } from '../gazetteer/types';

/** A stretch of the map an option names. */
export type Scope =
  | { kind: 'city'; city: City }
  /** A city the gazetteer does not know, inside a state or country it does ("Eugene, OR"). */
  | { kind: 'named'; name: string; within: Scope }
  | { kind: 'metro'; area: CityArea }
  /** Subdivision keys: one state, or a bucket such as "US West". */
  | { kind: 'states'; name: string; keys: ReadonlySet<string> }
  /** Country codes: one country, or a region such as "Europe". */
  | { kind: 'countries'; name: string; codes: ReadonlySet<string> };

/** A place reduced to what scopes test. */
export interface Located {
  countryCode: string;
  stateKey: string | null;
  cityKey: string | null;
  /** Folded city name, for cities the gazetteer does not know. */
  cityName: string | null;
  timeZone: string | null;
}

export function locate(place: Place): Located {
  const stateKey = place.stateCode ? `${place.countryCode}-${place.stateCode}` : null;
  const known = place.city ? CITIES.find((c) => c.name === place.city && c.country === place.countryCode && (c.state ?? null) === (place.stateCode ?? null)) : undefined;
  return {
    countryCode: place.countryCode,
    stateKey,
    cityKey: known ? cityKey(known) : null,
    cityName: place.city ? fold(place.city) : null,
    timeZone: place.timeZone,
  };
}

export function fits(scope: Scope, at: Located): boolean {
  switch (scope.kind) {
    case 'city':
      return at.cityKey === cityKey(scope.city);
    case 'named':
      return at.cityName === fold(scope.name) && fits(scope.within, at);
    case 'metro':
      return (at.cityKey !== null && scope.area.cities.has(at.cityKey)) || at.cityName === fold(scope.area.name);
    case 'states':
      return at.stateKey !== null && scope.keys.has(at.stateKey);
    case 'countries':
      return scope.codes.has(at.countryCode);
  }
}

/** The countries a scope lies in. */
export function countriesOf(scope: Scope): Set<string> {
  switch (scope.kind) {
    case 'city':
      return new Set([scope.city.country]);
    case 'named':
      return countriesOf(scope.within);
    case 'metro':
      return new Set([...scope.area.cities].map((k) => k.split('-')[0] ?? ''));
    case 'states':
      return new Set([...scope.keys].map((k) => k.split('-')[0] ?? ''));
    case 'countries':
      return new Set(scope.codes);
  }
}

const subset = <T>(inner: ReadonlySet<T>, outer: ReadonlySet<T>): boolean => [...inner].every((x) => outer.has(x));

/** Whether `outer` covers all of `inner` ("US" covers "Oregon", "US West" covers "Portland"). */
export function contains(outer: Scope, inner: Scope): boolean {
  if (inner.kind === 'named') return outer.kind === 'named' ? fold(outer.name) === fold(inner.name) && contains(outer.within, inner.within) : contains(outer, inner.within);
  switch (outer.kind) {
    case 'countries':
      return subset(countriesOf(inner), outer.codes);
    case 'states':
      return statesOf(inner) !== null && subset(statesOf(inner) ?? new Set(), outer.keys);
    case 'metro':
      return inner.kind === 'city' ? outer.area.cities.has(cityKey(inner.city)) : inner.kind === 'metro' && subset(inner.area.cities, outer.area.cities);
    case 'city':
      return inner.kind === 'city' && cityKey(inner.city) === cityKey(outer.city);
    case 'named':
      return false;
  }
}

/** The subdivisions a scope lies in, or null when it is not inside one (a country). */
function statesOf(scope: Scope): ReadonlySet<string> | null {
  switch (scope.kind) {
    case 'city':
      return scope.city.state ? new Set([`${scope.city.country}-${scope.city.state}`]) : null;
    case 'metro':
      return new Set(
        [...scope.area.cities].map((k) => {
          const [country = '', state = ''] = k.split('-');
          return `${country}-${state}`;
        }),
      );
    case 'states':
      return scope.keys;
    case 'named':
      return statesOf(scope.within);
    case 'countries':
      return null;
  }
}

/**
 * How precisely a scope names a place: a city beats a metro area, a state, a bucket of states,
 * a country, and a region of countries, and a smaller region beats a larger one ("Europe" over
 * "EMEA"), so the option that says the most about where someone is wins.
 */
export function specificity(scope: Scope): number {
  switch (scope.kind) {
    case 'city':
      return 1000;
    case 'named':
      return 950;
    case 'metro':
      return 900 - scope.area.cities.size;
    case 'states':
      return scope.keys.size === 1 ? 700 : 650 - scope.keys.size;
    case 'countries':
      return scope.codes.size === 1 ? 300 : 250 - Math.min(scope.codes.size, 240);
  }
}

/** The zone a scope keeps, when it keeps one: a city's, a state's, a one-zone country's. */
export function zoneOfScope(scope: Scope): string | null {
  switch (scope.kind) {
    case 'city':
      return scope.city.timeZone;
    case 'named':
      return zoneOfScope(scope.within);
    case 'states': {
      const [only] = scope.keys;
      return scope.keys.size === 1 && only ? (subdivisionByKey(only)?.timeZone ?? null) : null;
    }
    case 'countries': {
      const [only] = scope.codes;
      return scope.codes.size === 1 && only ? countryOf(only).timeZone : null;
    }
    case 'metro':
      return null;
  }
}
