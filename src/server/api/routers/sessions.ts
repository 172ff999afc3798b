import { isTerminalStatus } from '~/shared/pipeline';
import { sessionTurnSchema } from '~/shared/sessions/salary';
import { typingSchema, type Typing } from '~/shared/sessions/typing';
import { channelMessages } from '../../realtime/channel-hub';
import type { ServerServices } from '../../services';
import { sayTurn } from '../../services/session-turns';
import { guarded } from '../subscriptions';
import { createTRPCRouter, runProcedure } from '../trpc';

/** How often an idle typing stream checks whether its session has ended. */
const IDLE_CHECK_MS = 5_000;

/** What sessions share beyond runs: the user's turns and the replies being written. */
export const sessionsRouter = createTRPCRouter({
  /**
   * Your turn. The first turn of a round wins; resending the same turnId (a double
   * click, a retry) is applied once; another turn for a round already taken is CONFLICT.
   */
  say: runProcedure.input(sessionTurnSchema).mutation(({ ctx, input }) => sayTurn(ctx.services, ctx.run, input)),

  /** Whether the session is waiting for your turn, and until when (for the countdown). */
  turn: runProcedure.query(({ ctx }) => ctx.services.stores.turns.openRound(ctx.run.runId)),

  /**
   * Replies while they are being written: the text so far, latest wins. Not history:
   * the finished reply arrives on pipeline.events with the same messageId.
   */
  typing: runProcedure.subscription(({ ctx, signal }) =>
    guarded(ctx, signal, (stop) => typingUntilOver(ctx.services, ctx.run.runId, stop)),
  ),
});

async function* typingUntilOver(services: ServerServices, runId: string, signal: AbortSignal): AsyncGenerator<Typing> {
  const over = new AbortController();
  const timer = setInterval(() => {
    void services.stores.runs
      .get(runId)
      .then((run) => isTerminalStatus(run?.status ?? 'completed') && over.abort())
      .catch(() => undefined);
  }, IDLE_CHECK_MS);
  try {
    const channel = services.stores.keys.runTyping(runId);
    yield* channelMessages(services.channels, channel, (raw) => typingSchema.parse(raw), AbortSignal.any([signal, over.signal]), 10);
  } finally {
    clearInterval(timer);
  }
}
