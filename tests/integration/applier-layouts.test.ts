import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutNames, type LayoutName } from '~/sandbox';
import type { ApplicantFacts } from '~worker/browser/field-mapper';
import { findSubmitButton } from '~worker/browser/form-filler';
import { walkForm, type FormFiles } from '~worker/browser/form-walker';
import { UserFacingError } from '~worker/user-facing-error';
import { TEST_PROFILE } from '../helpers/applicant';
import { COVER_LETTER_TEXT, expectedValue, isShown, pdfFile, TableQuestions, type Expectation } from '../helpers/form-answers';
import { useStack } from '../helpers/stack';
import { boardBrowser, confirmationOn, postingFor, receiptOf, receivedValue, type Receipt } from '../helpers/walk-board';

/**
 * The form walker on every layout of the sandbox board, in a real Chromium: it fills
 * each form from the test applicant's profile, asks (a table answering like the user)
 * only what the profile cannot answer, and what the board received is compared, field
 * by field, with what a correct applier sends.
 */
const t = useStack({ workers: 0 });
const web = () => t.stack.webs[0]!.url;

const RESUME = pdfFile('jordan-rivera-resume.pdf');
const LETTER = pdfFile('jordan-rivera-cover-letter.pdf');
const FULL_FILES: FormFiles = { resume: RESUME, coverLetter: LETTER };
const FULL_FACTS: ApplicantFacts = { profile: TEST_PROFILE, coverLetter: COVER_LETTER_TEXT, hasResumeFile: true };
const EXPECT_FULL: Expectation = { profile: TEST_PROFILE, coverLetter: COVER_LETTER_TEXT, files: { resume: RESUME.fileName, coverLetter: LETTER.fileName } };

let browser: Browser;
beforeAll(async () => {
  browser = await boardBrowser([web()]);
});
afterAll(async () => {
  await browser.close();
});

async function openForm(layout: LayoutName, nth = 0): Promise<{ page: Page; fields: ReturnType<typeof postingFor>['fields'] }> {
  const posting = postingFor(layout, nth);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${web()}/sandbox/jobs/${posting.id}/apply`);
  return { page, fields: posting.fields };
}

/** Walks the form, submits it the way the applier does, and returns what the board kept. */
async function applyThrough(page: Page, facts: ApplicantFacts, files: FormFiles, questions: TableQuestions): Promise<Receipt> {
  await walkForm({ page, facts, files, questions, timeoutMs: 5_000 });
  const submit = await findSubmitButton(page);
  expect(submit, 'a submit button').not.toBeNull();
  await submit!.click();
  return receiptOf(web(), await confirmationOn(page));
}

/** Field by field: what the board got against what a correct applier sends. */
function compare(fields: ReturnType<typeof postingFor>['fields'], receipt: Receipt, e: Expectation): { right: number; wrong: string[] } {
  const expected = new Map(fields.map((f) => [f.name, expectedValue(f, e)]));
  const shown = fields.filter((f) => isShown(f, expected));
  const wrong = shown.filter((f) => receivedValue(receipt, f) !== expected.get(f.name));
  return { right: shown.length - wrong.length, wrong: wrong.map((f) => `${f.label}: got ${JSON.stringify(receivedValue(receipt, f))}, want ${JSON.stringify(expected.get(f.name))}`) };
}

describe('the form walker on every layout of the sandbox board', () => {
  it.each(layoutNames)('fills the %s form completely and right, asking only what the profile cannot answer', async (layout) => {
    const { page, fields } = await openForm(layout);
    try {
      const questions = new TableQuestions();
      const receipt = await applyThrough(page, FULL_FACTS, FULL_FILES, questions);
      expect(receipt.layout).toBe(layout);
      const { right, wrong } = compare(fields, receipt, EXPECT_FULL);
      console.log(`[measure] layout ${layout}: ${right}/${right + wrong.length} fields right`);
      expect(wrong).toEqual([]);
      // Questions only for what needs the person.
      const humanLabels = fields.filter((f) => f.needsHuman).map((f) => f.label);
      expect(questions.asked.map((q) => q.label).filter((label) => !humanLabels.includes(label))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);
});

describe('the failures seen on forms nobody had seen before', () => {
  it('gets through a multi-step form whose div combobox is named by aria-labelledby and whose Continue only says alert()', async () => {
    const { page, fields } = await openForm('alert-steps', 1);
    try {
      const questions = new TableQuestions();
      const receipt = await applyThrough(page, FULL_FACTS, FULL_FILES, questions);
      const { wrong } = compare(fields, receipt, EXPECT_FULL);
      expect(wrong).toEqual([]);
      // The combobox questions the profile answers were chosen, not asked.
      expect(questions.asked.map((q) => q.label)).not.toContain('How many years of professional experience do you have?');
      // The question no mark called required was asked once the page's alert said so, with the page's words.
      const source = questions.asked.find((q) => q.label === 'How did you hear about this job?');
      expect(source?.pageSaid).toContain('Please answer: How did you hear about this job?');
    } finally {
      await page.close();
    }
  }, 90_000);

  it('asks for a file (never types into a file input) when the profile has no resume, and uploads the file the user gives', async () => {
    const { page, fields } = await openForm('classic', 1);
    try {
      const given = pdfFile('resume-from-the-user.pdf');
      const questions = new TableQuestions(undefined, given);
      const files: FormFiles = { resume: null, coverLetter: LETTER };
      const receipt = await applyThrough(page, { ...FULL_FACTS, hasResumeFile: false }, files, questions);
      const resumeQuestion = questions.asked.find((q) => q.field.control === 'file');
      expect(resumeQuestion?.wantsFile).toBe('resume');
      expect(resumeQuestion?.reason).toMatch(/no resume/i);
      const { wrong } = compare(fields, receipt, { ...EXPECT_FULL, files: { resume: given.fileName, coverLetter: LETTER.fileName } });
      expect(wrong).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);

  it('skips the application in words the user can act on when no resume comes, with no browser or library text', async () => {
    const { page } = await openForm('classic', 2);
    try {
      const questions = new TableQuestions(undefined, null);
      const failure = await walkForm({ page, facts: { ...FULL_FACTS, hasResumeFile: false }, files: { resume: null, coverLetter: LETTER }, questions, timeoutMs: 5_000 }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(UserFacingError);
      const message = (failure as Error).message;
      expect(message).toContain('add a resume (PDF) to your profile, then run again');
      expect(message).not.toMatch(/locator|Error:|Input of type|playwright|timeout/i);
    } finally {
      await page.close();
    }
  }, 90_000);
});
