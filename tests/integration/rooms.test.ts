import { describe, expect, it } from 'vitest';
import type { SystemAlert, UserNote } from '~/shared/rooms';
import { newUser } from '../helpers/auth';
import { connect, watchRun, type Client } from '../helpers/client';
import { ONE_QUESTION_RUN } from '../helpers/runs';
import { useStack } from '../helpers/stack';

const t = useStack();

/** Collects what a subscription yields, and the error it ends with. */
function collect<T>(subscribe: (handlers: { onData: (d: T) => void; onError: (e: unknown) => void }) => { unsubscribe(): void }) {
  const items: T[] = [];
  let error: { code?: string; reason?: string } | null = null;
  const sub = subscribe({
    onData: (d) => items.push(d),
    onError: (e) => (error = (e as { data?: { code?: string; reason?: string } }).data ?? { code: 'UNKNOWN' }),
  });
  return {
    items,
    error: () => error,
    unsubscribe: () => sub.unsubscribe(),
    async until(predicate: (items: T[]) => boolean, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(items) && !error) {
        if (Date.now() > deadline) throw new Error(`timed out with ${JSON.stringify(items)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

const joinRoom = (client: Client, room: string) =>
  collect<{ kind: string }>((h) => client.rooms.join.subscribe({ room }, h));

describe('rooms', () => {
  it('your own room, joined by itself, follows every run and question of yours, and only yours', async () => {
    const url = t.stack.webs[0]!.url;
    const inbox = collect<UserNote>((h) => t.api.client.rooms.inbox.subscribe(undefined, h));
    const stranger = connect(url, (await newUser(url, 'Stranger')).cookie);
    const strangerInbox = collect<UserNote>((h) => stranger.client.rooms.inbox.subscribe(undefined, h));
    await new Promise((r) => setTimeout(r, 300));

    const { runId } = await t.api.client.pipeline.start.mutate(ONE_QUESTION_RUN);
    await inbox.until((n) => n.some((x) => x.type === 'hitl_request'));
    const question = inbox.items.find((x) => x.type === 'hitl_request');
    if (question?.type !== 'hitl_request') throw new Error('narrowing');
    await t.api.client.hitl.respond.mutate({ hitlId: question.hitlId, response: 'approve' });
    await inbox.until((n) => n.some((x) => x.type === 'run_status' && x.status === 'completed'));

    expect(inbox.items.map((n) => (n.type === 'run_status' ? `${n.type}:${n.status}` : n.type))).toEqual([
      'run_status:running',
      'hitl_request',
      'hitl_settled',
      'run_status:completed',
    ]);
    expect(inbox.items.every((n) => n.runId === runId)).toBe(true);
    expect(strangerInbox.items).toEqual([]);
    inbox.unsubscribe();
    strangerInbox.unsubscribe();
    await stranger.close();
  });

  it('the dashboard room carries system alerts to every signed-in user', async () => {
    const dashboard = collect<{ kind: string; alert?: SystemAlert }>((h) => t.api.client.rooms.join.subscribe({ room: 'dashboard' }, h));
    const alerts = collect<SystemAlert>((h) => t.api.client.system.alerts.subscribe(undefined, h));
    await new Promise((r) => setTimeout(r, 300));
    await t.stack.addWorker();
    await dashboard.until((items) => items.length > 0);
    await alerts.until((items) => items.length > 0);
    expect(dashboard.items[0]).toMatchObject({ kind: 'alert', alert: { severity: 'info', source: 'worker' } });
    expect(alerts.items[0]?.message).toMatch(/is online/);
    dashboard.unsubscribe();
    alerts.unsubscribe();
  });

  it('names are checked: INVALID_ROOM, ROOM_ACCESS_DENIED, and NOT_FOUND for another user’s run', async () => {
    const url = t.stack.webs[0]!.url;
    const other = connect(url, (await newUser(url, 'Other')).cookie);
    try {
      const { runId } = await other.client.pipeline.start.mutate({ query: 'kotlin' });
      const otherId = (await other.client.auth.me.query())?.id ?? '';
      const cases = [
        ['nonsense', { code: 'BAD_REQUEST', reason: 'INVALID_ROOM' }],
        [`user:${otherId}`, { code: 'FORBIDDEN', reason: 'ROOM_ACCESS_DENIED' }],
        [`run:${runId}`, { code: 'NOT_FOUND' }],
      ] as const;
      for (const [room, expected] of cases) {
        const sub = joinRoom(t.api.client, room);
        await sub.until(() => false).catch(() => undefined);
        expect(sub.error(), room).toMatchObject(expected);
      }
      const mine = await t.api.client.pipeline.start.mutate({ query: 'kotlin' });
      const runRoom = joinRoom(t.api.client, `run:${mine.runId}`);
      await runRoom.until((items) => items.some((i) => (i as { event?: { type: string } }).event?.type === 'pipeline_complete'));
      expect(runRoom.items.length).toBe((await watchRun(t.api.client, mine.runId).done).length);
    } finally {
      await other.close();
    }
  });
});
