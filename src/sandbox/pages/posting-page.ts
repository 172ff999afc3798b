import { formatDay } from '../dates';
import { escapeHtml } from '../html/escape';
import type { HtmlPage } from '../html/document';
import { formatSalaryRange } from '../money';
import type { Posting, PostingSection } from '../postings';

function sectionHtml(s: PostingSection): string {
  const paragraphs = s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const bullets = s.bullets.length ? `<ul>${s.bullets.map((b) => `<li>${escapeHtml(b)}</li>`).join('')}</ul>` : '';
  return `<section><h2>${escapeHtml(s.heading)}</h2>${paragraphs}${bullets}</section>`;
}

/** schema.org JobPosting, as real boards embed it; `<` is escaped so the data cannot end the script element. */
function structuredData(p: Posting, applyHref: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: p.title,
    datePosted: p.postedAt,
    employmentType: 'FULL_TIME',
    hiringOrganization: { '@type': 'Organization', name: p.company },
    jobLocationType: p.remote ? 'TELECOMMUTE' : undefined,
    jobLocation: p.remote ? undefined : { '@type': 'Place', address: p.location },
    baseSalary: { '@type': 'MonetaryAmount', currency: p.currency, value: { '@type': 'QuantitativeValue', minValue: p.salaryMin, maxValue: p.salaryMax, unitText: 'YEAR' } },
    description: p.description,
    url: applyHref,
  };
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

/** GET /sandbox/jobs/:id: the posting, with its sections as real headings and lists. */
export function postingPage(p: Posting): HtmlPage {
  const applyHref = `/sandbox/jobs/${encodeURIComponent(p.id)}/apply`;
  const apply = `<a class="button primary apply" href="${escapeHtml(applyHref)}">Apply for this job</a>`;
  const facts =
    `<ul class="facts"><li class="company">${escapeHtml(p.company)}</li><li class="location">${escapeHtml(p.location)}</li>` +
    `<li class="salary">${escapeHtml(formatSalaryRange(p.salaryMin, p.salaryMax, p.currency))} a year</li>` +
    `<li>Posted <time datetime="${escapeHtml(p.postedAt)}">${escapeHtml(formatDay(p.postedAt))}</time></li></ul>`;
  return {
    title: `${p.title} at ${p.company} · Sandbox Jobs`,
    head: structuredData(p, applyHref),
    main:
      `<p class="crumbs"><a href="/sandbox">All jobs</a></p><article class="posting"><h1>${escapeHtml(p.title)}</h1>${facts}${apply}` +
      `${p.sections.map(sectionHtml).join('')}<p>${apply}</p></article>`,
    css: CSS,
  };
}

const CSS = `
.posting{background:#fff;border:1px solid #dde2e7;border-radius:8px;padding:24px 30px}
.facts{list-style:none;padding:0;margin:0 0 16px;display:flex;flex-wrap:wrap;gap:4px 18px;color:#4a545e}
.facts .company{font-weight:600;color:#1d2329}
.posting h2{font-size:1.15rem;margin:26px 0 6px}
.apply{background:#1f5fbf;border-color:#1f5fbf;color:#fff}
.crumbs{margin:0 0 8px}
`;
