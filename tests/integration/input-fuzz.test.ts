import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { appRouter } from '~/server/api/root';
import { brokenJson, procedureInput, random, type Rng } from '../helpers/fuzz';
import { useStack } from '../helpers/stack';

// No worker: generated starts stay queued; nothing here needs a run to make progress.
const t = useStack({ workers: 0, env: { WS_MAX_CALLS_PER_SECOND: '100000', START_RATE_PER_MINUTE: '100000', MAX_CONCURRENT_RUNS: '100000' } });

const INPUTS_PER_TRANSPORT = 2600;
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

type ProcedureType = 'query' | 'mutation' | 'subscription';
// The router's flat map of every procedure by path; its static type is the nested router.
const flatProcedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>;
const procedures = Object.entries(flatProcedures).map(
  ([path, procedure]) => ({ path, type: procedure._def.type }),
);

/** Words that only internal errors contain: library messages, stack traces, file paths, SQL. */
const INTERNAL_TEXT =
  /prisma|invocation|\bat [\w.<>]+ \(|node_modules|\.[cm]?[jt]s:\d+|Maximum call stack|TypeError|ReferenceError|SyntaxError|Unexpected token|Unexpected end|" is not valid JSON|in JSON at position|ECONN|invalid input syntax|violates|postgres|pglite|Missing experimental|Internal error/i;

interface Finding {
  transport: string;
  path: string;
  input: string;
  problem: string;
}

/** What is wrong with one answer (status and body), if anything. */
function judge(status: number, body: string): string | null {
  if (status >= 500) return `HTTP ${status}`;
  if (body.includes('INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR';
  const internal = INTERNAL_TEXT.exec(body);
  return internal ? `internal text "${internal[0]}"` : null;
}

/** Errors' messages and data only: results may legitimately echo what was stored. */
function errorText(reply: unknown): string {
  const error = (reply as { error?: unknown }).error;
  return error === undefined ? '' : JSON.stringify(error);
}

async function overHttp(rng: Rng, runId: string, findings: Finding[]): Promise<number> {
  const base = `${t.stack.webs[0]!.url}/api/trpc`;
  let sent = 0;
  while (sent < INPUTS_PER_TRANSPORT) {
    const batch = Array.from({ length: 8 }, () => {
      const { path, type } = procedures[Math.floor(rng() * procedures.length)]!;
      let input = rng() < 0.03 ? brokenJson(rng) : procedureInput(rng, { runId });
      // Node refuses a URL past its header limit (16 KB) itself, before any code of ours runs.
      while (type !== 'mutation' && encodeURIComponent(input).length > 12_000) input = procedureInput(rng, { runId });
      return { path, type, input };
    });
    sent += batch.length;
    await Promise.all(
      batch.map(async ({ path, type, input }) => {
        const init: RequestInit =
          type === 'mutation'
            ? { method: 'POST', headers: { cookie: t.user.cookie, 'content-type': 'application/json' }, body: input }
            : { headers: { cookie: t.user.cookie } };
        const url = type === 'mutation' ? `${base}/${path}` : `${base}/${path}?input=${encodeURIComponent(input)}`;
        let res: Response;
        let body: string;
        try {
          res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
          body = await res.text();
        } catch (err) {
          // No answer at all (a stream that never ends, a dropped connection) is a finding too.
          findings.push({ transport: 'http', path, input: input.slice(0, 300), problem: `no answer: ${(err as Error).name}` });
          return;
        }
        const parsed = (() => {
          try {
            return JSON.parse(body) as unknown;
          } catch {
            return { error: body };
          }
        })();
        // Subscriptions answer as an event stream: judge all of it.
        const problem = judge(res.status, type === 'subscription' ? body : errorText(parsed));
        if (problem) findings.push({ transport: 'http', path, input: input.slice(0, 300), problem });
      }),
    );
  }
  return sent;
}

async function overWebSocket(rng: Rng, runId: string, findings: Finding[]): Promise<number> {
  const ws = new WebSocket(`${t.stack.webs[0]!.url.replace(/^http/, 'ws')}/api/trpc-ws`, { headers: { cookie: t.user.cookie } });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const pending = new Map<number, { path: string; input: string; type: ProcedureType; resolve: () => void }>();
  ws.on('message', (data: Buffer) => {
    const text = data.toString();
    if (text === 'PING' || text === 'PONG') return;
    const reply = JSON.parse(text) as { id?: number | null; result?: { type: string } };
    const call = typeof reply.id === 'number' ? pending.get(reply.id) : undefined;
    const problem = judge(0, errorText(reply));
    if (problem) findings.push({ transport: 'ws', path: call?.path ?? '?', input: call?.input.slice(0, 300) ?? text.slice(0, 300), problem });
    if (!call) return;
    // A subscription that started is stopped at once; it is answered when it stops.
    if (call.type === 'subscription' && reply.result?.type === 'started') {
      ws.send(JSON.stringify({ id: reply.id, method: 'subscription.stop' }));
      pending.delete(reply.id as number);
      call.resolve();
      return;
    }
    if (call.type === 'subscription' && reply.result?.type === 'data') return;
    pending.delete(reply.id as number);
    call.resolve();
  });
  let nextId = 0;
  let sent = 0;
  while (sent < INPUTS_PER_TRANSPORT) {
    const calls = Array.from({ length: 8 }, () => {
      const { path, type } = procedures[Math.floor(rng() * procedures.length)]!;
      return { id: ++nextId, path, type, input: procedureInput(rng, { runId }) };
    });
    sent += calls.length;
    const answered = calls.map(
      (call) =>
        new Promise<void>((resolve) => {
          pending.set(call.id, { ...call, resolve });
        }),
    );
    const message = `[${calls.map((c) => `{"id":${c.id},"method":"${c.type}","params":{"path":"${c.path}","input":${c.input}}}`).join(',')}]`;
    if (Buffer.byteLength(message) > 900_000) {
      // Over the socket's payload limit: such a message closes the socket (1009), tested elsewhere.
      for (const call of calls) pending.get(call.id)?.resolve();
      continue;
    }
    ws.send(message);
    await Promise.race([Promise.all(answered), new Promise((r) => setTimeout(r, 20_000))]);
    for (const call of calls) {
      if (pending.has(call.id)) findings.push({ transport: 'ws', path: call.path, input: call.input.slice(0, 300), problem: 'no answer within 20 s' });
    }
    if (rng() < 0.02) ws.send(brokenJson(rng));
  }
  ws.close();
  return sent;
}

describe('fuzzing every procedure', () => {
  it(`${2 * INPUTS_PER_TRANSPORT} generated inputs over HTTP and WebSocket: no server error, no internal text in any answer`, { timeout: 600_000 }, async () => {
    expect(procedures.length).toBeGreaterThan(15);
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'python' });
    const findings: Finding[] = [];
    const http = await overHttp(random(SEED), runId, findings);
    const ws = await overWebSocket(random(SEED + 1), runId, findings);
    console.log(`[measure] fuzzed ${procedures.length} procedures with ${http} inputs over HTTP and ${ws} over WebSocket (seed ${SEED}); ${findings.length} findings`);
    expect(findings.slice(0, 10)).toEqual([]);
    // The server is still up and answering (degraded only for want of a worker, which this stack has none of).
    const health = (await (await fetch(`${t.stack.webs[0]!.url}/api/health`)).json()) as { redis: { ok: boolean } };
    expect(health.redis.ok).toBe(true);
    expect(t.stack.webs[0]!.child.exitCode).toBeNull();
  });
});
