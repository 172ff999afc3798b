'use client';

import Link from 'next/link';
import { useCallback, useMemo, useState } from 'react';
import { isTerminalStatus } from '~/shared/pipeline';
import { api } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { awaitsMessage, careerStateOf, isAnswered, isChatOpen, latestExchange, type CareerState } from '../../_lib/career-state';
import { EventLog } from '../event-log';
import { useRunEvents } from '../use-run-events';
import { ChatSuggestions } from './chat-suggestions';
import { ChatTranscript } from './chat-transcript';
import { EndConversation } from './end-conversation';
import { MessageBox } from './message-box';
import { ReplyAnnouncer } from './reply-announcer';
import { ResearchPanel } from './research-panel';
import { SessionHeader } from './session-header';
import { SkillGapsTable } from './skill-gaps-table';
import { TrajectoryLadders } from './trajectory-ladders';
import { useOpenRound } from './use-open-round';
import { useRunTurnSay, useTextTurn, type OutgoingText } from './use-text-turn';
import { useTyping } from './use-typing';

type Run = Extract<RouterOutputs['pipeline']['get'], { kind: 'career_chat' }>;

const NOT_YET = 'Wait for the reply to your last message: it is not your turn yet.';

/** What the live region says: the newest reply, or that the conversation has ended. */
function announcement(chat: CareerState): string {
  if (chat.end) return 'The conversation has ended.';
  const latest = latestExchange(chat);
  return latest ? `Career coach: ${latest.reply}` : '';
}

/**
 * The career chat: the conversation with what each reply was built from, suggested
 * prompts, and what the replies brought up (skill gaps, the ladder, pay, a search to
 * start) beside it. Open until the user ends it or it idles out.
 */
export function CareerChatView({ run }: { run: Run }) {
  const { runId, params } = run;
  const { state, error } = useRunEvents(runId, true);
  const chat = useMemo(() => careerStateOf(state.events), [state.events]);
  const status = chat.status ?? run.status;
  const live = !isTerminalStatus(status);
  const open = live && isChatOpen(chat);

  const [outgoing, setOutgoing] = useState<OutgoingText | null>(null);
  const onSending = useCallback((turn: OutgoingText) => setOutgoing(turn), []);
  const onSent = useCallback(({ turnId }: { turnId: string }) => setOutgoing((o) => (o?.turnId === turnId ? { ...o, state: 'sent' } : o)), []);
  const onFailed = useCallback((turnId: string) => setOutgoing((o) => (o?.turnId === turnId ? null : o)), []);
  // A message sent but not yet answered holds the round: the next one waits for its reply.
  const delivering = outgoing !== null && !isAnswered(chat, outgoing.turnId);

  const say = useRunTurnSay(runId, api.career.say.useMutation());
  const sender = useTextTurn({ say, onSending, onSent, onFailed });

  const expected = open && awaitsMessage(chat) && !delivering;
  const { round, unknown } = useOpenRound(runId, open, expected, chat.exchanges.length);
  const yourTurn = open && !delivering && (round !== null || (unknown && expected));
  const typing = useTyping(runId, open);
  const latest = latestExchange(chat);

  const pick = (text: string) => {
    if (sender.busy) return;
    if (!yourTurn) sender.complain({ form: NOT_YET });
    else sender.send(text);
  };

  return (
    <div className="space-y-6">
      <SessionHeader
        eyebrow="Career chat"
        title="Your career, in conversation"
        details="Replies come from your resume and real postings, and say what they were built from. The conversation stays open until you end it, or after a quiet while."
        status={status}
        end={chat.end}
      />
      <EndConversation runId={runId} ended={!open} />
      <ReplyAnnouncer text={announcement(chat)} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-4">
          <ChatTranscript
            exchanges={chat.exchanges}
            opening={params.opening}
            typing={typing}
            outgoing={outgoing}
            waitingForReply={open && (delivering || chat.exchanges.length === 0)}
          />
          {open ? (
            <>
              <ChatSuggestions suggestions={latest?.suggestions ?? []} onPick={pick} disabled={!yourTurn || sender.busy} />
              <MessageBox
                sender={sender}
                title="Your next message"
                label="Your message"
                hint="Ask which jobs fit you, what you are missing for a role, where you can go from here, what a role pays, or which jobs to find."
                sendLabel="Send"
                canSend={yourTurn}
                notYet={NOT_YET}
                waiting="Waiting for the reply…"
                focusKey={chat.exchanges.length > 0 ? chat.exchanges.length : null}
                rows={3}
              />
            </>
          ) : (
            <p className="text-slate-800">
              This conversation has ended.{' '}
              <Link href="/career" className="font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950">
                Start a new one
              </Link>
            </p>
          )}
        </div>
        <div className="min-w-0 space-y-4">
          {chat.skillGaps ? <SkillGapsTable gaps={chat.skillGaps} /> : null}
          {chat.trajectory ? <TrajectoryLadders trajectory={chat.trajectory} /> : null}
          {chat.research.request ? (
            <ResearchPanel
              research={chat.research}
              live={open && chat.research.complete === null}
              title={`What ${chat.research.request.role} pays`}
            />
          ) : null}
        </div>
      </div>
      <EventLog events={state.events} agents={state.agents} types={state.types} streamError={error} />
    </div>
  );
}
