/**
 * The check a model's draft must pass before its words replace the engine's. The
 * engine's data (its reply, and the facts behind it) is the only source of skills,
 * numbers, roles, companies, people and links: a draft that names one the data does not
 * have is refused, and so is a draft that drops a link or a figure the reply is about.
 * The approach is the salary battle's (worker/sessions/salary-battle/llm-words.ts): read
 * the draft with the same readers as the data, and compare values, never wording.
 */
import { extractSkills } from '../../analysis/skills';
import { linksIn, numbersIn, withoutLinks } from './numbers';

export const MAX_DRAFT_CHARS = 6_000;

export type DraftCheck = { ok: true; text: string } | { ok: false; reason: string };

export interface Grounding {
  skills: ReadonlySet<string>;
  numbers: ReadonlySet<number>;
  /** Every word of the data, lower case: what a capitalised word in a draft must be. */
  words: ReadonlySet<string>;
  /** The data, lower case, for role phrases. */
  text: string;
  links: ReadonlySet<string>;
  /** What the draft must keep: the reply's links, and the skills and numbers it is about. */
  required: { links: readonly string[]; skills: readonly string[]; numbers: readonly number[] };
}

export interface GroundingInput {
  /** The engine's reply. */
  reply: string;
  /** The data behind it. */
  facts: readonly string[];
  /** Skills and numbers the reply is about, which a rewording may not leave out. */
  mustSay?: { skills?: readonly string[]; numbers?: readonly number[] };
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&+#.-]*/gu;

function wordsOf(text: string): string[] {
  return (withoutLinks(text).match(WORD) ?? []).map(normalWord);
}

/** "Acme's" is Acme, "engineers." is engineers. */
function normalWord(word: string): string {
  return word.toLowerCase().replace(/['’]s$/, '').replace(/[.'’-]+$/, '');
}

export function groundingOf(input: GroundingInput): Grounding {
  const all = [input.reply, ...input.facts].join('\n');
  return {
    skills: new Set(extractSkills(all)),
    numbers: new Set(numbersIn(all).map((n) => n.value)),
    words: new Set(wordsOf(all)),
    text: all.toLowerCase().replace(/\s+/g, ' '),
    links: new Set(linksIn(all)),
    required: {
      links: [...new Set(linksIn(input.reply))],
      skills: input.mustSay?.skills ?? [],
      numbers: input.mustSay?.numbers ?? [],
    },
  };
}

type Rule = (draft: string, grounding: Grounding) => string | null;

const lengthRule: Rule = (draft) => {
  if (draft === '') return 'the draft was empty';
  return draft.length > MAX_DRAFT_CHARS ? 'the draft was too long' : null;
};

const skillsRule: Rule = (draft, g) => {
  const extra = extractSkills(withoutLinks(draft)).find((s) => !g.skills.has(s));
  return extra === undefined ? null : `the draft names a skill the data does not have (${extra})`;
};

const numbersRule: Rule = (draft, g) => {
  const extra = numbersIn(draft).find((n) => !g.numbers.has(n.value));
  return extra === undefined ? null : `the draft names a number the data does not have (${extra.raw})`;
};

const linksRule: Rule = (draft, g) => {
  const written = linksIn(draft);
  const extra = written.find((link) => !g.links.has(link));
  if (extra !== undefined) return `the draft gives a link the data does not have (${extra})`;
  const dropped = g.required.links.find((link) => !written.includes(link));
  return dropped === undefined ? null : `the draft leaves out a link (${dropped})`;
};

const keepsRule: Rule = (draft, g) => {
  const skills = new Set(extractSkills(withoutLinks(draft)));
  const skill = g.required.skills.find((s) => !skills.has(s));
  if (skill !== undefined) return `the draft leaves out ${skill}`;
  const values = new Set(numbersIn(draft).map((n) => n.value));
  const number = g.required.numbers.find((n) => !values.has(n));
  return number === undefined ? null : `the draft leaves out the figure ${number}`;
};

/**
 * A rung named with its level ("a Staff Engineer", "director of product") must be one
 * the data names: a model is quick to promise a title nobody offered.
 */
const ROLE_PHRASE =
  /\b(?:junior|mid-level|senior|staff|principal|lead|associate|group)\s+(?:[\p{L}/+#.-]+\s+){0,3}?(?:engineer|developer|scientist|analyst|designer|manager|architect|researcher|owner)s?\b|\b(?:director|head|vp|vice president)\s+of\s+\p{L}+/giu;

const rolesRule: Rule = (draft, g) => {
  for (const m of withoutLinks(draft).matchAll(ROLE_PHRASE)) {
    const phrase = m[0].toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '');
    if (!g.text.includes(phrase)) return `the draft names a role the data does not have (${m[0]})`;
  }
  return null;
};

/** Words any reply may start a sentence with or write in capitals; a name is anything else. */
const COMMON_WORDS =
  "i i'm i'll i've i'd ok okay hi hello hey yes no not sure great good nice well so and but or also then now next here there " +
  "this that these those the a an it it's you your you're you'll you've we we're our they their if when while as at by for " +
  'from in into of on to with without about after before between over under based given since because although though however ' +
  'overall still just only even most many some several all each every both either any more less few first second last ' +
  "top best right looking let let's here's that's there's what which where who why how thanks thank welcome happy glad " +
  'sorry luck bye goodbye cheers meanwhile finally additionally currently typically usually generally roughly around ' +
  'approximately note consider try start focus keep build learn take add ask check use see look find apply aim plan ' +
  'strong solid clear key main big small high low other another same such very quite pretty really great nice ' +
  'remember good great congratulations absolutely definitely certainly sounds would could should can will may might must';
const COMMON = new Set(COMMON_WORDS.split(' ').flatMap((w) => [w, w.replace(/'/g, '’')]));
/** English endings that names rarely have: a sentence that starts "Strengthening…" names nobody. */
const ORDINARY_ENDING = /(?:ing|ly|ed|ion|ions|ment|ments|ness|ful|ive|ous|able|ible|ity|ies|ance|ence)$/;
const SENTENCE_START = /(?:^|[.!?:;]\s+|\n\s*(?:[-•*]|\d+[.)])?\s*|["“(]\s*)$/;

function known(word: string, g: Grounding): boolean {
  const w = normalWord(word);
  return g.words.has(w) || g.words.has(w.replace(/s$/, '')) || COMMON.has(w);
}

const namesRule: Rule = (draft, g) => {
  const text = withoutLinks(draft);
  // Whole words only: the K of "$170K" is a unit, not a name.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’&+#.-]*/gu)) {
    if (known(m[0], g)) continue;
    const startsSentence = SENTENCE_START.test(text.slice(Math.max(0, m.index - 6), m.index));
    if (startsSentence && ORDINARY_ENDING.test(normalWord(m[0]))) continue;
    return `the draft names something the data does not have (${m[0]})`;
  }
  return null;
};

const RULES: readonly Rule[] = [lengthRule, skillsRule, numbersRule, linksRule, rolesRule, namesRule, keepsRule];

/** Accepts a finished draft, or says why not. */
export function checkDraft(draft: string, grounding: Grounding): DraftCheck {
  const text = draft.trim().replace(/^["“](.*)["”]$/s, '$1').trim();
  for (const rule of RULES) {
    const reason = rule(text, grounding);
    if (reason !== null) return { ok: false, reason };
  }
  return { ok: true, text };
}
