import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/processes';

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as LockEntry;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockEntry> };

/** Where npm would find `name` for the package at `path`: its own node_modules, then each parent's. */
function resolves(path: string, name: string): boolean {
  for (let dir = path; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
    if (lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
  }
}

// `npm ci` (Docker builds, hosted CI, .ci/run) installs exactly the lock, and refuses a
// lock that does not match package.json: say so here first, and say what to run.
describe('package-lock.json', () => {
  it('records the dependencies package.json asks for (otherwise: npm install --package-lock-only)', () => {
    const root = lock.packages[''];
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    expect(root?.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root?.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    const missing = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => !resolves('', name));
    expect(missing).toEqual([]);
  });

  it("holds every platform's optional packages, so npm ci works on macOS, Windows, ARM and musl too", () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !resolves(path, name))
        .map((name) => `${path || '(root)'} → ${name}`),
    );
    // Regenerate in a clean folder, where npm resolves for every platform:
    // mkdir /tmp/l && cp package.json /tmp/l && (cd /tmp/l && npm install --package-lock-only) && cp /tmp/l/package-lock.json .
    expect(missing).toEqual([]);
  });
});
