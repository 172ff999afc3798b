import type { RunEvent } from '~/shared/events';
import { eventJson } from '~/store/event-log';

/**
 * The bytes every subscriber of a run shares for one event: the end of tRPC's data
 * message for a tracked event, `,"result":{"type":"data","id":…,"data":{"id":…,"data":<event>}}}`.
 * Made once per event on this instance, however many subscribers it goes to.
 */
const tails = new WeakMap<RunEvent, Buffer>();

function tailOf(event: RunEvent): Buffer {
  let tail = tails.get(event);
  if (!tail) {
    const id = JSON.stringify(event.id);
    tail = Buffer.from(`,"result":{"type":"data","id":${id},"data":{"id":${id},"data":${eventJson(event)}}}}`);
    tails.set(event, tail);
  }
  return tail;
}

/**
 * The data messages of one subscription, as tRPC's WebSocket adapter writes them for a
 * `tracked(event.id, event)` value (the same JSON the wire encoder gives): only the
 * head, which names the subscription, is the subscriber's own.
 */
export function trackedEventFrames(subscriptionId: string | number, jsonrpc: boolean): (event: RunEvent) => Buffer {
  const head = Buffer.from(`{"id":${JSON.stringify(subscriptionId)}${jsonrpc ? ',"jsonrpc":"2.0"' : ''}`);
  return (event) => {
    const tail = tailOf(event);
    return Buffer.concat([head, tail], head.length + tail.length);
  };
}
