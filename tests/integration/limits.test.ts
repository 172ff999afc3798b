import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { newUser } from '../helpers/auth';
import { connect, errorOf } from '../helpers/client';
import { useStack } from '../helpers/stack';

// No worker: runs stay queued, so "in progress" is easy to hold.
const t = useStack({
  workers: 0,
  env: { WS_MAX_CALLS_PER_SECOND: '5', WS_MAX_SUBSCRIPTIONS: '2', START_RATE_PER_MINUTE: '3', MAX_CONCURRENT_RUNS: '2' },
});

describe('limits', () => {
  it('a message flood gets TOO_MANY_REQUESTS for each call over the rate, and nothing goes unanswered', async () => {
    const ws = new WebSocket(`${t.stack.webs[0]!.url.replace('http', 'ws')}/api/trpc-ws`, { headers: { cookie: t.user.cookie } });
    await new Promise((resolve) => ws.once('open', resolve));
    type Reply = { id?: number; result?: unknown; error?: { data: { code: string; reason: string } } };
    const replies = new Map<number, Reply>();
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as Reply;
      if (typeof msg.id === 'number') replies.set(msg.id, msg);
    });
    for (let id = 1; id <= 20; id++) ws.send(JSON.stringify({ id, method: 'query', params: { path: 'auth.me', input: null } }));
    const deadline = Date.now() + 10_000;
    while (replies.size < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    ws.close();
    expect(replies.size).toBe(20);
    const limited = [...replies.values()].filter((r) => r.error?.data.code === 'TOO_MANY_REQUESTS');
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(limited.every((r) => r.error?.data.reason === 'RATE_LIMITED')).toBe(true);
    expect([...replies.values()].filter((r) => r.result).length).toBeGreaterThanOrEqual(5);
  });

  it('starts: at most MAX_CONCURRENT_RUNS in progress and START_RATE_PER_MINUTE a minute', async () => {
    const url = t.stack.webs[0]!.url;
    const user = await newUser(url, 'Busy');
    const api = connect(url, user.cookie);
    try {
      const first = await api.client.pipeline.start.mutate({ query: 'python' });
      await api.client.pipeline.start.mutate({ query: 'python' });
      const busy = await errorOf(api.client.pipeline.start.mutate({ query: 'python' }));
      expect(busy.code).toBe('TOO_MANY_REQUESTS');
      expect(busy.message).toMatch(/2 pipelines in progress/);
      await api.client.pipeline.stop.mutate({ runId: first.runId });
      await api.client.pipeline.start.mutate({ query: 'python' }); // the third start this minute
      const runs = await api.client.pipeline.list.query();
      await Promise.all(runs.map((r) => api.client.pipeline.stop.mutate({ runId: r.runId })));
      const tooMany = await errorOf(api.client.pipeline.start.mutate({ query: 'python' }));
      expect(tooMany.code).toBe('TOO_MANY_REQUESTS');
      expect(tooMany.message).toMatch(/3 pipelines in the last minute/);
      expect(await api.client.pipeline.list.query()).toHaveLength(3);
    } finally {
      await api.close();
    }
  });

  it('at most WS_MAX_SUBSCRIPTIONS subscriptions per connection, of every kind', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python' });
    const outcome = (n: number) =>
      new Promise<string>((resolve) => {
        t.api.client.pipeline.events.subscribe(
          { runId, lastEventId: null },
          {
            onStarted: () => setTimeout(() => resolve(`started ${n}`), 300),
            onError: (e) => resolve((e.data as { code: string }).code),
          },
        );
      });
    expect(await outcome(1)).toBe('started 1');
    expect(await outcome(2)).toBe('started 2');
    expect(await outcome(3)).toBe('TOO_MANY_REQUESTS');
    const inbox = await new Promise<string>((resolve) => {
      t.api.client.rooms.inbox.subscribe(undefined, {
        onStarted: () => setTimeout(() => resolve('started'), 300),
        onError: (e) => resolve((e.data as { code: string }).code),
      });
    });
    expect(inbox).toBe('TOO_MANY_REQUESTS');
    await t.api.client.pipeline.stop.mutate({ runId });
  });
});
