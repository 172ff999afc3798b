// Bundles the custom server and the worker into dist/ for `npm start`. Dependencies
// stay in node_modules; only our own TypeScript (with its ~ aliases) is compiled.
// The embedded database's and the archiver's worker threads are entry points of their
// own: the server starts dist/pglite-thread.js and dist/archiver-thread.js beside it
// (src/thread-entry.ts).
import { build } from 'esbuild';

await build({
  entryPoints: {
    server: 'src/server/main.ts',
    worker: 'worker/main.ts',
    'pglite-thread': 'src/db/pglite/pglite-thread.ts',
    'archiver-thread': 'src/server/archive/archiver-thread.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'info',
});
