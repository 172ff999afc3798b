import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { watchRun } from '../helpers/client';
import { heapUsedAfterGc, inspectorUrl } from '../helpers/inspector';
import { startWeb } from '../helpers/processes';
import { openRawSocket, sendText } from '../helpers/raw-ws';
import { BIG_RUN, BIG_RUN_ENV } from '../helpers/runs';
import { useStack } from '../helpers/stack';
import { metric, until } from '../helpers/wait';

const t = useStack({
    env: { AGENT_STEP_DELAY_MS: '0', WS_MAX_BUFFERED_BYTES: '65536', WS_STALL_TIMEOUT_MS: '1000', WS_MAX_PAYLOAD_BYTES: '65536', ...BIG_RUN_ENV },
  });


/** Reads a socket to its end and counts the bytes. */
function drain(socket: Socket): Promise<number> {
  return new Promise((resolve) => {
    let bytes = 0;
    socket.on('data', (chunk: Buffer) => (bytes += chunk.length));
    socket.once('close', () => resolve(bytes));
    socket.resume();
  });
}

/** Opens sockets that subscribe to a run's whole history 50 times each and never read. */
async function stallingClients(port: number, cookie: string, runId: string, sockets: number): Promise<Socket[]> {
  const opened = await Promise.all(Array.from({ length: sockets }, () => openRawSocket(port, '/api/trpc-ws', cookie)));
  for (const socket of opened) {
    for (let id = 1; id <= 50; id++) {
      const input = { runId, lastEventId: null };
      sendText(socket, JSON.stringify({ id, method: 'subscription', params: { path: 'pipeline.events', input } }));
    }
    socket.pause();
  }
  return opened;
}

describe('stalled clients', () => {
  it('are cut off with a reason, and round after round of them does not grow server memory', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate(BIG_RUN);
    const history = await watchRun(t.api.client, runId).done;
    // A web instance of its own, with the inspector on, to read its heap after GC.
    const web = await startWeb(t.stack.env, undefined, ['--inspect=127.0.0.1:0']);
    try {
      const inspector = inspectorUrl(web.output());
      const backlogPerSocket = history.reduce((n, e) => n + JSON.stringify(e).length, 0) * 50;
      const heap: number[] = [await heapUsedAfterGc(inspector)];
      const received: number[] = [];
      for (let round = 1; round <= 3; round++) {
        const sockets = await stallingClients(web.port, t.user.cookie, runId, 4);
        await until(async () => (await metric(web.url, 'jobstream_ws_slow_consumers_closed_total')) === 4 * round);
        await until(async () => (await metric(web.url, 'jobstream_ws_open_sockets')) === 0);
        // What reaches a client that wakes up is what the kernel buffers held, not its backlog.
        received.push(...(await Promise.all(sockets.map(drain))));
        heap.push(await heapUsedAfterGc(inspector));
      }
      // Round 1 warms the instance up (code paths, caches); later rounds must add nothing.
      const heapGrowth = heap[3]! - heap[1]!;
      console.log(
        `[measure] 3 rounds × 4 stalled sockets, ${(backlogPerSocket / 1e6).toFixed(1)} MB refused to each; ` +
          `a socket got at most ${(Math.max(...received) / 1e6).toFixed(1)} MB; ` +
          `server heap after GC, before and after each round: ${heap.map((b) => (b / 1e6).toFixed(1)).join(' / ')} MB`,
      );
      expect(Math.max(...received)).toBeLessThan(backlogPerSocket / 2);
      expect(heapGrowth).toBeLessThan(backlogPerSocket / 10);
    } finally {
      await web.kill9();
    }
    // The server still serves everyone else.
    expect(await watchRun(t.api.client, runId).done).toEqual(history);
  });
});

describe('replies to queries and mutations', () => {
  it('are flow-controlled too: a client that sends calls and never reads is cut off, and gets little of what it asked for', async () => {
    const { runId } = await t.api.client.pipeline.start.mutate(BIG_RUN);
    await watchRun(t.api.client, runId).done;
    const web = t.stack.webs[0]!;
    const closedBefore = await metric(web.url, 'jobstream_ws_slow_consumers_closed_total');
    const socket = await openRawSocket(web.port, '/api/trpc-ws', t.user.cookie);
    socket.pause();
    // Each reply is a page of 500 events (~0.2 MB); 20 messages of 20 calls ask for ~80 MB.
    const asked = 20 * 20;
    let id = 0;
    for (let message = 0; message < 20; message++) {
      const calls = Array.from({ length: 20 }, () => ({ id: ++id, method: 'query', params: { path: 'pipeline.history', input: { runId, limit: 500 } } }));
      sendText(socket, JSON.stringify(calls));
    }
    await until(async () => (await metric(web.url, 'jobstream_ws_slow_consumers_closed_total')) > closedBefore);
    const received = await drain(socket);
    const page = JSON.stringify((await t.api.client.pipeline.history.query({ runId, limit: 500 })).events).length;
    console.log(`[measure] asked for ${((asked * page) / 1e6).toFixed(0)} MB of replies without reading; got ${(received / 1e6).toFixed(1)} MB before the cut-off`);
    expect(received).toBeLessThan((asked * page) / 4);
  });
});

describe('message size', () => {
  it('closes a socket that sends more than WS_MAX_PAYLOAD_BYTES with 1009', async () => {
    const ws = new WebSocket(`${t.stack.webs[0]!.url.replace('http', 'ws')}/api/trpc-ws`, { headers: { cookie: t.user.cookie } });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(70_000));
    expect(await closed).toBe(1009);
  });
});
