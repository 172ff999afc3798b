import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '~worker/browser/chromium';
import { readNewFields } from '~worker/browser/read-fields';

/**
 * The applier fills only what a person could see. A page can hide a field in many
 * ways (a honeypot, or a trap that collects whatever the applier types into it), and
 * each one here must be left out, while the usual ways of styling a visible control
 * (a file input behind a button, radios and checkboxes drawn by their labels) are not.
 */

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium('/usr/bin/chromium');
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser.close();
});

const FORM = `<!doctype html><html><head><style>
  .sr-only { position:absolute; width:1px; height:1px; padding:0; margin:-1px; overflow:hidden; clip:rect(0,0,0,0); white-space:nowrap; border:0; }
  .upload input[type=file] { display:none; }
  .upload label { display:inline-block; padding:8px 14px; border:1px solid #888; cursor:pointer; }
  .pill input { position:absolute; opacity:0; width:0; height:0; }
  .pill span { display:inline-block; padding:6px 10px; border:1px solid #888; }
  .box { width:200px; height:40px; overflow:hidden; }
  .box input { margin-top:100px; }
  .tall { height: 2000px; }
</style></head><body>
<form>
  <p><label for="first">First name</label><input id="first" name="visible_text"></p>
  <p><label for="email">Email</label><input id="email" name="visible_email" type="email"></p>
  <div class="upload"><label for="cv">Upload your resume</label><input id="cv" type="file" name="visible_file"></div>
  <fieldset><legend>Are you authorized to work here?</legend>
    <label class="pill"><input type="radio" name="visible_radio" value="yes"><span>Yes</span></label>
    <label class="pill"><input type="radio" name="visible_radio" value="no"><span>No</span></label>
  </fieldset>
  <label class="pill"><input type="checkbox" name="visible_checkbox" value="yes"><span>I agree to the privacy policy</span></label>
  <div class="tall"></div>
  <p><label for="below">Anything else?</label><textarea id="below" name="visible_below_the_fold"></textarea></p>

  <div style="position:absolute;left:-9999px"><label for="h1">Email address</label><input id="h1" name="hidden_left"></div>
  <div style="position:absolute;top:-9999px"><label for="h2">Phone</label><input id="h2" name="hidden_top"></div>
  <p><label for="h3">Website</label><input id="h3" name="hidden_opacity" style="opacity:0"></p>
  <div style="opacity:0"><label for="h4">LinkedIn</label><input id="h4" name="hidden_parent_opacity"></div>
  <p><label for="h5">Company</label><input id="h5" name="hidden_zero_size" style="width:0;height:0;padding:0;border:0"></p>
  <div aria-hidden="true"><label for="h6">City</label><input id="h6" name="hidden_aria"></div>
  <div class="sr-only"><label for="h7">Salary</label><input id="h7" name="hidden_sr_only"></div>
  <p><label for="h8">Start date</label><input id="h8" name="hidden_clip_path" style="clip-path:inset(50%)"></p>
  <div class="box"><label for="h9">Referral</label><input id="h9" name="hidden_overflow"></div>
  <p><label for="h10">GitHub</label><input id="h10" name="hidden_scaled" style="transform:scale(0)"></p>
  <div style="display:none"><input name="hidden_display_none"></div>
  <p style="visibility:hidden"><input name="hidden_visibility"></p>
  <div inert><label for="h11">Twitter</label><input id="h11" name="hidden_inert"></div>
  <div style="position:absolute;left:-9999px"><label><input type="checkbox" name="hidden_checkbox_offscreen"> I am human</label></div>
  <p><input type="checkbox" name="hidden_checkbox_moved" style="position:absolute;left:-5000px"> <span>Subscribe</span></p>
  <div aria-hidden="true"><input type="file" name="hidden_file_aria"></div>
</form></body></html>`;

describe('which fields the applier reads (and so fills)', () => {
  it('lists visible fields, styled controls included, and leaves every hidden or off-screen one out', async () => {
    await page.setContent(FORM);
    const names = (await readNewFields(page)).map((f) => f.name);
    expect(names).toEqual([
      'visible_text',
      'visible_email',
      'visible_file',
      'visible_radio',
      'visible_checkbox',
      'visible_below_the_fold',
    ]);
  });

  it('finds a hidden field once the page shows it, as a wizard does', async () => {
    await page.setContent(`<form><p><label for="a">First name</label><input id="a" name="a"></p>
      <div id="step2" hidden><label for="b">Last name</label><input id="b" name="b"></div>
      <div id="trap" style="position:absolute;left:-9999px"><label for="c">Email</label><input id="c" name="c"></div></form>`);
    expect((await readNewFields(page)).map((f) => f.name)).toEqual(['a']);
    await page.evaluate(() => {
      document.getElementById('step2')?.removeAttribute('hidden');
    });
    expect((await readNewFields(page)).map((f) => f.name)).toEqual(['b']);
  });
});
