'use client';

import { useSecondsLeft } from '~/app/_components/hitl/countdown';

/** 125 → "02:05". */
function mmss(total: number): string {
  const minutes = Math.floor(total / 60);
  return `${String(minutes).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

interface Props {
  expiresAt: string;
  /** What the time is for, before the count; each session names its own turn. */
  label?: string;
  /** What happens once it has run out. */
  expiredText?: string;
}

/**
 * Time left for the open round. role="timer" is not announced on every tick; the text is
 * read when the user reaches it. Mounted per round (keyed by the parent), so a new round
 * starts a new count.
 */
export function TurnCountdown({
  expiresAt,
  label = 'Time left for your turn',
  expiredText = 'Time is up for this turn: without an answer the negotiation ends.',
}: Props) {
  const seconds = useSecondsLeft(expiresAt);
  const urgent = seconds > 0 && seconds <= 30;
  return (
    <p
      role="timer"
      data-seconds-left={seconds}
      className={`text-sm font-medium tabular-nums ${seconds === 0 ? 'text-slate-700' : urgent ? 'text-red-800' : 'text-amber-900'}`}
    >
      {seconds > 0 ? (
        <>
          {label}: <span className="font-semibold">{mmss(seconds)}</span>
        </>
      ) : (
        expiredText
      )}
    </p>
  );
}
