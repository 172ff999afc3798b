import { escapeHtml } from '../html/escape';
import type { HtmlPage } from '../html/document';
import type { SandboxField } from '../forms/field-types';
import type { LayoutName } from '../forms/layout-names';
import { layoutDefinition } from '../forms/registry';
import type { Posting } from '../postings';

export interface ApplyView {
  posting: Posting;
  layout: LayoutName;
  fields: readonly SandboxField[];
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  /** Where the form posts: the apply URL, keeping a ?layout= override. */
  action: string;
}

function heading(posting: Posting): string {
  const back = `/sandbox/jobs/${encodeURIComponent(posting.id)}`;
  return (
    `<p class="crumbs"><a href="${escapeHtml(back)}">Back to the job description</a></p>` +
    `<div class="apply-head"><h1>${escapeHtml(posting.title)}</h1><p class="muted">${escapeHtml(posting.company)} · ${escapeHtml(posting.location)}</p></div>`
  );
}

/** GET /sandbox/jobs/:id/apply of an embedded layout: the careers page, with the form in an iframe. */
export function embeddingPage(posting: Posting, layout: LayoutName, formUrl: string): HtmlPage {
  const frame = `<iframe class="ats-frame" src="${escapeHtml(formUrl)}" title="Application form for ${escapeHtml(posting.title)}"></iframe>`;
  return {
    title: `Apply: ${posting.title} at ${posting.company}`,
    main: `${heading(posting)}<div class="layout layout-${escapeHtml(layout)}" data-layout="${escapeHtml(layout)}">${frame}</div>`,
    css: '.ats-frame{display:block;width:100%;height:1500px;border:1px solid #dde2e7;border-radius:8px;background:#fff}',
    framesBoard: true,
  };
}

/** GET and failed POST /sandbox/jobs/:id/apply: the posting's form, drawn by its layout. */
export function applyPage(view: ApplyView, options: { bare?: boolean } = {}): HtmlPage {
  const { posting } = view;
  const form = layoutDefinition(view.layout).render({
    layout: view.layout,
    fields: view.fields,
    values: view.values,
    errors: view.errors,
    action: view.action,
    title: posting.title,
    company: posting.company,
  });
  const layout = `<div class="layout layout-${escapeHtml(view.layout)}" data-layout="${escapeHtml(view.layout)}">${form.html}</div>`;
  return {
    title: `Apply: ${posting.title} at ${posting.company}`,
    main: options.bare ? layout : `${heading(posting)}${layout}`,
    css: form.css,
    scripts: form.scripts,
    bare: options.bare,
  };
}
