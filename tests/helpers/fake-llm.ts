import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** What the fake answers to one request; fields left out take the usual values. */
export interface FakeReply {
  /** HTTP status (200). A non-2xx status sends `{ error: { message } }` with `errorMessage`. */
  status?: number;
  errorMessage?: string;
  headers?: Record<string, string>;
  /** The completion's text. */
  text?: string;
  /** Streamed as SSE (true) or as one JSON completion (false). Default: what the request asked for. */
  stream?: boolean;
  /** How the streamed text is cut into deltas (default: word by word). */
  pieces?: string[];
  /** Exact body bytes, written one piece at a time with `pieceDelayMs` in between; overrides text. */
  raw?: (string | Buffer)[];
  /** Before the status line goes out. */
  delayMs?: number;
  /** Between streamed pieces, so that each tends to arrive in its own read. */
  pieceDelayMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeLlm {
  /** The API root to use as LLM_BASE_URL (…/v1). */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Queues replies for the next requests, in order; afterwards `fallback` answers. */
  reply(...replies: FakeReply[]): void;
  /** A reply, or a function of the request's body (a model that follows its instructions). */
  fallback: FakeReply | ((body: unknown) => FakeReply);
  close(): Promise<void>;
}

/** A real HTTP server speaking OpenAI's chat-completions, scripted per test. */
export async function startFakeLlm(): Promise<FakeLlm> {
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const fake: { fallback: FakeReply | ((body: unknown) => FakeReply) } = { fallback: { text: 'ok' } };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = parseBody(Buffer.concat(chunks).toString('utf8'));
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const fallback = fake.fallback;
      const reply = queue.shift() ?? (typeof fallback === 'function' ? fallback(body) : fallback);
      void answer(res, reply, wantsStream(body)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (...replies) => queue.push(...replies),
    get fallback() {
      return fake.fallback;
    },
    set fallback(reply: FakeReply | ((body: unknown) => FakeReply)) {
      fake.fallback = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function wantsStream(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'stream' in body && body.stream === true;
}

async function answer(res: ServerResponse, reply: FakeReply, requestedStream: boolean): Promise<void> {
  res.socket?.setNoDelay(true);
  if (reply.delayMs) await delay(reply.delayMs);
  if (res.destroyed) return;
  const status = reply.status ?? 200;
  if (status >= 300) {
    res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify({ error: { message: reply.errorMessage ?? `fake error ${status}`, type: 'fake' } }));
    return;
  }
  const stream = reply.stream ?? requestedStream;
  if (!stream) {
    res.writeHead(200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(completion(reply.text ?? '')));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...reply.headers });
  res.flushHeaders();
  for (const piece of reply.raw ?? sseEvents(reply)) {
    if (!res.writable) return; // the client gave up (timeout, abort)
    res.write(piece);
    await delay(reply.pieceDelayMs ?? 5);
  }
  res.end();
}

function sseEvents(reply: FakeReply): string[] {
  const pieces = reply.pieces ?? (reply.text ?? '').split(/(?<=\s)/);
  const events = pieces.map((content, i) => chunk(i === 0 ? { role: 'assistant', content } : { content }, null));
  events.push(chunk({}, 'stop'), 'data: [DONE]\n\n');
  return events;
}

function chunk(delta: Record<string, string>, finishReason: string | null): string {
  const body = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta, finish_reason: finishReason }] };
  return `data: ${JSON.stringify(body)}\n\n`;
}

function completion(text: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  };
}

/** A streamed chunk's SSE event, for tests that write raw bodies. */
export function sseChunk(content: string): string {
  return chunk({ content }, null);
}

/** The offer the persona's system prompt tells the model to write ("Write the offer exactly as $129,000."), if any. */
export function instructedOffer(body: unknown): string | null {
  const system = (body as { messages?: { role: string; content: string }[] }).messages?.find((m) => m.role === 'system')?.content ?? '';
  return /Write the offer exactly as ([^\s]+?)\.?$/m.exec(system)?.[1] ?? null;
}
