import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '~/shared/events';
import { newUser } from '../helpers/auth';
import { connect, errorOf, seqGaps, watchRun, type Client } from '../helpers/client';
import { useStack } from '../helpers/stack';
import { until } from '../helpers/wait';

/**
 * A negotiation end to end: two web instances, one worker, the deterministic persona.
 * The persona thinks for AGENT_STEP_DELAY_MS before each reply, which is the window in
 * which a second turn for the same round must be refused.
 */
const TURN_TIMEOUT_MS = 8000;
const t = useStack({ webs: 2, env: { AGENT_STEP_DELAY_MS: '300', SESSION_TURN_TIMEOUT_MS: String(TURN_TIMEOUT_MS) } });

const BATTLE = { role: 'Backend Engineer', company: 'Northwind Labs', targetSalary: 150_000, currency: 'USD', seed: 7 } as const;

type AiResponse = Extract<RunEvent, { type: 'salary_battle_ai_response' }>;
const isReply = (e: RunEvent): e is AiResponse => e.type === 'salary_battle_ai_response';

/** The client on the second web instance, signed in as the same user. */
function secondInstance(): Client {
  return connect(t.stack.webs[1]!.url, t.user.cookie).client;
}

async function startBattle(client: Client = t.api.client) {
  const { runId } = await client.salary.startBattle.mutate({ ...BATTLE });
  return { runId, watch: watchRun(client, runId) };
}

/** Waits for the persona's reply number `n` (0 is its opening offer). */
async function reply(watch: ReturnType<typeof watchRun>, n: number): Promise<AiResponse> {
  await watch.next((e) => e.type === 'salary_battle_ai_response' && watch.events.filter(isReply).length > n, 30_000);
  return watch.events.filter(isReply)[n]!;
}

const turn = (text: string, offer?: number) => ({ turnId: randomUUID(), text, ...(offer === undefined ? {} : { offer }) });

describe('the salary battle', () => {
  it('takes turns sent through another web instance, in order, and ends with a debrief', async () => {
    const { runId, watch } = await startBattle();
    const opening = await reply(watch, 0);
    expect(opening.data.offer).toBeGreaterThan(0);
    const other = secondInstance();
    const latencies: number[] = [];
    const ask = async (n: number, text: string, offer?: number) => {
      const sent = Date.now();
      await expect(other.sessions.say.mutate({ runId, ...turn(text, offer) })).resolves.toMatchObject({ status: 'accepted' });
      await reply(watch, n);
      latencies.push(Date.now() - sent);
    };
    await ask(1, 'Market data for this role puts the median well above that; I am looking for 165,000.', 165_000);
    await ask(2, 'I also have a competing offer from another company at 160,000.', 160_000);
    await other.sessions.say.mutate({ runId, ...turn('That works for me. I accept your offer.') });
    const events = await watch.done;

    expect(seqGaps(events)).toEqual([]);
    const types = events.map((e) => e.type);
    expect(types.indexOf('salary_battle_start')).toBeLessThan(types.indexOf('salary_battle_ai_response'));
    const turns = events.filter((e) => e.type === 'salary_battle_user_turn');
    expect(turns.map((e) => e.data.offer)).toEqual([165_000, 160_000, null]);
    const complete = events.find((e) => e.type === 'salary_battle_complete');
    if (complete?.type !== 'salary_battle_complete') throw new Error(`ended with ${types.at(-1)}`);
    expect(complete.data.outcome).toBe('accepted');
    expect(complete.data.firstOffer).toBe(opening.data.offer);
    expect(complete.data.finalOffer).toBeGreaterThan(complete.data.firstOffer!);
    expect(complete.data.moved.length).toBeGreaterThan(0);
    const last = events.at(-1);
    expect(last?.type).toBe('session_complete');
    expect(last?.data).toMatchObject({ kind: 'salary_battle', outcome: 'accepted' });
    // The run is an ordinary run: listed, with its kind, and its history archived.
    expect((await t.api.client.pipeline.get.query({ runId })).status).toBe('completed');
    expect((await t.api.client.pipeline.list.query({})).find((r) => r.runId === runId)?.kind).toBe('salary_battle');
    console.log(`[salary-battle] turn sent → persona's reply received (ms, through a second instance, 300 ms thinking): ${latencies.join(', ')}`);
  });

  it('applies a double-clicked or retried turn once, and refuses another turn for the same round with CONFLICT', async () => {
    const { runId, watch } = await startBattle();
    await reply(watch, 0);
    const first = turn('I would like 170,000 given the market data.', 170_000);
    const [a, b] = await Promise.all([
      t.api.client.sessions.say.mutate({ runId, ...first }),
      secondInstance().sessions.say.mutate({ runId, ...first }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['accepted', 'duplicate']);
    const rival = await errorOf(t.api.client.sessions.say.mutate({ runId, ...turn('Actually, 180,000.', 180_000) }));
    expect(rival.code).toBe('CONFLICT');
    await reply(watch, 1);
    // A retry of the first turn after its reply is still the same turn: applied once.
    await expect(t.api.client.sessions.say.mutate({ runId, ...first })).resolves.toMatchObject({ status: 'duplicate' });
    await t.api.client.pipeline.stop.mutate({ runId });
    const events = await watch.done;
    expect(events.filter((e) => e.type === 'salary_battle_user_turn').map((e) => e.data.turnId)).toEqual([first.turnId]);
  });

  it('says when it is not your turn, and keeps a session to its owner', async () => {
    const { runId, watch } = await startBattle();
    // Before the persona has spoken, nothing is open yet.
    expect((await errorOf(t.api.client.sessions.say.mutate({ runId, ...turn('Hello?') }))).code).toBe('CONFLICT');
    await reply(watch, 0);
    expect(await t.api.client.sessions.turn.query({ runId })).toMatchObject({ round: expect.any(Number) as number });
    const stranger = await newUser(t.stack.webs[0]!.url, 'Someone Else');
    const theirs = connect(t.stack.webs[0]!.url, stranger.cookie);
    try {
      expect((await errorOf(theirs.client.sessions.say.mutate({ runId, ...turn('I accept.') }))).code).toBe('NOT_FOUND');
      expect((await errorOf(theirs.client.pipeline.stop.mutate({ runId }))).code).toBe('NOT_FOUND');
    } finally {
      await theirs.close();
    }
    const bad = await errorOf(t.api.client.sessions.say.mutate({ runId, turnId: 'not-a-uuid', text: '' }));
    expect(bad.code).toBe('BAD_REQUEST');
    await t.api.client.pipeline.stop.mutate({ runId });
    await watch.done;
  });

  it('stops mid-battle at once, and refuses turns afterwards', async () => {
    const { runId, watch } = await startBattle();
    await reply(watch, 0);
    await t.api.client.pipeline.stop.mutate({ runId, reason: 'enough practice' });
    const events = await watch.done;
    expect(events.at(-1)).toMatchObject({ type: 'pipeline_stopped', data: { reason: 'enough practice', stage: 'session' } });
    expect(events.some((e) => e.type === 'salary_battle_complete')).toBe(false);
    const late = await errorOf(t.api.client.sessions.say.mutate({ runId, ...turn('Wait, I accept!') }));
    expect(late.code).toBe('NOT_FOUND');
    expect((await t.api.client.pipeline.get.query({ runId })).status).toBe('stopped');
  });

  it('ends as abandoned when no turn comes in time', async () => {
    const { runId, watch } = await startBattle();
    const events = await watch.done;
    const complete = events.find((e) => e.type === 'salary_battle_complete');
    expect(complete?.data).toMatchObject({ outcome: 'abandoned' });
    expect(events.at(-1)).toMatchObject({ type: 'session_complete', data: { kind: 'salary_battle', outcome: 'abandoned' } });
    expect((await errorOf(t.api.client.sessions.say.mutate({ runId, ...turn('Sorry, I am back.') }))).code).toBe('NOT_FOUND');
  }, TURN_TIMEOUT_MS + 30_000);

  it('resumes after a reconnect mid-battle with nothing missed or doubled', async () => {
    const { runId, watch } = await startBattle();
    await reply(watch, 0);
    watch.unsubscribe();
    const seen = watch.events.length;
    const lastId = watch.events.at(-1)!.id;
    // While this client is away, the battle goes on.
    await t.api.client.sessions.say.mutate({ runId, ...turn('Market data says 160,000 is the median for this role.', 160_000) });
    const other = secondInstance();
    await until(async () => (await other.pipeline.history.query({ runId, cursor: 0, limit: 1000 })).events.filter(isReply).length >= 2);
    const resumed = watchRun(other, runId, lastId);
    await reply(resumed, 0);
    await other.sessions.say.mutate({ runId, ...turn('Deal. I accept.') });
    const rest = await resumed.done;
    const all = [...watch.events.slice(0, seen), ...rest];
    expect(seqGaps(all)).toEqual([]);
    expect(all.filter((e) => e.type === 'salary_battle_user_turn')).toHaveLength(2);
    expect(all.at(-1)?.type).toBe('session_complete');
  });

  it('refuses turns to a run that does not take them', async () => {
    const { runId } = await t.api.client.salary.research.mutate({ role: 'Backend Engineer', location: '' });
    const err = await errorOf(t.api.client.sessions.say.mutate({ runId, ...turn('hi') }));
    expect(err.code).toBe('BAD_REQUEST');
    await watchRun(t.api.client, runId).done;
  });
});

describe('salary research', () => {
  it('reports market pay from the postings’ ranges, with the postings behind it', async () => {
    const { runId } = await t.api.client.salary.research.mutate({ role: 'Engineer', location: '' });
    const events = await watchRun(t.api.client, runId).done;
    const types = events.map((e) => e.type).filter((type) => type.startsWith('salary_'));
    expect(types[0]).toBe('salary_start');
    expect(types.slice(-2)).toEqual(['salary_result', 'salary_complete']);
    expect(types.filter((type) => type === 'salary_analyzing').length).toBeGreaterThan(0);
    const result = events.find((e) => e.type === 'salary_result');
    if (result?.type !== 'salary_result') throw new Error('no salary_result');
    const { enough, p25, p50, p75, sampleSize, postings } = result.data;
    expect(enough).toBe(true);
    expect(sampleSize).toBe(postings.length);
    expect(sampleSize).toBeGreaterThanOrEqual(result.data.minimumSample);
    expect(p25! <= p50! && p50! <= p75!).toBe(true);
    for (const posting of postings) {
      expect(posting.url).toMatch(/^http/);
      expect(posting.min).toBeLessThanOrEqual(posting.max);
    }
    expect(events.at(-1)).toMatchObject({ type: 'session_complete', data: { kind: 'salary_research', outcome: 'completed' } });
    // Like every run: in the list with its kind, and its history in the archive.
    const history = await t.api.client.pipeline.history.query({ runId, cursor: 0, limit: 1000 });
    expect(history.events.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
  });

  it('says "not enough data" instead of inventing a number', async () => {
    const { runId } = await t.api.client.salary.research.mutate({ role: 'Underwater Basket Weaver', location: 'Atlantis' });
    const events = await watchRun(t.api.client, runId).done;
    const result = events.find((e) => e.type === 'salary_result');
    expect(result?.data).toMatchObject({ enough: false, p25: null, p50: null, p75: null });
    expect(result?.message).toMatch(/not enough data/i);
    expect(events.at(-1)).toMatchObject({ type: 'session_complete', data: { outcome: 'not_enough_data' } });
  });

  it('refuses a research without a role, with the field named', async () => {
    const err = await errorOf(t.api.client.salary.research.mutate({ role: '  ', location: '' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/role/);
  });
});
