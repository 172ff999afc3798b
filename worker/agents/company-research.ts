import type { AgentContext } from '../agent-context';
import { clip, findCompanyLink, htmlToText, researchCompany, type CompanyResearch, type CompanySource } from '../documents/company-research';
import { errorChain, findEgressRefusal, guardedFetch, workerEgress } from '../egress';
import { tryComplete, type LlmClient } from '../llm';
import { readAtMost } from '../read-at-most';

/**
 * The part of an AgentContext the document agents use; any AgentContext will do, and
 * a test needs to provide no more than this.
 */
export type DocumentAgentContext = Pick<
  AgentContext,
  'profile' | 'llm' | 'settings' | 'browser' | 'signal' | 'emit' | 'hitl' | 'pausePoint' | 'pace'
>;

/** What the document agents need of a job; the analyst's scored jobs have all of it. */
export interface AgentJob {
  url: string;
  applyUrl: string;
  title: string;
  company: string;
  description: string;
}

export interface FetchedPage {
  /** Where the page ended up after redirects. */
  url: string;
  html: string;
  text: string;
}

const PAGE_MAX_BYTES = 2 * 1024 * 1024;
const LLM_TEXT_CHARS = 8_000;
const LLM_SUMMARY_MAX_CHARS = 1_200;

/**
 * Researches the company from what is at hand offline: the posting, and the company's
 * own page when the posting links one. Failing to read a page is not fatal; having
 * nothing at all to read is reported as company_error.
 */
export async function companyResearch(ctx: DocumentAgentContext, job: AgentJob): Promise<CompanyResearch | null> {
  const company = clip(job.company, 200);
  await ctx.pausePoint(`research ${company}`);
  await ctx.emit('company_start', `Researching ${company}`, { company });
  try {
    const { research, notes } = await gatherAndAnalyse(ctx, job, company);
    if (!research) {
      const why = notes.find((n) => n.refused)?.text ?? 'its page could not be read';
      await ctx.emit('company_error', `Nothing to read about ${company}`, { company, error: `The posting has no text, and ${why}.` });
      return null;
    }
    const aside = notes.length > 0 ? ` (${notes.map((n) => n.text).join('; ')})` : '';
    await ctx.emit('company_result', clip(`${company}: ${research.facts.length} facts found${aside}`, 2000), {
      company,
      summary: clip(research.summary, 2000),
      facts: research.facts.map((f) => clip(f, 500)),
    });
    return research;
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    // Whatever broke is ours to fix, not the user's to read: the detail goes to the log.
    console.error(`[worker] company research on ${company} failed: ${errorChain(err)}`);
    const error = 'Something went wrong while reading about the company; the rest of the run goes on without it.';
    await ctx.emit('company_error', clip(`Research on ${company} failed`, 2000), { company, error });
    return null;
  }
}

/** Why a page was left out, in the user's words. */
interface PageNote {
  text: string;
  refused: boolean;
}

async function gatherAndAnalyse(
  ctx: DocumentAgentContext,
  job: AgentJob,
  company: string,
): Promise<{ research: CompanyResearch | null; notes: PageNote[] }> {
  const notes: PageNote[] = [];
  await ctx.emit('company_researching', `Reading the job posting`, { company, source: 'job posting' });
  const posting = await fetchPageQuietly(ctx, job.url, 'the posting', notes);
  const sources: CompanySource[] = [{ label: 'job posting', text: job.description.trim() || posting?.text || '' }];
  const link = posting ? findCompanyLink(posting.html, posting.url, job.company) : null;
  if (link) {
    await ctx.emit('company_researching', `Reading ${job.company}'s page`, { company, source: clip(new URL(link).hostname, 200) });
    const page = await fetchPageQuietly(ctx, link, 'the company page it links to', notes);
    if (page) sources.push({ label: page.url, text: page.text });
  }
  if (sources.every((s) => s.text.trim() === '')) return { research: null, notes };
  await ctx.pace();
  const research = researchCompany(job.company, sources);
  return { research: ctx.llm ? await withLlmSummary(ctx, ctx.llm, research, sources) : research, notes };
}

/** The model rewrites only the summary, from the same texts; the facts stay deterministic. */
async function withLlmSummary(
  ctx: DocumentAgentContext,
  llm: LlmClient,
  research: CompanyResearch,
  sources: CompanySource[],
): Promise<CompanyResearch> {
  const text = clip(sources.map((s) => `[${s.label}]\n${s.text}`).join('\n\n'), LLM_TEXT_CHARS);
  const attempt = await tryComplete(
    llm,
    [
      {
        role: 'system',
        content:
          'You summarise what a company does, for someone applying there. Use only the text given. ' +
          'Answer in 2 or 3 plain sentences. If the text says nothing about the company, answer exactly UNKNOWN.',
      },
      { role: 'user', content: `Company: ${research.company}\n\n${text}` },
    ],
    { signal: ctx.signal, maxTokens: 200, temperature: 0.2 },
  );
  const summary = attempt.ok ? attempt.text.trim() : '';
  if (!summary || summary === 'UNKNOWN' || summary.length > LLM_SUMMARY_MAX_CHARS) return research;
  return { ...research, summary };
}

/** The posting's text: what the source gave, or else what its page says. */
export async function postingText(ctx: DocumentAgentContext, job: AgentJob): Promise<string> {
  if (job.description.trim()) return job.description;
  return (await fetchPageQuietly(ctx, job.url, 'the posting', []))?.text ?? '';
}

/**
 * A page that cannot be read is simply not used, with a note in the user's words;
 * only a stop of the run gets through. The note is the same for every failure but a
 * refused address, so that postings cannot be used to learn which ports answer.
 */
async function fetchPageQuietly(ctx: DocumentAgentContext, url: string, what: string, notes: PageNote[]): Promise<FetchedPage | null> {
  try {
    return await fetchPage(url, ctx.signal, ctx.settings.SOURCE_TIMEOUT_MS);
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    const refused = findEgressRefusal(err) !== null;
    console.warn(`[worker] company research: ${url.slice(0, 300)} not read: ${errorChain(err)}`);
    notes.push(
      refused
        ? { text: `${what} points to a private address, which jobstream does not open; skipped`, refused }
        : { text: `${what} could not be read; skipped`, refused },
    );
    return null;
  }
}

export async function fetchPage(url: string, signal: AbortSignal, timeoutMs: number): Promise<FetchedPage> {
  const response = await guardedFetch(
    url,
    { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]), headers: { accept: 'text/html,text/plain;q=0.9' } },
    workerEgress(),
  );
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`${url} answered ${response.status}`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (type && !/text\/html|text\/plain|application\/xhtml/i.test(type)) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`${url} is not a web page (${type})`);
  }
  const html = await readAtMost(response, PAGE_MAX_BYTES);
  return { url: response.url || url, html, text: type.includes('text/plain') ? html : htmlToText(html) };
}
