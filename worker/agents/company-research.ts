import type { AgentContext } from '../agent-context';
import { clip, findCompanyLink, htmlToText, researchCompany, type CompanyResearch, type CompanySource } from '../documents/company-research';
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
    const research = await gatherAndAnalyse(ctx, job, company);
    if (!research) {
      await ctx.emit('company_error', `Nothing to read about ${company}`, { company, error: 'The posting has no text and its page could not be read.' });
      return null;
    }
    await ctx.emit('company_result', `${company}: ${research.facts.length} facts found`, {
      company,
      summary: clip(research.summary, 2000),
      facts: research.facts.map((f) => clip(f, 500)),
    });
    return research;
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    const error = clip(err instanceof Error ? err.message : String(err), 2000);
    await ctx.emit('company_error', clip(`Research on ${company} failed: ${error}`, 2000), { company, error });
    return null;
  }
}

async function gatherAndAnalyse(ctx: DocumentAgentContext, job: AgentJob, company: string): Promise<CompanyResearch | null> {
  await ctx.emit('company_researching', `Reading the job posting`, { company, source: 'job posting' });
  const posting = await fetchPageQuietly(ctx, job.url);
  const sources: CompanySource[] = [{ label: 'job posting', text: job.description.trim() || posting?.text || '' }];
  const link = posting ? findCompanyLink(posting.html, posting.url, job.company) : null;
  if (link) {
    await ctx.emit('company_researching', `Reading ${job.company}'s page`, { company, source: clip(new URL(link).hostname, 200) });
    const page = await fetchPageQuietly(ctx, link);
    if (page) sources.push({ label: page.url, text: page.text });
  }
  if (sources.every((s) => s.text.trim() === '')) return null;
  await ctx.pace();
  const research = researchCompany(job.company, sources);
  return ctx.llm ? withLlmSummary(ctx, ctx.llm, research, sources) : research;
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
  return (await fetchPageQuietly(ctx, job.url))?.text ?? '';
}

/** A page that cannot be read is simply not used; only a stop of the run gets through. */
async function fetchPageQuietly(ctx: DocumentAgentContext, url: string): Promise<FetchedPage | null> {
  try {
    return await fetchPage(url, ctx.signal, ctx.settings.SOURCE_TIMEOUT_MS);
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    return null;
  }
}

export async function fetchPage(url: string, signal: AbortSignal, timeoutMs: number): Promise<FetchedPage> {
  if (!/^https?:\/\//i.test(url)) throw new Error(`Not a web address: ${url}`);
  const response = await fetch(url, {
    signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    headers: { accept: 'text/html,text/plain;q=0.9' },
    redirect: 'follow',
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (type && !/text\/html|text\/plain|application\/xhtml/i.test(type)) throw new Error(`${url} is not a web page (${type})`);
  const html = await readAtMost(response, PAGE_MAX_BYTES);
  return { url: response.url || url, html, text: type.includes('text/plain') ? html : htmlToText(html) };
}
