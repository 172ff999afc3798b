import type { Redis } from 'ioredis';
import { validateNewEvent, type NewEvent, type RunEvent } from '~/shared/events';
import type { RedisKeys } from './keys';
import { defineScript } from './lua';

/**
 * The append itself, shared by both scripts below. KEYS: seq, log, archive.
 * ARGV: body, retention, live channel, ttl.
 */
const APPEND_BODY = `
local seq = redis.call('INCR', KEYS[1])
local ev = '{"id":"' .. seq .. '","seq":' .. seq .. ',' .. string.sub(ARGV[1], 2)
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], seq .. '-0', 'e', ev)
redis.call('XADD', KEYS[3], '*', 'e', ev)
redis.call('PUBLISH', ARGV[3], ev)
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return seq
`;

/** What the append scripts answer when a run's live state is gone. */
const RUN_STATE_LOST = 'RUN_STATE_LOST';

/**
 * Assigns the next seq, appends the event to the run's stream under the stream id
 * `<seq>-0`, queues it for the database archive, and publishes it for live fan-out:
 * one atomic step, so that the log, the archive and the live channel never disagree.
 * The body arrives as JSON without id/seq; they are spliced in front so that nothing
 * is re-encoded in Lua. (The archive stream is one key for all runs: this script
 * needs a single Redis or Sentinel, not Cluster.)
 *
 * Refused when the run's record (KEYS[4]) is missing or marked lost: Redis lost its
 * data, and INCR on the missing seq key would hand out 1, 2, 3… again, numbers the
 * archive and the clients already hold for other events.
 */
const APPEND_LUA = `
local state = redis.call('HMGET', KEYS[4], 'status', 'lost')
if not state[1] or state[2] then return redis.error_reply('${RUN_STATE_LOST} the run has no live state in this Redis') end
${APPEND_BODY}`;

/**
 * Closes a run whose live state was lost: recreates its record (failed, marked lost so
 * that nothing else appends to it), sets its seq so that the next one follows every
 * seq handed out before, and appends the closing event, all at once. Does nothing
 * (returns 0) when the run has a record: its state was not lost after all.
 * KEYS: seq, log, archive, record, the owner's run index.
 * ARGV: body, retention, live channel, ttl, last seq before, run id, index score, then record fields.
 */
const RECOVER_LUA = `
if redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
for i = 8, #ARGV, 2 do redis.call('HSET', KEYS[4], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[4], 'lost', '1')
redis.call('EXPIRE', KEYS[4], ARGV[4])
redis.call('ZADD', KEYS[5], ARGV[7], ARGV[6])
redis.call('SET', KEYS[1], ARGV[5])
${APPEND_BODY}`;

/**
 * The run's record in Redis is gone (Redis lost its data) or was closed as lost: its
 * events can no longer be appended. Whoever was producing them stops quietly.
 */
export class RunStateLostError extends Error {
  constructor(readonly runId: string) {
    super(`run ${runId} has no live state in Redis (Redis lost its data)`);
    this.name = 'RunStateLostError';
  }
}

/** What a lost run's record is recreated with, beside its status and the lost mark. */
export interface LostRunRecord {
  runId: string;
  userId: string;
  /** The run's record fields (status failed, kind, params…), as RunStore writes them. */
  fields: Record<string, string>;
  /** Score in the owner's run index: when the run was created (ms). */
  createdAtMs: number;
  /** The highest seq handed out before Redis lost its data, as far as anyone knows. */
  lastSeq: number;
}

export interface EventLogOptions {
  /** Events kept per run in Redis; older ones live in the database archive. */
  retention: number;
  /** Seconds a run's log lives after its last event. */
  ttlSeconds: number;
}

export class EventLog {
  private readonly append: ReturnType<typeof defineScript>;
  private readonly recover: ReturnType<typeof defineScript>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly opts: EventLogOptions,
  ) {
    this.append = defineScript(redis, 'jobstreamAppendEvent', 4, APPEND_LUA);
    this.recover = defineScript(redis, 'jobstreamRecoverLostRun', 5, RECOVER_LUA);
  }

  /**
   * Validates, sequences, stores and publishes one event; returns it as subscribers see it.
   * Throws RunStateLostError when the run's live state is gone.
   */
  async publish(input: NewEvent): Promise<RunEvent> {
    const valid = validateNewEvent(input);
    let seq: number;
    try {
      seq = Number(await this.append(this.appendKeys(valid.runId), this.appendArgs(valid)));
    } catch (err) {
      throw isRunStateLost(err) ? new RunStateLostError(valid.runId) : err;
    }
    return { id: String(seq), seq, ...valid } as RunEvent;
  }

  /**
   * Recreates a lost run's record and appends its closing event after `record.lastSeq`,
   * in one step; null when the run turned out to have a record (nothing was done).
   */
  async closeLostRun(record: LostRunRecord, input: NewEvent): Promise<RunEvent | null> {
    const valid = validateNewEvent(input);
    const seq = Number(
      await this.recover(
        [...this.appendKeys(valid.runId), this.keys.userRuns(record.userId)],
        [
          ...this.appendArgs(valid),
          record.lastSeq,
          record.runId,
          record.createdAtMs,
          ...Object.entries(record.fields).flat(),
        ],
      ),
    );
    return seq > 0 ? ({ id: String(seq), seq, ...valid } as RunEvent) : null;
  }

  /**
   * Where the run's log ends in this Redis, and whether this Redis knows the run at all
   * (`known`: it has the run's record). An unknown run's seq says nothing.
   */
  async liveHead(runId: string): Promise<{ known: boolean; seq: number }> {
    const [status, seq] = await Promise.all([
      this.redis.hget(this.keys.runMeta(runId), 'status'),
      this.redis.get(this.keys.runSeq(runId)),
    ]);
    return { known: status !== null, seq: Number(seq ?? 0) };
  }

  private appendKeys(runId: string): string[] {
    return [this.keys.runSeq(runId), this.keys.runLog(runId), this.keys.archiveStream, this.keys.runMeta(runId)];
  }

  private appendArgs(valid: Omit<RunEvent, 'id' | 'seq'>): (string | number)[] {
    const body = JSON.stringify({
      runId: valid.runId,
      type: valid.type,
      agent: valid.agent,
      message: valid.message,
      data: valid.data,
      timestamp: valid.timestamp,
    });
    return [body, this.opts.retention, this.keys.runLive(valid.runId), this.opts.ttlSeconds];
  }

  /** Up to `limit` events with seq > afterSeq, in order. */
  async readAfter(runId: string, afterSeq: number, limit: number): Promise<RunEvent[]> {
    const entries = await this.redis.xrange(this.keys.runLog(runId), `${afterSeq + 1}-0`, '+', 'COUNT', limit);
    return entries.map(([, fields]) => parseStoredEvent(fields));
  }

  /** The highest seq assigned so far (0 when the run has no events). */
  async latestSeq(runId: string): Promise<number> {
    return Number((await this.redis.get(this.keys.runSeq(runId))) ?? 0);
  }

  /** The lowest seq Redis still holds, or null when it holds none. */
  async oldestSeq(runId: string): Promise<number | null> {
    const [entry] = await this.redis.xrange(this.keys.runLog(runId), '-', '+', 'COUNT', 1);
    return entry ? Number(entry[0].split('-')[0]) : null;
  }
}

/** The JSON each parsed event came from, so it is never serialized again per subscriber. */
const sourceJson = new WeakMap<RunEvent, string>();

/** Parses the JSON of a published or stored event. */
export function parseEventJson(json: string): RunEvent {
  const event = JSON.parse(json) as RunEvent;
  sourceJson.set(event, json);
  return event;
}

/** The event as JSON: the text it was parsed from when there is one. */
export function eventJson(event: RunEvent): string {
  return sourceJson.get(event) ?? JSON.stringify(event);
}

export function hasSourceJson(value: object): value is RunEvent {
  return sourceJson.has(value as RunEvent);
}

function isRunStateLost(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith(RUN_STATE_LOST);
}

function parseStoredEvent(fields: string[]): RunEvent {
  const json = fields[1];
  if (fields[0] !== 'e' || json === undefined) throw new Error('corrupt event log entry');
  return parseEventJson(json);
}
