import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '~/env';
import { projectRoot } from '~/project-root';

/**
 * The secret that signs session tokens. Production must set AUTH_SECRET (start-up
 * fails otherwise); development makes one up once and keeps it in .data/, so that
 * sessions survive restarts and nothing secret is committed.
 */
export function resolveAuthSecret(env: Env): string {
  const configured = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (configured) return configured;
  const file = join(projectRoot(), '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(join(projectRoot(), '.data'), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
