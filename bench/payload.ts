/**
 * The benchmark's event: a browser_action of about 1 KB of JSON, the same bytes for
 * both systems. Its message carries a tag (phase, index, publish time) that the
 * subscriber reads back to attribute the delivery and compute its latency.
 */

export const EVENT_BYTES = 1024;
export const EVENT_TYPE = 'browser_action';
export const EVENT_AGENT = 'applier';

/** Wall-clock milliseconds with sub-millisecond precision (Date.now() has 1 ms steps). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export interface Tag {
  phase: string;
  index: number;
  sentAt: number;
}

const TAG_PREFIX = 'bench';

export function tagMessage(tag: Tag): string {
  return `${TAG_PREFIX}:${tag.phase}:${tag.index}:${tag.sentAt.toFixed(3)}`;
}

/** The tag of a benchmark message, or null for anything else. */
export function parseTag(message: string): Tag | null {
  const [prefix, phase, index, sentAt] = message.split(':');
  if (prefix !== TAG_PREFIX || phase === undefined || index === undefined || sentAt === undefined) return null;
  return { phase, index: Number(index), sentAt: Number(sentAt) };
}

/** The event as a subscriber sees it (the shape of RunEvent for browser_action). */
export interface BenchEvent {
  id: string;
  seq: number;
  runId: string;
  type: typeof EVENT_TYPE;
  agent: typeof EVENT_AGENT;
  message: string;
  data: { action: string; detail: string };
  timestamp: string;
}

export function benchEvent(runId: string, message: string, seq: number, detail: string): BenchEvent {
  return {
    id: String(seq),
    seq,
    runId,
    type: EVENT_TYPE,
    agent: EVENT_AGENT,
    message,
    data: { action: 'bench', detail },
    timestamp: new Date().toISOString(),
  };
}

/**
 * Padding for data.detail so that the whole event serialises to about EVENT_BYTES
 * (± a few bytes as seq and the publish time grow). Computed from a sample with a
 * five-digit seq, the most a step publishes.
 */
export function paddingFor(runId: string): string {
  const sample = benchEvent(runId, tagMessage({ phase: 'run', index: 10_000, sentAt: nowMs() }), 10_000, '');
  const room = EVENT_BYTES - Buffer.byteLength(JSON.stringify(sample));
  if (room <= 0 || room > 1000) throw new Error(`cannot pad the event to ${EVENT_BYTES} bytes (room ${room})`);
  return 'x'.repeat(room);
}
