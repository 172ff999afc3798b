import { createHash } from 'node:crypto';
import { escapeHtml } from './escape';

/** A page of the sandbox board, before it becomes a document. */
export interface HtmlPage {
  title: string;
  /** Safe HTML for <main>. */
  main: string;
  /** Extra CSS for this page (a layout's look). */
  css?: string;
  /** Inline scripts; the CSP allows exactly these by hash. */
  scripts?: readonly string[];
  /** Safe HTML for <head> (structured data). */
  head?: string;
  /** The page frames another page of the board (an embedded application form). */
  framesBoard?: boolean;
  /** Only the page's own content: no board header or footer (a document shown in a frame). */
  bare?: boolean;
}

const BASE_CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5;color:#1d2329;background:#f6f7f9}
.wrap{max-width:880px;margin:0 auto;padding:0 20px}
header.site{background:#1d2329;color:#fff;padding:12px 0}
header.site .wrap{display:flex;align-items:baseline;gap:12px;flex-wrap:wrap}
header.site .brand{color:#fff;font-weight:700;font-size:1.1rem;text-decoration:none}
header.site .tag{color:#b9c2cb;font-size:.85rem}
main.wrap{padding-top:24px;padding-bottom:56px}
footer.site{color:#6b7580;font-size:.8rem;text-align:center;padding:0 0 32px}
a{color:#1f5fbf}
h1{line-height:1.25;margin:.2em 0 .3em}
.muted{color:#5f6b76}
.req{color:#b3261e}
input:not([type=radio]):not([type=checkbox]):not([type=file]):not([type=submit]),select,textarea{width:100%;font:inherit;padding:9px 11px;border:1px solid #b8c0c8;border-radius:6px;background:#fff;color:inherit}
textarea{resize:vertical}
.field{margin:0 0 18px;border:0;padding:0;min-width:0}
.field label,.field legend{display:block;margin-bottom:6px;padding:0}
.choice{display:inline-flex;align-items:center;gap:6px;margin-right:18px}
.field-check label.choice{font-weight:400}
.hint{font-size:.85rem;color:#5f6b76;margin:4px 0 0}
.field-error{color:#b3261e;font-size:.9rem;margin:6px 0 0}
[aria-invalid=true]{border-color:#b3261e!important}
.error-summary{border:2px solid #b3261e;background:#fdf1f0;border-radius:6px;padding:12px 16px;margin-bottom:20px}
.error-summary p{margin:0 0 6px}
.error-summary ul{margin:0;padding-left:20px}
button,.button{display:inline-block;font:inherit;padding:10px 18px;border-radius:6px;border:1px solid #8a949e;background:#fff;color:inherit;cursor:pointer;text-decoration:none}
.primary{font-weight:600}
[hidden]{display:none!important}
@media (max-width:600px){.wrap{padding:0 12px}h1{font-size:1.5rem}}
`;

const scriptHash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/** Nothing loads from anywhere, and only this page's own inline scripts run. */
export function contentSecurityPolicy(page: HtmlPage): string {
  const scripts = (page.scripts ?? []).map(scriptHash);
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${scripts.length ? scripts.join(' ') : "'none'"}`,
    "img-src 'self' data:",
    ...(page.framesBoard ? ["frame-src 'self'"] : []),
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

const HEADER =
  '<header class="site"><div class="wrap"><a class="brand" href="/sandbox">Sandbox Jobs</a>' +
  '<span class="tag">an offline job board for demos and tests</span></div></header>';
const FOOTER = '<footer class="site">Every company and posting here is fictional.</footer>';

export function renderDocument(page: HtmlPage): string {
  const scripts = (page.scripts ?? []).map((s) => `<script>${s}</script>`).join('');
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">' +
    `<title>${escapeHtml(page.title)}</title><style>${BASE_CSS}${page.css ?? ''}</style>${page.head ?? ''}</head>` +
    `<body>${page.bare ? '' : HEADER}<main class="wrap">${page.main}</main>${page.bare ? '' : FOOTER}${scripts}</body></html>`
  );
}
