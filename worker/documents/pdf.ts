import type { BrowserContext } from 'playwright-core';
import { parseResume, type ResumeSection } from './resume-tailor';

export interface PdfDocument {
  /** The PDF's title (metadata and the browser tab); not printed. */
  title: string;
  /** Plain text; every character is escaped, none is read as markup. */
  text: string;
  /** A resume gets a name line, headings and bullet lists; a letter gets paragraphs. */
  layout: 'resume' | 'letter';
  format?: 'A4' | 'Letter';
}

const BULLET = /^\s*(?:[-*•·–▪◦]|\d{1,2}[.)])\s+/;

// Nothing in the document is fetched or run: the text is escaped, and the policy
// forbids every source but the inline stylesheet below.
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
  @page { margin: 18mm 16mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; }
  h1 { font-size: 18pt; margin: 0 0 2pt; }
  h2 { font-size: 11pt; text-transform: uppercase; letter-spacing: .04em; border-bottom: 1px solid #999; margin: 12pt 0 4pt; padding-bottom: 1pt; break-after: avoid; }
  p { margin: 0 0 6pt; }
  .contact { color: #444; }
  .entry { font-weight: bold; margin: 6pt 0 2pt; break-after: avoid; }
  ul { margin: 0 0 6pt; padding-left: 14pt; }
  li { margin: 0 0 2pt; break-inside: avoid; }
  .letter p { margin: 0 0 10pt; }
`;

/** Prints the document to PDF in a page of the run's browser, closed afterwards. */
export async function renderPdf(context: BrowserContext, doc: PdfDocument): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.setContent(documentHtml(doc), { waitUntil: 'load' });
    return await page.pdf({ format: doc.format ?? 'A4', printBackground: true, tagged: true, outline: true });
  } finally {
    await page.close().catch(() => undefined);
  }
}

export function documentHtml(doc: PdfDocument): string {
  const body = doc.layout === 'resume' ? resumeHtml(doc.text) : letterHtml(doc.text);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head>
<body class="${doc.layout}">${body}</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function letterHtml(text: string): string {
  return paragraphs(text.replace(/\r\n?/g, '\n').split('\n')).join('');
}

function resumeHtml(text: string): string {
  const sections = parseResume(text);
  const header = sections[0]?.heading === null ? sections[0] : null;
  const rest = header ? sections.slice(1) : sections;
  return (header ? headerHtml(header.lines) : '') + rest.map(sectionHtml).join('');
}

function headerHtml(lines: readonly string[]): string {
  const [name, ...contact] = lines.filter((l) => l.trim() !== '');
  if (name === undefined) return '';
  const details = contact.map((l) => escapeHtml(l.trim())).join('<br>');
  return `<h1>${escapeHtml(name.replace(/^#+\s*/, '').trim())}</h1>${details ? `<p class="contact">${details}</p>` : ''}`;
}

function sectionHtml(section: ResumeSection): string {
  const heading = section.heading === null ? '' : `<h2>${escapeHtml(section.heading.replace(/^#+\s*/, '').replace(/:$/, ''))}</h2>`;
  return heading + blocksHtml(section.lines);
}

/** Bullets become a list; a line right above bullets is their entry's title; other lines are paragraphs. */
function blocksHtml(lines: readonly string[]): string {
  const out: string[] = [];
  let items: string[] = [];
  let para: string[] = [];
  const flushList = () => {
    if (items.length) out.push(`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
    items = [];
  };
  const flushPara = (entry: boolean) => {
    if (para.length) out.push(`<p${entry ? ' class="entry"' : ''}>${para.map(escapeHtml).join('<br>')}</p>`);
    para = [];
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (BULLET.test(line)) {
      flushPara(true);
      items.push(trimmed.replace(BULLET, ''));
    } else if (trimmed === '') {
      flushList();
      flushPara(false);
    } else if (items.length && /^\s/.test(line)) {
      items.push(`${items.pop() ?? ''} ${trimmed}`); // a wrapped bullet
    } else {
      flushList();
      para.push(trimmed);
    }
  }
  flushList();
  flushPara(false);
  return out.join('');
}

function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let para: string[] = [];
  for (const line of [...lines, '']) {
    if (line.trim() !== '') {
      para.push(escapeHtml(line.trim()));
      continue;
    }
    if (para.length) out.push(`<p>${para.join('<br>')}</p>`);
    para = [];
  }
  return out;
}
