import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { watchRun } from '../helpers/client';
import { openRawSocket, sendText } from '../helpers/raw-ws';
import { useStack } from '../helpers/stack';

const t = useStack({
    env: { AGENT_STEP_DELAY_MS: '0', WS_MAX_BUFFERED_BYTES: '65536', WS_STALL_TIMEOUT_MS: '1000', WS_MAX_PAYLOAD_BYTES: '65536' },
  });

const rssBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${t.stack.webs[0]!.url}/api/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
}

/** Reads a socket to its end and counts the bytes. */
function drain(socket: Socket): Promise<number> {
  return new Promise((resolve) => {
    let bytes = 0;
    socket.on('data', (chunk: Buffer) => (bytes += chunk.length));
    socket.once('close', () => resolve(bytes));
    socket.resume();
  });
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('stalled clients', () => {
  it('are cut off with a reason, and round after round of them does not grow server memory', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate({ query: 'e', location: '', minMatchScore: 0 });
    const history = await watchRun(t.api.client, runId).done;
    const web = t.stack.webs[0]!;
    // 4 sockets × 50 subscriptions to the whole history, none of them read.
    const backlogPerRound = history.reduce((n, e) => n + JSON.stringify(e).length, 0) * 200;
    const rss: number[] = [];
    const received: number[] = [];
    for (let round = 1; round <= 3; round++) {
      const sockets = await Promise.all([1, 2, 3, 4].map(() => openRawSocket(web.port, '/api/trpc-ws')));
      for (const socket of sockets) {
        for (let id = 1; id <= 50; id++) {
          const input = { runId, lastEventId: null };
          sendText(socket, JSON.stringify({ id, method: 'subscription', params: { path: 'pipeline.events', input } }));
        }
        socket.pause();
      }
      await until(async () => (await metric('jobstream_ws_slow_consumers_closed_total')) === 4 * round);
      await until(async () => (await metric('jobstream_ws_open_sockets')) <= 1);
      rss.push(rssBytes(web.child.pid!));
      // What reaches a client that wakes up is what the kernel buffers held, not the backlog.
      received.push(...(await Promise.all(sockets.map(drain))));
    }
    const backlogPerSocket = backlogPerRound / 4;
    expect(Math.max(...received)).toBeLessThan(backlogPerSocket / 2);
    // GC timing makes one sample noisy; memory that accumulated would raise every later round.
    const growth = Math.min(rss[1]!, rss[2]!) - rss[0]!;
    console.log(
      `[measure] 3 rounds of stalled clients, ${(backlogPerRound / 1e6).toFixed(1)} MB refused per round; ` +
        `server RSS after each: ${rss.map((b) => (b / 1e6).toFixed(0)).join(' / ')} MB; ` +
        `a socket got at most ${(Math.max(...received) / 1e6).toFixed(1)} of its ${(backlogPerSocket / 1e6).toFixed(1)} MB`,
    );
    expect(growth).toBeLessThan(backlogPerRound / 2);

    // The server still serves everyone else.
    expect(await watchRun(t.api.client, runId).done).toEqual(history);
  });
});

describe('message size', () => {
  it('closes a socket that sends more than WS_MAX_PAYLOAD_BYTES with 1009', async () => {
    const ws = new WebSocket(`${t.stack.webs[0]!.url.replace('http', 'ws')}/api/trpc-ws`);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(70_000));
    expect(await closed).toBe(1009);
  });
});
