import { z } from 'zod';
import { runIdSchema } from '../pipeline';
import { agentSchema, eventCatalog, eventTypes, type EventData, type EventType } from './catalog';

/**
 * The envelope every event travels in (design notes, Events 2). `seq` is assigned
 * atomically by the event log when the event is published; `id` is the resume cursor
 * that tRPC's tracked() hands back as lastEventId.
 */
const envelopeFields = {
  id: z.string().regex(/^\d+$/),
  runId: runIdSchema,
  seq: z.number().int().min(1),
  agent: agentSchema,
  message: z.string().max(2000),
  timestamp: z.iso.datetime(),
};

const eventSchemaFor = <T extends EventType>(type: T) =>
  z.object({ ...envelopeFields, type: z.literal(type), data: eventCatalog[type] });

type EventSchemaFor<T extends EventType> = ReturnType<typeof eventSchemaFor<T>>;

/** One published event; narrowing on `type` narrows `data`. */
export type RunEvent = { [T in EventType]: z.infer<EventSchemaFor<T>> }[EventType];
export type RunEventOf<T extends EventType> = Extract<RunEvent, { type: T }>;

const [first, ...rest] = eventTypes.map((t) => eventSchemaFor(t));
if (!first) throw new Error('event catalog is empty');

/** Validates a whole event, envelope and payload. */
export const runEventSchema = z.discriminatedUnion('type', [first, ...rest]) as unknown as z.ZodType<RunEvent>;

/** What a producer supplies; the log adds id and seq. */
export type NewEvent<T extends EventType = EventType> = {
  [K in T]: {
    runId: string;
    type: K;
    agent: z.infer<typeof agentSchema>;
    message: string;
    data: EventData<K>;
    timestamp?: string;
  };
}[T];

const newEventSchemas = new Map(
  eventTypes.map((t) => [t, eventSchemaFor(t).omit({ id: true, seq: true })] as const),
);

/**
 * Validates an event before it is published (design notes, Events 3): an agent that
 * emits a malformed event throws here, in tests and in production alike.
 */
export function validateNewEvent(event: NewEvent): Omit<RunEvent, 'id' | 'seq'> {
  const schema = newEventSchemas.get(event.type);
  if (!schema) throw new Error(`Unknown event type "${event.type}"`);
  const withTime = { ...event, timestamp: event.timestamp ?? new Date().toISOString() };
  const result = schema.safeParse(withTime);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Malformed ${event.type} event: ${detail}`);
  }
  return result.data;
}

/** Events after which a run's stream has nothing more to say. */
export function isTerminalEvent(event: RunEvent): boolean {
  switch (event.type) {
    case 'pipeline_complete':
    case 'session_complete':
    case 'pipeline_stopped':
      return true;
    case 'pipeline_error':
      return !event.data.retrying;
    default:
      return false;
  }
}

/** Browser frames bypass the event log: latest frame wins (design notes, Events 7). */
export const FRAME_EVENT_TYPE = 'browser_screenshot' satisfies EventType;
