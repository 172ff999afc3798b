import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { newUser, TEST_AUTH_SECRET } from '../helpers/auth';
import { connect } from '../helpers/client';
import { freshPglite } from '../helpers/databases';
import { startRedis, startWeb } from '../helpers/processes';

let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
let web: Awaited<ReturnType<typeof startWeb>> | undefined;
// The embedded default: no DATABASE_URL, PGlite in a folder of its own.
const database = freshPglite();

beforeAll(async () => {
  const r = await startRedis();
  redis = r;
  if (database.target.kind !== 'pglite') throw new Error('expected PGlite');
  web = await startWeb({
    REDIS_URL: r.url,
    KEY_PREFIX: 'devtest',
    NODE_ENV: 'development',
    PGLITE_DATA_DIR: database.target.dataDir,
    DATABASE_URL: '',
    AUTH_SECRET: TEST_AUTH_SECRET,
  });
});
afterAll(async () => {
  await web?.stop();
  await redis?.kill9();
  await database.drop();
});

describe('development mode, on the embedded database', () => {
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

    const api = connect(web.url, (await newUser(web.url)).cookie);
    try {
      // No worker runs here: pausing the queued run is what the web itself publishes.
      const { runId } = await api.client.pipeline.start.mutate({ query: 'python' });
      await api.client.pipeline.pause.mutate({ runId });
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
      expect(first).toBe('job_paused');
      expect(hmr.readyState).toBe(WebSocket.OPEN);
    } finally {
      await api.close();
      hmr.close();
    }
  });
});
