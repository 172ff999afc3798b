import { ownedRun } from '../api/trpc';
import type { ServerServices } from './index';
import { startRunOfKind } from './run-control';
import { sayTurn, type TurnReceipt } from './session-turns';
import { startOnce } from './start-once';

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
  const { id: runId, first } = await startOnce(s, key, 'This message is already starting a conversation; try again in a moment.', async () => {
    const { runId: started } = await startRunOfKind(s, userId, { kind: 'career_chat', params: { opening: input.text } });
    return started;
  });
  return { runId, turnId: input.turnId, status: first ? 'accepted' : 'duplicate' };
}
