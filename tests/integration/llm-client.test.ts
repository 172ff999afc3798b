import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClient, type LlmClient } from '~worker/llm';
import { createOpenAiCompatibleClient, LlmError, readCompletionStream } from '~worker/llm/openai-compatible';
import { sseChunk, startFakeLlm, type FakeLlm } from '../helpers/fake-llm';

const KEY = 'sk-test-secret-key-0123456789';
const messages = [{ role: 'user' as const, content: 'Say hello' }];

let fake: FakeLlm;

beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.requests.length = 0;
  fake.fallback = { text: 'ok' };
});

function client(overrides: { timeoutMs?: number; apiKey?: string } = {}): LlmClient {
  return createOpenAiCompatibleClient({
    baseUrl: fake.baseUrl,
    apiKey: overrides.apiKey ?? KEY,
    model: 'test-model',
    timeoutMs: overrides.timeoutMs ?? 5_000,
    retryDelayMs: 20,
  });
}

const signal = () => new AbortController().signal;

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const err = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LlmError);
  const llmError = err as LlmError;
  expect(llmError.message).not.toContain(KEY);
  return llmError;
}

describe('createLlmClient', () => {
  it('is null without LLM_BASE_URL and a client with it', () => {
    const base = { LLM_API_KEY: KEY, LLM_MODEL: 'm', LLM_TIMEOUT_MS: 1000 };
    expect(createLlmClient({ ...base, LLM_BASE_URL: undefined })).toBeNull();
    expect(createLlmClient({ ...base, LLM_BASE_URL: fake.baseUrl })?.model).toBe('m');
  });
});

describe('the OpenAI-compatible client', () => {
  it('streams the completion, calling onDelta piece by piece, in order', async () => {
    fake.reply({ pieces: ['Hel', 'lo, ', 'wör', 'ld'] });
    const deltas: string[] = [];
    const text = await client().complete(messages, { signal: signal(), onDelta: (d) => deltas.push(d) });
    expect(text).toBe('Hello, wörld');
    expect(deltas).toEqual(['Hel', 'lo, ', 'wör', 'ld']);
  });

  it('sends the model, messages, limits, stream flag and the Bearer key', async () => {
    await client().complete(messages, { signal: signal(), maxTokens: 77, temperature: 0.5 });
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.body).toEqual({ model: 'test-model', messages, temperature: 0.5, max_tokens: 77, stream: true });
  });

  it('asks for a JSON object only in json mode, and sends no Authorization without a key', async () => {
    fake.reply({ text: '{"a":1}' });
    const keyless = createOpenAiCompatibleClient({ baseUrl: fake.baseUrl, model: 'm', timeoutMs: 5000 });
    expect(await keyless.complete(messages, { signal: signal(), json: true })).toBe('{"a":1}');
    expect(fake.requests[0]?.body).toMatchObject({ response_format: { type: 'json_object' } });
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('accepts a non-streaming JSON answer from a server that ignores stream', async () => {
    fake.reply({ stream: false, text: 'Plain answer' });
    const deltas: string[] = [];
    expect(await client().complete(messages, { signal: signal(), onDelta: (d) => deltas.push(d) })).toBe('Plain answer');
    expect(deltas).toEqual(['Plain answer']);
  });

  it('survives chunk boundaries inside a JSON line, inside a UTF-8 character, CRLF and comments', async () => {
    const event1 = Buffer.from(`: keep-alive\r\n${sseChunk('naïve ')}`.replace(/\n\n$/, '\r\n\r\n'));
    const event2 = Buffer.from(sseChunk('café ☕'));
    const splitAt = event2.indexOf(Buffer.from('☕')) + 1; // inside the 3-byte character
    fake.reply({
      raw: [event1.subarray(0, 20), event1.subarray(20), event2.subarray(0, splitAt), event2.subarray(splitAt), 'data: [DO', 'NE]\r\n\r\n'],
      pieceDelayMs: 15,
    });
    const deltas: string[] = [];
    expect(await client().complete(messages, { signal: signal(), onDelta: (d) => deltas.push(d) })).toBe('naïve café ☕');
    expect(deltas).toEqual(['naïve ', 'café ☕']);
  });

  it('parses exact byte boundaries the same way (no network timing involved)', async () => {
    const bytes = Buffer.from(`${sseChunk('€uro')}${sseChunk(' ok')}data: [DONE]\n\n`);
    const cuts = [1, 7, bytes.indexOf(Buffer.from('€')) + 1, bytes.indexOf(Buffer.from('€')) + 2, bytes.length - 3];
    const parts = [0, ...cuts].map((from, i) => bytes.subarray(from, cuts[i] ?? bytes.length));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        parts.forEach((p) => controller.enqueue(new Uint8Array(p)));
        controller.close();
      },
    });
    const deltas: string[] = [];
    expect(await readCompletionStream(body, (d) => deltas.push(d))).toBe('€uro ok');
    expect(deltas).toEqual(['€uro', ' ok']);
  });

  it('explains a rejected key without repeating it', async () => {
    fake.reply({ status: 401, errorMessage: `Incorrect API key provided: ${KEY}` });
    const err = await failure(client().complete(messages, { signal: signal() }));
    expect(err.message).toBe('LLM endpoint rejected the key (401): check LLM_API_KEY');
    expect(fake.requests).toHaveLength(1); // not retried
  });

  it('hints at the model and URL on 404', async () => {
    fake.reply({ status: 404, errorMessage: 'The model `test-model` does not exist' });
    const err = await failure(client().complete(messages, { signal: signal() }));
    expect(err.kind).toBe('not_found');
    expect(err.message).toMatch(/LLM_MODEL.*LLM_BASE_URL/);
  });

  it('retries once after a 429 and then succeeds', async () => {
    fake.reply({ status: 429, headers: { 'retry-after': '0' } }, { text: 'second time lucky' });
    expect(await client().complete(messages, { signal: signal() })).toBe('second time lucky');
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up after a second 500, saying so', async () => {
    fake.reply({ status: 500, errorMessage: `boom ${KEY}` }, { status: 503, errorMessage: 'still down' });
    const err = await failure(client().complete(messages, { signal: signal() }));
    expect(err.kind).toBe('server');
    expect(err.message).toContain('503');
    expect(err.message).toContain('still down');
    expect(fake.requests).toHaveLength(2);
  });

  it('reports a rate limit that persists', async () => {
    fake.reply({ status: 429 }, { status: 429, errorMessage: 'slow down' });
    const err = await failure(client().complete(messages, { signal: signal() }));
    expect(err.message).toMatch(/rate limiting.*429.*slow down/);
  });

  it('times out after LLM_TIMEOUT_MS, also while the stream is under way', async () => {
    fake.reply({ delayMs: 2_000 });
    const slowStart = await failure(client({ timeoutMs: 200 }).complete(messages, { signal: signal() }));
    expect(slowStart.kind).toBe('timeout');
    fake.reply({ pieces: ['a', 'b', 'c', 'd'], pieceDelayMs: 400 });
    const slowStream = await failure(client({ timeoutMs: 300 }).complete(messages, { signal: signal() }));
    expect(slowStream.message).toMatch(/within 300 ms/);
  });

  it("passes the caller's abort through as it is", async () => {
    fake.reply({ delayMs: 2_000 });
    const controller = new AbortController();
    const reason = new Error('run stopped');
    setTimeout(() => controller.abort(reason), 100);
    await expect(client().complete(messages, { signal: controller.signal })).rejects.toBe(reason);
  });

  it('calls a stream that ends without [DONE] or a finish, or that is not SSE, malformed', async () => {
    fake.reply({ raw: [sseChunk('half an ans')] });
    expect((await failure(client().complete(messages, { signal: signal() }))).message).toMatch(/before \[DONE\]/);
    fake.reply({ raw: ['data: {"not":"a chunk"'] });
    expect((await failure(client().complete(messages, { signal: signal() }))).kind).toBe('malformed');
    fake.reply({ raw: ['<html>hello</html>'], headers: { 'content-type': 'text/html' } });
    expect((await failure(client().complete(messages, { signal: signal() }))).message).toMatch(/no completion events/);
  });

  it('reports an unreachable endpoint as a network error', async () => {
    const closed = await startFakeLlm();
    await closed.close();
    const offline = createOpenAiCompatibleClient({ baseUrl: closed.baseUrl, apiKey: KEY, model: 'm', timeoutMs: 2000 });
    const err = await failure(offline.complete(messages, { signal: signal() }));
    expect(err.kind).toBe('network');
    expect(err.message).toContain(closed.baseUrl);
  });
});
