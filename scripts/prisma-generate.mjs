// Generates the Prisma client (src/db/generated) after install. `prisma generate`
// needs no schema engine, but looks for one unless PRISMA_SCHEMA_ENGINE_BINARY names
// a file; on machines that cannot download it, point it at any file that exists.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, [`${root}node_modules/prisma/build/index.js`, 'generate'], {
  cwd: root,
  stdio: 'inherit',
  env: { PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(import.meta.url), ...process.env },
});
