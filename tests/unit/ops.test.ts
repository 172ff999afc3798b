import { describe, expect, it } from 'vitest';
import { FEED_LIMIT, prepend } from '~/app/ops/_lib/feed-text';
import { parseEnv } from '~/env';
import { isAdmin } from '~/server/auth/admin';
import { opsFeedEvents } from '~/server/ops/ops-feed';
import { opsFeedEventSchema, type OpsFeedEvent } from '~/shared/ops';

const created = (n: number): OpsFeedEvent => ({ type: 'task_created', taskId: `run_${String(n).padStart(10, '0')}`, at: new Date().toISOString() });

describe('ADMIN_EMAILS', () => {
  it('is a comma-separated list of emails, read in any case, empty by default', () => {
    expect(parseEnv({}).ADMIN_EMAILS).toEqual([]);
    expect(parseEnv({ ADMIN_EMAILS: ' Ops@Example.com ,, b@example.org ' }).ADMIN_EMAILS).toEqual(['ops@example.com', 'b@example.org']);
  });

  it('names the entry that is not an email', () => {
    expect(() => parseEnv({ ADMIN_EMAILS: 'ops@example.com, nobody' })).toThrow(/ADMIN_EMAILS: "nobody" is not an email address/);
  });

  it('makes operators of exactly those accounts', () => {
    const admins = parseEnv({ ADMIN_EMAILS: 'Ops@Example.com' }).ADMIN_EMAILS;
    expect(isAdmin({ email: 'OPS@example.COM' }, admins)).toBe(true);
    expect(isAdmin({ email: 'ops@example.com.evil' }, admins)).toBe(false);
    expect(isAdmin({ email: null }, admins)).toBe(false);
    expect(isAdmin(null, admins)).toBe(false);
    expect(isAdmin({ email: 'ops@example.com' }, [])).toBe(false);
  });

  it('OPS_ARCHIVE_LAG_ALERT defaults to 5000 events', () => {
    expect(parseEnv({}).OPS_ARCHIVE_LAG_ALERT).toBe(5000);
    expect(() => parseEnv({ OPS_ARCHIVE_LAG_ALERT: 'lots' })).toThrow(/OPS_ARCHIVE_LAG_ALERT/);
  });
});

describe('the ops feed', () => {
  it('keeps at most maxQueued events for a subscriber that has not read them, dropping the oldest', async () => {
    let listener: ((e: OpsFeedEvent) => void) | null = null;
    let left = false;
    const feed = {
      join(l: (e: OpsFeedEvent) => void) {
        listener = l;
        return Promise.resolve(() => (left = true));
      },
    };
    const stop = new AbortController();
    const events = opsFeedEvents(feed, stop.signal, null, 5);
    const first = events.next(); // joins, then waits for an event
    await new Promise((r) => setTimeout(r, 0));
    for (let n = 1; n <= 12; n++) listener!(created(n));
    const got = [(await first).value];
    for (let i = 0; i < 4; i++) got.push((await events.next()).value);
    // Twelve arrived before the reader woke: only the newest five were held.
    expect(got.map((e) => (e as { taskId: string }).taskId.slice(-2))).toEqual(['08', '09', '10', '11', '12']);
    stop.abort();
    expect((await events.next()).done).toBe(true);
    expect(left).toBe(true);
  });

  it('validates what workers publish: a malformed event is not a feed event', () => {
    expect(opsFeedEventSchema.safeParse(created(1)).success).toBe(true);
    expect(opsFeedEventSchema.safeParse({ type: 'agent_heartbeat', agentId: 'w', status: 'asleep', runs: [], at: 'now' }).success).toBe(false);
  });

  it('the page keeps the newest FEED_LIMIT entries', () => {
    let list: number[] = [];
    for (let n = 1; n <= FEED_LIMIT + 50; n++) list = prepend(list, n);
    expect(list).toHaveLength(FEED_LIMIT);
    expect(list[0]).toBe(FEED_LIMIT + 50);
    expect(list.at(-1)).toBe(51);
  });
});
