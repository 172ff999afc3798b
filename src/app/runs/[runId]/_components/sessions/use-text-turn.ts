'use client';

import { useRef, useState } from 'react';
import { apiIssues, isUnreachable, type ApiError } from '~/app/_components/api-issues';
import { api } from '~/trpc/react';
import { newTurnId } from './turn-id';

/** The sessions.say (and career.say) bound on a turn's words. */
export const MAX_TURN_TEXT = 4000;

/** A turn of words: an interview answer, a chat message. */
export interface TextTurn {
  turnId: string;
  text: string;
}

/** The words between Send and their event (the answer, or the reply that quotes them). */
export interface OutgoingText extends TextTurn {
  state: 'sending' | 'sent';
}

/**
 * What sends a turn: a tRPC mutation, adapted by the page to its procedure (sessions.say
 * needs the runId, career.say may start a conversation). The error is any procedure's.
 */
export interface SayMutation {
  isPending: boolean;
  mutate(turn: TextTurn, handlers: { onSuccess: () => void; onError: (error: ApiError) => void }): void;
}

/** A procedure that takes a run's turns (sessions.say, career.say), as its react-query mutation. */
interface RunTurnMutation {
  isPending: boolean;
  mutate(input: { runId: string } & TextTurn, options: { onSuccess: () => void; onError: (error: ApiError) => void }): void;
}

/**
 * Adapts a run's turn procedure to the turn box. A turn taken closes the round, so the
 * countdown stops at once and comes back when the next round opens.
 */
export function useRunTurnSay(runId: string, mutation: RunTurnMutation): SayMutation {
  const utils = api.useUtils();
  return {
    isPending: mutation.isPending,
    mutate: (turn, handlers) =>
      mutation.mutate(
        { runId, ...turn },
        {
          onSuccess: () => {
            utils.sessions.turn.setData({ runId }, null);
            void utils.sessions.turn.invalidate({ runId });
            handlers.onSuccess();
          },
          onError: handlers.onError,
        },
      ),
  };
}

export interface TextTurnProblems {
  /** About the words themselves: shown under the box. */
  text: string | null;
  /** Anything else (not your turn, the session ended, no connection): above the button. */
  form: string | null;
}

const NO_PROBLEMS: TextTurnProblems = { text: null, form: null };

/** Capitalised: the server's "text: say something" reads as a sentence under its field. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface TextTurnSender {
  busy: boolean;
  problems: TextTurnProblems;
  /** Sends these words; true when they went (a check failing first returns false). */
  send: (words: string) => boolean;
  /** A problem found before sending (empty words, not your turn). */
  complain: (problems: Partial<TextTurnProblems>) => void;
  /** The words last delivered, bumped per send: the box clears itself only if they are what it holds. */
  delivered: { count: number; text: string };
}

interface Options {
  say: SayMutation;
  onSending?: (turn: OutgoingText) => void;
  onSent?: (turn: TextTurn) => void;
  onFailed?: (turnId: string) => void;
}

/**
 * Sends turns of words, once each. One turn id per turn: a retry of the same words after
 * a failure reuses it, so a request that did arrive is applied once; new words are a new
 * turn. Shared by the box and by anything else that sends (a suggested prompt's button).
 */
export function useTextTurn({ say, onSending, onSent, onFailed }: Options): TextTurnSender {
  const pending = useRef<TextTurn | null>(null);
  const [problems, setProblems] = useState<TextTurnProblems>(NO_PROBLEMS);
  const [delivered, setDelivered] = useState({ count: 0, text: '' });
  const busy = say.isPending;

  const fail = (turnId: string, error: ApiError) => {
    onFailed?.(turnId);
    if (error.data?.code === 'BAD_REQUEST') {
      const text: string[] = [];
      const rest: string[] = [];
      for (const issue of apiIssues(error)) (issue.path === 'text' ? text : rest).push(sentence(issue.text));
      setProblems({ text: text.length > 0 ? text.join(' ') : null, form: rest.length > 0 ? rest.join(' ') : null });
      return;
    }
    // Refused for good (not your turn, the session is over): the next attempt is a new turn.
    if (!isUnreachable(error)) pending.current = null;
    setProblems({
      text: null,
      form: isUnreachable(error) ? `It could not be sent: ${error.message}. Try again: it counts once however often you send it.` : error.message,
    });
  };

  const send = (words: string): boolean => {
    if (busy) return false;
    const text = words.trim();
    if (text === '') {
      setProblems({ text: 'Write something first.', form: null });
      return false;
    }
    if (text.length > MAX_TURN_TEXT) {
      setProblems({ text: `At most ${MAX_TURN_TEXT.toLocaleString('en-US')} characters.`, form: null });
      return false;
    }
    const turn = pending.current?.text === text ? pending.current : { turnId: newTurnId(), text };
    pending.current = turn;
    setProblems(NO_PROBLEMS);
    onSending?.({ ...turn, state: 'sending' });
    say.mutate(turn, {
      onSuccess: () => {
        pending.current = null;
        setDelivered((d) => ({ count: d.count + 1, text: turn.text }));
        onSent?.(turn);
      },
      onError: (error) => fail(turn.turnId, error),
    });
    return true;
  };

  const complain = (found: Partial<TextTurnProblems>) => setProblems({ ...NO_PROBLEMS, ...found });

  return { busy, problems, send, complain, delivered };
}
