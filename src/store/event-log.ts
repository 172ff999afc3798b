import type { Redis } from 'ioredis';
import { validateNewEvent, type NewEvent, type RunEvent } from '~/shared/events';
import type { RedisKeys } from './keys';
import { defineScript } from './lua';

/**
 * Assigns the next seq, appends the event to the run's stream under the stream id
 * `<seq>-0`, queues it for the database archive, and publishes it for live fan-out:
 * one atomic step, so that the log, the archive and the live channel never disagree.
 * The body arrives as JSON without id/seq; they are spliced in front so that nothing
 * is re-encoded in Lua. (The archive stream is one key for all runs: this script
 * needs a single Redis or Sentinel, not Cluster.)
 */
const APPEND_LUA = `
local seq = redis.call('INCR', KEYS[1])
local ev = '{"id":"' .. seq .. '","seq":' .. seq .. ',' .. string.sub(ARGV[1], 2)
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], seq .. '-0', 'e', ev)
redis.call('XADD', KEYS[3], '*', 'e', ev)
redis.call('PUBLISH', ARGV[3], ev)
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return seq
`;

export interface EventLogOptions {
  /** Events kept per run in Redis; older ones live in the database archive. */
  retention: number;
  /** Seconds a run's log lives after its last event. */
  ttlSeconds: number;
}

export class EventLog {
  private readonly append: ReturnType<typeof defineScript>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly opts: EventLogOptions,
  ) {
    this.append = defineScript(redis, 'jobstreamAppendEvent', 3, APPEND_LUA);
  }

  /** Validates, sequences, stores and publishes one event; returns it as subscribers see it. */
  async publish(input: NewEvent): Promise<RunEvent> {
    const valid = validateNewEvent(input);
    const body = JSON.stringify({
      runId: valid.runId,
      type: valid.type,
      agent: valid.agent,
      message: valid.message,
      data: valid.data,
      timestamp: valid.timestamp,
    });
    const seq = Number(
      await this.append(
        [this.keys.runSeq(valid.runId), this.keys.runLog(valid.runId), this.keys.archiveStream],
        [body, this.opts.retention, this.keys.runLive(valid.runId), this.opts.ttlSeconds],
      ),
    );
    return { id: String(seq), seq, ...valid } as RunEvent;
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

function parseStoredEvent(fields: string[]): RunEvent {
  const json = fields[1];
  if (fields[0] !== 'e' || json === undefined) throw new Error('corrupt event log entry');
  return parseEventJson(json);
}
