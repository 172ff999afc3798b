import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { RedisKeys } from './keys';
import { defineScript } from './lua';

/** Kept well past any run, so a re-run next month still knows what it applied to. */
const LEDGER_TTL_SECONDS = 400 * 24 * 3600;

const entrySchema = z.object({
  state: z.enum(['submitting', 'submitted']),
  runId: z.string(),
  at: z.iso.datetime(),
  confirmation: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof entrySchema>;

/** Sets the job's entry unless it has one; returns the existing entry, or nil when claimed. */
const CLAIM_LUA = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then return current end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return false
`;

/** Deletes the entry only while it is still this run's unfinished claim. */
const RELEASE_LUA = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return 0 end
local entry = cjson.decode(current)
if entry.state == 'submitting' and entry.runId == ARGV[2] then
  redis.call('HDEL', KEYS[1], ARGV[1])
  return 1
end
return 0
`;

export type ClaimResult = { ok: true } | { ok: false; existing: LedgerEntry };

/**
 * Which jobs a user has applied to, shared by every worker. A submission is claimed
 * before the click and recorded after it, so that a retried or re-run job that finds
 * a claim knows a submit may already have happened, and never silently repeats it.
 */
export class ApplicationLedger {
  private readonly claimScript: ReturnType<typeof defineScript>;
  private readonly releaseScript: ReturnType<typeof defineScript>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    this.claimScript = defineScript(redis, 'jobstreamClaimApplication', 1, CLAIM_LUA);
    this.releaseScript = defineScript(redis, 'jobstreamReleaseApplication', 1, RELEASE_LUA);
  }

  async get(userId: string, jobUrl: string): Promise<LedgerEntry | null> {
    const raw = await this.redis.hget(this.keys.userApplications(userId), jobUrl);
    return raw ? entrySchema.parse(JSON.parse(raw)) : null;
  }

  async claim(userId: string, jobUrl: string, runId: string): Promise<ClaimResult> {
    const entry: LedgerEntry = { state: 'submitting', runId, at: new Date().toISOString(), confirmation: null };
    const existing = await this.claimScript(
      [this.keys.userApplications(userId)],
      [jobUrl, JSON.stringify(entry), LEDGER_TTL_SECONDS],
    );
    return typeof existing === 'string' ? { ok: false, existing: entrySchema.parse(JSON.parse(existing)) } : { ok: true };
  }

  /** Takes over a claim the user decided to retry (they checked nothing went through). */
  async reclaim(userId: string, jobUrl: string, runId: string): Promise<void> {
    const entry: LedgerEntry = { state: 'submitting', runId, at: new Date().toISOString(), confirmation: null };
    await this.redis.hset(this.keys.userApplications(userId), jobUrl, JSON.stringify(entry));
  }

  async recordSubmitted(userId: string, jobUrl: string, runId: string, confirmation: string): Promise<void> {
    const entry: LedgerEntry = { state: 'submitted', runId, at: new Date().toISOString(), confirmation };
    const key = this.keys.userApplications(userId);
    await this.redis.multi().hset(key, jobUrl, JSON.stringify(entry)).expire(key, LEDGER_TTL_SECONDS).exec();
  }

  /** Gives a claim back when the submit certainly did not happen (the click never went out). */
  async release(userId: string, jobUrl: string, runId: string): Promise<void> {
    await this.releaseScript([this.keys.userApplications(userId)], [jobUrl, runId]);
  }
}
