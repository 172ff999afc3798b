/**
 * Generated inputs for fuzzing the API: reproducible from a seed, written as JSON
 * text (so that nesting deeper than JSON.stringify can handle is possible), mixing
 * well-formed values of the API's own field names with values no field expects.
 */

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** Field names the API's inputs use, so that generated objects reach past the first check. */
const FIELD_NAMES = [
  'runId', 'hitlId', 'lastEventId', 'query', 'location', 'limit', 'cursor', 'response', 'reason', 'room', 'email',
  'password', 'name', 'fileName', 'contentBase64', 'jobSources', 'sources', 'autoApply', 'minMatchScore',
  'maxApplications', 'draftMode', 'useCompanyResearch', 'useResumeTailoring', 'useCoverLetter', 'firstName', 'lastName',
  'phone', 'linkedinUrl', 'resumeText', 'yearsOfExperience', 'workAuthorization', 'earliestStartDate', 'desiredSalary',
  'kind', 'board', '__proto__', 'constructor', '',
] as const;

/** Strings that have broken real systems: broken Unicode, NUL, injection, huge, odd ids. */
const NASTY_STRINGS = [
  '', ' ', 'a', '\u0000', 'x\u0000y', '\uD800', '\uDFFF', 'a\uD83D', '\uDE00b', '\uD83D\uDE00', '\u202Eevil', '\uFEFF',
  "' OR '1'='1", 'x\'); DROP TABLE "User"; --', '<script>alert(1)</script>', '../../etc/passwd', '%00', '\\x00',
  'run_', 'run_0000000000000000', 'hitl_0000000000000000', 'dashboard', 'user:x', 'run:x', '1-0', '-1', 'NaN',
  'approve', 'reject', 'yes', 'no', 'greenhouse', 'lever', 'sandbox', 'Remote', 'python', 'a@b.co', 'cv.pdf',
  'JVBERi0xLjQK', '=====', 'http://169.254.169.254/', 'javascript:alert(1)', '2026-02-30', '9'.repeat(400),
] as const;

const NUMBERS = [0, -0, 1, -1, 0.5, 70, 100, 101, 1000, 1001, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, 5e-324] as const;

function jsonString(rng: Rng): string {
  const r = rng();
  if (r < 0.7) return JSON.stringify(pick(rng, NASTY_STRINGS));
  if (r < 0.8) return JSON.stringify('z'.repeat(Math.floor(rng() * 70_000)));
  if (r < 0.9) return JSON.stringify(String.fromCharCode(...Array.from({ length: 20 }, () => Math.floor(rng() * 0xffff))));
  return JSON.stringify(`${pick(rng, NASTY_STRINGS)}${pick(rng, NASTY_STRINGS)}`);
}

function atom(rng: Rng): string {
  const r = rng();
  if (r < 0.5) return jsonString(rng);
  if (r < 0.75) return JSON.stringify(pick(rng, NUMBERS));
  if (r < 0.9) return rng() < 0.5 ? 'true' : 'false';
  return 'null';
}

/** `[[[…]]]` or `{"a":{"a":…}}`, from a few levels to far more than any stack allows. */
function deep(rng: Rng): string {
  const depth = pick(rng, [17, 100, 1000, 20_000, 100_000]);
  return rng() < 0.5 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A JSON value of up to `depth` levels, biased towards objects with the API's field names. */
export function jsonValue(rng: Rng, depth = 3): string {
  const r = rng();
  if (depth <= 0 || r < 0.3) return atom(rng);
  if (r < 0.35) return deep(rng);
  if (r < 0.5) return `[${Array.from({ length: Math.floor(rng() * 5) }, () => jsonValue(rng, depth - 1)).join(',')}]`;
  const keys = Array.from({ length: 1 + Math.floor(rng() * 6) }, () => (rng() < 0.85 ? pick(rng, FIELD_NAMES) : pick(rng, NASTY_STRINGS)));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${jsonValue(rng, depth - 1)}`).join(',')}}`;
}

/** An input for a procedure: usually an object, sometimes one that carries a real id of the caller's. */
export function procedureInput(rng: Rng, ids: { runId: string }): string {
  const r = rng();
  if (r < 0.15) return atom(rng);
  if (r < 0.25) return deep(rng);
  if (r < 0.45) {
    const extra = jsonValue(rng, 2);
    return `{"runId":${JSON.stringify(ids.runId)},"limit":${atom(rng)},"cursor":${atom(rng)},"lastEventId":${atom(rng)},"x":${extra}}`;
  }
  return jsonValue(rng, 3);
}

/** Text that is not JSON at all, or JSON broken in the middle. */
export function brokenJson(rng: Rng): string {
  return pick(rng, ['{', '{"a":', '[1,2', 'undefined', '{"id":1,"method":"query"', '\u0000', '{"a":"\\uD800"}', "{'a':1}", '1e99999', ']']);
}
