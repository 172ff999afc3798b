/** Reasoned values: the applier's answers chosen by meaning, and the gazetteer behind locations. */
export { chooseOption } from './choose-option';
export type { Choice, ChoiceRequest, Option } from './types';
export { placeOf, describePlace, type Place } from './gazetteer/place';
export { callingCodeOf, splitPhone, countriesWithCallingCode, type SplitPhone } from './gazetteer/phone';
export { COUNTRIES, CITIES, SUBDIVISIONS, countryByCode } from './gazetteer/lookup';
export { COUNTRY_AREAS, STATE_BUCKETS, CITY_AREAS } from './gazetteer/areas';
export { ZONE_GROUPS, abbreviationsOf, offsetsOf } from './gazetteer/time-zones';
export type { City, Country, Region, Subdivision } from './gazetteer/types';
