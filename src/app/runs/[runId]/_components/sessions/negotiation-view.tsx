'use client';

import { useCallback, useMemo, useState } from 'react';
import { negotiateHref } from '~/app/negotiate/_lib/prefill';
import { isTerminalStatus } from '~/shared/pipeline';
import type { RouterOutputs } from '~/trpc/types';
import { awaitsYou, battleStateOf, isBattleOpen, latestReply, type BattleState } from '../../_lib/battle-state';
import { EventLog } from '../event-log';
import { RunControls } from '../run-controls';
import { useRunEvents } from '../use-run-events';
import { BattleDebrief } from './battle-debrief';
import { BattleTranscript, type OutgoingTurn } from './battle-transcript';
import { formatMoney } from '~/shared/money';
import { OfferStatus } from './offer-status';
import { ReplyAnnouncer } from './reply-announcer';
import { ResearchPanel } from './research-panel';
import { PostingLink } from './posting-link';
import { SessionHeader } from './session-header';
import { TurnBox } from './turn-box';
import { TurnCountdown } from './turn-countdown';
import { useOpenRound } from './use-open-round';
import { useTyping } from './use-typing';

type Run = Extract<RouterOutputs['pipeline']['get'], { kind: 'salary_battle' }>;

/** What the live region says: the persona's newest reply, or how it ended. */
function announcement(battle: BattleState, persona: string, currency: string): string {
  if (battle.debrief) {
    const final = battle.debrief.finalOffer;
    return `The negotiation is over${final === null ? '' : `: final offer ${formatMoney(final, currency)}`}. The debrief is below the controls.`;
  }
  const reply = latestReply(battle);
  if (!reply) return '';
  return `${persona}: ${reply.text}${reply.offer === null ? '' : ` Offer: ${formatMoney(reply.offer, currency)}.`}`;
}

/**
 * A salary negotiation against an HR persona: where the offer stands, the conversation
 * and the user's turn, the market research it started from and, at the end, the debrief.
 */
export function NegotiationView({ run }: { run: Run }) {
  const { runId, params } = run;
  const { state, error } = useRunEvents(runId, true);
  const battle = useMemo(() => battleStateOf(state.events), [state.events]);
  const status = battle.status ?? run.status;
  const live = !isTerminalStatus(status);
  const currency = battle.setup?.currency ?? params.currency;
  const target = battle.setup?.targetSalary ?? params.targetSalary;
  const persona = `Recruiter, ${battle.setup?.company ?? params.company}`;

  const [outgoing, setOutgoing] = useState<OutgoingTurn | null>(null);
  const onSending = useCallback((turn: OutgoingTurn) => setOutgoing(turn), []);
  const onSent = useCallback((turnId: string) => setOutgoing((o) => (o?.turnId === turnId ? { ...o, state: 'sent' } : o)), []);
  const onFailed = useCallback((turnId: string) => setOutgoing((o) => (o?.turnId === turnId ? null : o)), []);
  // A turn sent but not yet in the events still counts as said: the round is taken.
  const delivering = outgoing !== null && !battle.messages.some((m) => m.id === outgoing.turnId);

  const ended = !live || battle.end !== null || battle.debrief !== null;
  const expected = live && awaitsYou(battle) && !delivering;
  const { round, unknown } = useOpenRound(runId, live && !ended, expected, battle.messages.length);
  // The open round is the authority (a turn sent before it opens is refused); the events stand in only when it cannot be asked.
  const yourTurn = !ended && battle.phase !== 'closed' && !delivering && (round !== null || (unknown && expected));
  const typing = useTyping(runId, live && !ended);
  const open = !ended && (isBattleOpen(battle) || round !== null);

  const againHref = negotiateHref({ role: params.role, company: params.company, location: params.location, jobUrl: params.jobUrl ?? '' });

  return (
    <div className="space-y-6">
      <SessionHeader
        eyebrow="Salary negotiation practice"
        title={
          <>
            {params.role}
            <span className="font-normal text-slate-700"> at {params.company}</span>
          </>
        }
        details={
          <>
            Your target {formatMoney(target, currency)}
            {params.location ? ` · ${params.location}` : ''}
            {battle.setup ? ` · The recruiter’s budget comes from ${battle.setup.budgetFrom}` : ''}
            <PostingLink url={params.jobUrl} />
          </>
        }
        status={status}
        end={battle.end}
      />
      <RunControls runId={runId} status={status} />
      <ReplyAnnouncer text={announcement(battle, persona, currency)} />
      {battle.debrief ? <BattleDebrief debrief={battle.debrief} target={target} againHref={againHref} /> : null}
      <OfferStatus
        currency={currency}
        currentOffer={battle.currentOffer}
        firstOffer={battle.firstOffer}
        lastAsk={battle.lastAsk}
        target={target}
        phase={battle.phase}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-4">
          <BattleTranscript
            messages={battle.messages}
            typing={typing}
            outgoing={outgoing}
            persona={persona}
            currency={currency}
            waitingForReply={open && (delivering || battle.messages.at(-1)?.from === 'you')}
          />
          {open ? (
            <TurnBox
              runId={runId}
              currency={currency}
              yourTurn={yourTurn}
              currentOffer={battle.currentOffer}
              countdown={round ? <TurnCountdown key={`${round.round}-${round.expiresAt}`} expiresAt={round.expiresAt} /> : null}
              onSending={onSending}
              onSent={onSent}
              onFailed={onFailed}
            />
          ) : null}
        </div>
        {battle.research.request ? <ResearchPanel research={battle.research} live={live} title="What the market pays" /> : null}
      </div>
      <EventLog events={state.events} agents={state.agents} types={state.types} streamError={error} />
    </div>
  );
}
