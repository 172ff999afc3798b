import type { Typing } from '~/shared/sessions/typing';
import type { BattleMessage } from '../../_lib/battle-state';
import { formatMoney } from '~/shared/money';

/** The user's turn between pressing Send and its event arriving. */
export interface OutgoingTurn {
  turnId: string;
  text: string;
  offer: number | null;
  state: 'sending' | 'sent';
}

interface Props {
  messages: readonly BattleMessage[];
  typing: Typing | null;
  outgoing: OutgoingTurn | null;
  /** The persona's name on its messages. */
  persona: string;
  currency: string;
  /** The persona is answering: said once, under the last message. */
  waitingForReply: boolean;
}

function Bubble({
  from,
  persona,
  text,
  amount,
  currency,
  note,
  ...data
}: {
  from: BattleMessage['from'];
  persona: string;
  text: string;
  amount: number | null;
  currency: string;
  note?: string;
} & Record<`data-${string}`, string>) {
  const you = from === 'you';
  return (
    <li data-from={from} className={`flex ${you ? 'justify-end' : 'justify-start'}`} {...data}>
      <div
        className={`max-w-[90%] space-y-1 rounded-lg border p-3 sm:max-w-[80%] ${you ? 'border-blue-200 bg-blue-50' : 'border-slate-200 bg-slate-50'}`}
      >
        <p className="text-sm font-semibold text-slate-800">
          {you ? 'You' : persona}
          {note ? <span className="font-normal text-slate-600"> · {note}</span> : null}
        </p>
        <p className="whitespace-pre-wrap break-words text-slate-900">{text}</p>
        {amount !== null ? (
          <p className="text-sm font-semibold tabular-nums text-slate-900">
            {you ? 'Your ask' : 'Offer'}: {formatMoney(amount, currency)}
          </p>
        ) : null}
      </div>
    </li>
  );
}

/**
 * The conversation so far. Not a live region itself (it would read the user's own
 * turns back to them); the page announces the persona's replies separately.
 */
export function BattleTranscript({ messages, typing, outgoing, persona, currency, waitingForReply }: Props) {
  const ids = new Set(messages.map((m) => m.id));
  const showTyping = typing !== null && !ids.has(typing.messageId) && typing.text !== '';
  const showOutgoing = outgoing !== null && !ids.has(outgoing.turnId);
  const empty = messages.length === 0 && !showTyping && !showOutgoing;
  return (
    <section aria-labelledby="battle-transcript-title" className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id="battle-transcript-title" className="text-lg font-semibold text-slate-900">
        Conversation
      </h2>
      {empty ? (
        <p role="status" className="text-slate-700">
          The recruiter is looking at the market and will open with an offer shortly.
        </p>
      ) : (
        <ol aria-label="Messages" className="space-y-3">
          {messages.map((m) => (
            <Bubble
              key={m.seq}
              from={m.from}
              persona={persona}
              text={m.text}
              amount={m.offer}
              currency={currency}
              data-message-id={m.id}
              data-round={String(m.round)}
            />
          ))}
          {showOutgoing ? (
            <Bubble
              from="you"
              persona={persona}
              text={outgoing.text}
              amount={outgoing.offer}
              currency={currency}
              note={outgoing.state === 'sending' ? 'Sending…' : 'Sent'}
              data-pending=""
            />
          ) : null}
          {showTyping ? (
            <Bubble from="persona" persona={persona} text={typing.text} amount={null} currency={currency} note="writing…" data-typing="" />
          ) : null}
        </ol>
      )}
      {waitingForReply && !showTyping ? (
        <p role="status" className="text-sm text-slate-700">
          The recruiter is thinking about your answer…
        </p>
      ) : null}
    </section>
  );
}
