import { escapeHtml } from '../html/escape';
import type { HtmlPage } from '../html/document';

/** Errors as people see them: a heading, a sentence, and the way back; never a stack trace. */
export function messagePage(heading: string, message: string): HtmlPage {
  return {
    title: `${heading} · Sandbox Jobs`,
    main: `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p><p><a href="/sandbox">Back to all jobs</a></p>`,
  };
}
