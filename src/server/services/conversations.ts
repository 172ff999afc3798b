import { setTimeout as delay } from 'node:timers/promises';
import { TRPCError } from '@trpc/server';
import { ownedRun } from '../api/trpc';
import type { ServerServices } from './index';
import { startRunOfKind } from './run-control';
import { sayTurn, type TurnReceipt } from './session-turns';

/** How long a retried "first message" waits for the conversation its twin is creating. */
const TWIN_WAIT_MS = 5_000;

/**
 * A message to a career chat: to the conversation `runId`, or (without one) the first
 * message of a new conversation. A first message retried with the same turn id finds
 * the conversation its first delivery started, so a double click opens one, not two.
 */
export async function sayToCareer(
  s: ServerServices,
  userId: string,
  input: { runId?: string | undefined; turnId: string; text: string },
): Promise<TurnReceipt> {
  if (input.runId) return sayTurn(s, await ownedRun(s, userId, input.runId), { turnId: input.turnId, text: input.text });
  const key = s.stores.keys.conversationStart(userId, input.turnId);
  const claimed = await s.redis.set(key, 'pending', 'EX', s.env.RUN_TTL_SECONDS, 'NX');
  if (claimed !== 'OK') return { runId: await startedBy(s, key), turnId: input.turnId, status: 'duplicate' };
  try {
    const { runId } = await startRunOfKind(s, userId, { kind: 'career_chat', params: { opening: input.text } });
    await s.redis.set(key, runId, 'EX', s.env.RUN_TTL_SECONDS);
    return { runId, turnId: input.turnId, status: 'accepted' };
  } catch (err) {
    // Let a retry try again: nothing was started.
    await s.redis.del(key);
    throw err;
  }
}

async function startedBy(s: ServerServices, key: string): Promise<string> {
  const deadline = Date.now() + TWIN_WAIT_MS;
  for (;;) {
    const value = await s.redis.get(key);
    if (value && value !== 'pending') return value;
    if (!value || Date.now() > deadline) {
      throw new TRPCError({ code: 'CONFLICT', message: 'This message is already starting a conversation; try again in a moment.' });
    }
    await delay(50);
  }
}
