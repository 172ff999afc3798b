import { randomUUID } from 'node:crypto';
import type { HttpAgent } from '@ag-ui/client';
import { EventType, type BaseEvent } from '@ag-ui/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadState } from '~/server/agui/thread-state';
import type { RunEvent } from '~/shared/events';
import { aguiAgent, apiToken, expectDeltasMatchSnapshots, finishedEvent, runOnce } from '../helpers/agui';
import { instructedOffer, startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { useStack } from '../helpers/stack';
import { until } from '../helpers/wait';

/**
 * Sessions over AG-UI: a negotiation whose persona is a (fake, streaming) model and a
 * career chat, each reply streamed as TEXT_MESSAGE_CONTENT while it is written; each
 * AG-UI run ends when it is the user's turn, and the user's next message is the next run.
 */
const t = useStack({ workers: 0, env: { SESSION_TURN_TIMEOUT_MS: '30000' } });
let llm: FakeLlm;

beforeAll(async () => {
  llm = await startFakeLlm();
  await t.stack.addWorker({ LLM_BASE_URL: llm.baseUrl, LLM_API_KEY: 'test-key-agui', LLM_MODEL: 'fake-model' });
});
afterAll(async () => {
  await llm.close();
});

const web = () => t.stack.webs[0]!.url;
const stateOf = (agent: HttpAgent) => agent.state as ThreadState;
const BATTLE = { role: 'Backend Engineer', company: 'Northwind Labs', targetSalary: 150_000, currency: 'USD', seed: 5 } as const;

/** A persona model that writes the offer it was told to make, slowly, so that the words arrive in pieces. */
function compliantPersona(body: unknown) {
  const offer = instructedOffer(body);
  const text = offer ? `Thank you for your patience; we can offer ${offer} for this role.` : 'Thank you for your time today.';
  return { text, pieceDelayMs: 40 };
}

/** The text each streamed message ended with, and how many CONTENT deltas made it. */
function streamedTexts(events: readonly BaseEvent[]): Map<string, { text: string; deltas: number }> {
  const texts = new Map<string, { text: string; deltas: number }>();
  for (const e of events) {
    if (e.type !== EventType.TEXT_MESSAGE_CONTENT) continue;
    const id = e.messageId as string;
    const current = texts.get(id) ?? { text: '', deltas: 0 };
    texts.set(id, { text: current.text + (e.delta as string), deltas: current.deltas + 1 });
  }
  return texts;
}

async function runEvents(runId: string): Promise<RunEvent[]> {
  return (await t.api.client.pipeline.history.query({ runId, cursor: 0, limit: 1000 })).events;
}

describe('AG-UI sessions', () => {
  it('a salary battle streams each reply as TEXT_MESSAGE_CONTENT and takes the user’s next message as their turn', async () => {
    llm.fallback = compliantPersona;
    const agent = aguiAgent(web(), await apiToken(t.api.client));
    const opening = await runOnce(agent, { forwardedProps: { start: { kind: 'salary_battle', params: BATTLE } } });
    expect(finishedEvent(opening)).toMatchObject({ outcome: { type: 'success' }, result: { awaiting: expect.stringContaining('your turn') as unknown } });
    const { runId } = stateOf(agent);
    const firstReply = (await runEvents(runId)).find((e) => e.type === 'salary_battle_ai_response');
    if (firstReply?.type !== 'salary_battle_ai_response') throw new Error('no opening offer');
    const streamed = streamedTexts(opening).get(firstReply.data.messageId);
    expect(streamed?.text).toBe(firstReply.data.reply);
    expect(streamed?.deltas).toBeGreaterThan(1);
    expect(agent.messages.find((m) => m.id === firstReply.data.messageId)?.content).toBe(firstReply.data.reply);

    // The user's turn is their next message; its offer rides in forwardedProps, as sessions.say's does.
    const turnMessageId = randomUUID();
    agent.addMessage({ id: turnMessageId, role: 'user', content: 'I was hoping for something closer to 170,000.' });
    const second = await runOnce(agent, { forwardedProps: { offer: 170_000 } });
    expect(finishedEvent(second).outcome).toEqual({ type: 'success' });
    const events = await runEvents(runId);
    const turns = events.filter((e) => e.type === 'salary_battle_user_turn');
    expect(turns).toEqual([expect.objectContaining({ data: expect.objectContaining({ turnId: turnMessageId, offer: 170_000 }) as unknown }) as unknown]);
    const replies = events.filter((e) => e.type === 'salary_battle_ai_response');
    const secondReply = replies[1];
    if (secondReply?.type !== 'salary_battle_ai_response') throw new Error('no second reply');
    expect(streamedTexts(second).get(secondReply.data.messageId)?.text).toBe(secondReply.data.reply);
    for (const run of [opening, second]) expectDeltasMatchSnapshots(run);

    // Asking again with nothing new to say takes no second turn and waits for nothing.
    const again = await runOnce(agent);
    expect(finishedEvent(again).outcome).toEqual({ type: 'success' });
    expect((await runEvents(runId)).filter((e) => e.type === 'salary_battle_user_turn')).toHaveLength(1);

    // Stop: the session ends as cancelled.
    const stopped = await runOnce(agent, { forwardedProps: { command: 'stop' } });
    expect(finishedEvent(stopped).outcome).toEqual({ type: 'cancelled' });
  });

  it('plain words open a career chat; a resent message is one turn, and its reply comes once', async () => {
    const token = await apiToken(t.api.client);
    const agent = aguiAgent(web(), token);
    agent.addMessage({ id: randomUUID(), role: 'user', content: 'What should I learn next as a backend engineer?' });
    const opening = await runOnce(agent);
    expect(finishedEvent(opening).outcome).toEqual({ type: 'success' });
    const { runId, kind } = stateOf(agent);
    expect(kind).toBe('career_chat');
    const replyTexts = () => agent.messages.filter((m) => m.role === 'assistant' && typeof m.content === 'string' && m.content);
    expect(replyTexts().length).toBe(1);

    agent.addMessage({ id: randomUUID(), role: 'user', content: 'Which skills do backend postings ask for most?' });
    // The first delivery of this turn is cut before its reply arrives; the resend must not say it twice.
    const cut = aguiAgent(web(), token, { threadId: agent.threadId });
    cut.messages = structuredClone(agent.messages);
    cut.state = structuredClone<unknown>(agent.state);
    const controller = new AbortController();
    const pending = cut.runAgent({ abortController: controller }).catch(() => undefined);
    await until(async () => (await runEvents(runId)).some((e) => e.type === 'career_chat_response' && e.data.turnId !== null), 30_000);
    controller.abort();
    await pending;
    const second = await runOnce(agent);
    expect(finishedEvent(second).outcome).toEqual({ type: 'success' });
    const replies = (await runEvents(runId)).filter((e) => e.type === 'career_chat_response');
    expect(replies).toHaveLength(2);
    expect(replyTexts().map((m) => m.content)).toEqual(replies.map((r) => r.data.reply));
  });
});
