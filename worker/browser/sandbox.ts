import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserFacingError } from '../user-facing-error';

/**
 * How Chromium's sandbox is switched on, wherever the machine allows it. The sandbox
 * is what keeps a hostile employer page that exploits the renderer inside that
 * renderer; running without it is a last resort, and always said so in the log.
 *
 * - Not root: Chromium sandboxes itself with user namespaces (Playwright's
 *   chromiumSandbox). Where they are not available (some container and AppArmor
 *   setups), `auto` falls back to --no-sandbox with a warning; `on` refuses to start.
 * - Root: Chromium refuses its sandbox as root, so it is started through a small
 *   wrapper that hands the profile folder to BROWSER_SANDBOX_USER and drops to that
 *   user with setpriv (util-linux) before Chromium starts, keeping the sandbox on.
 */

export type SandboxMode = 'auto' | 'on' | 'off';

export interface SandboxSettings {
  mode: SandboxMode;
  /** Who Chromium runs as when the worker is root. */
  user: string;
}

/** One way to start Chromium, in the order they are tried. */
export interface LaunchPlan {
  /** What Playwright starts: Chromium itself, or the wrapper that starts it as another user. */
  executablePath: string;
  sandbox: boolean;
  /** For the worker's log: what this plan is and why. */
  description: string;
  /** Why this plan cannot work here, known before trying it. */
  unavailable?: string;
}

/** Thrown when BROWSER_SANDBOX=on and no way to sandbox Chromium exists here. */
export class SandboxUnavailable extends UserFacingError {
  constructor(detail: string) {
    super(`Chromium's sandbox is not available on this machine (${detail}). BROWSER_SANDBOX=on refuses to run the browser without it; fix the cause, or set BROWSER_SANDBOX=auto.`);
  }
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** The plans to try for these settings: the sandboxed ones first, --no-sandbox only when allowed. */
export function launchPlans(executablePath: string, settings: SandboxSettings): LaunchPlan[] {
  const off: LaunchPlan = {
    executablePath,
    sandbox: false,
    description: settings.mode === 'off' ? 'off (BROWSER_SANDBOX=off)' : 'OFF: Chromium could not start with its sandbox here, so it runs with --no-sandbox',
  };
  if (settings.mode === 'off') return [off];
  const sandboxed = isRoot() ? asUserPlan(executablePath, settings) : namespacePlan(executablePath);
  return settings.mode === 'on' ? [sandboxed] : [sandboxed, off];
}

function namespacePlan(executablePath: string): LaunchPlan {
  return { executablePath, sandbox: true, description: 'on (Chromium sandboxes itself with user namespaces; the worker is not root)' };
}

function asUserPlan(executablePath: string, settings: SandboxSettings): LaunchPlan {
  const ids = userIds(settings.user);
  if (!ids) {
    return { executablePath, sandbox: true, description: `on as ${settings.user}`, unavailable: `BROWSER_SANDBOX_USER ${settings.user} is not a user on this machine` };
  }
  return {
    executablePath: wrapperFor(executablePath, ids),
    sandbox: true,
    description: `on (the worker runs as root, so Chromium runs as ${settings.user}, uid ${ids.uid}, through setpriv)`,
  };
}

interface UserIds {
  uid: number;
  gid: number;
}

/** The user's numeric ids from the system's user database, or null when there is no such user. */
function userIds(user: string): UserIds | null {
  try {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) && uid > 0 ? { uid, gid } : null;
  } catch {
    return null;
  }
}

const wrappers = new Map<string, string>();

/**
 * A shell script Playwright starts instead of Chromium. Playwright creates the
 * --user-data-dir (a root-owned mkdtemp) before it starts the browser, so the script
 * hands it to the user first and makes it their HOME. The debugging pipe (fds 3 and
 * 4) is inherited through exec, so Playwright still talks to Chromium. The script is
 * named after its content in a folder only we can write, so every worker on the
 * machine reuses it and a killed worker leaves nothing new behind.
 */
function wrapperFor(executablePath: string, ids: UserIds): string {
  const script = wrapperScript(executablePath, ids);
  const existing = wrappers.get(script);
  if (existing) return existing;
  const path = join(privateFolder(), `chromium-as-${ids.uid}-${createHash('sha256').update(script).digest('hex').slice(0, 16)}.sh`);
  const temporary = `${path}.${process.pid}`;
  writeFileSync(temporary, script, { mode: 0o700 });
  renameSync(temporary, path); // atomic: a worker starting at the same time never runs half a script
  wrappers.set(script, path);
  return path;
}

/** /tmp/jobstream-chromium-<uid>, created 0700; a folder someone else made (or a link) is not used. */
function privateFolder(): string {
  const uid = process.getuid?.() ?? 0;
  const dir = join(tmpdir(), `jobstream-chromium-${uid}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const stat = lstatSync(dir);
  if (stat.isDirectory() && stat.uid === uid && (stat.mode & 0o077) === 0) return dir;
  return mkdtempSync(join(tmpdir(), 'jobstream-chromium-'));
}

function wrapperScript(executablePath: string, { uid, gid }: UserIds): string {
  return `#!/bin/sh
# Written by jobstream's worker: starts Chromium as uid ${uid} so that its sandbox can work.
set -eu
profile=""
for arg in "$@"; do
  case "$arg" in --user-data-dir=*) profile="\${arg#--user-data-dir=}" ;; esac
done
if [ -n "$profile" ]; then
  chown -R ${uid}:${gid} -- "$profile"
  HOME="$profile"
  export HOME
fi
unset XDG_CONFIG_HOME XDG_CACHE_HOME XDG_DATA_HOME XDG_RUNTIME_DIR
exec setpriv --reuid=${uid} --regid=${gid} --clear-groups --inh-caps=-all --bounding-set=-all -- ${shellQuote(executablePath)} "$@"
`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
