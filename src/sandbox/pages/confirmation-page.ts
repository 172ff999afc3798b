import { escapeHtml } from '../html/escape';
import type { HtmlPage } from '../html/document';
import type { Posting } from '../postings';

/** POST /sandbox/jobs/:id/apply succeeded: the receipt id is the only way back to what was sent. */
export function confirmationPage(posting: Posting, receiptId: string): HtmlPage {
  const receipt = `/sandbox/applications/${encodeURIComponent(receiptId)}`;
  return {
    title: `Application received · ${posting.company}`,
    main:
      `<div class="done"><h1>Thank you for applying</h1>` +
      `<p id="confirmation" data-confirmation="${escapeHtml(receiptId)}">Application received for ${escapeHtml(posting.title)} at ${escapeHtml(posting.company)}. ` +
      `Your reference is <code>${escapeHtml(receiptId)}</code>.</p>` +
      `<p class="muted">Keep the reference: <a href="${escapeHtml(receipt)}">what you submitted</a> is available there for seven days.</p>` +
      `<p><a href="/sandbox">Back to all jobs</a></p></div>`,
    css: '.done{background:#fff;border:1px solid #cfe6d8;border-left:6px solid #1a7f4b;border-radius:8px;padding:24px 28px}',
  };
}
