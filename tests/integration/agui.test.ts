import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HttpAgent } from '@ag-ui/client';
import { EventType, type BaseEvent, type Message } from '@ag-ui/core';
import { describe, expect, it } from 'vitest';
import type { ThreadState } from '~/server/agui/thread-state';
import { aguiAgent, apiToken, expectDeltasMatchSnapshots, finishedEvent, refusal, runError, runOnce } from '../helpers/agui';
import { newUser } from '../helpers/auth';
import { connect, watchRun } from '../helpers/client';
import { ROOT } from '../helpers/processes';
import { oneQuestionRun } from '../helpers/runs';
import { useStack } from '../helpers/stack';
import { until } from '../helpers/wait';

/**
 * AG-UI clients that know nothing of tRPC: @ag-ui/client's HttpAgent against POST
 * /api/agui, signed in with a personal API token, starting, watching, answering and
 * stopping runs. Every event it receives is checked against @ag-ui/core's schema.
 */
const t = useStack({ env: { AGENT_STEP_DELAY_MS: '5', AGUI_REAUTH_MS: '1000', AGUI_MAX_STREAMS_PER_USER: '4' } });
const web = () => t.stack.webs[0]!.url;
let postings = 0;
const pipeline = () => ({ start: { kind: 'pipeline', params: oneQuestionRun(postings++) } });

const stateOf = (agent: HttpAgent) => agent.state as ThreadState;
const ofType = (events: readonly BaseEvent[], type: EventType) => events.filter((e) => e.type === type);
const toolCallsOf = (messages: readonly Message[]) => messages.flatMap((m) => (m.role === 'assistant' ? (m.toolCalls ?? []) : []));

function post(body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(`${web()}/api/agui`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const input = (threadId: string, extra: Record<string, unknown> = {}) => ({ threadId, runId: randomUUID(), messages: [], ...extra });

describe('AG-UI: a pipeline driven by HttpAgent', () => {
  it('starts a pipeline, is interrupted by its question, answers it through resume, and sees the run finish', async () => {
    const agent = aguiAgent(web(), await apiToken(t.api.client));
    const first = await runOnce(agent, { forwardedProps: pipeline() });
    expect(first[0]).toMatchObject({ type: EventType.RUN_STARTED, threadId: agent.threadId });
    const asked = finishedEvent(first);
    expect(asked.outcome?.type).toBe('interrupt');
    const interrupts = asked.outcome?.type === 'interrupt' ? asked.outcome.interrupts : [];
    expect(interrupts).toHaveLength(1);
    const [question] = interrupts;
    expect(question).toMatchObject({ id: expect.stringMatching(/^hitl_/) as unknown, reason: 'approval', responseSchema: { type: 'string', enum: ['approve', 'reject'] } });
    expect(agent.pendingInterrupts.map((i) => i.id)).toEqual([question!.id]);
    expect(stateOf(agent).questions.map((q) => q.hitlId)).toEqual([question!.id]);
    expect(stateOf(agent).applications).toEqual([expect.objectContaining({ stage: 'awaiting_approval' }) as unknown]);

    const seenBefore = stateOf(agent).lastSeq;
    const second = await runOnce(agent, { resume: [{ interruptId: question!.id, status: 'resolved', payload: 'approve' }] });
    // The second AG-UI run carries on after the last event the client saw: nothing is told twice.
    expect(second[1]).toMatchObject({ type: EventType.STATE_SNAPSHOT, snapshot: { lastSeq: seenBefore } });
    const startedIn = (events: readonly BaseEvent[]) => new Set(ofType(events, EventType.TEXT_MESSAGE_START).map((e) => e.messageId as string));
    expect([...startedIn(second)].filter((id) => startedIn(first).has(id))).toEqual([]);
    expect(finishedEvent(second).outcome).toEqual({ type: 'success' });
    const state = stateOf(agent);
    expect(state.ending).toMatchObject({ kind: 'completed' });
    expect(state.questions).toEqual([]);
    expect(state.applications).toEqual([expect.objectContaining({ stage: 'submitted', confirmation: expect.any(String) as unknown }) as unknown]);

    // The client's state is the run's, delta by delta, and its cursor is the run's last event.
    for (const events of [first, second]) expectDeltasMatchSnapshots(events);
    const run = await t.api.client.pipeline.get.query({ runId: state.runId });
    expect(run.status).toBe('completed');
    expect(state.lastSeq).toBe(run.lastSeq);

    // Stages as steps, searches and browser actions as tool calls with their results.
    const steps = [...first, ...second].filter((e) => e.type === EventType.STEP_STARTED).map((e) => e.stepName as string);
    expect(new Set(steps)).toEqual(new Set(['scout', 'analyst', 'applier']));
    const calls = toolCallsOf(agent.messages);
    const names = new Set(calls.map((c) => c.function.name));
    for (const name of ['search_jobs', 'browser_navigate', 'browser_type', 'browser_submit']) expect(names).toContain(name);
    const search = calls.find((c) => c.function.name === 'search_jobs')!;
    expect(JSON.parse(search.function.arguments)).toMatchObject({ source: 'sandbox', query: expect.any(String) as unknown });
    const results = agent.messages.filter((m) => m.role === 'tool');
    const submit = calls.find((c) => c.function.name === 'browser_submit')!;
    expect(results.find((m) => m.toolCallId === submit.id)?.content).toContain('confirmation');
    expect(results.find((m) => m.toolCallId === search.id)?.content).toContain('"count"');

    // The agent's narration, each message once and whole.
    const texts = agent.messages.filter((m) => m.role === 'assistant' && typeof m.content === 'string' && m.content);
    expect(texts.length).toBeGreaterThan(3);
    expect(new Set(texts.map((m) => m.id)).size).toBe(texts.length);
  });

  it('answers go through hitl.respond’s rules: a bad answer, an unknown or foreign question, a second answer', async () => {
    const token = await apiToken(t.api.client);
    const agent = aguiAgent(web(), token);
    const hitlId = (finishedEvent(await runOnce(agent, { forwardedProps: pipeline() })).outcome as { interrupts: { id: string }[] }).interrupts[0]!.id;

    // A client that comes back without an answer is asked again.
    const asked = finishedEvent(await runOnce(aguiAgent(web(), token, { threadId: agent.threadId })));
    expect(asked.outcome).toMatchObject({ type: 'interrupt', interrupts: [expect.objectContaining({ id: hitlId }) as unknown] });

    const bad = await runOnce(agent, { resume: [{ interruptId: hitlId, status: 'resolved', payload: 'maybe' }] });
    expect(runError(bad)).toMatchObject({ code: 'INVALID_ANSWER', message: expect.stringContaining('"approve", "reject"') as unknown });
    expect((await t.api.client.hitl.pending.query({ runId: stateOf(agent).runId })).map((q) => q.hitlId)).toEqual([hitlId]);

    // Another user's question on one's own thread is as unknown as one that never was.
    const other = await newUser(web(), 'Other');
    const otherClient = connect(web(), other.cookie).client;
    const otherAgent = aguiAgent(web(), await apiToken(otherClient));
    await runOnce(otherAgent, { forwardedProps: { start: { kind: 'salary_research', params: { role: 'Backend engineer' } } } });
    const foreignAnswer = await runOnce(otherAgent, { resume: [{ interruptId: hitlId, status: 'resolved', payload: 'approve' }] });
    expect(runError(foreignAnswer)).toMatchObject({ code: 'INTERRUPT_NOT_FOUND' });

    const unknown = await runOnce(aguiAgent(web(), token, { threadId: agent.threadId }), {
      resume: [{ interruptId: 'hitl_doesnotexist0', status: 'resolved', payload: 'approve' }],
    });
    expect(runError(unknown)).toMatchObject({ code: 'INTERRUPT_NOT_FOUND' });

    const answered = await runOnce(agent, { resume: [{ interruptId: hitlId, status: 'resolved', payload: 'reject' }] });
    expect(finishedEvent(answered).outcome).toEqual({ type: 'success' });
    const again = await runOnce(aguiAgent(web(), token, { threadId: agent.threadId }), {
      resume: [{ interruptId: hitlId, status: 'resolved', payload: 'approve' }],
    });
    expect(runError(again)).toMatchObject({ code: 'INTERRUPT_ALREADY_ANSWERED', message: expect.stringContaining('first answer') as unknown });
    expect(stateOf(agent).applications).toEqual([expect.objectContaining({ stage: 'not_approved' }) as unknown]);
  });

  it('stops a run: a cancelled interrupt answers nothing, and the stop ends the AG-UI run as cancelled', async () => {
    const agent = aguiAgent(web(), await apiToken(t.api.client));
    const hitlId = (finishedEvent(await runOnce(agent, { forwardedProps: pipeline() })).outcome as { interrupts: { id: string }[] }).interrupts[0]!.id;
    const stopped = await runOnce(agent, { resume: [{ interruptId: hitlId, status: 'cancelled' }], forwardedProps: { command: 'stop' } });
    expect(finishedEvent(stopped).outcome).toEqual({ type: 'cancelled' });
    expect(stateOf(agent).ending).toMatchObject({ kind: 'stopped' });
    expect((await t.api.client.pipeline.get.query({ runId: stateOf(agent).runId })).status).toBe('stopped');
    expectDeltasMatchSnapshots(stopped);
    // A finished thread, asked again, says how it ended and nothing more.
    const after = await runOnce(agent);
    expect(after.map((e) => e.type)).toEqual([EventType.RUN_STARTED, EventType.STATE_SNAPSHOT, EventType.STATE_SNAPSHOT, EventType.RUN_FINISHED]);
  });

  it('resumes after dropped connections with nothing missed or doubled', async () => {
    const token = await apiToken(t.api.client);
    const agent = aguiAgent(web(), token);
    const hitlId = (finishedEvent(await runOnce(agent, { forwardedProps: pipeline() })).outcome as { interrupts: { id: string }[] }).interrupts[0]!.id;
    await t.api.client.hitl.respond.mutate({ hitlId, response: 'approve' });
    const runId = stateOf(agent).runId;
    await watchRun(t.api.client, runId).done;

    // A fresh client reads the whole thread at once: the reference.
    const reference = aguiAgent(web(), token, { threadId: runId });
    await runOnce(reference);
    // Another reads it over a connection that drops after a few KB, again and again, mid-event included.
    const cuts = [1_500, 2_711, 4_099, 3_333, 6_007, 5_101];
    const dropping = aguiAgent(web(), token, { threadId: runId });
    let drops = 0;
    // Each connection starts from the last event the one before it delivered.
    const resumedFrom: { had: number; sent: number | null }[] = [];
    const attempt = async () => {
      const had = (dropping.state as Partial<ThreadState>).lastSeq ?? 0;
      let sent: number | null = null;
      try {
        await dropping.runAgent({}, {
          onEvent: ({ event }) => {
            if (sent === null && event.type === EventType.STATE_SNAPSHOT) sent = (event.snapshot as ThreadState).lastSeq;
          },
        });
        return true;
      } catch {
        drops++;
        return false;
      } finally {
        resumedFrom.push({ had, sent });
      }
    };
    for (const cut of cuts) {
      dropping.fetch = droppingAfter(cut);
      if (await attempt()) break;
    }
    dropping.fetch = fetch;
    expect(await attempt()).toBe(true);
    expect(drops).toBeGreaterThanOrEqual(3);
    for (const { had, sent } of resumedFrom) expect(sent).toBe(had);
    expect(new Set(resumedFrom.map((r) => r.had)).size).toBeGreaterThanOrEqual(3);
    expect(stateOf(dropping)).toEqual(stateOf(reference));
    const messages = (agent: HttpAgent) => agent.messages.map((m) => ({ id: m.id, role: m.role, content: m.content, toolCalls: m.role === 'assistant' ? m.toolCalls : undefined }));
    expect(messages(dropping)).toEqual(messages(reference));
  });
});

describe('AG-UI: the README', () => {
  it('its HttpAgent example drives a pipeline to the end, answering the question from stdin', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## AG-UI'));
    const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const params = oneQuestionRun(postings++);
    const code = example!
      .replace('http://localhost:3000', web())
      .replace("{ query: 'python developer', autoApply: true }", JSON.stringify(params));
    // Inside the repository, so that @ag-ui/client resolves from its node_modules.
    const dir = await mkdtemp(join(ROOT, 'node_modules', '.cache-readme-'));
    try {
      await writeFile(join(dir, 'example.mts'), code);
      const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(dir, 'example.mts')], {
        env: { ...process.env, JOBSTREAM_TOKEN: await apiToken(t.api.client) },
      });
      const giveUp = setTimeout(() => child.kill('SIGKILL'), 60_000);
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // The example prints the question and waits for the answer on stdin.
        if (/\?\s*$/.test(output) && !child.stdin.writableEnded) child.stdin.end('approve\n');
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      clearTimeout(giveUp);
      expect(output).toContain('[search_jobs]');
      expect(output).toContain("kind: 'completed'");
      expect(output).toContain("stage: 'submitted'");
      expect(exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('AG-UI: who may use the endpoint', () => {
  it('another user’s thread gets the same 404 as a missing one', async () => {
    const agent = aguiAgent(web(), await apiToken(t.api.client));
    await runOnce(agent, { forwardedProps: { start: { kind: 'salary_research', params: { role: 'Backend engineer' } } } });
    const { runId } = stateOf(agent);
    const other = await newUser(web(), 'Other');
    const auth = { authorization: `Bearer ${await apiToken(connect(web(), other.cookie).client)}` };
    const missing = await refusal(await post(input('run_doesnotexist00'), auth));
    for (const threadId of [runId, agent.threadId]) {
      const foreign = await refusal(await post(input(threadId), auth));
      expect(foreign).toEqual({ ...missing, message: missing.message.replace('run_doesnotexist00', threadId) });
    }
    expect(missing).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    // The owner, by our run id, is answered.
    expect((await post(input(runId), { authorization: `Bearer ${await apiToken(t.api.client)}` })).status).toBe(200);
  });

  it('a revoked token is refused, and so is a request with neither token nor session', async () => {
    const token = await apiToken(t.api.client);
    const [listed] = (await t.api.client.apiTokens.list.query()).filter((k) => token.startsWith(`jst_${k.prefix}`));
    await t.api.client.apiTokens.revoke.mutate({ id: listed!.id });
    const agent = aguiAgent(web(), token);
    await expect(agent.runAgent({ forwardedProps: pipeline() })).rejects.toThrow(/HTTP 401/);
    expect(await refusal(await post(input(randomUUID()), { authorization: `Bearer ${token}` }))).toMatchObject({ status: 401, reason: 'AUTH_FAILED' });
    expect(await refusal(await post(input(randomUUID()), {}))).toMatchObject({ status: 401, reason: 'AUTH_MISSING' });
  });

  it('streams per user are capped, and a token revoked while its stream is open ends that stream', async () => {
    const token = await apiToken(t.api.client);
    const auth = { authorization: `Bearer ${token}` };
    // A paused run that asks nothing (no applier): its streams stay open, waiting for what comes next.
    const agent = aguiAgent(web(), token);
    agent.fetch = droppingAfter(200);
    const longSearch = { query: 'engineer', location: '', sources: ['sandbox'], minMatchScore: 0, autoApply: false };
    await agent.runAgent({ forwardedProps: { start: { kind: 'pipeline', params: longSearch } } }).catch(() => undefined);
    const { runId } = await t.api.client.pipeline.list.query({ limit: 1 }).then((runs) => runs[0]!);
    await t.api.client.pipeline.pause.mutate({ runId });
    await until(async () => (await t.api.client.pipeline.get.query({ runId })).status === 'paused');
    const open = await Promise.all([1, 2, 3, 4].map(() => openStream(input(runId), auth)));
    expect(await refusal(await post(input(runId), auth))).toMatchObject({ status: 429, reason: 'RATE_LIMITED' });

    const [listed] = (await t.api.client.apiTokens.list.query()).filter((k) => token.startsWith(`jst_${k.prefix}`));
    await t.api.client.apiTokens.revoke.mutate({ id: listed!.id });
    for (const stream of open) {
      const rest = await stream.rest();
      expect(rest).toContain('"type":"RUN_ERROR"');
      expect(rest).toContain('"code":"AUTH_FAILED"');
    }
    await t.api.client.pipeline.stop.mutate({ runId });
  });

  it('the session cookie works from the app’s own origin only', async () => {
    const body = input(randomUUID(), { forwardedProps: { start: { kind: 'salary_research', params: { role: 'Data engineer' } } } });
    expect((await post(body, { cookie: t.user.cookie, origin: new URL(web()).origin })).status).toBe(200);
    expect(await refusal(await post(body, { cookie: t.user.cookie, origin: 'https://evil.example' }))).toMatchObject({ status: 403, reason: 'ORIGIN_DENIED' });
  });

  it('bad input gets a clear 400 and starts nothing', async () => {
    const auth = { authorization: `Bearer ${await apiToken(t.api.client)}` };
    const before = (await t.api.client.pipeline.list.query()).length;
    const badParams = await refusal(await post(input(randomUUID(), { forwardedProps: { start: { kind: 'pipeline', params: { query: '' } } } }), auth));
    expect(badParams).toMatchObject({ status: 400, reason: 'BAD_INPUT', message: expect.stringContaining('query') as unknown });
    const badKind = await refusal(await post(input(randomUUID(), { messages: [{ id: '1', role: 'user', content: '{"kind":"moonshot"}' }] }), auth));
    expect(badKind).toMatchObject({ status: 400, reason: 'BAD_INPUT' });
    expect(await refusal(await post('{"threadId":', auth))).toMatchObject({ status: 400, message: 'The input is not valid JSON.' });
    expect(await refusal(await post({ runId: 'x', messages: [] }, auth))).toMatchObject({ status: 400, message: expect.stringContaining('threadId') as unknown });
    expect((await post(input('a'.repeat(300)), auth)).status).toBe(400);
    // Answers (or a command) name a thread that must exist: with a start beside them, nothing starts.
    const start = { start: { kind: 'salary_research', params: { role: 'Data engineer' } } };
    const answersToNothing = input(randomUUID(), { forwardedProps: start, resume: [{ interruptId: 'hitl_doesnotexist0', status: 'resolved', payload: 'yes' }] });
    expect(await refusal(await post(answersToNothing, auth))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await refusal(await post(input(randomUUID(), { forwardedProps: { ...start, command: 'stop' } }), auth))).toMatchObject({ status: 404 });
    expect((await t.api.client.pipeline.list.query()).length).toBe(before);
  });
});

/** A stream opened with fetch: its first bytes read, the rest readable until the server ends it. */
async function openStream(body: unknown, headers: Record<string, string>): Promise<{ rest: () => Promise<string> }> {
  const res = await post(body, headers);
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = decoder.decode((await reader.read()).value);
  return {
    async rest() {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return text;
        text += decoder.decode(value, { stream: true });
      }
    },
  };
}

/** A fetch whose response body breaks after `bytes` bytes, as a dropped connection does. */
function droppingAfter(bytes: number): typeof fetch {
  return async (url, init) => {
    const res = await fetch(url, init);
    if (!res.body) return res;
    const reader = res.body.getReader();
    let passed = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const room = bytes - passed;
        if (value.length >= room) {
          controller.enqueue(value.slice(0, room));
          await reader.cancel();
          controller.error(new TypeError('network connection lost'));
          return;
        }
        passed += value.length;
        controller.enqueue(value);
      },
    });
    return new Response(body, { status: res.status, headers: res.headers });
  };
}
