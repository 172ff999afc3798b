import { z } from 'zod';
import type { RunEvent } from '~/shared/events';
import {
  parseRoom,
  roomSchema,
  systemAlertSchema,
  userNoteSchema,
  type ConversationMessage,
  type SystemAlert,
  type UserNote,
} from '~/shared/rooms';
import { channelMessages } from '../../realtime/channel-hub';
import { guarded, runEvents } from '../subscriptions';
import { createTRPCRouter, failWith, ownedRun, protectedProcedure, type Context } from '../trpc';

type RoomMessage =
  | { room: string; kind: 'alert'; alert: SystemAlert }
  | { room: string; kind: 'note'; note: UserNote }
  | { room: string; kind: 'event'; event: RunEvent }
  | { room: string; kind: 'message'; message: ConversationMessage };

function alerts(ctx: Context, signal: AbortSignal) {
  const { services } = ctx;
  return channelMessages(services.channels, services.stores.keys.alertsChannel, (raw) => systemAlertSchema.parse(raw), signal);
}

function notes(ctx: Context, userId: string, signal: AbortSignal) {
  const { services } = ctx;
  return channelMessages(services.channels, services.stores.keys.userNotes(userId), (raw) => userNoteSchema.parse(raw), signal);
}

export const roomsRouter = createTRPCRouter({
  /** Your own room, joined without asking: status changes and questions across all your runs. */
  inbox: protectedProcedure.subscription(({ ctx, signal }) => guarded(ctx, signal, (stop) => notes(ctx, ctx.user.id, stop))),

  /**
   * Any room you may see, by name, as in seeds 002 and 004. A malformed name is
   * INVALID_ROOM; another user's room is ROOM_ACCESS_DENIED; another user's run is
   * NOT_FOUND, like a missing one. (For a run you can resume, use pipeline.events.)
   */
  join: protectedProcedure
    .input(z.object({ room: z.string().max(100) }))
    .subscription(({ ctx, input, signal }) => guarded(ctx, signal, (stop) => roomMessages(ctx, input.room, stop))),
});

async function* roomMessages(
  ctx: Context & { user: NonNullable<Context['user']> },
  name: string,
  stop: AbortSignal,
): AsyncGenerator<RoomMessage, void, void> {
  if (!roomSchema.safeParse(name).success) {
    throw failWith('BAD_REQUEST', 'INVALID_ROOM', 'room: "dashboard", "user:<userId>", "run:<runId>" or "conversation:<runId>"');
  }
  const room = parseRoom(name);
  const { services, user } = ctx;
  if (room.kind === 'dashboard') {
    for await (const alert of alerts(ctx, stop)) yield { room: name, kind: 'alert', alert };
  } else if (room.kind === 'user') {
    if (room.userId !== user.id) throw failWith('FORBIDDEN', 'ROOM_ACCESS_DENIED', 'That room belongs to another user.');
    for await (const note of notes(ctx, user.id, stop)) yield { room: name, kind: 'note', note };
  } else if (room.kind === 'conversation') {
    const run = await ownedRun(services, user.id, room.runId);
    if (run.kind !== 'career_chat') throw failWith('BAD_REQUEST', 'INVALID_ROOM', 'That run is not a conversation; join run:<runId> instead.');
    for await (const event of runEvents(services, ctx, room.runId, 0, stop)) {
      for (const message of conversationMessages(event)) yield { room: name, kind: 'message', message };
    }
  } else {
    await ownedRun(services, user.id, room.runId);
    for await (const event of runEvents(services, ctx, room.runId, 0, stop)) yield { room: name, kind: 'event', event };
  }
}

/** A chat reply carries the message it answers, so the conversation reads whole from the replies. */
function conversationMessages(event: RunEvent): ConversationMessage[] {
  if (event.type !== 'career_chat_response') return [];
  const at = event.timestamp;
  return [
    { from: 'you', text: event.data.message, intent: null, at },
    { from: 'agent', text: event.data.reply, intent: event.data.intent, at },
  ];
}

export const alertsProcedure = protectedProcedure.subscription(({ ctx, signal }) => guarded(ctx, signal, (stop) => alerts(ctx, stop)));
