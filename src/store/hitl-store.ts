import type { Redis } from 'ioredis';
import { hitlRequestSchema, type HitlAnswerKind, type HitlRequest, type HitlSaveAs, type HitlStatus } from '~/shared/hitl';
import type { RedisKeys } from './keys';
import { defineScript } from './lua';

/**
 * Settles a pending question exactly once: the first of answer, timeout or
 * cancellation wins, whichever process it comes from. A pending question past its
 * expiry (its worker died) can no longer be answered.
 */
const SETTLE_LUA = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'missing' end
if status ~= 'pending' then return status end
if ARGV[1] == 'answered' and tonumber(redis.call('HGET', KEYS[1], 'expiresAtMs')) < tonumber(ARGV[5]) then
  return 'expired'
end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'answer', ARGV[2], 'resolvedAt', ARGV[3], 'answeredBy', ARGV[4])
return 'ok'
`;

export type SettleOutcome = 'ok' | 'missing' | 'expired' | Exclude<HitlStatus, 'pending'>;

export interface NewHitlRequest {
  hitlId: string;
  runId: string;
  userId: string;
  agent: string;
  question: string;
  context: string;
  options: string[];
  answerKind: HitlAnswerKind;
  multiple: boolean;
  saveAs: HitlSaveAs | null;
  defaultAnswer: string | null;
  timeoutMs: number;
}

export class HitlStore {
  private readonly settleScript: ReturnType<typeof defineScript>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {
    this.settleScript = defineScript(redis, 'jobstreamSettleHitl', 1, SETTLE_LUA);
  }

  async create(req: NewHitlRequest): Promise<HitlRequest> {
    const now = Date.now();
    const expiresAtMs = now + req.timeoutMs;
    const record: HitlRequest = {
      ...req,
      status: 'pending',
      answer: null,
      savedToProfile: false,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(expiresAtMs).toISOString(),
      resolvedAt: null,
    };
    const key = this.keys.hitl(req.hitlId);
    await this.redis
      .multi()
      .hset(key, {
        ...serialize(record),
        expiresAtMs: String(expiresAtMs),
      })
      .expire(key, this.ttlSeconds)
      .exec();
    await Promise.all([
      this.redis.zadd(this.keys.hitlPending, expiresAtMs, req.hitlId),
      this.redis.zadd(this.keys.userHitlPending(req.userId), expiresAtMs, req.hitlId),
      this.redis.sadd(this.keys.runHitl(req.runId), req.hitlId),
      this.redis.expire(this.keys.runHitl(req.runId), this.ttlSeconds),
    ]);
    return record;
  }

  async get(hitlId: string): Promise<HitlRequest | null> {
    const raw = await this.redis.hgetall(this.keys.hitl(hitlId));
    return raw.status ? deserialize(raw) : null;
  }

  /** Answers, times out or cancels a pending question; the first caller wins. */
  async settle(
    hitlId: string,
    status: Exclude<HitlStatus, 'pending'>,
    answer: string | null,
    by: string,
  ): Promise<SettleOutcome> {
    const outcome = (await this.settleScript(
      [this.keys.hitl(hitlId)],
      [status, answer ?? '', new Date().toISOString(), by, Date.now()],
    )) as SettleOutcome;
    if (outcome === 'ok') {
      const userId = await this.redis.hget(this.keys.hitl(hitlId), 'userId');
      await this.redis.multi().zrem(this.keys.hitlPending, hitlId).hincrby(this.keys.hitlStats, status, 1).exec();
      if (userId) await this.redis.zrem(this.keys.userHitlPending(userId), hitlId);
    }
    return outcome;
  }

  /** Notes that the answer was kept in the owner's profile (before the worker is told of the answer). */
  async markSavedToProfile(hitlId: string): Promise<void> {
    await this.redis.hset(this.keys.hitl(hitlId), 'savedToProfile', '1');
  }

  /** The file a file question was answered with; kept as long as the question. */
  async storeFile(hitlId: string, file: { fileName: string; bytes: Buffer }): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys.hitlFile(hitlId), { fileName: file.fileName, bytes: file.bytes })
      .expire(this.keys.hitlFile(hitlId), this.ttlSeconds)
      .exec();
  }

  async file(hitlId: string): Promise<{ fileName: string; bytes: Buffer } | null> {
    const [fileName, bytes] = await this.redis.hmgetBuffer(this.keys.hitlFile(hitlId), 'fileName', 'bytes');
    return fileName && bytes ? { fileName: fileName.toString('utf8'), bytes } : null;
  }

  async countPending(): Promise<number> {
    await this.pruneExpired();
    return this.redis.zcard(this.keys.hitlPending);
  }

  /** Questions whose worker died stay "pending" past their expiry; drop them from the index. */
  private async pruneExpired(): Promise<void> {
    await this.redis.zremrangebyscore(this.keys.hitlPending, '-inf', `(${Date.now()}`);
  }

  /** Settled questions by outcome (answered, timed_out, cancelled) since the counters began. */
  async settledCounts(): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(this.keys.hitlStats);
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
  }

  /** A user's open questions, for one run or across all their runs, oldest first. */
  async listPending(userId: string, runId?: string): Promise<HitlRequest[]> {
    const index = this.keys.userHitlPending(userId);
    if (!runId) await this.redis.zremrangebyscore(index, '-inf', `(${Date.now()}`);
    const ids = runId ? await this.redis.smembers(this.keys.runHitl(runId)) : await this.redis.zrange(index, '0', '-1');
    const all = await Promise.all(ids.map((id) => this.get(id)));
    return all
      .filter(
        (r): r is HitlRequest =>
          r !== null && r.userId === userId && r.status === 'pending' && Date.parse(r.expiresAt) > Date.now(),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}

function serialize(r: HitlRequest): Record<string, string> {
  return {
    hitlId: r.hitlId,
    runId: r.runId,
    userId: r.userId,
    agent: r.agent,
    question: r.question,
    context: r.context,
    options: JSON.stringify(r.options),
    answerKind: r.answerKind,
    multiple: r.multiple ? '1' : '',
    saveAs: r.saveAs ? JSON.stringify(r.saveAs) : '',
    defaultAnswer: r.defaultAnswer === null ? '' : `=${r.defaultAnswer}`,
    timeoutMs: String(r.timeoutMs),
    status: r.status,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
  };
}

function deserialize(raw: Record<string, string>): HitlRequest {
  return hitlRequestSchema.parse({
    hitlId: raw.hitlId,
    runId: raw.runId,
    userId: raw.userId,
    agent: raw.agent,
    question: raw.question,
    context: raw.context,
    options: JSON.parse(raw.options ?? '[]') as unknown,
    answerKind: raw.answerKind || 'text',
    multiple: raw.multiple === '1',
    saveAs: raw.saveAs ? (JSON.parse(raw.saveAs) as unknown) : null,
    savedToProfile: raw.savedToProfile === '1',
    // '=' marks a present default, so that an empty-string default survives the hash.
    defaultAnswer: raw.defaultAnswer ? raw.defaultAnswer.slice(1) : null,
    timeoutMs: Number(raw.timeoutMs),
    status: raw.status,
    answer: raw.status === 'answered' ? (raw.answer ?? '') : null,
    createdAt: raw.createdAt,
    expiresAt: raw.expiresAt,
    resolvedAt: raw.resolvedAt || null,
  });
}
