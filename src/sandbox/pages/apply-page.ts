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

/** GET and failed POST /sandbox/jobs/:id/apply: the posting's form, drawn by its layout. */
export function applyPage(view: ApplyView): HtmlPage {
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
  const back = `/sandbox/jobs/${encodeURIComponent(posting.id)}`;
  const heading =
    `<p class="crumbs"><a href="${escapeHtml(back)}">Back to the job description</a></p>` +
    `<div class="apply-head"><h1>${escapeHtml(posting.title)}</h1><p class="muted">${escapeHtml(posting.company)} · ${escapeHtml(posting.location)}</p></div>`;
  return {
    title: `Apply: ${posting.title} at ${posting.company}`,
    main: `${heading}<div class="layout layout-${escapeHtml(view.layout)}" data-layout="${escapeHtml(view.layout)}">${form.html}</div>`,
    css: form.css,
    scripts: form.scripts,
  };
}
