import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '~/shared/events';
import type { ConversationMessage } from '~/shared/rooms';
import { newUser } from '../helpers/auth';
import { connect, errorOf, seqGaps, watchRun, type Client, type EventWatch } from '../helpers/client';
import { useStack } from '../helpers/stack';

/**
 * Interview practice, the career chat and the network agent through real processes:
 * two web instances, one worker, turns and answers sent through the other instance.
 */
const t = useStack({ webs: 2, env: { AGENT_STEP_DELAY_MS: '50', SESSION_TURN_TIMEOUT_MS: '20000', SESSION_IDLE_TIMEOUT_MS: '20000' } });

const other = (): Client => connect(t.stack.webs[1]!.url, t.user.cookie).client;
const ofType = <T extends RunEvent['type']>(events: readonly RunEvent[], type: T) =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);

async function count(watch: EventWatch, type: RunEvent['type'], n: number, timeoutMs = 60_000): Promise<void> {
  await watch.next(() => watch.events.filter((e) => e.type === type).length >= n, timeoutMs);
}

const STRONG_ANSWER =
  'In my last role our checkout API timed out under load (situation). I owned fixing it before Black Friday (task). ' +
  'I profiled the service, moved the hot queries behind a Redis cache, added connection pooling in PostgreSQL and wrote load tests in Go (action). ' +
  'p99 latency fell from 1.2 s to 180 ms, errors dropped by 95 %, and we handled 3x the traffic with no incident (result).';

describe('interview practice', () => {
  it('asks questions, takes answers through another instance, gives feedback per answer and a summary', async () => {
    const { runId } = await t.api.client.interview.start.mutate({ role: 'Backend Engineer', questions: 2 });
    const watch = watchRun(t.api.client, runId);
    const start = await watch.next((e) => e.type === 'interview_start', 60_000);
    expect(start.data).toMatchObject({ questions: 2 });
    const second = other();
    for (const [i, answer] of [STRONG_ANSWER, 'I do not know.'].entries()) {
      await count(watch, 'interview_question', i + 1);
      const turn = { runId, turnId: randomUUID(), text: answer };
      // A double click: the same answer twice is applied once.
      const receipts = await Promise.all([second.sessions.say.mutate(turn), t.api.client.sessions.say.mutate(turn)]);
      expect(receipts.map((r) => r.status).sort()).toEqual(['accepted', 'duplicate']);
      await count(watch, 'interview_feedback', i + 1);
    }
    const events = await watch.done;
    expect(seqGaps(events)).toEqual([]);
    const answers = ofType(events, 'interview_answer');
    expect(answers.map((a) => a.data.answer)).toEqual([STRONG_ANSWER, 'I do not know.']);
    const [strong, weak] = ofType(events, 'interview_feedback');
    expect(strong!.data.score).toBeGreaterThan(weak!.data.score);
    const complete = ofType(events, 'interview_complete')[0];
    expect(complete?.data.answered).toBe(2);
    expect(complete?.data.workOn.length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ type: 'session_complete', data: { kind: 'interview', outcome: 'completed' } });
  });

  it('refuses a start with neither a role nor a posting, naming the field', async () => {
    const err = await errorOf(t.api.client.interview.start.mutate({ questions: 3 }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/role/);
  });
});

describe('career chat', () => {
  it('opens a conversation with the first message, answers by intent, and is a conversation room', async () => {
    const first = { turnId: randomUUID(), text: 'What am I missing for Senior Backend Engineer?' };
    const [a, b] = await Promise.all([t.api.client.career.say.mutate(first), other().career.say.mutate(first)]);
    // A double click opens one conversation, not two.
    expect(a.runId).toBe(b.runId);
    expect([a.status, b.status].sort()).toEqual(['accepted', 'duplicate']);
    const runId = a.runId;
    const watch = watchRun(t.api.client, runId);
    await count(watch, 'career_chat_response', 1);
    const gaps = ofType(watch.events, 'career_skill_gaps')[0];
    expect(gaps?.data.postings).toBeGreaterThan(0);
    expect(gaps?.data.gaps.length).toBeGreaterThan(0);
    const opening = ofType(watch.events, 'career_chat_response')[0]!;
    expect(opening.data).toMatchObject({ intent: 'skill_gaps', turnId: null, message: first.text });

    const room: ConversationMessage[] = [];
    const sub = t.api.client.rooms.join.subscribe({ room: `conversation:${runId}` }, {
      onData: (m) => {
        if (m.kind === 'message') room.push(m.message);
      },
    });
    const next = { runId, turnId: randomUUID(), text: 'Where can I go from here?' };
    await expect(other().career.say.mutate(next)).resolves.toMatchObject({ runId, status: 'accepted' });
    await count(watch, 'career_chat_response', 2);
    const reply = ofType(watch.events, 'career_chat_response')[1]!;
    expect(reply.data).toMatchObject({ intent: 'trajectory', turnId: next.turnId, message: next.text });
    expect(watch.events.some((e) => e.type === 'career_trajectory')).toBe(true);

    await t.api.client.career.say.mutate({ runId, turnId: randomUUID(), text: 'Find me backend jobs in Berlin' });
    await count(watch, 'career_chat_response', 3);
    const proposal = ofType(watch.events, 'career_chat_response')[2]!;
    expect(proposal.data.intent).toBe('find_jobs');
    expect(proposal.data.proposal).toMatchObject({ location: 'Berlin' });
    // Nothing started until the user confirms: the proposal is pipeline.start's input.
    const confirmed = await t.api.client.pipeline.start.mutate(proposal.data.proposal!);
    await t.api.client.pipeline.stop.mutate({ runId: confirmed.runId });

    await until(() => room.length >= 6);
    sub.unsubscribe();
    expect(room.map((m) => m.from)).toEqual(['you', 'agent', 'you', 'agent', 'you', 'agent']);
    expect(room[2]?.text).toBe(next.text);

    await t.api.client.pipeline.stop.mutate({ runId, reason: 'Conversation ended' });
    const events = await watch.done;
    expect(events.at(-1)).toMatchObject({ type: 'pipeline_stopped' });
    expect((await errorOf(t.api.client.career.say.mutate({ runId, turnId: randomUUID(), text: 'hello?' }))).code).toBe('NOT_FOUND');
  });

  it('keeps a conversation to its owner and refuses a room that is not a conversation', async () => {
    const { runId } = await t.api.client.career.say.mutate({ turnId: randomUUID(), text: 'hi' });
    const stranger = connect(t.stack.webs[0]!.url, (await newUser(t.stack.webs[0]!.url, 'Someone Else')).cookie);
    try {
      expect((await errorOf(stranger.client.career.say.mutate({ runId, turnId: randomUUID(), text: 'hello' }))).code).toBe('NOT_FOUND');
    } finally {
      await stranger.close();
    }
    const research = await t.api.client.salary.research.mutate({ role: 'Engineer', location: '' });
    const refused = await new Promise<string>((resolve) => {
      t.api.client.rooms.join.subscribe({ room: `conversation:${research.runId}` }, { onError: (err) => resolve(err.message) });
    });
    expect(refused).toMatch(/not a conversation/);
    await t.api.client.pipeline.stop.mutate({ runId });
  });
});

describe('network', () => {
  it('finds people at a company, ranks them, and keeps the notes the user approved, sending nothing', async () => {
    const { runId } = await t.api.client.network.find.mutate({ company: 'Northwind Labs', role: 'Senior Backend Engineer' });
    const watch = watchRun(t.api.client, runId);
    const found = await watch.next((e) => e.type === 'network_found', 60_000);
    if (found.type !== 'network_found') throw new Error('narrowing');
    expect(found.data.contacts.length).toBeGreaterThan(0);
    expect(found.data.contacts[0]?.relation).toBe('recruiter');
    let answered = 0;
    const second = other();
    while (!watch.events.some((e) => e.type === 'network_complete')) {
      const pending = await watch.next(
        (e) => e.type === 'network_complete' || (e.type === 'hitl_request' && !watch.events.some((r) => r.type === 'hitl_response' && r.data.hitlId === e.data.hitlId)),
        60_000,
      );
      if (pending.type !== 'hitl_request') break;
      await second.hitl.respond.mutate({ hitlId: pending.data.hitlId, response: answered === 0 ? 'approve' : pending.data.options.at(-1)! });
      answered += 1;
      await watch.next((e) => e.type === 'hitl_response' && e.data.hitlId === pending.data.hitlId, 30_000);
    }
    const events = await watch.done;
    const complete = ofType(events, 'network_complete')[0]!;
    expect(complete.data.notes[0]).toMatchObject({ status: 'approved' });
    expect(complete.data.notes[0]!.note.length).toBeGreaterThan(20);
    expect(events.at(-1)).toMatchObject({ type: 'session_complete', data: { kind: 'network' } });
    // No contact detail beyond a public profile link ever reaches an event.
    expect(JSON.stringify(events)).not.toMatch(/@[a-z0-9-]+\.[a-z]{2,}|mailto:|tel:/i);
  });
});

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
