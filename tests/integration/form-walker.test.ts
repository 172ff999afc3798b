import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findSubmitButton } from '~worker/browser/form-filler';
import { walkForm } from '~worker/browser/form-walker';
import { UserFacingError } from '~worker/user-facing-error';
import { TEST_PROFILE } from '../helpers/applicant';
import { pdfFile, TableQuestions } from '../helpers/form-answers';
import { boardBrowser } from '../helpers/walk-board';

/**
 * The walker on pages served from two made-up origins (the careers site and its ATS),
 * so that the form sits in a cross-origin iframe, inside nested open shadow roots.
 */
const CAREERS = 'http://careers.example.test';
const ATS = 'http://ats.example.test';

const pages: Record<string, string> = {
  [`${CAREERS}/job`]: `<!doctype html><h1>Backend Engineer</h1>
    <iframe src="${ATS}/embed" title="Apply" style="width:100%;height:1200px;border:0"></iframe>
    <iframe src="${ATS}/trap" style="display:none"></iframe>
    <iframe src="${ATS}/trap" style="position:absolute;left:-5000px;width:400px;height:300px"></iframe>`,
  [`${ATS}/trap`]: `<!doctype html><form><label for="e">Email</label><input id="e" name="trap_email"></form>`,
  [`${ATS}/embed`]: `<!doctype html><style>.err{color:red}</style><ats-form></ats-form>
<script>
const outer = document.querySelector('ats-form').attachShadow({ mode: 'open' });
outer.innerHTML = \`<form method="post" action="${ATS}/submit">
  <section id="s1">
    <label for="fn">First name *</label><input id="fn" name="first_name">
    <label for="em">Email *</label><input id="em" name="email" type="email">
    <label for="pn">Preferred name</label><input id="pn" name="preferred_name"><p class="err" id="pn-err" hidden></p>
    <div role="radiogroup" aria-labelledby="sp-l"><span id="sp-l">Will you require sponsorship? *</span>
      <div role="radio" aria-checked="false" tabindex="0" data-value="yes">Yes</div><div role="radio" aria-checked="false" tabindex="-1" data-value="no">No</div></div>
    <input type="hidden" name="sponsorship">
    <button type="button" id="back" disabled>Back</button><button type="button" id="next">Continue</button>
  </section>
  <section id="s2" hidden><ats-langs></ats-langs></section>
</form>\`;
const inner = outer.querySelector('ats-langs').attachShadow({ mode: 'open' });
inner.innerHTML = \`<fieldset><legend>Which languages do you write? Select all that apply</legend>
  <label><input type="checkbox" name="langs" value="Python"> Python</label><label><input type="checkbox" name="langs" value="Go"> Go</label>
  <label><input type="checkbox" name="langs" value="Java"> Java</label></fieldset>
  <div role="checkbox" aria-checked="false" tabindex="0" id="consent">I agree to the privacy notice *</div>
  <button type="button">Back</button><button type="submit" id="send">Submit application</button>\`;
const form = outer.querySelector('form');
outer.querySelectorAll('[role=radio]').forEach((r) => r.addEventListener('click', () => {
  outer.querySelectorAll('[role=radio]').forEach((o) => o.setAttribute('aria-checked', String(o === r)));
  outer.querySelector('[name=sponsorship]').value = r.dataset.value;
}));
const consent = inner.getElementById('consent');
consent.addEventListener('click', () => consent.setAttribute('aria-checked', String(consent.getAttribute('aria-checked') !== 'true')));
// The preferred name is required, though nothing says so until Continue is pressed.
outer.getElementById('next').addEventListener('click', () => {
  const pn = outer.getElementById('pn');
  if (!pn.value.trim()) {
    pn.setAttribute('aria-invalid', 'true');
    pn.setAttribute('aria-describedby', 'pn-err');
    const err = outer.getElementById('pn-err');
    err.hidden = false;
    err.textContent = 'Tell us what to call you';
    return;
  }
  outer.getElementById('s1').hidden = true;
  outer.getElementById('s2').hidden = false;
});
// A button in the inner shadow root belongs to no form of its own: it submits the outer one.
inner.getElementById('send').addEventListener('click', () => form.requestSubmit());
// The inner component's boxes are not in the outer form: they join its data on submit.
form.addEventListener('formdata', (e) => {
  inner.querySelectorAll('input:checked').forEach((c) => e.formData.append(c.name, c.value));
  e.formData.append('consent', consent.getAttribute('aria-checked'));
});
</script>`,
  [`${ATS}/stuck`]: `<!doctype html><form><label for="n">Full name</label><input id="n" name="name">
    <button type="button" id="c">Continue</button></form>
    <script>let clicks = 0; document.getElementById('c').addEventListener('click', () => { clicks++; document.title = String(clicks); alert('Applications for this role are paused'); });</script>`,
};

let browser: Browser;
let context: BrowserContext | undefined;
let page: Page;
let posted: string[];
let trapHits: number;

beforeAll(async () => {
  browser = await boardBrowser([]);
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  posted = [];
  trapHits = 0;
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url().split('?')[0] ?? '';
    if (url === `${ATS}/submit` && request.method() === 'POST') {
      posted.push(request.postData() ?? '');
      return route.fulfill({ contentType: 'text/html', body: '<p data-confirmation="ATS-1">Thank you for applying</p>' });
    }
    if (url === `${ATS}/trap`) trapHits += 1;
    const body = pages[url];
    return body ? route.fulfill({ contentType: 'text/html', body }) : route.fulfill({ status: 404, body: '' });
  });
  page = await context.newPage();
});

const facts = { profile: TEST_PROFILE, coverLetter: null, hasResumeFile: true };
const files = { resume: pdfFile('resume.pdf'), coverLetter: null };

describe('the form walker across frames and shadow roots', () => {
  it('fills a multi-step form in nested shadow roots inside a cross-origin iframe, and leaves hidden frames alone', async () => {
    await page.goto(`${CAREERS}/job`);
    await expect.poll(() => page.frames().length).toBeGreaterThanOrEqual(4);
    const questions = new TableQuestions([
      [/preferred name/i, 'Jordan'],
      [/privacy notice/i, 'Yes'],
    ]);
    const filled = await walkForm({ page, facts, files, questions, timeoutMs: 5_000 });
    expect(filled.map((f) => f.label)).toEqual([
      'First name',
      'Email',
      'Will you require sponsorship?',
      'Preferred name',
      'Which languages do you write? Select all that apply',
      'I agree to the privacy notice',
    ]);
    // The unmarked field was asked about once the page said it wanted it, with the page's words.
    expect(questions.asked.find((q) => q.label === 'Preferred name')?.pageSaid).toBe('Tell us what to call you');
    const submit = await findSubmitButton(page);
    expect(await submit?.innerText()).toBe('Submit application');
    await submit!.click();
    await expect.poll(() => posted.length).toBe(1);
    const sent = new URLSearchParams(posted[0]);
    expect(Object.fromEntries(sent)).toMatchObject({ first_name: 'Jordan', email: TEST_PROFILE.email, preferred_name: 'Jordan', sponsorship: 'no', consent: 'true' });
    expect(sent.getAll('langs')).toEqual(['Python', 'Go']);
    // The hidden and the off-screen frame loaded, and nothing was typed into them.
    expect(trapHits).toBe(2);
    for (const frame of page.frames().filter((f) => f.url().endsWith('/trap'))) {
      expect(await frame.locator('input').inputValue()).toBe('');
    }
  }, 60_000);

  it('gives up on a step that never moves on after a bounded number of clicks, saying what the page said', async () => {
    await page.goto(`${ATS}/stuck`);
    const failure = await walkForm({ page, facts, files, questions: new TableQuestions(), timeoutMs: 5_000 }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(UserFacingError);
    expect((failure as Error).message).toBe(
      'the form would not go past step 1; the page said "Applications for this role are paused". Nothing was submitted',
    );
    expect(Number(await page.title())).toBeLessThanOrEqual(3);
  }, 60_000);
});
