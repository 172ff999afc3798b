/** One text the research read: the posting, the company's own page. */
export interface CompanySource {
  label: string;
  text: string;
}

export interface CompanyResearch {
  company: string;
  summary: string;
  /** Short statements, each with where it came from, for company_result. */
  facts: string[];
  industry: string | null;
  size: string | null;
  remote: string | null;
  values: string[];
  benefits: string[];
  /** Labels of the sources that were read. */
  sources: string[];
}

const SUMMARY_MAX_CHARS = 400;
const FACT_MAX_CHARS = 300;

const INDUSTRIES: { name: string; words: RegExp }[] = [
  { name: 'financial technology', words: /\b(fintech|payments?|banking|lending|financial services|insurance|trading|invoic\w*)\b/gi },
  { name: 'healthcare', words: /\b(health ?care|patients?|clinical|medical|hospitals?|telehealth|pharma\w*)\b/gi },
  { name: 'biotechnology', words: /\b(biotech\w*|genomics?|drug discovery|life sciences)\b/gi },
  { name: 'e-commerce and retail', words: /\b(e-?commerce|retail(ers)?|shoppers?|marketplace|merchants?)\b/gi },
  { name: 'education', words: /\b(edtech|education(al)?|learners|students|teachers|schools)\b/gi },
  { name: 'cybersecurity', words: /\b(cyber ?security|threat detection|security operations|zero trust)\b/gi },
  { name: 'developer tools', words: /\b(developer tools?|developer platform|devtools|for developers)\b/gi },
  { name: 'artificial intelligence', words: /\b(artificial intelligence|AI-powered|machine learning platform|generative AI|AI company)\b/gi },
  { name: 'logistics and supply chain', words: /\b(logistics|supply chain|shipping|freight|warehous\w*|fleet)\b/gi },
  { name: 'games', words: /\b(gaming|video games?|game studio|players)\b/gi },
  { name: 'media', words: /\b(media company|publishing|streaming|journalism|newsroom)\b/gi },
  { name: 'energy and climate', words: /\b(renewable|solar|climate|carbon|clean energy|energy storage|grid)\b/gi },
  { name: 'travel and hospitality', words: /\b(travel(lers)?|hospitality|hotels?|bookings?|airlines?)\b/gi },
  { name: 'robotics and hardware', words: /\b(robotics?|robots|hardware|autonomous vehicles|drones?)\b/gi },
  { name: 'cloud infrastructure', words: /\b(cloud infrastructure|cloud platform|data ?cent(er|re)s?|hosting)\b/gi },
];

const BENEFITS: { name: string; words: RegExp }[] = [
  { name: 'health insurance', words: /\b(health|medical) (insurance|coverage|benefits)\b/i },
  { name: 'dental and vision', words: /\bdental\b|\bvision (insurance|coverage)\b/i },
  { name: 'retirement plan', words: /\b401\(?k\)?|\bpension\b|\bretirement (plan|matching)\b/i },
  { name: 'equity', words: /\b(equity|stock options|RSUs?)\b/i },
  { name: 'parental leave', words: /\b(parental|maternity|paternity) leave\b/i },
  { name: 'generous paid time off', words: /\b(unlimited (PTO|vacation|time off)|\d+ days? (of )?(paid )?(vacation|holiday|PTO))\b/i },
  { name: 'learning budget', words: /\b(learning|education|training|conference) (budget|stipend|allowance)\b/i },
  { name: 'home office stipend', words: /\b(home office|remote work|equipment) (stipend|budget|allowance)\b/i },
  { name: 'flexible hours', words: /\bflexible (hours|working hours|schedule)\b/i },
  { name: 'wellness budget', words: /\b(wellness|wellbeing|well-being|gym) (budget|stipend|allowance|membership)\b/i },
];

const REMOTE: { policy: string; words: RegExp }[] = [
  { policy: 'remote-first', words: /\bremote[- ]first\b/i },
  { policy: 'fully remote', words: /\b(fully|100%) remote\b|\bremote[- ]only\b|\bwork from anywhere\b/i },
  { policy: 'hybrid', words: /\bhybrid\b(?! cloud)|\b\d (days?|times) (a|per) week in (the )?office\b/i },
  { policy: 'on-site', words: /\b(on-?site|in-office|in office full[- ]time)\b/i },
  { policy: 'remote', words: /\bremote\b/i },
];

const SIZE = [
  /\b(?:team|company) of (?:over |more than |about |around )?\d[\d,]*\+?(?: people| employees| engineers)?/i,
  /\b(?:over |more than |about |around )?\d[\d,]*\+? (?:employees|people|team members|staff)\b/i,
  /\bseries [A-F]\b(?:[^.]{0,40}\$\d[\d.,]*\s?(?:[MB]|million|billion))?/i,
  /\b(?:founded|established) in (?:19|20)\d\d\b/i,
  /\bpublicly traded\b|\b(?:NYSE|NASDAQ)\b|\bFortune \d+\b/i,
  /\boffices in [A-Z][^.]{2,80}/,
];

const VALUE_SENTENCE = /\b(we value|our values|we believe|our mission|mission is|we care about|we're committed|we are committed|core values)\b/i;
const ABOUT_SENTENCE = /\b(is an?|are an?|builds?|helps?|provides?|develops?|makes?|offers?|powers?|we're an?|we are an?)\b/i;

/** Research from text already in hand; nothing is looked up, so nothing is invented. */
export function researchCompany(company: string, sources: readonly CompanySource[]): CompanyResearch {
  const texts = sources.filter((s) => s.text.trim() !== '');
  const all = texts.map((s) => s.text).join('\n');
  const industry = detectIndustry(all);
  const size = firstMatch(all, SIZE);
  const remote = REMOTE.find((r) => r.words.test(all))?.policy ?? null;
  const values = valueSentences(all);
  const benefits = BENEFITS.filter((b) => b.words.test(all)).map((b) => b.name);
  const summary = summarize(company, texts);
  const facts = [
    ...(industry ? [`Industry: ${industry}`] : []),
    ...(size ? [`Size: ${size}`] : []),
    ...(remote ? [`Work model: ${remote}`] : []),
    ...values.map((v) => `Values: ${v}`),
    ...(benefits.length ? [`Benefits mentioned: ${benefits.join(', ')}`] : []),
  ].map((f) => clip(f, FACT_MAX_CHARS));
  return { company, summary, facts, industry, size, remote, values, benefits, sources: texts.map((s) => s.label) };
}

function detectIndustry(text: string): string | null {
  let best: { name: string; hits: number } | null = null;
  for (const { name, words } of INDUSTRIES) {
    const hits = text.match(words)?.length ?? 0;
    if (hits > 0 && (!best || hits > best.hits)) best = { name, hits };
  }
  return best?.name ?? null;
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) return m[0].trim();
  }
  return null;
}

function valueSentences(text: string): string[] {
  return sentences(text)
    .filter((s) => VALUE_SENTENCE.test(s))
    .slice(0, 2)
    .map((s) => clip(s, 200));
}

/** Sentences that say what the company is or does, preferring its own page over the posting. */
function summarize(company: string, sources: readonly CompanySource[]): string {
  const name = company.toLowerCase();
  const ordered = [...sources].reverse();
  for (const source of ordered) {
    const about = sentences(source.text).filter((s) => ABOUT_SENTENCE.test(s) && (s.toLowerCase().includes(name) || /^(we|our)\b/i.test(s)));
    if (about.length) return clip(about.slice(0, 2).join(' '), SUMMARY_MAX_CHARS);
  }
  const first = sources.map((s) => sentences(s.text)[0]).find((s) => s !== undefined);
  return first ? clip(first, SUMMARY_MAX_CHARS) : `No description of ${company} was available.`;
}

export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 20);
}

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The readable text of an HTML page: no scripts, styles, tags or entities. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/\s+/g, ' ') // source line breaks are only spaces in HTML
      .replace(/<(br|\/p|\/div|\/li|\/h[1-6]|\/tr|\/section|\/article)\b[^>]*>/gi, '\n')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', hellip: '…' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#')) {
      const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const NOT_COMPANY_SITES = /(^|\.)(linkedin|twitter|x|facebook|instagram|youtube|tiktok|glassdoor|indeed|github|google|apple|greenhouse|lever|workday|wikipedia)\.[a-z.]+$/i;

/**
 * The company's own site as the posting links it: an "About us" link, a link naming
 * the company, or one to a host that carries its name. Job boards and social sites
 * are not the company's page.
 */
export function findCompanyLink(html: string, pageUrl: string, company: string): string | null {
  const slug = company.toLowerCase().replace(/[^a-z0-9]/g, '');
  const firstWord = company.toLowerCase().split(/\s+/)[0]?.replace(/[^a-z0-9]/g, '') ?? '';
  let best: { url: string; score: number } | null = null;
  for (const m of html.matchAll(/<a\b[^>]*\bhref\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/gi)) {
    const url = resolve(decodeEntities(m[2] ?? ''), pageUrl);
    if (!url || NOT_COMPANY_SITES.test(url.hostname) || samePage(url, pageUrl)) continue;
    const label = htmlToText(m[3] ?? '').toLowerCase();
    const host = url.hostname.toLowerCase().replace(/[^a-z0-9]/g, '');
    let score = 0;
    if (slug && host.includes(slug)) score += 3;
    else if (firstWord.length >= 4 && host.includes(firstWord)) score += 2;
    if (/\b(about|company|website|who we are|our story)\b/.test(label)) score += 2;
    if (label.includes(company.toLowerCase())) score += 2;
    if (score >= 2 && (!best || score > best.score)) best = { url: url.href, score };
  }
  return best?.url ?? null;
}

function samePage(url: URL, pageUrl: string): boolean {
  const page = resolve(pageUrl, pageUrl);
  return page !== null && page.origin === url.origin && page.pathname === url.pathname;
}

function resolve(href: string, base: string): URL | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
