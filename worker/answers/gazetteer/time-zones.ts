/**
 * The time zones forms name by abbreviation or by name ("PT", "Pacific Time", "CET", "IST").
 * A group lists the IANA zones that keep that time; abbreviations shared by several groups
 * ("IST" is India, Ireland and Israel; "CST" is US Central and China) appear in each, and the
 * place decides which one it means.
 */
export interface ZoneGroup {
  key: string;
  /** What a person calls it. */
  name: string;
  /** Written in capitals in forms: "PT", "PST", "PDT". */
  abbreviations: readonly string[];
  /** Spelled-out names, lower case: "pacific time". */
  names: readonly string[];
  /** The first zone stands for the group when comparing offsets. */
  zones: readonly string[];
}

export const ZONE_GROUPS: readonly ZoneGroup[] = [
  {
    key: 'PT', name: 'Pacific Time', abbreviations: ['PT', 'PST', 'PDT'],
    names: ['pacific time', 'pacific standard time', 'pacific daylight time', 'pacific time zone', 'us pacific time'],
    zones: ['America/Los_Angeles', 'America/Vancouver', 'America/Tijuana'],
  },
  {
    key: 'MT', name: 'Mountain Time', abbreviations: ['MT', 'MST', 'MDT'],
    names: ['mountain time', 'mountain standard time', 'mountain daylight time', 'mountain time zone', 'us mountain time'],
    zones: ['America/Denver', 'America/Phoenix', 'America/Boise', 'America/Edmonton', 'America/Yellowknife', 'America/Whitehorse', 'America/Cambridge_Bay',
      'America/Inuvik', 'America/Dawson_Creek', 'America/Fort_Nelson', 'America/Creston', 'America/Dawson', 'America/Ciudad_Juarez', 'America/Hermosillo',
      'America/Mazatlan'],
  },
  {
    key: 'CT', name: 'Central Time', abbreviations: ['CT', 'CST', 'CDT'],
    names: ['central time', 'central standard time', 'central daylight time', 'central time zone', 'us central time'],
    zones: ['America/Chicago', 'America/Winnipeg', 'America/Regina', 'America/Swift_Current', 'America/Rankin_Inlet', 'America/Resolute', 'America/Menominee',
      'America/North_Dakota/Center', 'America/Indiana/Knox', 'America/Mexico_City', 'America/Monterrey', 'America/Merida', 'America/Matamoros',
      'America/Chihuahua', 'America/Bahia_Banderas', 'America/Ojinaga', 'America/Guatemala', 'America/Belize', 'America/El_Salvador',
      'America/Tegucigalpa', 'America/Managua', 'America/Costa_Rica'],
  },
  {
    key: 'ET', name: 'Eastern Time', abbreviations: ['ET', 'EST', 'EDT'],
    names: ['eastern time', 'eastern standard time', 'eastern daylight time', 'eastern time zone', 'us eastern time'],
    zones: ['America/New_York', 'America/Toronto', 'America/Detroit', 'America/Indiana/Indianapolis', 'America/Kentucky/Louisville',
      'America/Kentucky/Monticello', 'America/Iqaluit', 'America/Atikokan', 'America/Nassau', 'America/Cancun', 'America/Panama', 'America/Jamaica',
      'America/Cayman', 'America/Port-au-Prince', 'America/Grand_Turk'],
  },
  {
    key: 'AKT', name: 'Alaska Time', abbreviations: ['AKT', 'AKST', 'AKDT'],
    names: ['alaska time', 'alaska standard time', 'alaska daylight time', 'alaskan time'],
    zones: ['America/Anchorage', 'America/Juneau', 'America/Sitka', 'America/Metlakatla', 'America/Nome', 'America/Yakutat'],
  },
  {
    key: 'HT', name: 'Hawaii Time', abbreviations: ['HT', 'HST', 'HDT', 'HAST'],
    names: ['hawaii time', 'hawaii standard time', 'hawaii aleutian time', 'hawaii aleutian standard time', 'hawaiian time'],
    zones: ['Pacific/Honolulu', 'America/Adak'],
  },
  {
    key: 'AT', name: 'Atlantic Time', abbreviations: ['AT', 'AST', 'ADT'],
    names: ['atlantic time', 'atlantic standard time', 'atlantic daylight time'],
    zones: ['America/Halifax', 'America/Moncton', 'America/Glace_Bay', 'America/Goose_Bay', 'America/Blanc-Sablon', 'Atlantic/Bermuda', 'America/Puerto_Rico',
      'America/Santo_Domingo', 'America/Barbados', 'America/Port_of_Spain', 'America/Martinique', 'America/Guadeloupe', 'America/St_Thomas',
      'America/Tortola', 'America/Anguilla', 'America/Antigua', 'America/Dominica', 'America/Grenada', 'America/St_Kitts', 'America/St_Lucia',
      'America/St_Vincent', 'America/Montserrat', 'America/Aruba', 'America/Curacao', 'America/Kralendijk', 'America/Lower_Princes',
      'America/Marigot', 'America/St_Barthelemy', 'America/Thule'],
  },
  {
    key: 'NT', name: 'Newfoundland Time', abbreviations: ['NT', 'NST', 'NDT'],
    names: ['newfoundland time', 'newfoundland standard time', 'newfoundland daylight time'],
    zones: ['America/St_Johns'],
  },
  {
    key: 'GMT', name: 'Greenwich Mean Time', abbreviations: ['GMT'],
    names: ['greenwich mean time', 'greenwich time'],
    zones: ['Europe/London', 'Europe/Dublin', 'Europe/Guernsey', 'Europe/Jersey', 'Europe/Isle_of_Man', 'Atlantic/Reykjavik', 'Africa/Abidjan', 'Africa/Accra',
      'Africa/Bamako', 'Africa/Banjul', 'Africa/Bissau', 'Africa/Conakry', 'Africa/Dakar', 'Africa/Freetown', 'Africa/Lome', 'Africa/Monrovia',
      'Africa/Nouakchott', 'Africa/Ouagadougou', 'Africa/Sao_Tome', 'Atlantic/St_Helena', 'America/Danmarkshavn'],
  },
  {
    key: 'UK', name: 'UK time', abbreviations: ['BST'],
    names: ['british summer time', 'uk time', 'british time', 'london time'],
    zones: ['Europe/London', 'Europe/Guernsey', 'Europe/Jersey', 'Europe/Isle_of_Man'],
  },
  { key: 'IE', name: 'Irish time', abbreviations: ['IST'], names: ['irish standard time', 'irish time'], zones: ['Europe/Dublin'] },
  {
    key: 'WET', name: 'Western European Time', abbreviations: ['WET', 'WEST'],
    names: ['western european time', 'western european summer time', 'west european time'],
    zones: ['Europe/Lisbon', 'Atlantic/Madeira', 'Atlantic/Canary', 'Atlantic/Faroe'],
  },
  {
    key: 'CET', name: 'Central European Time', abbreviations: ['CET', 'CEST', 'MEZ', 'MESZ'],
    names: ['central european time', 'central european summer time', 'central europe time', 'central european standard time'],
    zones: ['Europe/Berlin', 'Europe/Paris', 'Europe/Madrid', 'Europe/Rome', 'Europe/Amsterdam', 'Europe/Brussels', 'Europe/Vienna', 'Europe/Zurich',
      'Europe/Stockholm', 'Europe/Oslo', 'Europe/Copenhagen', 'Europe/Warsaw', 'Europe/Prague', 'Europe/Budapest', 'Europe/Belgrade', 'Europe/Zagreb',
      'Europe/Ljubljana', 'Europe/Bratislava', 'Europe/Luxembourg', 'Europe/Monaco', 'Europe/Malta', 'Europe/Andorra', 'Europe/Tirane', 'Europe/Sarajevo',
      'Europe/Skopje', 'Europe/Podgorica', 'Europe/Gibraltar', 'Europe/Vaduz', 'Europe/San_Marino', 'Europe/Vatican', 'Europe/Busingen', 'Africa/Ceuta',
      'Arctic/Longyearbyen', 'Africa/Algiers', 'Africa/Tunis'],
  },
  {
    key: 'EET', name: 'Eastern European Time', abbreviations: ['EET', 'EEST'],
    names: ['eastern european time', 'eastern european summer time', 'east european time'],
    zones: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Kyiv', 'Europe/Bucharest', 'Europe/Sofia', 'Europe/Riga', 'Europe/Tallinn', 'Europe/Vilnius',
      'Europe/Chisinau', 'Europe/Mariehamn', 'Europe/Kaliningrad', 'Asia/Nicosia', 'Asia/Famagusta', 'Asia/Beirut', 'Africa/Cairo', 'Africa/Tripoli',
      'Asia/Gaza', 'Asia/Hebron'],
  },
  {
    key: 'MSK', name: 'Moscow Time', abbreviations: ['MSK'], names: ['moscow time', 'moscow standard time'],
    zones: ['Europe/Moscow', 'Europe/Minsk', 'Europe/Simferopol', 'Europe/Kirov', 'Europe/Volgograd'],
  },
  { key: 'TRT', name: 'Turkey Time', abbreviations: ['TRT'], names: ['turkey time', 'turkish time'], zones: ['Europe/Istanbul'] },
  { key: 'IL', name: 'Israel Time', abbreviations: ['IST', 'IDT'], names: ['israel standard time', 'israel time'], zones: ['Asia/Jerusalem'] },
  {
    key: 'AST-ARABIA', name: 'Arabia Standard Time', abbreviations: ['AST'], names: ['arabia standard time', 'arabian standard time', 'arabia time'],
    zones: ['Asia/Riyadh', 'Asia/Qatar', 'Asia/Kuwait', 'Asia/Bahrain', 'Asia/Baghdad', 'Asia/Aden'],
  },
  { key: 'GST', name: 'Gulf Standard Time', abbreviations: ['GST'], names: ['gulf standard time', 'gulf time'], zones: ['Asia/Dubai', 'Asia/Muscat'] },
  { key: 'PKT', name: 'Pakistan Time', abbreviations: ['PKT'], names: ['pakistan standard time', 'pakistan time'], zones: ['Asia/Karachi'] },
  {
    key: 'IN', name: 'India Standard Time', abbreviations: ['IST'], names: ['india standard time', 'indian standard time', 'india time'],
    zones: ['Asia/Kolkata'],
  },
  {
    key: 'ICT', name: 'Indochina Time', abbreviations: ['ICT'], names: ['indochina time'],
    zones: ['Asia/Bangkok', 'Asia/Ho_Chi_Minh', 'Asia/Phnom_Penh', 'Asia/Vientiane'],
  },
  { key: 'WIB', name: 'Western Indonesia Time', abbreviations: ['WIB'], names: ['western indonesia time', 'western indonesian time'], zones: ['Asia/Jakarta', 'Asia/Pontianak'] },
  { key: 'SGT', name: 'Singapore Time', abbreviations: ['SGT'], names: ['singapore time', 'singapore standard time'], zones: ['Asia/Singapore'] },
  { key: 'MYT', name: 'Malaysia Time', abbreviations: ['MYT'], names: ['malaysia time'], zones: ['Asia/Kuala_Lumpur', 'Asia/Kuching'] },
  { key: 'PHT', name: 'Philippine Time', abbreviations: ['PHT', 'PHST'], names: ['philippine time', 'philippine standard time'], zones: ['Asia/Manila'] },
  { key: 'HKT', name: 'Hong Kong Time', abbreviations: ['HKT'], names: ['hong kong time'], zones: ['Asia/Hong_Kong'] },
  {
    key: 'CN', name: 'China Standard Time', abbreviations: ['CST'], names: ['china standard time', 'china time', 'beijing time'],
    zones: ['Asia/Shanghai', 'Asia/Macau', 'Asia/Taipei'],
  },
  { key: 'JST', name: 'Japan Standard Time', abbreviations: ['JST'], names: ['japan standard time', 'japan time'], zones: ['Asia/Tokyo'] },
  { key: 'KST', name: 'Korea Standard Time', abbreviations: ['KST'], names: ['korea standard time', 'korea time', 'korean time'], zones: ['Asia/Seoul', 'Asia/Pyongyang'] },
  {
    key: 'AET', name: 'Australian Eastern Time', abbreviations: ['AET', 'AEST', 'AEDT'],
    names: ['australian eastern time', 'australian eastern standard time', 'australian eastern daylight time'],
    zones: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane', 'Australia/Hobart', 'Australia/Lindeman', 'Antarctica/Macquarie'],
  },
  {
    key: 'ACT', name: 'Australian Central Time', abbreviations: ['ACST', 'ACDT'],
    names: ['australian central time', 'australian central standard time', 'australian central daylight time'],
    zones: ['Australia/Adelaide', 'Australia/Darwin', 'Australia/Broken_Hill'],
  },
  {
    key: 'AWT', name: 'Australian Western Time', abbreviations: ['AWST', 'AWT'], names: ['australian western time', 'australian western standard time'],
    zones: ['Australia/Perth'],
  },
  {
    key: 'NZT', name: 'New Zealand Time', abbreviations: ['NZT', 'NZST', 'NZDT'], names: ['new zealand time', 'new zealand standard time', 'new zealand daylight time'],
    zones: ['Pacific/Auckland'],
  },
  {
    key: 'BRT', name: 'Brasília Time', abbreviations: ['BRT'], names: ['brasilia time', 'brasilia standard time', 'brazil time', 'brazilian time'],
    zones: ['America/Sao_Paulo', 'America/Bahia', 'America/Fortaleza', 'America/Recife', 'America/Belem', 'America/Maceio', 'America/Araguaina',
      'America/Santarem'],
  },
  {
    key: 'ART', name: 'Argentina Time', abbreviations: ['ART'], names: ['argentina time', 'argentina standard time'],
    zones: ['America/Argentina/Buenos_Aires', 'America/Argentina/Cordoba', 'America/Argentina/Mendoza', 'America/Argentina/Salta', 'America/Argentina/Tucuman'],
  },
  {
    key: 'WAT', name: 'West Africa Time', abbreviations: ['WAT'], names: ['west africa time', 'west african time'],
    zones: ['Africa/Lagos', 'Africa/Kinshasa', 'Africa/Luanda', 'Africa/Douala', 'Africa/Libreville', 'Africa/Malabo', 'Africa/Niamey', 'Africa/Porto-Novo',
      'Africa/Ndjamena', 'Africa/Bangui', 'Africa/Brazzaville'],
  },
  {
    key: 'CAT', name: 'Central Africa Time', abbreviations: ['CAT'], names: ['central africa time', 'central african time'],
    zones: ['Africa/Maputo', 'Africa/Harare', 'Africa/Lusaka', 'Africa/Lubumbashi', 'Africa/Gaborone', 'Africa/Blantyre', 'Africa/Bujumbura', 'Africa/Kigali',
      'Africa/Windhoek', 'Africa/Juba', 'Africa/Khartoum'],
  },
  {
    key: 'SAST', name: 'South Africa Standard Time', abbreviations: ['SAST'], names: ['south africa standard time', 'south african time', 'south africa time'],
    zones: ['Africa/Johannesburg', 'Africa/Maseru', 'Africa/Mbabane'],
  },
  {
    key: 'EAT', name: 'East Africa Time', abbreviations: ['EAT'], names: ['east africa time', 'east african time'],
    zones: ['Africa/Nairobi', 'Africa/Addis_Ababa', 'Africa/Dar_es_Salaam', 'Africa/Kampala', 'Africa/Mogadishu', 'Africa/Djibouti', 'Africa/Asmara',
      'Indian/Antananarivo', 'Indian/Comoro', 'Indian/Mayotte'],
  },
];

const byZone = new Map<string, ZoneGroup[]>();
for (const group of ZONE_GROUPS) {
  for (const zone of group.zones) byZone.set(zone, [...(byZone.get(zone) ?? []), group]);
}

/** The named groups a zone belongs to (London is both GMT and UK time). */
export function zoneGroupsOf(zone: string): readonly ZoneGroup[] {
  return byZone.get(zone) ?? [];
}

/** "PT", "PST", "PDT" for Los Angeles; empty for a zone no form names by letters. */
export function abbreviationsOf(zone: string): string[] {
  return [...new Set(zoneGroupsOf(zone).flatMap((g) => g.abbreviations))];
}

export interface ZoneOffsets {
  /** Minutes east of UTC outside daylight saving time. */
  standard: number;
  /** Minutes east of UTC in summer; equal to standard where clocks never change. */
  daylight: number;
}

// A fixed year keeps answers the same from one day to the next; Intl knows today's rules.
const JANUARY = new Date(Date.UTC(2025, 0, 15, 12));
const JULY = new Date(Date.UTC(2025, 6, 15, 12));
const offsetCache = new Map<string, ZoneOffsets | null>();

/** Standard and summer offsets of an IANA zone, or null for a name Intl does not know. */
export function offsetsOf(zone: string): ZoneOffsets | null {
  const cached = offsetCache.get(zone);
  if (cached !== undefined) return cached;
  let result: ZoneOffsets | null;
  try {
    const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    const winter = offsetAt(format, JANUARY);
    const summer = offsetAt(format, JULY);
    // Southern-hemisphere zones keep summer time in January: the smaller offset is standard.
    result = { standard: Math.min(winter, summer), daylight: Math.max(winter, summer) };
  } catch {
    result = null;
  }
  offsetCache.set(zone, result);
  return result;
}

function offsetAt(format: Intl.DateTimeFormat, date: Date): number {
  const text = format.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(text);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}
