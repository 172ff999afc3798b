/**
 * The archiver's thread: its own Redis connections and its own Prisma client on the
 * process's database, so that reading the archive stream, building queries and
 * writing batches never run on the event loop that serves sockets.
 *
 * Bundled as its own entry point (dist/archiver-thread.js); from source it is loaded
 * through src/thread-boot.mjs.
 */
import { hostname } from 'node:os';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openSharedDatabase } from '~/db';
import { env } from '~/env';
import { createStores } from '~/store';
import { connectRedis, waitForRedis } from '~/store/redis';
import type { ArchiverCommand, ArchiverReport, ArchiverThreadOptions } from './archiver-protocol';
import { EventArchiver } from './archiver';
import { EventArchive } from './event-archive';

function report(port: MessagePort, message: ArchiverReport): void {
  port.postMessage(message);
}

async function start(port: MessagePort, options: ArchiverThreadOptions): Promise<void> {
  const config = env();
  const redis = connectRedis(config.REDIS_URL, 'web-archive-state');
  const reader = connectRedis(config.REDIS_URL, 'web-archive');
  await Promise.all([waitForRedis(redis, config.REDIS_URL), waitForRedis(reader, config.REDIS_URL)]);
  const db = await openSharedDatabase(options.share);
  const stores = createStores(redis, config);
  const archiver = new EventArchiver(
    reader,
    stores.keys,
    db.prisma,
    new EventArchive(db.prisma),
    stores.hitl,
    options.consumer || `web-${hostname()}-${process.pid}`,
    { batchWaitMs: options.batchWaitMs },
    (count) => report(port, { kind: 'archived', count }),
  );
  await archiver.start();
  // The one command there is: stop.
  port.once('message', (command: ArchiverCommand) => {
    console.log(`[archive] ${command.kind}: finishing the batch in hand`);
    void (async () => {
      await archiver.stop();
      reader.disconnect();
      redis.disconnect();
      await db.close();
      report(port, { kind: 'stopped' });
      port.close();
    })();
  });
  report(port, { kind: 'ready' });
}

if (!parentPort) throw new Error('archiver-thread runs as a worker thread, started by startArchiverThread().');
await start(parentPort, workerData as ArchiverThreadOptions);
