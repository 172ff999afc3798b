import { z } from 'zod';
import { hitlIdSchema, runIdSchema, runStatusSchema } from './pipeline';

/**
 * Rooms, as seeds 002 and 004 name them: `dashboard` (system alerts, every signed-in
 * user), `user:<userId>` (your own notifications), `run:<runId>` (one run's events) and
 * `conversation:<runId>` (a career chat's messages, owned like its run).
 */
export const roomSchema = z
  .string()
  .max(100)
  .regex(
    /^(dashboard|user:[A-Za-z0-9_-]{1,64}|(run|conversation):run_[A-Za-z0-9_-]{8,64})$/,
    'room: "dashboard", "user:<userId>", "run:<runId>" or "conversation:<runId>"',
  );

export type Room =
  | { kind: 'dashboard' }
  | { kind: 'user'; userId: string }
  | { kind: 'run'; runId: string }
  | { kind: 'conversation'; runId: string };

export function parseRoom(room: string): Room {
  if (room === 'dashboard') return { kind: 'dashboard' };
  const [kind, id = ''] = room.split(/:(.*)/s);
  if (kind === 'user') return { kind: 'user', userId: id };
  return kind === 'conversation' ? { kind: 'conversation', runId: id } : { kind: 'run', runId: id };
}

/** What arrives in a user's own room: changes across all their runs, for an inbox. */
export const userNoteSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run_status'), runId: runIdSchema, status: runStatusSchema, at: z.iso.datetime() }),
  z.object({
    type: z.literal('hitl_request'),
    runId: runIdSchema,
    hitlId: hitlIdSchema,
    question: z.string(),
    expiresAt: z.iso.datetime(),
    at: z.iso.datetime(),
  }),
  z.object({
    type: z.literal('hitl_settled'),
    runId: runIdSchema,
    hitlId: hitlIdSchema,
    status: z.enum(['answered', 'timed_out', 'cancelled']),
    at: z.iso.datetime(),
  }),
]);
export type UserNote = z.infer<typeof userNoteSchema>;
/** A note before it is stamped with its time. */
export type NewUserNote = UserNote extends infer N ? (N extends UserNote ? Omit<N, 'at'> : never) : never;

/** A message of a conversation room (seed 004's `conversation:message`): yours, or the agent's reply. */
export const conversationMessageSchema = z.object({
  from: z.enum(['you', 'agent']),
  text: z.string(),
  /** The reply's intent (agent messages only). */
  intent: z.string().nullable(),
  at: z.iso.datetime(),
});
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;

/** What arrives in the dashboard room. */
export const systemAlertSchema = z.object({
  severity: z.enum(['info', 'warning', 'critical']),
  source: z.string(),
  message: z.string(),
  /** What the alert is about (a worker's or web instance's id, `archive`), when it is about one thing. */
  subject: z.string().max(200).optional(),
  at: z.iso.datetime(),
});
export type SystemAlert = z.infer<typeof systemAlertSchema>;
