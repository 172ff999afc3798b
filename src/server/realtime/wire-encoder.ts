import { jsonEncoder, type Encoder } from '@trpc/server/adapters/ws';
import type { RunEvent } from '~/shared/events';
import { eventJson, hasSourceJson } from '~/store/event-log';

interface TrackedDataMessage {
  id: string | number | null;
  jsonrpc?: '2.0';
  result: { type: 'data'; id: string; data: { id: string; data: RunEvent } };
}

function isTrackedEvent(message: unknown): message is TrackedDataMessage {
  if (typeof message !== 'object' || message === null || !('result' in message)) return false;
  const { result } = message;
  if (typeof result !== 'object' || result === null) return false;
  const r = result as { type?: unknown; id?: unknown; data?: unknown };
  if (r.type !== 'data' || typeof r.id !== 'string' || typeof r.data !== 'object' || r.data === null) return false;
  const inner = (r.data as { data?: unknown }).data;
  return typeof inner === 'object' && inner !== null && hasSourceJson(inner);
}

/**
 * tRPC's JSON wire format, except that an event is written as the JSON it arrived in:
 * an event fanned out to N subscribers is serialized zero times instead of N times.
 * The JSON value is the one JSON.stringify would produce for the same message.
 */
export const wireEncoder: Encoder = {
  encode(message) {
    if (!isTrackedEvent(message)) return jsonEncoder.encode(message);
    const { id, jsonrpc, result } = message;
    const head = `{"id":${JSON.stringify(id)},${jsonrpc ? '"jsonrpc":"2.0",' : ''}`;
    const eventId = JSON.stringify(result.id);
    return `${head}"result":{"type":"data","id":${eventId},"data":{"id":${eventId},"data":${eventJson(result.data.data)}}}}`;
  },
  decode: (data) => jsonEncoder.decode(data),
};
