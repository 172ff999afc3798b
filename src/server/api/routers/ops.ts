import { opsOverviewSchema } from '~/shared/ops';
import { opsFeedEvents, opsFeedOf } from '../../ops/ops-feed';
import { readOverview } from '../../ops/overview';
import { guarded } from '../subscriptions';
import { adminProcedure, createTRPCRouter } from '../trpc';

/** The operator's dashboard (/ops): for ADMIN_EMAILS only; anyone else finds nothing here. */
export const opsRouter = createTRPCRouter({
  /** Web instances and their sockets, workers and the runs they hold, the queue, the archive's lag. */
  overview: adminProcedure.output(opsOverviewSchema).query(({ ctx }) => readOverview(ctx.services)),

  /** Seed 004's dashboard events as they happen: agent_*, task_* and system_alert. */
  feed: adminProcedure.subscription(({ ctx, signal }) =>
    guarded(ctx, signal, (stop) => opsFeedEvents(opsFeedOf(ctx.services), stop, ctx.flow)),
  ),
});
