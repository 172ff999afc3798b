import type { Redis } from 'ioredis';
import type { Typing } from '~/shared/sessions/typing';
import type { RedisKeys } from './keys';
import { defineScript } from './lua';

/**
 * A session's turns: the worker opens a round, the user's turn (sessions.say) takes it.
 * Delivered the way HITL answers are: whichever web instance takes the turn settles it
 * atomically here and wakes the worker through Redis. The first turn of a round wins;
 * a retried request with the same turn id is applied once (`duplicate`); another turn
 * for a round already taken gets `taken` (CONFLICT).
 */

/** KEYS: turn, turn ids. ARGV: turnId, text, offer ('' for none), now (ms), ttl (s). */
const TAKE_LUA = `
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return 'duplicate' end
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'none' end
if status ~= 'open' then return status end
if tonumber(redis.call('HGET', KEYS[1], 'expiresAtMs')) < tonumber(ARGV[4]) then return 'expired' end
redis.call('HSET', KEYS[1], 'status', 'taken', 'turnId', ARGV[1], 'text', ARGV[2], 'offer', ARGV[3])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[5])
return 'ok'
`;

/** KEYS: turn. ARGV: round. Closes an open round nobody took (timeout, stop); tells what it found. */
const CLOSE_LUA = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'none' end
if redis.call('HGET', KEYS[1], 'round') ~= ARGV[1] then return 'other' end
if status == 'open' then
  redis.call('HSET', KEYS[1], 'status', 'closed')
  return 'closed'
end
return status
`;

export type TakeOutcome = 'ok' | 'duplicate' | 'taken' | 'closed' | 'expired' | 'none';

export interface TakenTurn {
  round: number;
  turnId: string;
  text: string;
  offer: number | null;
}

export class TurnStore {
  private readonly takeScript: ReturnType<typeof defineScript>;
  private readonly closeScript: ReturnType<typeof defineScript>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {
    this.takeScript = defineScript(redis, 'jobstreamTakeTurn', 2, TAKE_LUA);
    this.closeScript = defineScript(redis, 'jobstreamCloseTurn', 1, CLOSE_LUA);
  }

  /** Opens the next round for the user's turn (the worker, before it waits). */
  async open(runId: string, round: number, timeoutMs: number): Promise<void> {
    const key = this.keys.runTurn(runId);
    await this.redis
      .multi()
      .del(key)
      .hset(key, { round: String(round), status: 'open', expiresAtMs: String(Date.now() + timeoutMs) })
      .expire(key, this.ttlSeconds)
      .exec();
  }

  /** The user's turn (sessions.say, on any web instance). */
  async take(runId: string, turn: { turnId: string; text: string; offer: number | null }): Promise<TakeOutcome> {
    const outcome = (await this.takeScript(
      [this.keys.runTurn(runId), this.keys.runTurnIds(runId)],
      [turn.turnId, turn.text, turn.offer === null ? '' : String(turn.offer), Date.now(), this.ttlSeconds],
    )) as TakeOutcome;
    if (outcome === 'ok') await this.redis.publish(this.keys.turnsChannel, runId);
    return outcome;
  }

  /** The round's turn once it is taken, else null. */
  async taken(runId: string, round: number): Promise<TakenTurn | null> {
    const raw = await this.redis.hgetall(this.keys.runTurn(runId));
    if (raw.status !== 'taken' || Number(raw.round) !== round) return null;
    return { round, turnId: raw.turnId ?? '', text: raw.text ?? '', offer: raw.offer ? Number(raw.offer) : null };
  }

  /** Ends a round nobody took; a turn that won the race is returned instead. */
  async close(runId: string, round: number): Promise<TakenTurn | null> {
    const outcome = (await this.closeScript([this.keys.runTurn(runId)], [String(round)])) as string;
    return outcome === 'taken' ? this.taken(runId, round) : null;
  }

  /** A reply being written: the text so far, latest wins, for the page's live view (never stored). */
  async publishTyping(runId: string, typing: Typing): Promise<void> {
    await this.redis.publish(this.keys.runTyping(runId), JSON.stringify(typing));
  }

  /** The round waiting for the user's turn, if any (for the page: whose turn is it?). */
  async openRound(runId: string): Promise<{ round: number; expiresAt: string } | null> {
    const raw = await this.redis.hgetall(this.keys.runTurn(runId));
    if (raw.status !== 'open') return null;
    return { round: Number(raw.round), expiresAt: new Date(Number(raw.expiresAtMs)).toISOString() };
  }
}
