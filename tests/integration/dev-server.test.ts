import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connect } from '../helpers/client';
import { startRedis, startWeb } from '../helpers/processes';

let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
let web: Awaited<ReturnType<typeof startWeb>> | undefined;

beforeAll(async () => {
  const r = await startRedis();
  redis = r;
  web = await startWeb({ REDIS_URL: r.url, KEY_PREFIX: 'devtest', NODE_ENV: 'development' });
});
afterAll(async () => {
  await web?.stop();
  await redis?.kill9();
});

describe('development mode', () => {
  it('keeps Next’s hot-reload socket working beside tRPC’s, on the same port', async () => {
    if (!web) throw new Error('the dev server did not start');
    // Next attaches hot reload on the first page request.
    expect((await fetch(`${web.url}/`)).status).toBe(200);
    const hmr = new WebSocket(`${web.url.replace('http', 'ws')}/_next/hmr`);
    const firstMessage = await new Promise<string>((resolve, reject) => {
      hmr.once('message', (data: Buffer) => resolve(data.toString()));
      hmr.once('error', reject);
      hmr.once('unexpected-response', (_req, res) => reject(new Error(`HMR upgrade refused: ${res.statusCode}`)));
    });
    expect(firstMessage.length).toBeGreaterThan(0);

    const api = connect(web.url);
    try {
      const { runId } = await api.client.pipeline.start.mutate({ query: 'python' });
      const first = await new Promise<string>((resolve, reject) => {
        const sub = api.client.pipeline.events.subscribe(
          { runId, lastEventId: null },
          {
            onData: (e) => {
              sub.unsubscribe();
              resolve(e.data.type);
            },
            onError: reject,
          },
        );
      });
      expect(first).toBe('task_queued');
      expect(hmr.readyState).toBe(WebSocket.OPEN);
    } finally {
      await api.close();
      hmr.close();
    }
  });
});
