// Bundles the custom server and the worker into dist/ for `npm start`. Dependencies
// stay in node_modules; only our own TypeScript (with its ~ aliases) is compiled.
import { build } from 'esbuild';

await build({
  entryPoints: { server: 'src/server/main.ts', worker: 'worker/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'info',
});
