import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { boardPostings, sandboxFormFields, type LayoutName, type SandboxField } from '~/sandbox';
import { launchChromium } from '~worker/browser/chromium';
import { createEgress, EgressAllowlist } from '~worker/egress';

/** A Chromium like the worker's (its egress proxy, its sandbox) that may open only these origins. */
export function boardBrowser(origins: string[]): Promise<Browser> {
  return launchChromium('/usr/bin/chromium', { sandbox: { mode: 'auto', user: 'nobody' }, egress: createEgress(new EgressAllowlist(origins)) });
}

export interface Receipt {
  receiptId: string;
  jobId: string;
  layout: LayoutName;
  fields: Record<string, string>;
  files: { field: string; fileName: string; bytes: number; contentType: string }[];
}

/** The confirmation the board shows after a submission, read from the page that shows it. */
export async function confirmationOn(page: Page): Promise<string> {
  const tagged = page.locator('[data-confirmation]');
  await tagged.waitFor({ timeout: 10_000 });
  return (await tagged.getAttribute('data-confirmation')) ?? '';
}

export async function receiptOf(web: string, receiptId: string): Promise<Receipt> {
  const res = await fetch(`${web}/sandbox/applications/${receiptId}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Receipt;
}

/** The first posting whose form uses this layout, with the fields its form shows. */
export function postingFor(layout: LayoutName, nth = 0): { id: string; fields: SandboxField[] } {
  const posting = boardPostings().filter((p) => p.layout === layout)[nth];
  if (!posting) throw new Error(`no posting with the ${layout} layout`);
  return { id: posting.id, fields: sandboxFormFields(layout, { company: posting.company, workCountry: posting.workCountry }) };
}

/** What the board received in one field: its text value, or the uploaded file's name. */
export function receivedValue(receipt: Receipt, field: SandboxField): string | undefined {
  if (field.kind === 'file') return receipt.files.find((f) => f.field === field.name)?.fileName;
  return receipt.fields[field.name];
}
