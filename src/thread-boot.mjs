// Starts one of our worker threads (the embedded database, the archiver) from source
// (development, tests, scripts run with tsx). Node 20 does not apply the parent's
// `--import tsx` hooks inside worker threads, so the TypeScript loader is registered
// here, in the thread, before the thread's TypeScript entry is loaded. The bundle
// (dist/pglite-thread.js, dist/archiver-thread.js) needs none of this.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
