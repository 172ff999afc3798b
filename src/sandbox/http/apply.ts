import { findPosting } from '../board';
import { isLayoutName, type LayoutName } from '../forms/layout-names';
import { layoutDefinition, sandboxFormFields } from '../forms/registry';
import { validateSubmission } from '../forms/validate';
import { applyPage, embeddingPage } from '../pages/apply-page';
import { confirmationPage } from '../pages/confirmation-page';
import { messagePage } from '../pages/message-page';
import type { Posting } from '../postings';
import type { RouteContext } from './context';
import { readForm } from './read-form';
import { sendHtml } from './respond';

/** Room for a 5 MB resume plus a cover letter, like the rest of the app. */
export const MAX_APPLICATION_BYTES = 10 * 1024 * 1024;

interface ApplyTarget {
  posting: Posting;
  layout: LayoutName;
  /** The form's action, keeping a ?layout= override so the POST validates the same form. */
  action: string;
}

/** The posting and the layout to use, or undefined once an error page has been sent. */
function resolveTarget(ctx: RouteContext, id: string): ApplyTarget | undefined {
  const posting = findPosting(id);
  if (!posting) {
    sendHtml(ctx.res, 404, messagePage('Job not found', 'This job does not exist or is no longer open.'));
    return undefined;
  }
  const override = ctx.query.get('layout');
  if (override !== null && !isLayoutName(override)) {
    sendHtml(ctx.res, 400, messagePage('Bad request', `Unknown form layout "${override}".`));
    return undefined;
  }
  const base = `/sandbox/jobs/${encodeURIComponent(posting.id)}/apply`;
  return override === null
    ? { posting, layout: posting.layout, action: base }
    : { posting, layout: override, action: `${base}?layout=${encodeURIComponent(override)}` };
}

const fieldsFor = (t: ApplyTarget) => sandboxFormFields(t.layout, { company: t.posting.company, workCountry: t.posting.workCountry });

/** Where an embedded layout's form document lives: the apply URL plus /embed, keeping ?layout=. */
function embedUrl(target: ApplyTarget): string {
  const [path, query] = target.action.split('?');
  return `${path ?? ''}/embed${query ? `?${query}` : ''}`;
}

/** GET /sandbox/jobs/:id/apply[?layout=] */
export function handleApplyForm(ctx: RouteContext, id: string): void {
  const target = resolveTarget(ctx, id);
  if (!target) return;
  if (layoutDefinition(target.layout).embedded) return sendHtml(ctx.res, 200, embeddingPage(target.posting, target.layout, embedUrl(target)));
  sendHtml(ctx.res, 200, applyPage({ ...target, fields: fieldsFor(target), values: {}, errors: {} }));
}

/** GET /sandbox/jobs/:id/apply/embed[?layout=]: the form document an embedding page frames (same origin only). */
export function handleApplyEmbed(ctx: RouteContext, id: string): void {
  const target = resolveTarget(ctx, id);
  if (!target) return;
  const page = applyPage({ ...target, fields: fieldsFor(target), values: {}, errors: {} }, { bare: true });
  sendHtml(ctx.res, 200, page, { 'x-frame-options': 'SAMEORIGIN' });
}

/** POST /sandbox/jobs/:id/apply[?layout=]: validate like an ATS, store, confirm. */
export async function handleApplySubmit(ctx: RouteContext, id: string): Promise<void> {
  const target = resolveTarget(ctx, id);
  if (!target) {
    ctx.req.resume();
    return;
  }
  const read = await readForm(ctx.req, MAX_APPLICATION_BYTES);
  switch (read.kind) {
    case 'too-large':
      return sendHtml(ctx.res, 413, messagePage('Application too large', 'Attachments may total at most 10 MB.'));
    case 'unsupported':
      return sendHtml(ctx.res, 415, messagePage('Unsupported form', 'Send the form as multipart/form-data or urlencoded.'));
    case 'malformed':
      return sendHtml(ctx.res, 400, messagePage('Bad request', 'The form data could not be read.'));
  }
  const fields = fieldsFor(target);
  const outcome = validateSubmission(fields, read.form);
  if (!outcome.ok) {
    return sendHtml(ctx.res, 422, applyPage({ ...target, fields, values: outcome.values, errors: outcome.errors }));
  }
  const stored = await ctx.submissions.save(target.posting.id, target.layout, outcome.application);
  sendHtml(ctx.res, 200, confirmationPage(target.posting, stored.receiptId));
}
