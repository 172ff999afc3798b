import { describe, expect, it } from 'vitest';
import { wireEncoder } from '~/server/realtime/wire-encoder';
import { parseEventJson } from '~/store/event-log';

const json =
  '{"id":"7","seq":7,"runId":"run_0123456789","type":"scout_found","agent":"scout","message":"Found 1 \\"job\\"",' +
  '"data":{"source":"sandbox","count":1,"urls":["https://x/1"]},"timestamp":"2026-11-22T10:00:00.000Z"}';

describe('the WebSocket wire encoder', () => {
  it('writes a tracked event as the same JSON value tRPC would, reusing the event’s source text', () => {
    const event = parseEventJson(json);
    for (const message of [
      { id: 3, jsonrpc: '2.0' as const, result: { type: 'data' as const, id: '7', data: { id: '7', data: event } } },
      { id: 'abc', result: { type: 'data' as const, id: '7', data: { id: '7', data: event } } },
    ]) {
      const wire = wireEncoder.encode(message);
      expect(typeof wire).toBe('string');
      expect(JSON.parse(wire as string)).toEqual(JSON.parse(JSON.stringify(message)));
      expect(wire as string).toContain(json);
    }
  });

  it('falls back to plain JSON for everything else', () => {
    const plain = { id: 1, result: { type: 'data', data: { runId: 'run_x' } } };
    expect(wireEncoder.encode(plain)).toBe(JSON.stringify(plain));
    const copy = { id: 1, result: { type: 'data', id: '7', data: { id: '7', data: JSON.parse(json) as object } } };
    expect(wireEncoder.encode(copy)).toBe(JSON.stringify(copy));
  });
});
