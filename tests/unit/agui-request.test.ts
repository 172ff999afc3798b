import { describe, expect, it } from 'vitest';
import { parseAguiRequest, startFromMessage, type AguiRequest } from '~/server/agui/agui-request';

/** What HttpAgent sends for a thread: its id, a run id, the conversation, its state. */
const input = (extra: Record<string, unknown> = {}) => ({ threadId: 'thread-1', runId: 'run-a', messages: [], ...extra });

function parsed(body: unknown): AguiRequest {
  const result = parseAguiRequest(body);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.request;
}

function refused(body: unknown): string {
  const result = parseAguiRequest(body);
  if (result.ok) throw new Error('accepted');
  return result.message;
}

describe('reading a RunAgentInput', () => {
  it('takes the cursor from a state that names a run, and none from any other state', () => {
    expect(parsed(input({ state: { runId: 'run_abcdefgh', lastSeq: 42, jobs: [] } })).cursor).toEqual({ runId: 'run_abcdefgh', lastSeq: 42 });
    for (const state of [undefined, {}, { lastSeq: 3 }, { runId: 'run_x', lastSeq: -1 }, { runId: 'run_x', lastSeq: 1.5 }, 'text', null]) {
      expect(parsed(input({ state })).cursor).toBeNull();
    }
  });

  it('finds the user’s last message, as text or text parts, only when it is the last message', () => {
    const user = { id: 'm1', role: 'user', content: 'find me jobs' };
    expect(parsed(input({ messages: [user] })).userMessage).toEqual({ id: 'm1', text: 'find me jobs' });
    const parts = { id: 'm2', role: 'user', content: [{ type: 'text', text: 'hello ' }, { type: 'text', text: 'there' }] };
    expect(parsed(input({ messages: [parts] })).userMessage).toEqual({ id: 'm2', text: 'hello there' });
    expect(parsed(input({ messages: [user, { id: 'a1', role: 'assistant', content: 'Sure.' }] })).userMessage).toBeNull();
  });

  it('leaves a front end’s own forwardedProps alone, and checks ours', () => {
    expect(parsed(input({ forwardedProps: 'copilotkit' })).forwarded).toEqual({});
    expect(parsed(input({ forwardedProps: { theme: 'dark', command: 'stop' } })).forwarded).toEqual({ command: 'stop' });
    expect(refused(input({ forwardedProps: { command: 'explode' } }))).toMatch(/^forwardedProps: command/);
    expect(refused(input({ forwardedProps: { start: { kind: 'pipeline', params: { query: '' } } } }))).toContain('query');
  });

  it('reads answers: a text, several choices one per line, or none (cancelled)', () => {
    const { resume } = parsed(
      input({
        resume: [
          { interruptId: 'hitl_question01', status: 'resolved', payload: 'approve' },
          { interruptId: 'hitl_question02', status: 'resolved', payload: ['Python', 'Go'] },
          { interruptId: 'hitl_question03', status: 'cancelled' },
        ],
      }),
    );
    expect(resume).toEqual([
      { interruptId: 'hitl_question01', status: 'resolved', payload: 'approve' },
      { interruptId: 'hitl_question02', status: 'resolved', payload: 'Python\nGo' },
      { interruptId: 'hitl_question03', status: 'cancelled' },
    ]);
  });

  it('refuses what is not an answer to one of our questions, saying which part', () => {
    expect(refused(input({ resume: [{ interruptId: 'not-ours', status: 'resolved', payload: 'yes' }] }))).toMatch(/^resume: .*question id/);
    expect(refused(input({ resume: [{ interruptId: 'hitl_question01', status: 'resolved', payload: '' }] }))).toMatch(/^resume: .*answer is required/);
    expect(refused(input({ resume: [{ interruptId: 'hitl_question01', status: 'resolved', payload: { nested: true } }] }))).toMatch(/^resume:/);
  });

  it('refuses what is not a RunAgentInput, and ids that could not be ours', () => {
    expect(refused({ runId: 'x', messages: [] })).toMatch(/^Not an AG-UI RunAgentInput: .*threadId/);
    expect(refused(input({ threadId: 'a b' }))).toMatch(/^threadId and runId:/);
    expect(refused(input({ runId: 'r'.repeat(201) }))).toMatch(/^threadId and runId:/);
  });
});

describe('a run asked for in words', () => {
  it('plain words open a career chat with them', () => {
    expect(startFromMessage('  What should I learn next?  ')).toEqual({
      ok: true,
      start: { kind: 'career_chat', params: { opening: 'What should I learn next?' } },
    });
  });

  it('a JSON object names the kind and the parameters its start procedure takes, defaults included', () => {
    const result = startFromMessage('{"kind":"salary_battle","params":{"role":"Backend Engineer","company":"Acme","targetSalary":150000}}');
    expect(result).toMatchObject({ ok: true, start: { kind: 'salary_battle', params: { role: 'Backend Engineer', currency: 'USD', location: '' } } });
  });

  it('says what is wrong with a bad kind, bad parameters, or broken JSON', () => {
    expect(startFromMessage('{"kind":"moonshot","params":{}}')).toMatchObject({ ok: false });
    expect(startFromMessage('{"kind":"salary_battle","params":{"role":"x","company":"y","targetSalary":5}}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('targetSalary') as unknown,
    });
    expect(startFromMessage('{"kind": "pipeline"')).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') as unknown });
  });
});
