import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import next from 'next';
import { databaseTarget, openDatabase } from '~/db';
import { env } from '~/env';
import { onShutdownSignals } from '~/shutdown-signals';
import { ShutdownDeadline } from '~/shutdown-deadline';
import { projectRoot } from '~/project-root';
import { handleSandbox } from '~/sandbox/http-handler';
import { createStores } from '~/store';
import { createPipelineQueue } from '~/store/queue';
import { connectRedis, redactUrl, waitForRedis } from '~/store/redis';
import { appRouter } from './api/root';
import { createContextFactory } from './api/trpc';
import { startArchiverThread } from './archive/archiver-host';
import { EventArchive } from './archive/event-archive';
import { handleAuthRequest } from './auth/http-handler';
import { buildAuthOptions } from './auth/options';
import { resolveAuthSecret } from './auth/secret';
import { createSessionVerifier } from './auth/session';
import { allowedOrigins } from './http/allowed-origins';
import { AGUI_PATH, closeAguiStreams, handleAgui } from './http/agui';
import { handleHealth, handleReady, handleMetrics } from './http/routes';
import { handleHitlFileUpload, hitlFilePath } from './http/hitl-file-upload';
import { isOpsPage, serveOpsPage } from './http/ops-page-gate';
import { handleResumeUpload, RESUME_UPLOAD_PATH } from './http/resume-upload';
import { setSecurityHeaders } from './http/security-headers';
import { refuseForeignCall } from './http/trpc-request-guard';
import { createMetrics } from './metrics';
import { startOpsMonitor } from './ops/monitor';
import { takeNextUpgradeHandler } from './realtime/next-upgrade';
import { ChannelHub } from './realtime/channel-hub';
import { FrameHub } from './realtime/frame-hub';
import { RunFeedHub } from './realtime/run-feed-hub';
import { runHeadReader } from './realtime/run-head';
import { attachRealtime } from './realtime/ws-server';
import { watchRedisEpoch } from './recovery/redis-epoch';
import { createServerServices } from './services';

const MAX_HTTP_BODY_BYTES = 10 * 1024 * 1024;

/**
 * The web process: one port serving Next.js, tRPC over HTTP (/api/trpc), tRPC over
 * WebSocket (/api/trpc-ws), /api/health and /api/metrics.
 */
async function main(): Promise<void> {
  const config = env();
  const dev = config.NODE_ENV === 'development';
  const redis = connectRedis(config.REDIS_URL, 'web');
  const subscriber = connectRedis(config.REDIS_URL, 'web-feed');
  await Promise.all([waitForRedis(redis, config.REDIS_URL), waitForRedis(subscriber, config.REDIS_URL)]);

  // Idempotent and under an advisory lock: several instances may start at once.
  const db = await openDatabase(databaseTarget(config));
  await db.migrate();
  const publicUrl = config.NEXTAUTH_URL ?? config.APP_URL;
  process.env.NEXTAUTH_URL = publicUrl; // next-auth builds its callback URLs from it
  const secret = resolveAuthSecret(config);

  const stores = createStores(redis, config);
  const metrics = createMetrics();
  const archive = new EventArchive(db.prisma);
  const archiveConsumer = `web-${hostname()}-${process.pid}`;
  const archiver = config.ARCHIVER_ENABLED
    ? await startArchiverThread({
        db,
        consumer: archiveConsumer,
        batchWaitMs: config.ARCHIVE_BATCH_WAIT_MS,
        onArchived: (n) => metrics.eventsArchived.inc(n),
      })
    : null;
  const channels = new ChannelHub(subscriber);
  const services = createServerServices({
    env: config,
    redis,
    db,
    archive,
    sessions: createSessionVerifier(db.prisma, secret, publicUrl.startsWith('https://')),
    authOptions: buildAuthOptions(db.prisma, config, secret, { redis }),
    stores,
    queue: createPipelineQueue(stores.keys, { url: config.REDIS_URL }),
    hub: new RunFeedHub(subscriber, stores.log, stores.keys, metrics, runHeadReader(stores.log, archive)),
    channels,
    frames: new FrameHub(channels, stores.frames, stores.keys),
    metrics,
  });

  // Redis restarted empty: close the runs it held instead of reusing their seqs (src/server/recovery/).
  const stopEpochWatch = await watchRedisEpoch(services, redis, `web-${hostname()}-${process.pid}`);

  const app = next({
    dev,
    dir: projectRoot(),
    hostname: 'localhost',
    port: config.PORT,
  });
  await app.prepare();
  const handleNext = app.getRequestHandler();
  const handleTrpc = createHTTPHandler({
    router: appRouter,
    basePath: '/api/trpc/',
    createContext: createContextFactory(services),
    // Room for a 5 MB resume in base64 (and for its validation to say so), and no more.
    maxBodySize: MAX_HTTP_BODY_BYTES,
    maxBatchSize: config.HTTP_MAX_BATCH_SIZE,
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${path ?? '-'}:`, error.cause ?? error.message);
    },
  });
  const trpcRules = { origins: allowedOrigins({ APP_URL: config.APP_URL, NEXTAUTH_URL: publicUrl }), maxBatchSize: config.HTTP_MAX_BATCH_SIZE };

  const route = (req: IncomingMessage, res: ServerResponse): unknown => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    setSecurityHeaders(res);
    if (path.startsWith('/api/trpc/')) return refuseForeignCall(req, res, trpcRules) ? undefined : handleTrpc(req, res);
    if (path.startsWith('/api/auth/')) return handleAuthRequest(req, res, services.authOptions);
    if (path === AGUI_PATH) return handleAgui(services, req, res, trpcRules.origins);
    if (path === RESUME_UPLOAD_PATH) return handleResumeUpload(services, req, res, trpcRules.origins);
    const hitlId = hitlFilePath(path);
    if (hitlId) return handleHitlFileUpload(services, req, res, trpcRules.origins, hitlId);
    if (path === '/api/health') return handleHealth(services, req, res);
    if (path === '/api/health/ready') return handleReady(services, req, res);
    if (path === '/api/metrics') return handleMetrics(services, req, res);
    if (config.SANDBOX_ENABLED && (path === '/sandbox' || path.startsWith('/sandbox/'))) {
      return handleSandbox(req, res, { appUrl: config.APP_URL, redis, keyPrefix: stores.keys.prefix });
    }
    if (isOpsPage(path)) return serveOpsPage(services, req, res, handleNext);
    return handleNext(req, res);
  };
  const server = createServer((req, res) => {
    Promise.resolve(route(req, res)).catch((err: unknown) => {
      console.error('[web] request failed:', err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Something went wrong on our side; try again in a moment.');
    });
  });
  const realtime = attachRealtime(server, services, takeNextUpgradeHandler(app));

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  // The operator's dashboard: this instance's heartbeat, lost workers, archive lag, Redis reconnects.
  const ops = startOpsMonitor(services, { port: config.PORT, archiveConsumer: config.ARCHIVER_ENABLED ? archiveConsumer : null });
  const database = db.target.kind === 'postgresql' ? `PostgreSQL ${redactUrl(db.target.url)}` : `embedded PGlite in ${db.target.dataDir}`;
  console.log(
    `[web] ready on http://localhost:${config.PORT} (${config.NODE_ENV}, redis ${redactUrl(config.REDIS_URL)}, ${database})`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    // Every step is bounded: with Redis unreachable its closes never finish, and the
    // instance still exits within WEB_SHUTDOWN_GRACE_MS, saying what it left unfinished.
    const deadline = new ShutdownDeadline('web', config.WEB_SHUTDOWN_GRACE_MS);
    console.log(`[web] ${signal}: closing, exiting within ${config.WEB_SHUTDOWN_GRACE_MS} ms`);
    server.close();
    // AG-UI clients reconnect (to another instance) and carry on from the state they hold.
    closeAguiStreams();
    stopEpochWatch();
    // A goodbye through Redis: it runs beside the other steps instead of holding them up.
    const opsStopped = deadline.track('the goodbye to the operator dashboard', ops.stop());
    await deadline.track('the open sockets to close', realtime.close());
    server.closeAllConnections();
    await Promise.all([
      opsStopped,
      deadline.track('the queue connection to close', services.queue.close()),
      deadline.track('Next.js to close', app.close()),
      // The archiver writes to the database, so the database closes after it.
      deadline
        .track('the event archiver to stop', archiver?.stop() ?? Promise.resolve())
        .then(() => deadline.track('the database to close', db.close())),
    ]);
    redis.disconnect();
    subscriber.disconnect();
    deadline.finish();
  };
  onShutdownSignals('web', shutdown);
}

main().catch((err: unknown) => {
  console.error(`[web] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
