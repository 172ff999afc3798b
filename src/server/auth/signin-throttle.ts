import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { defineScript } from '~/store/lua';
import type { ThrottleScope } from './throttle-message';

export interface SignInThrottleSettings {
  /** Attempts (per account from one address, and per address) that never wait. */
  freeAttempts: number;
  /** The longest wait, in seconds; each further failure doubles the wait up to it. */
  maxBackoffSeconds: number;
}

/** Whether an attempt may check its password now, and if not, for how long it must wait. */
export type SignInGate =
  | { allowed: true; keys: readonly [string, string, string]; countedForAccount: boolean }
  | { allowed: false; scope: ThrottleScope; waitSeconds: number };

export interface SignInThrottle {
  /** Counts the attempt before its password is checked (so a burst cannot overtake the count), or refuses it. */
  begin(email: string, address: string): Promise<SignInGate>;
  /** The password was right: this account and this address start afresh. */
  succeeded(gate: Extract<SignInGate, { allowed: true }>): Promise<void>;
}

/** The first wait, once the free attempts are used up; it doubles from here. */
const FIRST_WAIT_MS = 1000;

/**
 * Failures on one account from many addresses (each counting at most its free
 * attempts) before the account waits for everyone. A multiple of the free attempts,
 * so that no single address can make the account wait for its owner.
 */
const ADDRESSES_BEFORE_ACCOUNT_WAITS = 4;

/**
 * KEYS: (account, address), address, account. Every attempt is counted as it begins
 * (a success deletes the count), so the counts are "attempts since the last success";
 * a refused attempt counts nothing and never lengthens the wait. The clock is Redis's,
 * shared by every web instance.
 */
const BEGIN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local free, accountFree = tonumber(ARGV[1]), tonumber(ARGV[2])
local first, cap, ttl = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local function remaining(key, threshold)
  local n = tonumber(redis.call('HGET', key, 'n') or '0')
  if n < threshold then return 0, n end
  local last = tonumber(redis.call('HGET', key, 'last') or '0')
  local wait = math.min(cap, first * 2 ^ (n - threshold))
  return math.max(0, last + wait - now), n
end
local pairWait, pairCount = remaining(KEYS[1], free)
local addressWait = remaining(KEYS[2], free)
local accountWait = math.max(pairWait, (remaining(KEYS[3], accountFree)))
if accountWait > 0 and accountWait >= addressWait then return {'account', math.ceil(accountWait)} end
if addressWait > 0 then return {'address', math.ceil(addressWait)} end
local function count(key)
  redis.call('HINCRBY', key, 'n', 1)
  redis.call('HSET', key, 'last', now)
  redis.call('PEXPIRE', key, ttl)
end
count(KEYS[1])
count(KEYS[2])
if pairCount < free then
  count(KEYS[3])
  return {'', 0, 1}
end
return {'', 0, 0}
`;

/** KEYS as BEGIN; ARGV[1] = '1' when the attempt counted towards the account-wide total. */
const SUCCEEDED = `
redis.call('DEL', KEYS[1], KEYS[2])
if ARGV[1] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then
  if redis.call('HINCRBY', KEYS[3], 'n', -1) <= 0 then redis.call('DEL', KEYS[3]) end
end
return 1
`;

/**
 * Sign-in throttling in Redis, shared by every web instance: per account from one
 * address, per address across accounts, and per account across addresses (a slower
 * net for guessing spread over many addresses). See README "Sign-in throttling".
 */
export function createSignInThrottle(redis: Redis, keyPrefix: string, settings: SignInThrottleSettings): SignInThrottle {
  const begin = defineScript(redis, 'jobstreamSignInBegin', 3, BEGIN);
  const succeeded = defineScript(redis, 'jobstreamSignInSucceeded', 3, SUCCEEDED);
  const capMs = settings.maxBackoffSeconds * 1000;
  // A count outlives its longest wait by one more: a guess per wait keeps it at the cap,
  // while someone who stops failing starts afresh.
  const ttlMs = 2 * capMs;
  const args = [settings.freeAttempts, settings.freeAttempts * ADDRESSES_BEFORE_ACCOUNT_WAITS, Math.min(FIRST_WAIT_MS, capMs), capMs, ttlMs];
  return {
    async begin(email, address) {
      const keys = throttleKeys(keyPrefix, email, address);
      const [scope, waitMs, counted] = (await begin(keys, args)) as [string, number, number?];
      if (scope === 'account' || scope === 'address') return { allowed: false, scope, waitSeconds: Math.ceil(waitMs / 1000) };
      return { allowed: true, keys, countedForAccount: counted === 1 };
    },
    async succeeded(gate) {
      await succeeded(gate.keys, [gate.countedForAccount ? '1' : '0']);
    },
  };
}

/**
 * One hash tag for all of them, so the scripts stay valid on Redis Cluster. Emails are
 * hashed: the keys name no one.
 */
function throttleKeys(prefix: string, email: string, address: string): [string, string, string] {
  const account = createHash('sha256').update(email).digest('hex').slice(0, 32);
  const base = `${prefix}:{signin}`;
  return [`${base}:account:${account}:from:${address}`, `${base}:address:${address}`, `${base}:account:${account}`];
}
