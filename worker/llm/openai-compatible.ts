import type { Response } from 'undici';
import { z } from 'zod';
import { abortableSleep } from '../agent-context';
import { errorChain, findEgressRefusal, guardedFetch, networkErrorCode, workerEgressWith, type Egress } from '../egress';
import type { ChatMessage, CompletionOptions, LlmClient } from './types';

export interface OpenAiCompatibleConfig {
  /** The API root, e.g. https://api.openai.com/v1 (chat/completions is appended). */
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Budget for one complete() call, retry included. */
  timeoutMs: number;
  /** Wait before the single retry of a 429 or 5xx when the server sends no Retry-After. */
  retryDelayMs?: number;
}

export type LlmErrorKind = 'auth' | 'not_found' | 'rate_limited' | 'server' | 'http' | 'network' | 'timeout' | 'malformed';

/** A failed model call; the message is safe to show (it never carries the key). */
export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }

  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'server';
  }
}

const DEFAULT_MAX_TOKENS = 1024;
const DEFAULT_RETRY_DELAY_MS = 500;
// A server that asks for a long pause would outlast the agent's patience; cap it.
const MAX_RETRY_DELAY_MS = 5_000;
const ERROR_DETAIL_CHARS = 200;

const streamChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .default([]),
});

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullish() }) })).min(1),
});

const errorBodySchema = z.object({
  error: z.union([z.string(), z.object({ message: z.string() })]),
});

/**
 * The endpoint is configured by the operator (LLM_BASE_URL), so its own origin is
 * allowed wherever it is (Ollama on localhost); a redirect elsewhere meets the egress
 * policy like any other request.
 */
export function createOpenAiCompatibleClient(config: OpenAiCompatibleConfig): LlmClient {
  const target: Target = { endpoint: `${config.baseUrl.replace(/\/+$/, '')}/chat/completions`, egress: workerEgressWith(config.baseUrl) };
  return {
    model: config.model,
    complete: (messages, options) => completeWithRetry(config, target, messages, options),
  };
}

interface Target {
  endpoint: string;
  egress: Egress;
}

async function completeWithRetry(
  config: OpenAiCompatibleConfig,
  target: Target,
  messages: ChatMessage[],
  options: CompletionOptions,
): Promise<string> {
  options.signal.throwIfAborted();
  const deadline = AbortSignal.timeout(config.timeoutMs);
  const signal = AbortSignal.any([options.signal, deadline]);
  try {
    return await attemptTwice(config, target, messages, options, signal);
  } catch (err) {
    throw explainFailure(err, options.signal, deadline, config);
  }
}

/** Rate limits and server hiccups are often gone a moment later; anything else is final. */
async function attemptTwice(
  config: OpenAiCompatibleConfig,
  target: Target,
  messages: ChatMessage[],
  options: CompletionOptions,
  signal: AbortSignal,
): Promise<string> {
  try {
    return await attempt(config, target, messages, options, signal);
  } catch (err) {
    if (!(err instanceof RetryableHttpError)) throw err;
    await abortableSleep(Math.min(err.retryAfterMs ?? config.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS), signal);
  }
  return attempt(config, target, messages, options, signal);
}

/** A 429/5xx before any text arrived: worth one more try. */
class RetryableHttpError extends Error {
  constructor(
    readonly error: LlmError,
    readonly retryAfterMs: number | undefined,
  ) {
    super(error.message);
  }
}

async function attempt(
  config: OpenAiCompatibleConfig,
  target: Target,
  messages: ChatMessage[],
  options: CompletionOptions,
  signal: AbortSignal,
): Promise<string> {
  const response = await guardedFetch(
    target.endpoint,
    { method: 'POST', headers: requestHeaders(config.apiKey), body: JSON.stringify(requestBody(config.model, messages, options)), signal },
    target.egress,
  );
  if (!response.ok) {
    const error = await httpError(response, config);
    if (error.retryable) throw new RetryableHttpError(error, retryAfterMs(response));
    throw error;
  }
  if (!response.body) throw new LlmError('malformed', 'LLM endpoint sent an empty response');
  const onDelta = options.onDelta ?? (() => undefined);
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return readCompletionJson(await response.text(), onDelta);
  return readCompletionStream(response.body, onDelta);
}

function requestHeaders(apiKey: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream, application/json',
  };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  return headers;
}

function requestBody(model: string, messages: ChatMessage[], options: CompletionOptions) {
  return {
    model,
    messages,
    temperature: options.temperature ?? 0.2,
    max_tokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
    stream: true,
    ...(options.json ? { response_format: { type: 'json_object' } } : {}),
  };
}

/** A server that ignored `stream: true` answers with one JSON completion. */
export function readCompletionJson(body: string, onDelta: (text: string) => void): string {
  const parsed = completionSchema.safeParse(safeJson(body));
  if (!parsed.success) throw new LlmError('malformed', 'LLM endpoint sent a JSON answer without choices[0].message.content');
  const content = parsed.data.choices[0]?.message.content ?? '';
  if (content) onDelta(content);
  return content;
}

/**
 * Reads a chat-completions SSE stream. Bytes are decoded in streaming mode so that a
 * multi-byte character split across reads survives, and events are assembled from
 * lines so that a JSON payload split across reads does too.
 */
export async function readCompletionStream(
  body: ByteStream,
  onDelta: (text: string) => void,
): Promise<string> {
  const state: StreamState = { text: '', data: [], events: 0, finished: false, done: false };
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  let pending = '';
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      pending = consumeLines(pending + decoder.decode(read.value, { stream: true }), state, onDelta);
      if (state.done) return state.text;
    }
  } finally {
    // After [DONE] or a bad event, the rest of the body is of no use; free the connection.
    await reader.cancel().catch(() => undefined);
  }
  consumeLines(`${pending}${decoder.decode()}\n\n`, state, onDelta);
  if (state.done || state.finished) return state.text;
  if (state.events === 0) throw new LlmError('malformed', 'LLM endpoint sent no completion events (is this a chat-completions API?)');
  throw new LlmError('malformed', 'LLM stream ended before [DONE]: the answer may be cut short');
}

/** What the reader needs of a body; the platform's ReadableStream and undici's both fit. */
export interface ByteStream {
  getReader(): { read(): Promise<ReadableStreamReadResult<Uint8Array>>; cancel(): Promise<void> };
}

interface StreamState {
  text: string;
  /** data: lines of the event being assembled. */
  data: string[];
  events: number;
  /** A choice reported finish_reason. */
  finished: boolean;
  /** [DONE] arrived. */
  done: boolean;
}

/** Handles every complete line and returns the unfinished rest. */
function consumeLines(buffer: string, state: StreamState, onDelta: (text: string) => void): string {
  let start = 0;
  for (let end = buffer.indexOf('\n'); end !== -1 && !state.done; end = buffer.indexOf('\n', start)) {
    const line = buffer.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    consumeLine(line, state, onDelta);
  }
  return buffer.slice(start);
}

function consumeLine(line: string, state: StreamState, onDelta: (text: string) => void): void {
  if (line === '') return dispatchEvent(state, onDelta);
  if (line.startsWith(':')) return; // keep-alive comment
  const colon = line.indexOf(':');
  const field = colon === -1 ? line : line.slice(0, colon);
  if (field !== 'data') return; // event:, id:, retry: carry nothing we use
  const value = line.slice(colon + 1);
  state.data.push(value.startsWith(' ') ? value.slice(1) : value);
}

function dispatchEvent(state: StreamState, onDelta: (text: string) => void): void {
  if (state.data.length === 0) return;
  const payload = state.data.join('\n');
  state.data = [];
  state.events += 1;
  if (payload.trim() === '[DONE]') {
    state.done = true;
    return;
  }
  const json = safeJson(payload);
  const streamedError = errorBodySchema.safeParse(json);
  if (streamedError.success) throw new LlmError('server', `LLM endpoint reported an error mid-stream: ${errorText(streamedError.data)}`);
  const chunk = streamChunkSchema.safeParse(json);
  if (!chunk.success) throw new LlmError('malformed', `LLM stream sent an event that is not a completion chunk: ${payload.slice(0, 80)}`);
  for (const choice of chunk.data.choices.slice(0, 1)) {
    const piece = choice.delta?.content;
    if (piece) {
      state.text += piece;
      onDelta(piece);
    }
    if (choice.finish_reason) state.finished = true;
  }
}

async function httpError(response: Response, config: OpenAiCompatibleConfig): Promise<LlmError> {
  const status = response.status;
  if (status === 401 || status === 403) {
    // The server's text may quote (part of) the key, so none of it is repeated here.
    return new LlmError('auth', `LLM endpoint rejected the key (${status}): check LLM_API_KEY`, status);
  }
  const detail = await serverDetail(response, config.apiKey);
  if (status === 404) {
    return new LlmError(
      'not_found',
      `LLM endpoint answered 404 for model "${config.model}": check LLM_MODEL and that LLM_BASE_URL ends with the API root (e.g. …/v1)${detail}`,
      status,
    );
  }
  if (status === 429) return new LlmError('rate_limited', `LLM endpoint is rate limiting requests (429)${detail}`, status);
  if (status >= 500) return new LlmError('server', `LLM endpoint failed with ${status}${detail}`, status);
  return new LlmError('http', `LLM endpoint refused the request (${status})${detail}`, status);
}

async function serverDetail(response: Response, apiKey: string | undefined): Promise<string> {
  const body = await response.text().catch(() => '');
  const parsed = errorBodySchema.safeParse(safeJson(body));
  const text = parsed.success ? errorText(parsed.data) : body.replace(/<[^>]*>/g, ' ');
  const clean = redact(text.replace(/\s+/g, ' ').trim(), apiKey).slice(0, ERROR_DETAIL_CHARS);
  return clean ? `: ${clean}` : '';
}

function errorText(body: z.infer<typeof errorBodySchema>): string {
  return typeof body.error === 'string' ? body.error : body.error.message;
}

function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** Turns whatever stopped the call into an LlmError, except the caller's own abort, which passes through. */
function explainFailure(err: unknown, callerSignal: AbortSignal, deadline: AbortSignal, config: OpenAiCompatibleConfig): unknown {
  if (callerSignal.aborted) return callerSignal.reason;
  if (deadline.aborted) return new LlmError('timeout', `LLM endpoint did not answer within ${config.timeoutMs} ms (LLM_TIMEOUT_MS)`);
  if (err instanceof RetryableHttpError) return err.error;
  if (err instanceof LlmError) return err;
  // The detail is for the operator's log; the key is never part of a request's error, but redact it anyway.
  console.warn(`[worker] LLM request to ${config.baseUrl} failed: ${redact(errorChain(err), config.apiKey)}`);
  if (findEgressRefusal(err)) {
    return new LlmError('network', `The LLM endpoint at ${config.baseUrl} redirected to a private address, which jobstream does not open: check LLM_BASE_URL`);
  }
  return new LlmError('network', `Could not reach the LLM endpoint at ${config.baseUrl} (${networkErrorCode(err) ?? 'network error'})`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
