/**
 * Posting descriptions arrive as HTML; the analyst wants readable text. This is not
 * an HTML parser: it keeps the text and the paragraph breaks, which is all the
 * analyst reads, and it never runs anything it finds.
 */

// The entities job boards actually use; a numeric reference covers any other character.
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  copy: '©', reg: '®', trade: '™', deg: '°', times: '×', euro: '€', pound: '£', yen: '¥', cent: '¢',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', iacute: 'í', oacute: 'ó',
  uacute: 'ú', ntilde: 'ñ', ccedil: 'ç', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Decodes character references once; an unknown name stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return isPrintableCodePoint(code) ? String.fromCodePoint(code) : whole;
  });
}

function isPrintableCodePoint(code: number): boolean {
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
  return code === 0x09 || code === 0x0a || code >= 0x20;
}

// Whatever these hold is code or styling, never posting text.
const INVISIBLE_BLOCK = /<(script|style|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
const LIST_ITEM_TAG = /<li\b[^>]*>/gi;
const BLOCK_TAG = /<\/?(?:p|div|section|article|header|footer|h[1-6]|ul|ol|li|tr|table|blockquote|pre|hr)\b[^>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z][^>]*>/g;

/** HTML to plain text: tags dropped, block elements on their own lines, list items as "- …". */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(INVISIBLE_BLOCK, ' ')
    .replace(COMMENT, ' ')
    .replace(LINE_BREAK_TAG, '\n')
    .replace(LIST_ITEM_TAG, '\n- ')
    .replace(BLOCK_TAG, '\n')
    .replace(ANY_TAG, '');
  // Entities are decoded after the tags are gone, so an escaped "&lt;b&gt;" stays text.
  return tidyWhitespace(decodeEntities(withBreaks));
}

/** One space between words, one paragraph or list item per line, no blank lines. */
export function tidyWhitespace(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
