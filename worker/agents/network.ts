import type { NetworkParams } from '~/shared/sessions/network';
import type { AgentContext, AgentSettings } from '../agent-context';
import { SourceError } from '../sources/http';
import { planPeopleSources, type PeoplePlan, type PeopleSource, type Person } from '../sources/people';
import { draftNote, senderFacts, type NoteDraft, type NoteJob } from '../sessions/network/notes';
import { rankPeople, resolveTeam } from '../sessions/network/ranking';
import type { Contact, ContactRelation, NoteStatus, ReviewedNote } from '../sessions/network/types';
import type { SessionAgent, SessionOutcome } from '../sessions/types';
import { clip, plural } from '../sessions/network/words';

/**
 * The network session: people worth contacting at a company about a job. Every people
 * source is searched at once (the sandbox's team pages, the company's GitHub
 * organisation) and reported in turn; a failing source says why and the others go on.
 * The people are ranked (recruiters, the likely hiring manager, peers, others) and
 * for the first few an outreach note is drafted from the resume and reviewed by the
 * user: approve, edit or skip. Nothing is ever sent anywhere: the notes end in
 * network_complete for the user to copy.
 */

/** What the agent uses of its context, so that a test can hand it a small one. */
export type NetworkContext = Pick<AgentContext<NetworkParams>, 'params' | 'profile' | 'llm' | 'signal' | 'emit' | 'hitl' | 'pace' | 'pausePoint' | 'appUrl'> & {
  readonly settings: Pick<AgentSettings, 'GITHUB_API_URL' | 'SOURCE_TIMEOUT_MS'>;
};

/** Notes are reviewed one question at a time; five is what a person reviews in one sitting. */
export const MAX_NOTES = 5;
const NOTE_MAX_CHARS = 3000;
const REVIEW_OPTIONS = ['approve', 'edit', 'skip'];

type SearchOutcome = { ok: true; people: Person[] } | { ok: false; error: string };

export const network: SessionAgent<'network'> = (ctx) => findPeople(ctx);

export async function findPeople(ctx: NetworkContext, plan: PeoplePlan = planFor(ctx)): Promise<SessionOutcome> {
  const company = clip(ctx.params.company, 200);
  const role = ctx.params.role?.trim() ? clip(ctx.params.role.trim(), 200) : null;
  const labels = plan.sources.map((s) => clip(s.label, 100));
  await ctx.emit('network_start', `Looking for people at ${company}${role ? ` to talk to about the ${role} role` : ''} (${labels.join(', ')})`, {
    company,
    role,
    sources: labels,
  });
  // Every source is asked at once so that slow ones overlap; events report them in plan order.
  const searches = plan.sources.map((source) => ({ source, pending: search(source, company, ctx.signal) }));
  const opening = ctx.params.jobUrl ? await plan.sandbox.opening(company, ctx.params.jobUrl, ctx.signal) : null;
  const found: Person[] = [];
  const failures: string[] = [];
  for (const [i, { source, pending }] of searches.entries()) {
    if (i > 0) await ctx.pausePoint(`search ${source.label}`);
    const outcome = await pending;
    // A stopped run's searches fail with the stop; report the stop, not a source failure.
    ctx.signal.throwIfAborted();
    const label = clip(source.label, 100);
    if (outcome.ok) {
      found.push(...outcome.people);
      await ctx.emit('network_searching', `${label}: ${plural(outcome.people.length, 'person', 'people')} at ${company}`, {
        company,
        source: label,
        found: outcome.people.length,
      });
    } else {
      failures.push(outcome.error);
      await ctx.emit('network_searching', clip(`${label}: ${outcome.error}`, 2000), { company, source: label, found: 0 });
    }
    await ctx.pace();
  }

  const target = { company, role: role ?? opening?.title ?? null, team: null as string | null };
  target.team = opening?.team ?? resolveTeam(target, found);
  const contacts = rankPeople(found, target);
  await ctx.emit('network_found', foundMessage(company, contacts, failures.length === plan.sources.length), { company, contacts });
  if (contacts.length === 0) {
    await ctx.emit('network_complete', 'No notes to write: nobody was found', { contacts: 0, notes: [] });
    return { outcome: 'nobody_found', summary: nobodySummary(company, labels, failures) };
  }

  const sender = senderFacts(ctx.profile);
  const job: NoteJob = { company, role: target.role, team: target.team, skills: opening?.skills ?? [] };
  const notes: ReviewedNote[] = [];
  for (const contact of contacts.slice(0, MAX_NOTES)) {
    await ctx.pausePoint(`outreach note for ${contact.name}`);
    const draft = await draftNote(ctx.llm, sender, contact, job, ctx.signal);
    const reviewed = await reviewNote(ctx, contact, draft);
    notes.push({ name: contact.name, profileUrl: contact.profileUrl, note: clip(reviewed.text, NOTE_MAX_CHARS), status: reviewed.status });
    await ctx.pace();
  }
  const tally = tallyOf(notes);
  await ctx.emit('network_complete', `Notes: ${tally}. Nothing was sent; copy the notes you want from here.`, { contacts: contacts.length, notes });
  return {
    outcome: 'completed',
    summary: `${plural(contacts.length, 'person', 'people')} at ${company} worth contacting${target.role ? ` about the ${target.role} role` : ''}; notes: ${tally}. Nothing was sent.`,
  };
}

function planFor(ctx: NetworkContext): PeoplePlan {
  return planPeopleSources({
    company: ctx.params.company,
    ...(ctx.params.githubOrg ? { githubOrg: ctx.params.githubOrg } : {}),
    appUrl: ctx.appUrl,
    settings: ctx.settings,
  });
}

/** Never rejects, so a search still running when the run stops leaves no unhandled rejection behind. */
function search(source: PeopleSource, company: string, signal: AbortSignal): Promise<SearchOutcome> {
  return source.find({ company, signal }).then(
    (people): SearchOutcome => ({ ok: true, people }),
    (err: unknown): SearchOutcome => ({ ok: false, error: signal.aborted ? 'stopped' : failureMessage(source.label, err) }),
  );
}

function failureMessage(label: string, err: unknown): string {
  // SourceError messages are written for the user; anything else is a bug whose text belongs in the log.
  if (err instanceof SourceError) return err.message;
  console.error(`[worker] network: ${label} failed unexpectedly:`, err);
  return 'failed unexpectedly: try again, and report it if it persists (the worker log has the details)';
}

const RELATION_WORDS: Readonly<Record<ContactRelation, string>> = {
  recruiter: 'recruiter',
  hiring_manager: 'likely hiring manager',
  peer: 'peer',
  other: 'contact',
};

/**
 * Approve / edit / skip, with the note in the question's context. A question with
 * options only takes one of them as its answer, so "edit" asks once more for the
 * corrected text (a free answer). No answer to either counts as skip: nothing the
 * user did not review is kept as approved.
 */
async function reviewNote(ctx: NetworkContext, contact: Contact, draft: NoteDraft): Promise<{ status: NoteStatus; text: string }> {
  const who = `${contact.name} (${RELATION_WORDS[contact.relation]}, ${contact.title})`;
  const context =
    `${draft.text}\n\n—\nTo: ${contact.name}, ${contact.title}${contact.team && !contact.title.includes(contact.team) ? `, ${contact.team} team` : ''}\n` +
    `Why: ${contact.why}\nProfile: ${contact.profileUrl}\nDrafted ${draft.by}. Nothing is sent: you copy the note yourself.`;
  const first = await ctx.hitl.ask(
    clip(`Outreach note to ${who}: approve it, edit it, or skip this person?`, 1000),
    clip(context, 10_000),
    REVIEW_OPTIONS,
    { default: 'skip' },
  );
  if (first.answer === 'approve') return { status: 'approved', text: draft.text };
  if (first.answer !== 'edit') return { status: 'skipped', text: draft.text };
  const edit = await ctx.hitl.ask(
    clip(`Send your version of the note to ${contact.name}; it replaces the draft (no answer skips this person).`, 1000),
    draft.text,
    [],
    { default: null },
  );
  const text = edit.answer?.trim() ?? '';
  return text ? { status: 'edited', text } : { status: 'skipped', text: draft.text };
}

function foundMessage(company: string, contacts: readonly Contact[], allFailed: boolean): string {
  if (contacts.length === 0) return allFailed ? `Nobody found at ${company}: no source could be read` : `Nobody found at ${company}`;
  const count = (r: ContactRelation) => contacts.filter((c) => c.relation === r).length;
  const parts = [
    count('recruiter') ? plural(count('recruiter'), 'recruiter', 'recruiters') : '',
    count('hiring_manager') ? plural(count('hiring_manager'), 'likely hiring manager', 'likely hiring managers') : '',
    count('peer') ? plural(count('peer'), 'peer', 'peers') : '',
    count('other') ? plural(count('other'), 'other', 'others') : '',
  ].filter(Boolean);
  return `${plural(contacts.length, 'person', 'people')} worth contacting at ${company}: ${parts.join(', ')}`;
}

function nobodySummary(company: string, labels: readonly string[], failures: readonly string[]): string {
  if (failures.length === labels.length && failures.length > 0) {
    return clip(`Nobody found at ${company}: no source could be read (${failures.join('; ')}).`, 2000);
  }
  return `Nobody at ${company} was found on ${labels.join(' or ')}; check the company's name, or give its GitHub organisation.`;
}

function tallyOf(notes: readonly ReviewedNote[]): string {
  const n = (s: NoteStatus) => notes.filter((x) => x.status === s).length;
  return `${n('approved')} approved, ${n('edited')} edited, ${n('skipped')} skipped`;
}
