import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '~/shared/events';
import type { Typing } from '~/shared/sessions/typing';
import { watchRun } from '../helpers/client';
import { instructedOffer, startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { useStack } from '../helpers/stack';
import { until } from '../helpers/wait';

/**
 * The persona with a model: its words stream to the page while they are written, only
 * the finished reply is stored, and the numbers stay the engine's.
 */
const t = useStack({ workers: 0, env: { SESSION_TURN_TIMEOUT_MS: '20000' } });
let llm: FakeLlm;

beforeAll(async () => {
  llm = await startFakeLlm();
  await t.stack.addWorker({ LLM_BASE_URL: llm.baseUrl, LLM_API_KEY: 'test-key-456', LLM_MODEL: 'fake-model' });
});
afterAll(async () => {
  await llm.close();
});

const BATTLE = { role: 'Backend Engineer', company: 'Northwind Labs', targetSalary: 150_000, currency: 'USD', seed: 11 } as const;
/** A model that follows the persona's instructions: it states the offer it was told to make. */
function compliantWords(body: unknown): string {
  const offer = instructedOffer(body);
  return offer
    ? `Thank you for your patience. I have gone back to the team, and we can offer ${offer} for this role.`
    : 'Thank you for your time today; I appreciate the conversation.';
}

type AiResponse = Extract<RunEvent, { type: 'salary_battle_ai_response' }>;
const isReply = (e: RunEvent): e is AiResponse => e.type === 'salary_battle_ai_response';

function watchTyping(runId: string): { seen: Typing[]; stop(): void } {
  const seen: Typing[] = [];
  const sub = t.api.client.sessions.typing.subscribe({ runId }, { onData: (m) => seen.push(m) });
  return { seen, stop: () => sub.unsubscribe() };
}

describe('the salary battle with a model', () => {
  it('streams a reply as it is written; a client that reconnects mid-reply gets the finished reply, once', async () => {
    let words = '';
    llm.fallback = (body) => {
      words = compliantWords(body);
      return { text: words, pieceDelayMs: 80 };
    };
    const { runId } = await t.api.client.salary.startBattle.mutate({ ...BATTLE });
    const typing = watchTyping(runId);
    const first = watchRun(t.api.client, runId);
    // Away as soon as the words start coming: the finished reply must be waiting on return.
    const deadline = Date.now() + 60_000;
    while (typing.seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(typing.seen.length).toBeGreaterThan(0);
    const partial = typing.seen[0]!;
    expect(partial.done).toBe(false);
    expect(words.startsWith(partial.text)).toBe(true);
    expect(first.events.some(isReply)).toBe(false);
    first.unsubscribe();
    const lastId = first.events.at(-1)?.id;

    const again = watchRun(t.api.client, runId, lastId);
    const opening = (await again.next(isReply, 60_000)) as AiResponse;
    expect(opening.data.reply).toBe(words);
    expect(opening.data.reply).toContain(opening.data.offer!.toLocaleString('en-US'));
    expect(opening.data.messageId).toBe(partial.messageId);
    // The live text ended with the whole reply (its last frame travels beside the log, not
    // in it, so it may land just after the stored reply), and the log holds it exactly once.
    await until(() => Promise.resolve(typing.seen.at(-1)?.done === true), 10_000).catch(() => undefined);
    expect(typing.seen.at(-1)).toMatchObject({ messageId: partial.messageId, done: true, text: words });
    const all = [...first.events, ...again.events];
    expect(all.filter(isReply)).toHaveLength(1);

    await t.api.client.sessions.say.mutate({ runId, turnId: randomUUID(), text: 'Deal. I accept your offer.' });
    await again.done;
    typing.stop();
    expect(JSON.stringify(again.events)).not.toContain('test-key-456');
  }, 120_000);

  it('refuses a reply that names an amount the engine did not offer, and uses the engine’s words', async () => {
    llm.fallback = { text: 'Great news: we can offer you $999,999 right away.' };
    const { runId } = await t.api.client.salary.startBattle.mutate({ ...BATTLE, seed: 12 });
    const watch = watchRun(t.api.client, runId);
    const opening = (await watch.next(isReply, 60_000)) as AiResponse;
    expect(opening.data.offer).toBeGreaterThan(0);
    expect(opening.data.offer).not.toBe(999_999);
    expect(opening.data.reply).not.toMatch(/999/);
    await t.api.client.pipeline.stop.mutate({ runId });
    await watch.done;
  }, 120_000);
});
