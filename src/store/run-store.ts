import type { Redis } from 'ioredis';
import {
  isTerminalStatus,
  runSummarySchema,
  type RunKind,
  type RunParamsOf,
  type RunStatus,
  type RunSummary,
  type Stage,
} from '~/shared/pipeline';
import type { RedisKeys } from './keys';
import { defineScript } from './lua';

/**
 * Moves a run from one of the allowed statuses to a new one, atomically, and writes
 * the extra fields with it. Concurrent actors (a stop on the web, a worker finishing,
 * a stalled-job handler on another worker) race safely: exactly one wins.
 * Returns the previous status on success, or ['', current] when refused.
 */
const TRANSITION_LUA = `
local current = redis.call('HGET', KEYS[1], 'status')
if not current then return {'', ''} end
local allowed = false
for s in string.gmatch(ARGV[2], '[^,]+') do
  if s == current then allowed = true end
end
if not allowed then return {'', current} end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
for i = 4, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
if ARGV[3] ~= '0' then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
return {current, current}
`;

/** Writes a new run's record, unless one exists (a lost run closed under the same id). KEYS: record. ARGV: field pairs. */
const CREATE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1
`;

/**
 * Notes a run's stage and progress on its record, if it has one that is not lost: a
 * worker still running a run whose Redis state is gone must not leave half a record
 * (with no status and no expiry) behind.
 */
const PROGRESS_LUA = `
local state = redis.call('HMGET', KEYS[1], 'status', 'lost')
if not state[1] or state[2] then return 0 end
redis.call('HSET', KEYS[1], 'stage', ARGV[1], 'progress', ARGV[2])
return 1
`;

/** What a run is started with: its kind and that kind's parameters. */
export type RunStart = { [K in RunKind]: { kind: K; params: RunParamsOf<K> } }[RunKind];

export interface TransitionResult {
  ok: boolean;
  /** The status before the call (when ok) or the status that refused it. */
  status: RunStatus | null;
}

export class RunStore {
  private readonly transitionScript: ReturnType<typeof defineScript>;
  private readonly createScript: ReturnType<typeof defineScript>;
  private readonly progressScript: ReturnType<typeof defineScript>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {
    this.transitionScript = defineScript(redis, 'jobstreamTransitionRun', 1, TRANSITION_LUA);
    this.createScript = defineScript(redis, 'jobstreamCreateRun', 1, CREATE_LUA);
    this.progressScript = defineScript(redis, 'jobstreamRunProgress', 1, PROGRESS_LUA);
  }

  async create(runId: string, userId: string, start: RunStart, jobId: string): Promise<void> {
    const now = new Date();
    const fields = {
      runId,
      userId,
      kind: start.kind,
      status: 'queued',
      stage: 'queued',
      progress: '0',
      params: JSON.stringify(start.params),
      attempt: '0',
      jobId,
      createdAt: now.toISOString(),
    };
    const created = await this.createScript([this.keys.runMeta(runId)], Object.entries(fields).flat());
    // Only when Redis lost its data while this run was being started and the run was closed as lost meanwhile.
    if (created !== 1) throw new Error(`run ${runId} already has a record in Redis`);
    // The user's index forgets runs older than their data's time to live.
    const index = this.keys.userRuns(userId);
    await this.redis
      .multi()
      .zadd(index, now.getTime(), runId)
      .zremrangebyscore(index, '-inf', `(${now.getTime() - this.ttlSeconds * 1000}`)
      .exec();
  }

  async get(runId: string): Promise<RunSummary | null> {
    const [meta, seq] = await Promise.all([
      this.redis.hgetall(this.keys.runMeta(runId)),
      this.redis.get(this.keys.runSeq(runId)),
    ]);
    return meta.status ? toSummary(meta, seq) : null;
  }

  /** A user's runs, newest first. */
  async list(userId: string, limit: number): Promise<RunSummary[]> {
    const index = this.keys.userRuns(userId);
    const ids = await this.redis.zrevrange(index, 0, limit - 1);
    const runs = await Promise.all(ids.map((id) => this.get(id)));
    const gone = ids.filter((_, i) => runs[i] === null);
    if (gone.length > 0) await this.redis.zrem(index, ...gone);
    return runs.filter((r): r is RunSummary => r !== null);
  }

  /** A bookkeeping field that is not part of the summary (e.g. `handoff`). */
  async field(runId: string, name: string): Promise<string | null> {
    return this.redis.hget(this.keys.runMeta(runId), name);
  }

  async transition(
    runId: string,
    from: readonly RunStatus[],
    to: RunStatus,
    fields: Record<string, string> = {},
  ): Promise<TransitionResult> {
    const now = new Date().toISOString();
    const extra = isTerminalStatus(to) ? { finishedAt: now, ...fields } : fields;
    const ttl = isTerminalStatus(to) ? this.ttlSeconds : 0;
    const [prev, current] = (await this.transitionScript(
      [this.keys.runMeta(runId)],
      [to, from.join(','), ttl, ...Object.entries(extra).flat()],
    )) as [string, string];
    return prev
      ? { ok: true, status: prev as RunStatus }
      : { ok: false, status: current ? (current as RunStatus) : null };
  }

  async setProgress(runId: string, stage: Stage, progress: number): Promise<void> {
    await this.progressScript([this.keys.runMeta(runId)], [stage, String(progress)]);
  }
}

/** A run as the database keeps it: enough to recreate its record in Redis. */
export interface StoredRun {
  id: string;
  userId: string;
  kind: string;
  progress: number;
  params: unknown;
  attempt: number;
  createdAt: Date;
  startedAt: Date | null;
}

/**
 * The record of a run whose live state was lost, closed as failed with `error`:
 * the fields `create` and `transition` would have written, as the database last saw them.
 */
export function lostRunFields(run: StoredRun, error: string, finishedAt: Date): Record<string, string> {
  return {
    runId: run.id,
    userId: run.userId,
    kind: run.kind,
    status: 'failed',
    stage: 'done',
    progress: String(run.progress),
    params: JSON.stringify(run.params),
    attempt: String(run.attempt),
    jobId: run.id,
    error,
    createdAt: run.createdAt.toISOString(),
    ...(run.startedAt ? { startedAt: run.startedAt.toISOString() } : {}),
    finishedAt: finishedAt.toISOString(),
  };
}

function toSummary(meta: Record<string, string>, seq: string | null): RunSummary {
  return runSummarySchema.parse({
    runId: meta.runId,
    userId: meta.userId,
    // Runs from before kinds were all pipelines.
    kind: meta.kind ?? 'pipeline',
    status: meta.status,
    stage: meta.stage,
    progress: Number(meta.progress ?? 0),
    params: JSON.parse(meta.params ?? '{}') as unknown,
    attempt: Number(meta.attempt ?? 0),
    error: meta.error ?? null,
    lastSeq: Number(seq ?? 0),
    createdAt: meta.createdAt,
    startedAt: meta.startedAt ?? null,
    finishedAt: meta.finishedAt ?? null,
  });
}

