'use client';

import { useMemo } from 'react';
import { isTerminalStatus } from '~/shared/pipeline';
import type { RouterOutputs } from '~/trpc/types';
import { keptNotes, networkStateOf, skippedCount, type NetworkState } from '../../_lib/network-state';
import { openQuestions } from '~/shared/run-state';
import { EventLog } from '../event-log';
import { QuestionPrompt } from '../question-prompt';
import { RunControls } from '../run-controls';
import { useQuestionDialog } from '../use-question-dialog';
import { useRunEvents } from '../use-run-events';
import { ContactList } from './contact-list';
import { OutreachNotes } from './outreach-notes';
import { ReplyAnnouncer } from './reply-announcer';
import { PostingLink } from './posting-link';
import { SessionHeader } from './session-header';

type Run = Extract<RouterOutputs['pipeline']['get'], { kind: 'network' }>;

/** What the live region says: who was found, then that the notes are ready. (Questions announce themselves as dialogs.) */
function announcement(network: NetworkState): string {
  if (network.result) {
    const kept = keptNotes(network).length;
    return `Done: ${kept} ${kept === 1 ? 'note' : 'notes'} ready to copy, below the contacts.`;
  }
  const found = network.contacts.length;
  return found > 0 ? `Found ${found} ${found === 1 ? 'person' : 'people'} worth contacting.` : '';
}

function SourcesSearched({ network, live }: { network: NetworkState; live: boolean }) {
  const planned = network.request?.sources ?? [];
  return (
    <section aria-labelledby="sources-title" className="min-w-0 space-y-2 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id="sources-title" className="text-lg font-semibold text-slate-900">
        Where it looked
      </h2>
      {network.sources.length > 0 ? (
        <ul className="space-y-1 text-sm text-slate-800">
          {network.sources.map((s) => (
            <li key={s.source} className="break-words">
              {s.message}
            </li>
          ))}
        </ul>
      ) : (
        <p role="status" className="text-sm text-slate-700">
          {planned.length > 0 ? `Searching ${planned.join(', ')}…` : live ? 'Starting the search…' : 'No source was searched.'}
        </p>
      )}
    </section>
  );
}

/**
 * People worth contacting at a company: where the agent looked, whom it found (ranked,
 * with why), each top person's outreach note reviewed in the question dialog and, at the
 * end, the notes kept, to copy. Nothing is ever sent from here.
 */
export function NetworkView({ run }: { run: Run }) {
  const { runId, params } = run;
  const { state, error } = useRunEvents(runId, true);
  const network = useMemo(() => networkStateOf(state.events), [state.events]);
  const status = network.status ?? run.status;
  const live = !isTerminalStatus(status);
  // The notes are questions: the run's own fold tracks them, as on a pipeline's page.
  const questions = useMemo(() => openQuestions(state), [state]);
  const dialog = useQuestionDialog(questions);
  const company = network.request?.company ?? params.company;
  const role = network.request?.role ?? params.role ?? null;

  const details = (
    <>
      {role ? `For ${role}` : 'Any role'}
      {params.githubOrg ? ` · GitHub: ${params.githubOrg}` : ''}
      <PostingLink url={params.jobUrl} />
    </>
  );

  return (
    <div className="space-y-6">
      <SessionHeader
        eyebrow="Contacts"
        title={
          <>
            People at <span className="font-normal text-slate-700">{company}</span>
          </>
        }
        details={details}
        status={status}
        end={network.end}
      />
      <RunControls runId={runId} status={status} />
      <QuestionPrompt runId={runId} dialog={dialog} drafts={state.drafts} />
      <ReplyAnnouncer text={announcement(network)} />
      <p className="text-slate-700">
        Only public sources are read (team pages, public GitHub members), and only a public profile link is kept: never an email or a
        phone number. Each top person’s note comes to you as a question: approve it, edit it or skip it.
      </p>
      {network.result ? <OutreachNotes notes={keptNotes(network)} skipped={skippedCount(network)} /> : null}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <ContactList contacts={network.contacts} searching={live && network.result === null} />
        <SourcesSearched network={network} live={live} />
      </div>
      <EventLog events={state.events} agents={state.agents} types={state.types} streamError={error} />
    </div>
  );
}
