// Bundles the custom server and the worker into dist/ for `npm start`. Dependencies
// stay in node_modules; only our own TypeScript (with its ~ aliases) is compiled.
// The embedded database's worker thread is an entry point of its own: the server
// starts dist/pglite-thread.js beside it (src/db/pglite/thread-entry.ts).
import { build } from 'esbuild';

await build({
  entryPoints: { server: 'src/server/main.ts', worker: 'worker/main.ts', 'pglite-thread': 'src/db/pglite/pglite-thread.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'info',
});
