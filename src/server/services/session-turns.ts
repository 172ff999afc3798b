import { TRPCError } from '@trpc/server';
import { isTerminalStatus, TURN_TAKING_KINDS, type RunSummary } from '~/shared/pipeline';
import type { SessionTurnInput } from '~/shared/sessions/salary';
import type { ServerServices } from './index';

export interface TurnReceipt {
  runId: string;
  turnId: string;
  /** 'duplicate': this turn id was applied before (a double click, a retried request); applied once. */
  status: 'accepted' | 'duplicate';
}

/**
 * The user's turn in a session, from any web instance: the store settles the round
 * atomically (the first turn wins) and wakes the waiting worker through Redis.
 */
export async function sayTurn(s: ServerServices, run: RunSummary, turn: SessionTurnInput): Promise<TurnReceipt> {
  if (!TURN_TAKING_KINDS.includes(run.kind)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'This run does not take turns; only a negotiation does.' });
  }
  const outcome = await s.stores.turns.take(run.runId, { turnId: turn.turnId, text: turn.text, offer: turn.offer ?? null });
  if (outcome === 'ok' || outcome === 'duplicate') {
    return { runId: run.runId, turnId: turn.turnId, status: outcome === 'ok' ? 'accepted' : 'duplicate' };
  }
  // The run record may have moved on since the procedure loaded it (the session just ended).
  const status = (await s.stores.runs.get(run.runId))?.status ?? run.status;
  if (isTerminalStatus(status)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: `This session has ended (${status}); start a new one to practise again.` });
  }
  switch (outcome) {
    case 'taken':
      throw new TRPCError({ code: 'CONFLICT', message: 'Your turn for this round is already in; wait for the reply.' });
    case 'closed':
    case 'expired':
      throw new TRPCError({ code: 'CONFLICT', message: 'The time for this turn ran out; the session is ending.' });
    default:
      throw new TRPCError({ code: 'CONFLICT', message: 'It is not your turn yet; wait for the reply.' });
  }
}
