import type { ReactNode } from 'react';
import type { Typing } from '~/shared/sessions/typing';
import { INTENT_LABEL, type ChatExchange } from '../../_lib/career-state';
import { ProposalCard } from './proposal-card';
import type { OutgoingText } from './use-text-turn';

function Bubble({
  from,
  note,
  children,
  ...data
}: { from: 'you' | 'agent'; note?: string | undefined; children: ReactNode } & Record<`data-${string}`, string>) {
  const you = from === 'you';
  return (
    <li data-from={from} className={`flex ${you ? 'justify-end' : 'justify-start'}`} {...data}>
      <div className={`min-w-0 max-w-[95%] space-y-1 rounded-lg border p-3 sm:max-w-[85%] ${you ? 'border-blue-200 bg-blue-50' : 'border-slate-200 bg-slate-50'}`}>
        <p className="text-sm font-semibold text-slate-800">
          {you ? 'You' : 'Career coach'}
          {note ? <span className="font-normal text-slate-600"> · {note}</span> : null}
        </p>
        {children}
      </div>
    </li>
  );
}

const words = (text: string) => <p className="whitespace-pre-wrap break-words text-slate-900">{text}</p>;

function Reply({ exchange }: { exchange: ChatExchange }) {
  return (
    <Bubble from="agent" note={INTENT_LABEL[exchange.intent]} data-message-id={exchange.messageId} data-intent={exchange.intent}>
      {words(exchange.reply)}
      {exchange.builtFrom.length > 0 ? (
        <p className="break-words text-xs text-slate-600">
          <span className="font-semibold">Built from:</span> {exchange.builtFrom.join(' · ')}
        </p>
      ) : null}
      {exchange.proposal ? <ProposalCard proposal={exchange.proposal} /> : null}
    </Bubble>
  );
}

interface Props {
  exchanges: readonly ChatExchange[];
  /** The message that opened the conversation, shown until its reply quotes it. */
  opening: string;
  typing: Typing | null;
  outgoing: OutgoingText | null;
  /** A reply is being worked on: said once, under the last message. */
  waitingForReply: boolean;
}

/**
 * The conversation: each message of the user's with the reply to it, what the reply was
 * built from and, for a search, the proposal to start it. Not a live region itself (it
 * would read the user's own words back to them); the page announces replies separately.
 */
export function ChatTranscript({ exchanges, opening, typing, outgoing, waitingForReply }: Props) {
  const messageIds = new Set(exchanges.map((e) => e.messageId));
  const showTyping = typing !== null && !messageIds.has(typing.messageId) && typing.text !== '';
  const showOutgoing = outgoing !== null && !exchanges.some((e) => e.turnId === outgoing.turnId);
  const showOpening = exchanges.length === 0;
  return (
    <section aria-labelledby="chat-transcript-title" className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id="chat-transcript-title" className="text-lg font-semibold text-slate-900">
        Conversation
      </h2>
      <ol aria-label="Messages" className="space-y-3">
        {showOpening ? (
          <Bubble from="you" data-pending="">
            {words(opening)}
          </Bubble>
        ) : null}
        {exchanges.map((exchange) => (
          <ExchangeItems key={exchange.seq} exchange={exchange} />
        ))}
        {showOutgoing ? (
          <Bubble from="you" note={outgoing.state === 'sending' ? 'Sending…' : 'Sent'} data-pending="">
            {words(outgoing.text)}
          </Bubble>
        ) : null}
        {showTyping ? (
          <Bubble from="agent" note="writing…" data-typing="">
            {words(typing.text)}
          </Bubble>
        ) : null}
      </ol>
      {waitingForReply && !showTyping ? (
        <p role="status" className="text-sm text-slate-700">
          Working on the answer…
        </p>
      ) : null}
    </section>
  );
}

function ExchangeItems({ exchange }: { exchange: ChatExchange }) {
  return (
    <>
      <Bubble from="you" data-turn-id={exchange.turnId ?? 'opening'}>
        {words(exchange.message)}
      </Bubble>
      <Reply exchange={exchange} />
    </>
  );
}
