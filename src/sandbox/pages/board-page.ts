import { formatDay } from '../dates';
import { attrs, escapeHtml } from '../html/escape';
import type { HtmlPage } from '../html/document';
import { formatSalaryRange } from '../money';
import type { Posting } from '../postings';

export interface BoardView {
  q: string;
  location: string;
  results: readonly Posting[];
  total: number;
}

function card(p: Posting): string {
  const href = `/sandbox/jobs/${encodeURIComponent(p.id)}`;
  return (
    `<li class="job"><a class="title" href="${escapeHtml(href)}">${escapeHtml(p.title)}</a>` +
    `<div class="meta"><span class="company">${escapeHtml(p.company)}</span> · <span class="location">${escapeHtml(p.location)}</span>` +
    ` · <span>${escapeHtml(formatSalaryRange(p.salaryMin, p.salaryMax, p.currency))}</span></div>` +
    `<div class="meta muted">Posted <time datetime="${escapeHtml(p.postedAt)}">${escapeHtml(formatDay(p.postedAt))}</time>` +
    ` · <span class="badge">${escapeHtml(p.layout)} form</span></div></li>`
  );
}

function searchForm(view: BoardView): string {
  return (
    '<form class="search" method="get" action="/sandbox" role="search">' +
    `<label for="q">What</label><input${attrs({ id: 'q', name: 'q', type: 'search', value: view.q, placeholder: 'Title, skill or company' })}>` +
    `<label for="location">Where</label><input${attrs({ id: 'location', name: 'location', type: 'text', value: view.location, placeholder: 'City, country or "remote"' })}>` +
    '<button type="submit" class="primary">Search jobs</button></form>'
  );
}

/** GET /sandbox: the search form and every matching posting, newest first. */
export function boardPage(view: BoardView): HtmlPage {
  const filtered = view.q !== '' || view.location !== '';
  const summary = filtered ? `${view.results.length} of ${view.total} jobs match` : `${view.total} open jobs`;
  const list = view.results.length
    ? `<ul class="jobs">${view.results.map(card).join('')}</ul>`
    : '<p class="empty">No jobs match this search. Try fewer words or another location.</p>';
  return {
    title: filtered ? `Jobs matching your search · Sandbox Jobs` : 'Sandbox Jobs',
    main: `<h1>Find your next role</h1>${searchForm(view)}<p class="count muted" id="result-count">${escapeHtml(summary)}</p>${list}`,
    css: CSS,
  };
}

const CSS = `
.search{display:grid;grid-template-columns:auto 1fr auto 1fr auto;gap:8px 10px;align-items:center;background:#fff;border:1px solid #dde2e7;border-radius:8px;padding:14px;margin:12px 0 8px}
.search label{font-weight:600}
.jobs{list-style:none;padding:0;margin:0}
.job{background:#fff;border:1px solid #dde2e7;border-radius:8px;padding:14px 16px;margin-bottom:10px}
.job .title{font-weight:600;font-size:1.05rem;text-decoration:none}
.job .title:hover{text-decoration:underline}
.meta{font-size:.92rem;margin-top:2px}
.badge{display:inline-block;font-size:.75rem;border:1px solid #c9d1d9;border-radius:10px;padding:0 8px}
@media (max-width:700px){.search{grid-template-columns:1fr}}
`;
