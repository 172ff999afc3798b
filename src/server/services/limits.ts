import { isTerminalStatus } from '~/shared/pipeline';
import { failWith } from '../api/trpc';
import type { ServerServices } from './index';

const WINDOW_SECONDS = 60;

/**
 * A user may start START_RATE_PER_MINUTE runs a minute (a fixed window in Redis,
 * shared by every web instance) and have MAX_CONCURRENT_RUNS unfinished at once.
 */
export async function assertMayStartRun(s: ServerServices, userId: string): Promise<void> {
  const recent = await s.stores.runs.list(userId, 100);
  const unfinished = recent.filter((r) => !isTerminalStatus(r.status)).length;
  if (unfinished >= s.env.MAX_CONCURRENT_RUNS) {
    throw failWith(
      'TOO_MANY_REQUESTS',
      'RATE_LIMITED',
      `You have ${unfinished} pipelines in progress (the limit is ${s.env.MAX_CONCURRENT_RUNS}); stop one or let it finish first.`,
    );
  }
  const key = `${s.stores.keys.prefix}:user:{${userId}}:starts`;
  const [[, count]] = (await s.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec()) as [[null, number]];
  if (count > s.env.START_RATE_PER_MINUTE) {
    throw failWith(
      'TOO_MANY_REQUESTS',
      'RATE_LIMITED',
      `You started ${s.env.START_RATE_PER_MINUTE} pipelines in the last minute; wait a moment and try again.`,
    );
  }
}
