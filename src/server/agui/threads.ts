import { TRPCError } from '@trpc/server';
import { runIdSchema, type RunSummary } from '~/shared/pipeline';
import type { RunStart } from '~/store/run-store';
import { ownedRun } from '../api/trpc';
import type { ServerServices } from '../services';
import { startRequestedRun } from '../services/run-control';
import { startedUnder, startOnce } from '../services/start-once';

const BUSY = 'This thread is already starting its run; try again in a moment.';

/**
 * The run an AG-UI thread is: our runId itself, or the client's own thread id that
 * started it. Another user's run is null, exactly like one that does not exist.
 */
export async function threadRun(s: ServerServices, userId: string, threadId: string): Promise<RunSummary | null> {
  if (runIdSchema.safeParse(threadId).success) {
    const run = await ownedOrNull(s, userId, threadId);
    if (run) return run;
  }
  const started = await startedUnder(s, s.stores.keys.aguiThread(userId, threadId), BUSY);
  return started ? ownedOrNull(s, userId, started) : null;
}

/**
 * Starts the run a new thread asks for, once: a retried first request (same thread id)
 * finds the run its first delivery started instead of starting another.
 */
export async function startThread(
  s: ServerServices,
  userId: string,
  threadId: string,
  start: RunStart,
  /** The user's message that asked for it: marked as acted on before any twin can see the run. */
  messageId: string | null,
): Promise<RunSummary> {
  const { id } = await startOnce(s, s.stores.keys.aguiThread(userId, threadId), BUSY, async () => {
    const { runId } = await startRequestedRun(s, userId, start);
    if (messageId) await claimMessage(s, runId, messageId, 'start');
    return runId;
  });
  return ownedRun(s, userId, id);
}

/** What an AG-UI message was acted on as: the request that started its run, or a turn in it. */
export type MessageUse = 'start' | 'turn';

/**
 * Claims an AG-UI message for a use. HttpAgent sends the whole conversation with every
 * request, so the user's last message comes again on each reconnect: only its first
 * sight starts a run or takes a turn. Returns null for that first sight, else what the
 * message was used for before.
 */
export async function claimMessage(s: ServerServices, runId: string, messageId: string, use: MessageUse): Promise<MessageUse | null> {
  const key = s.stores.keys.aguiMessages(runId);
  const [[, claimed], , [, previous]] = (await s.redis.multi().hsetnx(key, messageId, use).expire(key, s.env.RUN_TTL_SECONDS).hget(key, messageId).exec()) as [
    [unknown, number],
    unknown,
    [unknown, string | null],
  ];
  return claimed === 1 ? null : previous === 'start' ? 'start' : 'turn';
}

/** Lets a message be claimed again: what it asked for failed, and a retry may succeed. */
export async function releaseMessage(s: ServerServices, runId: string, messageId: string): Promise<void> {
  await s.redis.hdel(s.stores.keys.aguiMessages(runId), messageId);
}

async function ownedOrNull(s: ServerServices, userId: string, runId: string): Promise<RunSummary | null> {
  try {
    return await ownedRun(s, userId, runId);
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}
