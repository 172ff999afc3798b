import type { Redis } from 'ioredis';
import type { Env } from '~/env';
import { ApplicationLedger } from './application-ledger';
import { ControlBus } from './control';
import { EpochStore } from './epoch';
import { EventLog } from './event-log';
import { FrameStore } from './frames';
import { HitlStore } from './hitl-store';
import { Notifier } from './notifier';
import { redisKeys } from './keys';
import { RunInputsStore } from './run-inputs';
import { RunStore } from './run-store';
import { TurnStore } from './turn-store';
import { WorkerRegistry } from './worker-registry';

/** The Redis-backed state that web and worker share. */
export function createStores(redis: Redis, env: Env) {
  const keys = redisKeys(env.KEY_PREFIX);
  return {
    keys,
    log: new EventLog(redis, keys, { retention: env.EVENT_RETENTION, ttlSeconds: env.RUN_TTL_SECONDS }),
    runs: new RunStore(redis, keys, env.RUN_TTL_SECONDS),
    hitl: new HitlStore(redis, keys, env.RUN_TTL_SECONDS),
    turns: new TurnStore(redis, keys, env.RUN_TTL_SECONDS),
    control: new ControlBus(redis, keys, env.RUN_TTL_SECONDS),
    workers: new WorkerRegistry(redis, keys),
    notifier: new Notifier(redis, keys),
    frames: new FrameStore(redis, keys),
    inputs: new RunInputsStore(redis, keys, env.RUN_TTL_SECONDS),
    applications: new ApplicationLedger(redis, keys),
    epochs: new EpochStore(redis, keys),
  };
}

export type Stores = ReturnType<typeof createStores>;
