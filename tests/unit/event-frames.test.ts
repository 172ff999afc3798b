import { describe, expect, it } from 'vitest';
import { trackedEventFrames } from '~/server/realtime/event-frames';
import { wireEncoder } from '~/server/realtime/wire-encoder';
import { parseEventJson } from '~/store/event-log';

const json =
  '{"id":"7","seq":7,"runId":"run_0123456789","type":"scout_found","agent":"scout","message":"Found 1 \\"job\\" – ünïcode",' +
  '"data":{"source":"sandbox","count":1,"urls":["https://x/1"]},"timestamp":"2026-11-22T10:00:00.000Z"}';

describe('the direct path’s event frames', () => {
  it('are byte for byte what tRPC’s adapter writes through the wire encoder for the same tracked event', () => {
    const event = parseEventJson(json);
    for (const [id, jsonrpc] of [[3, true], ['abc', false], [0, false]] as const) {
      const viaTrpc = wireEncoder.encode({
        id,
        ...(jsonrpc ? { jsonrpc: '2.0' as const } : {}),
        result: { type: 'data' as const, id: event.id, data: { id: event.id, data: event } },
      });
      expect(trackedEventFrames(id, jsonrpc)(event).toString('utf8')).toBe(viaTrpc);
    }
  });

  it('share one encoding of the event between subscribers', () => {
    const event = parseEventJson(json);
    const a = trackedEventFrames(1, true)(event);
    const b = trackedEventFrames(2, true)(event);
    expect(a.subarray(a.indexOf(',"result"')).equals(b.subarray(b.indexOf(',"result"')))).toBe(true);
  });
});
