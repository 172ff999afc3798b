import { EventType, type AGUIEvent, type Message, type ToolCall } from '@ag-ui/core';

/**
 * The conversation as an AG-UI client holds it: the messages it sent with its request,
 * and what the events told it since. A MESSAGES_SNAPSHOT replaces the client's whole
 * list (a message it leaves out is dropped), so a correction must list all of them.
 */

/** The events told so far, newest first: adding one is O(1) and shares the rest. */
export type Told = { readonly event: AGUIEvent; readonly before: Told } | null;

const AFFECTS_MESSAGES = new Set<string>([
  EventType.TEXT_MESSAGE_START,
  EventType.TEXT_MESSAGE_CONTENT,
  EventType.TOOL_CALL_START,
  EventType.TOOL_CALL_ARGS,
  EventType.TOOL_CALL_RESULT,
]);

export function tell(told: Told, events: readonly AGUIEvent[]): Told {
  let list = told;
  for (const event of events) if (AFFECTS_MESSAGES.has(event.type)) list = { event, before: list };
  return list;
}

/** What the client holds of the assistant's texts and tool calls, for a reconnect to complete rather than repeat. */
export interface Held {
  texts: ReadonlyMap<string, string>;
  toolCalls: ReadonlySet<string>;
}

export function heldIn(messages: readonly Message[]): Held {
  const texts = new Map<string, string>();
  const toolCalls = new Set<string>();
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    if (typeof message.content === 'string') texts.set(message.id, message.content);
    for (const call of message.toolCalls ?? []) toolCalls.add(call.id);
  }
  return { texts, toolCalls };
}

/** The client's messages after it applied the told events to `base`, as its apply step does. */
export function conversationAfter(base: readonly Message[], told: Told): Message[] {
  const events: AGUIEvent[] = [];
  for (let node = told; node; node = node.before) events.push(node.event);
  const messages = structuredClone<Message[]>([...base]);
  const calls = new Map<string, ToolCall>();
  for (const m of messages) if (m.role === 'assistant') for (const call of m.toolCalls ?? []) calls.set(call.id, call);
  // A call started again (a reconnect) has its arguments replaced, not extended.
  const restarted = new Set<string>();
  for (const e of events.reverse()) {
    switch (e.type) {
      case EventType.TEXT_MESSAGE_START:
        if (!messages.some((m) => m.id === e.messageId)) messages.push({ id: e.messageId, role: 'assistant', content: '' });
        break;
      case EventType.TEXT_MESSAGE_CONTENT: {
        const message = messages.find((m) => m.id === e.messageId);
        if (message?.role === 'assistant') message.content = (message.content ?? '') + e.delta;
        break;
      }
      case EventType.TOOL_CALL_START:
        if (calls.has(e.toolCallId)) restarted.add(e.toolCallId);
        else {
          const call: ToolCall = { id: e.toolCallId, type: 'function', function: { name: e.toolCallName, arguments: '' } };
          calls.set(call.id, call);
          messages.push({ id: e.toolCallId, role: 'assistant', toolCalls: [call] });
        }
        break;
      case EventType.TOOL_CALL_ARGS: {
        const call = calls.get(e.toolCallId);
        if (!call) break;
        call.function.arguments = restarted.delete(e.toolCallId) ? e.delta : call.function.arguments + e.delta;
        break;
      }
      case EventType.TOOL_CALL_RESULT: {
        const result: Message = { id: e.messageId, role: 'tool', toolCallId: e.toolCallId, content: e.content };
        const at = messages.findIndex((m) => m.id === e.messageId && m.role === 'tool');
        if (at >= 0) messages[at] = result;
        else messages.push(result);
        break;
      }
      default:
        break;
    }
  }
  return messages;
}
