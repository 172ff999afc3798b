import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A program the cluster runs, where it was found, and how to get it when it was not. */
export interface Program {
  name: string;
  path: string | null;
  install: string;
}

function onPath(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

/** Debian keeps the PostgreSQL server programs off PATH, under /usr/lib/postgresql/<version>/bin. */
function postgresProgram(name: 'postgres' | 'initdb'): string | null {
  const fromPath = onPath(name);
  if (fromPath) return fromPath;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const candidate = join(base, version, 'bin', name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Everything `npm run cluster` starts, found on this machine or not. */
export function findPrograms(): Record<'haproxy' | 'redis' | 'postgres' | 'initdb', Program> {
  return {
    haproxy: { name: 'HAProxy', path: onPath('haproxy'), install: 'sudo apt-get install haproxy (macOS: brew install haproxy)' },
    redis: { name: 'redis-server', path: onPath('redis-server'), install: 'sudo apt-get install redis-server (macOS: brew install redis)' },
    postgres: {
      name: 'PostgreSQL server (postgres)',
      path: postgresProgram('postgres'),
      install: 'sudo apt-get install postgresql (macOS: brew install postgresql)',
    },
    initdb: {
      name: 'PostgreSQL initdb',
      path: postgresProgram('initdb'),
      install: 'sudo apt-get install postgresql (macOS: brew install postgresql)',
    },
  };
}

/** The programs that are missing, as lines a person can act on; empty when all are there. */
export function missingPrograms(programs: Record<string, Program>): string[] {
  return Object.values(programs)
    .filter((p) => p.path === null)
    .map((p) => `${p.name} is not installed: ${p.install}`);
}
