import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventCatalog, eventTypes, isTerminalEvent, runEventSchema, validateNewEvent, type RunEvent } from '~/shared/events';

const fixture = new URL('../fixtures/seed-000-event-types.txt', import.meta.url);
const seed = new URL('../../../shared/seeds/000_0a719195c1016835.txt', import.meta.url);

/** The `EventType` values of seed 000, as the design document lists them. */
function seedEventTypes(): string[] {
  if (existsSync(seed)) {
    const doc = readFileSync(seed, 'utf8');
    const block = doc.slice(doc.indexOf('class EventType(str, Enum):'), doc.indexOf('**Event Category Summary:**'));
    return [...block.matchAll(/^\s+[A-Z_]+ = "([a-z_]+)"/gm)].map((m) => m[1]!);
  }
  return readFileSync(fixture, 'utf8').split('\n').filter(Boolean);
}

describe('the event catalog', () => {
  it('covers every value of seed 000’s EventType enum, with the same type strings', () => {
    const values = seedEventTypes();
    expect(values.length).toBeGreaterThanOrEqual(84);
    expect(values.filter((v) => !(v in eventCatalog))).toEqual([]);
    // The committed fixture stays in step with the seed document.
    expect(values).toEqual(readFileSync(fixture, 'utf8').split('\n').filter(Boolean));
  });

  it('adds seed 001’s job-control events', () => {
    expect(eventTypes).toEqual(expect.arrayContaining(['job_paused', 'job_resumed', 'job_cancelled']));
  });
});

const base = { runId: 'run_0123456789abcdef', agent: 'scout' as const, message: 'Found 2 jobs' };

describe('validation before publishing', () => {
  it('accepts a well-formed event and stamps its time', () => {
    const event = validateNewEvent({ ...base, type: 'scout_found', data: { source: 'sandbox', count: 2, urls: ['a', 'b'] } });
    expect(event.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('rejects a payload with a wrong, missing or unknown field, saying which', () => {
    const bad = [
      { ...base, type: 'scout_found', data: { source: 'sandbox', count: '2', urls: [] } },
      { ...base, type: 'scout_found', data: { source: 'sandbox', urls: [] } },
      { ...base, type: 'scout_found', data: { source: 'sandbox', count: 2, urls: [], extra: 1 } },
      { ...base, type: 'no_such_event', data: {} },
      { ...base, runId: 'nope', type: 'ping', data: {} },
    ];
    for (const event of bad) {
      expect(() => validateNewEvent(event as never)).toThrow(/Malformed|Unknown event type/);
    }
    expect(() => validateNewEvent(bad[0] as never)).toThrow(/data\.count/);
  });

  it('validates whole events, envelope included, and narrows data by type', () => {
    const event = runEventSchema.parse({
      ...base,
      id: '7',
      seq: 7,
      type: 'pipeline_error',
      agent: 'system',
      timestamp: new Date().toISOString(),
      data: { error: 'worker lost', retrying: true, attempt: 2 },
    });
    if (event.type !== 'pipeline_error') throw new Error('narrowing');
    expect(event.data.retrying).toBe(true);
    expect(() => runEventSchema.parse({ ...event, seq: 0 })).toThrow();
  });

  it('knows which events end a run', () => {
    const ev = (type: string, data: object) => ({ ...base, id: '1', seq: 1, timestamp: '', type, data }) as RunEvent;
    expect(isTerminalEvent(ev('pipeline_complete', {}))).toBe(true);
    expect(isTerminalEvent(ev('pipeline_stopped', {}))).toBe(true);
    expect(isTerminalEvent(ev('pipeline_error', { retrying: false }))).toBe(true);
    expect(isTerminalEvent(ev('pipeline_error', { retrying: true }))).toBe(false);
    expect(isTerminalEvent(ev('pipeline_paused', {}))).toBe(false);
  });
});
