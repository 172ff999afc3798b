import type { Page, Request, Response as PlaywrightResponse } from 'playwright-core';
import type { EventData } from '~/shared/events';
import type { AgentContext, ResumeFile } from '../agent-context';
import { watchRefusals, type RefusalWatch } from '../browser/egress-watch';
import type { LiveView } from '../browser/frame-streamer';
import { findSubmitButton, visibleErrors, type FillAction, type UploadFile } from '../browser/form-filler';
import { walkForm, type WalkEvents } from '../browser/form-walker';
import { formState } from '../browser/read-fields';
import { clickAndCheck } from '../browser/submit-check';
import { checkUrl, EGRESS_HEADER, EgressRefused, errorChain, workerEgress } from '../egress';
import { UserFacingError, userMessage } from '../user-facing-error';
import { fieldAsker, type ApplicantMemory } from './field-asker';

/** A job the applier may apply to. */
export interface ApplyTarget {
  url: string;
  applyUrl: string;
  title: string;
  company: string;
  matchScore: number;
}

/** What the earlier stages prepared for one job. */
export interface ApplicationDocuments {
  resume: ResumeFile | null;
  coverLetter: { text: string; pdf: ResumeFile | null } | null;
}

export interface ApplierOutcome {
  drafted: number;
  submitted: number;
  failed: number;
}

type FilledField = EventData<'applier_draft_ready'>['fields'][number];
type JobResult = 'submitted' | 'drafted' | 'failed' | 'skipped';

const MAX_DRAFT_ROUNDS = 3;

/** A reason the user can read; anything else thrown here is reported in general words and logged. */
class ApplicationFailed extends UserFacingError {}

// The same words whether anything listens at the refused address or not.
const PAGE_REFUSED = 'the application page points to a private address, which jobstream does not open; skipped';
const PAGE_UNAVAILABLE = 'the application page could not be opened; skipped';
const SUBMIT_REFUSED = 'the form sends applications to a private address, which jobstream does not open; nothing was submitted';
const UNEXPECTED = 'something on the application page did not work as expected; the worker log has the details';

/**
 * Fills each application in a real browser, asking the human wherever a guess could
 * be wrong, and submits only a draft the user approved (in draft mode), once.
 */
export async function applier(
  ctx: AgentContext,
  jobs: readonly ApplyTarget[],
  documentsFor: (job: ApplyTarget) => Promise<ApplicationDocuments>,
  range: { from: number; to: number },
): Promise<ApplierOutcome> {
  const outcome: ApplierOutcome = { drafted: 0, submitted: 0, failed: 0 };
  const page = await (await ctx.browser()).newPage();
  page.setDefaultTimeout(ctx.settings.BROWSER_STEP_TIMEOUT_MS);
  const view = await ctx.liveView(page);
  // What the user tells one application (and keeps in the profile) the next one knows.
  const memory: ApplicantMemory = { facts: { profile: ctx.profile, coverLetter: null, hasResumeFile: false }, resume: null };
  try {
    for (const [i, job] of jobs.entries()) {
      await ctx.pausePoint(`apply to ${job.title} at ${job.company}`);
      const result = await applyOrReport(ctx, page, view, job, documentsFor, memory);
      if (result === 'submitted') outcome.submitted += 1;
      if (result === 'submitted' || result === 'drafted') outcome.drafted += 1;
      if (result === 'failed') outcome.failed += 1;
      await ctx.progress(range.from + Math.floor(((range.to - range.from) * (i + 1)) / jobs.length));
    }
  } finally {
    await view.stop();
    await page.close().catch(() => undefined);
  }
  await ctx.emit(
    'applier_complete',
    `Applications: ${outcome.submitted} submitted, ${outcome.drafted - outcome.submitted} left as drafts, ${outcome.failed} failed`,
    outcome,
  );
  return outcome;
}

/** One job; a failure is reported and the applier goes on with the next job. */
async function applyOrReport(
  ctx: AgentContext,
  page: Page,
  view: LiveView,
  job: ApplyTarget,
  documentsFor: (job: ApplyTarget) => Promise<ApplicationDocuments>,
  memory: ApplicantMemory,
): Promise<JobResult> {
  try {
    return await applyToJob(ctx, page, view, job, await documentsFor(job), memory);
  } catch (err) {
    ctx.signal.throwIfAborted(); // a stop is not this job's failure
    const reason = userReason(err, job);
    await ctx.emit('applier_error', `Could not apply to ${job.title} at ${job.company}: ${reason}`, {
      jobUrl: job.url,
      error: reason,
    });
    return 'failed';
  }
}

/** Our own reasons as they are; the browser's or a library's wording only in the log. */
function userReason(err: unknown, job: ApplyTarget): string {
  return userMessage(err, UNEXPECTED, `applying to ${job.applyUrl.slice(0, 300)} failed`);
}

async function applyToJob(
  ctx: AgentContext,
  page: Page,
  view: LiveView,
  job: ApplyTarget,
  documents: ApplicationDocuments,
  memory: ApplicantMemory,
): Promise<JobResult> {
  const previous = await alreadyApplied(ctx, job);
  if (previous) {
    await narrate(ctx, view, 'skip', `Already applied to ${job.title} at ${job.company} (${previous}); not applying twice`);
    return 'skipped';
  }
  const ref = { jobUrl: job.url, title: job.title, company: job.company };
  await ctx.emit('applier_start', `Applying to ${job.title} at ${job.company}`, { ...ref, draftMode: ctx.params.draftMode });
  const watch = watchRefusals(page, isRefused);
  try {
    await open(ctx, page, view, job.applyUrl, watch);
    const filled = await fillForm(ctx, page, view, job, documents, memory);
    for (let round = 1; round <= MAX_DRAFT_ROUNDS; round++) {
      // A step of the form that led somewhere refused is never shown as a draft.
      if (await watch.refused('navigation')) throw await leaveRefusedPage(page, PAGE_REFUSED);
      const draft = await formState(page);
      const approved = await approveDraft(ctx, page, job, filled);
      if (!approved) {
        await narrate(ctx, view, 'draft', `Left as a draft: the application to ${job.company} was not approved`);
        return 'drafted';
      }
      // Submit only what the user saw: a page that changed since goes back to them.
      if ((await formState(page)) === draft) return await submit(ctx, page, view, job, watch);
      await narrate(ctx, view, 'changed', `The form changed after the draft was shown; asking again (round ${round + 1})`);
    }
    throw new ApplicationFailed('the form kept changing after each approval; not submitted');
  } finally {
    watch.stop();
  }
}

/** Whether the egress policy refuses this URL (the browser proxy would refuse it too). */
async function isRefused(url: string): Promise<boolean> {
  try {
    await checkUrl(url, workerEgress());
    return false;
  } catch (err) {
    return err instanceof EgressRefused;
  }
}

/** Leaves a refused or broken page, so that neither the live view nor a draft keeps showing it. */
async function leaveRefusedPage(page: Page, reason: string): Promise<ApplicationFailed> {
  await page.goto('about:blank').catch(() => undefined);
  return new ApplicationFailed(reason);
}

async function alreadyApplied(ctx: AgentContext, job: ApplyTarget): Promise<string | null> {
  if (ctx.appliedJobUrls.has(job.url)) return 'recorded in your applications';
  const entry = await ctx.applications.get(ctx.userId, job.url);
  return entry?.state === 'submitted' ? `submitted ${entry.at.slice(0, 10)}, confirmation ${entry.confirmation ?? 'none'}` : null;
}

/**
 * Opens the form. The URL is put to the egress policy first, so a posting that points
 * at a private address is skipped before the browser goes anywhere; a redirect there
 * is refused by the browser's proxy, and noticed by the watch.
 */
async function open(ctx: AgentContext, page: Page, view: LiveView, url: string, watch: RefusalWatch): Promise<void> {
  if (await isRefused(url)) throw new ApplicationFailed(PAGE_REFUSED);
  await ctx.emit('applier_navigate', `Opening ${url}`, { url });
  view.narrate(`Opening ${url}`);
  watch.reset();
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' }).catch((err: unknown) => {
    ctx.signal.throwIfAborted();
    console.warn(`[worker] could not open ${url.slice(0, 300)}: ${errorChain(err)}`);
    return 'failed' as const;
  });
  if (await watch.refused('navigation')) throw await leaveRefusedPage(page, PAGE_REFUSED);
  if (response === 'failed' || response?.headers()[EGRESS_HEADER] === 'unreachable') throw await leaveRefusedPage(page, PAGE_UNAVAILABLE);
  if (response && !response.ok()) throw await leaveRefusedPage(page, `the application page answered HTTP ${response.status()}`);
  await narrate(ctx, view, 'navigate', `Opened "${await page.title()}"`);
}

/** Walks the form step by step (worker/browser/form-walker.ts), filling every field it can and asking about the rest. */
async function fillForm(
  ctx: AgentContext,
  page: Page,
  view: LiveView,
  job: ApplyTarget,
  documents: ApplicationDocuments,
  memory: ApplicantMemory,
): Promise<FilledField[]> {
  // A resume the user gave during this run (and kept) serves the applications after it.
  const resume = documents.resume ?? memory.resume;
  memory.facts.coverLetter = documents.coverLetter?.text ?? null;
  memory.facts.hasResumeFile = resume !== null;
  return walkForm({
    page,
    facts: memory.facts,
    files: {
      resume: resume ? pdfFile(resume) : null,
      coverLetter: documents.coverLetter?.pdf ? pdfFile(documents.coverLetter.pdf) : null,
    },
    questions: fieldAsker(ctx, job, memory),
    timeoutMs: ctx.settings.BROWSER_STEP_TIMEOUT_MS,
    events: walkEvents(ctx, view),
  });
}

/** What the walker does, as the run's events and the live view's narration. */
function walkEvents(ctx: AgentContext, view: LiveView): WalkEvents {
  return {
    async beforeField(label) {
      await ctx.pausePoint(`fill "${label}"`);
      view.narrate(`Filling "${label}"`);
    },
    filled: (label, action) => report(ctx, label, action),
    clicked: (label) => ctx.emit('applier_click', `Clicking "${label}"`, { target: label.slice(0, 300) }),
    step: (n) => narrate(ctx, view, 'step', `Step ${n} of the form`),
    pageSaid: (message) => narrate(ctx, view, 'page-said', `The form says: ${message}`),
  };
}

async function report(ctx: AgentContext, label: string, action: FillAction): Promise<void> {
  if (action.kind === 'upload') {
    await ctx.emit('applier_upload', `Uploading ${action.fileName} to "${label}"`, { field: label, fileName: action.fileName });
    return;
  }
  if (action.kind === 'choose' && action.clicked) {
    await ctx.emit('applier_click', `Choosing "${action.clicked}" for "${label}"`, { target: `${label}: ${action.clicked}`.slice(0, 300) });
  }
  await ctx.emit('applier_type', `${label}: ${action.value.slice(0, 80)}`, { field: label, value: action.value.slice(0, 5000) });
}

/** Shows the filled draft; in draft mode the user must approve it. */
async function approveDraft(ctx: AgentContext, page: Page, job: ApplyTarget, fields: FilledField[]): Promise<boolean> {
  const shot = await page.screenshot({ type: 'jpeg', quality: 50, fullPage: true });
  const data = { jobUrl: job.url, title: job.title, company: job.company, fields, ...(shot.length < 1_400_000 ? { screenshot: shot.toString('base64') } : {}) };
  const message = `Draft ready for ${job.title} at ${job.company}: ${fields.length} fields filled`;
  if (!ctx.params.draftMode) {
    await ctx.emit('applier_draft_ready', message, data);
    return true;
  }
  const { answer } = await ctx.hitl.ask(
    `Submit the application to ${job.title} at ${job.company}?`,
    `${fields.length} fields filled: ${fields.map((f) => `${f.label}: ${f.value.slice(0, 60)}`).join('; ')}`.slice(0, 10_000),
    ['approve', 'reject'],
    { default: 'reject', announce: () => ctx.emit('applier_draft_ready', message, data) },
  );
  return answer === 'approve';
}

/** Submits once: claimed in the shared ledger before the click, recorded after it. */
async function submit(ctx: AgentContext, page: Page, view: LiveView, job: ApplyTarget, watch: RefusalWatch): Promise<JobResult> {
  if (!(await claim(ctx, job))) {
    await narrate(ctx, view, 'skip', `Not submitting to ${job.company} again`);
    return 'drafted';
  }
  const button = await findSubmitButton(page);
  if (!button) {
    await ctx.applications.release(ctx.userId, job.url, ctx.runId);
    throw new ApplicationFailed('the form has no submit button');
  }
  const label = (await button.innerText().catch(() => '')).trim() || (await button.getAttribute('value')) || 'Submit';
  await ctx.emit('applier_submit', `Submitting the application to ${job.company}`, { jobUrl: job.url });
  await ctx.emit('applier_click', `Clicking "${label}"`, { target: label });
  view.narrate('Submitting');
  watch.reset();
  const posted = postOutcome(page, ctx.settings.BROWSER_STEP_TIMEOUT_MS);
  const check = await clickAndCheck(page, button, ctx.settings.BROWSER_STEP_TIMEOUT_MS);
  const response = await posted;
  await page.waitForLoadState('domcontentloaded').catch(() => undefined);
  if (check.kind === 'stayed' && response === null) {
    // The form refused on the page (an alert, an invalid field) and sent nothing.
    await ctx.applications.release(ctx.userId, job.url, ctx.runId);
    const said = check.said.length > 0 ? `: the page said "${check.said.join('; ').slice(0, 300)}"` : '';
    throw new ApplicationFailed(`the form did not send the application${said}; nothing was submitted`);
  }
  // Refused before it left this machine, and no site answered the post: nothing was sent.
  // (A post a site did answer, redirected somewhere refused, may have gone through.)
  const reachedSite = response !== null && response.headers()[EGRESS_HEADER] !== 'refused';
  if (!reachedSite && ((await watch.refused('post')) || (await watch.refused('navigation')))) {
    await ctx.applications.release(ctx.userId, job.url, ctx.runId);
    throw await leaveRefusedPage(page, SUBMIT_REFUSED);
  }
  const confirmation = await confirmationOf(page);
  if (confirmation) {
    await ctx.applications.recordSubmitted(ctx.userId, job.url, ctx.runId, confirmation);
    await ctx.emit('applier_submitted', `Application submitted to ${job.company} (confirmation ${confirmation})`, {
      jobUrl: job.url,
      title: job.title,
      company: job.company,
      confirmation,
    });
    return 'submitted';
  }
  const errors = await visibleErrors(page);
  if (response && response.status() >= 400 && errors.length > 0) {
    // The site answered and refused: nothing was submitted, so a later run may try again.
    await ctx.applications.release(ctx.userId, job.url, ctx.runId);
    throw new ApplicationFailed(`the site refused the application: ${errors.join('; ')}`);
  }
  throw new ApplicationFailed('no confirmation came back; it may or may not have gone through, so it will not be resubmitted automatically');
}

/** False when an earlier attempt may already have submitted and the user does not want a second try. */
async function claim(ctx: AgentContext, job: ApplyTarget): Promise<boolean> {
  const claimed = await ctx.applications.claim(ctx.userId, job.url, ctx.runId);
  if (claimed.ok) return true;
  if (claimed.existing.state === 'submitted') return false;
  const { answer } = await ctx.hitl.ask(
    `An earlier attempt was interrupted while submitting to ${job.company}. Submit again?`,
    `On ${claimed.existing.at} a worker started submitting your application to ${job.title} at ${job.company} and was lost before it saw the result. It may have gone through: check your email for a confirmation first. "skip" leaves it; "submit again" sends it once more.`,
    ['skip', 'submit again'],
    { default: 'skip' },
  );
  if (answer !== 'submit again') return false;
  await ctx.applications.reclaim(ctx.userId, job.url, ctx.runId);
  return true;
}

/** The answer to the form's POST, or null when none came (failed, refused, or too slow). */
async function postOutcome(page: Page, timeoutMs: number): Promise<PlaywrightResponse | null> {
  const isPost = (r: Request) => r.method() === 'POST';
  const answered = page.waitForResponse((r) => isPost(r.request()), { timeout: timeoutMs });
  const failed = page.waitForEvent('requestfailed', { predicate: isPost, timeout: timeoutMs }).then(() => null);
  answered.catch(() => undefined);
  failed.catch(() => undefined);
  return Promise.race([answered, failed]).catch(() => null);
}

async function confirmationOf(page: Page): Promise<string | null> {
  const tagged = page.locator('[data-confirmation]');
  if ((await tagged.count()) > 0) return (await tagged.first().getAttribute('data-confirmation')) || 'received';
  const text = await page.locator('body').innerText().catch(() => '');
  return /thank you for applying|application (has been |was )?(received|submitted)/i.test(text) ? `page ${page.url()}` : null;
}

function pdfFile(file: ResumeFile): UploadFile {
  return { fileName: file.fileName, bytes: file.bytes, mimeType: 'application/pdf' };
}

async function narrate(ctx: AgentContext, view: LiveView, action: string, detail: string): Promise<void> {
  view.narrate(detail);
  await ctx.emit('browser_action', detail, { action, detail: detail.slice(0, 1000) });
}
