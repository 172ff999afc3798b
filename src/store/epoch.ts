import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RedisKeys } from './keys';
import { defineScript } from './lua';

/** How often a process looks at the epoch besides each reconnect: a Redis restarted empty is noticed within this. */
export const EPOCH_CHECK_MS = 2_000;
/** How long the per-epoch bookkeeping (reports, the recovery lock) is kept. */
const EPOCH_NOTES_TTL_SECONDS = 7 * 24 * 3600;

/** Returns the epoch, creating it first when this Redis has none: {epoch, 1 if created}. */
const CLAIM_LUA = `
local current = redis.call('GET', KEYS[1])
if current then return {current, 0} end
redis.call('SET', KEYS[1], ARGV[1])
return {ARGV[1], 1}
`;

/**
 * The epoch of the Redis data: a random id stored once, by whichever process reaches
 * this Redis first. Redis keeps nothing on disk in many setups, so a restart hands
 * back an empty database; its missing (or different) epoch is how every process
 * tells that all live state (runs, logs, queues, questions) is gone, rather than
 * silently starting seqs again at 1.
 */
export class EpochStore {
  private readonly claimScript: ReturnType<typeof defineScript>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    this.claimScript = defineScript(redis, 'jobstreamClaimEpoch', 1, CLAIM_LUA);
  }

  /** The current epoch, created when Redis has none. `created` means this call made it. */
  async claim(): Promise<{ epoch: string; created: boolean }> {
    const [epoch, created] = (await this.claimScript([this.keys.epoch], [randomUUID()])) as [string, number];
    return { epoch, created: created === 1 };
  }

  /** A web instance's note of the highest seq it held per run when it saw `epoch` begin; the highest report wins. */
  async reportSeen(epoch: string, seen: ReadonlyMap<string, number>): Promise<void> {
    if (seen.size === 0) return;
    const key = this.keys.epochSeen(epoch);
    const members = [...seen].flatMap(([runId, seq]) => [String(seq), runId]);
    await this.redis.multi().zadd(key, 'GT', ...members).expire(key, EPOCH_NOTES_TTL_SECONDS).exec();
  }

  /** Every instance's reports for `epoch`: run id → highest seq any of them held. */
  async seen(epoch: string): Promise<Map<string, number>> {
    const flat = await this.redis.zrange(this.keys.epochSeen(epoch), '0', '-1', 'WITHSCORES');
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < flat.length; i += 2) out.set(flat[i] ?? '', Number(flat[i + 1]));
    return out;
  }

  /** True for the one caller that gets to close the runs lost with the previous epoch. */
  async claimRecovery(epoch: string, owner: string): Promise<boolean> {
    return (await this.redis.set(this.keys.epochRecovery(epoch), owner, 'EX', EPOCH_NOTES_TTL_SECONDS, 'NX')) === 'OK';
  }
}

export interface EpochChange {
  /** The epoch this process had been working in. */
  previous: string;
  current: string;
}

/**
 * One process's view of the epoch: the one it started with, checked again on every
 * reconnect and on a timer. A change is announced once to the listeners, which drop
 * or close whatever they held from the old epoch.
 */
export class EpochWatch {
  private known: string | null = null;
  private pending: Promise<string> | null = null;
  private readonly listeners = new Set<(change: EpochChange) => void>();

  constructor(private readonly store: EpochStore) {}

  /** The epoch this process works in (null before the first check). */
  get current(): string | null {
    return this.known;
  }

  /** Calls `listener` each time the epoch changes under this process. */
  onChange(listener: (change: EpochChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the epoch (creating it if Redis has none) and announces a change; concurrent calls share one read. */
  check(): Promise<string> {
    this.pending ??= this.read().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /**
   * Checks on every reconnect of `redis` and every `intervalMs`; returns the stop.
   * A failed check (Redis still down) is simply tried again at the next one.
   */
  watch(redis: Redis, intervalMs = EPOCH_CHECK_MS): () => void {
    const check = () => void this.check().catch(() => undefined);
    redis.on('ready', check);
    const timer = setInterval(check, intervalMs);
    timer.unref();
    return () => {
      redis.off('ready', check);
      clearInterval(timer);
    };
  }

  private async read(): Promise<string> {
    const { epoch } = await this.store.claim();
    const previous = this.known;
    this.known = epoch;
    if (previous !== null && previous !== epoch) {
      for (const listener of this.listeners) listener({ previous, current: epoch });
    }
    return epoch;
  }
}
