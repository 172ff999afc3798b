import { jsonEncoder, type Encoder } from '@trpc/server/adapters/ws';
import type { RunEvent } from '~/shared/events';
import type { LiveFrame } from '~/shared/frames';
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

interface UntrackedDataMessage {
  id: string | number | null;
  jsonrpc?: '2.0';
  result: { type: 'data'; data: unknown };
}

/** The JSON each live frame arrived in, so that N viewers cost no serialization. */
const frameJson = new WeakMap<LiveFrame, string>();

/** Registers the JSON a frame was parsed from (it must be what JSON.stringify gives). */
export function rememberFrameJson(frame: LiveFrame, json: string): void {
  frameJson.set(frame, json);
}

function knownFrameJson(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null || !('result' in message)) return undefined;
  const result: unknown = (message as { result?: unknown }).result;
  if (typeof result !== 'object' || result === null || 'id' in result) return undefined;
  const { type, data } = result as { type?: unknown; data?: unknown };
  if (type !== 'data') return undefined;
  return typeof data === 'object' && data !== null ? frameJson.get(data as LiveFrame) : undefined;
}

/**
 * tRPC's JSON wire format, except that an event or a live frame is written as the JSON
 * it arrived in: one fanned out to N subscribers is serialized zero times instead of N.
 * The JSON value is the one JSON.stringify would produce for the same message.
 */
export const wireEncoder: Encoder = {
  encode(message) {
    const frame = knownFrameJson(message);
    if (frame !== undefined) {
      const { id, jsonrpc } = message as UntrackedDataMessage;
      return `{"id":${JSON.stringify(id)},${jsonrpc ? '"jsonrpc":"2.0",' : ''}"result":{"type":"data","data":${frame}}}`;
    }
    if (!isTrackedEvent(message)) return jsonEncoder.encode(message);
    const { id, jsonrpc, result } = message;
    const head = `{"id":${JSON.stringify(id)},${jsonrpc ? '"jsonrpc":"2.0",' : ''}`;
    const eventId = JSON.stringify(result.id);
    return `${head}"result":{"type":"data","id":${eventId},"data":{"id":${eventId},"data":${eventJson(result.data.data)}}}}`;
  },
  decode: (data) => jsonEncoder.decode(data),
};
