/**
 * Forcing a full GC in a server of the browser workload, so that RSS before and
 * after opening connections compares live memory, not garbage that happened to wait.
 * The servers run with GC_NODE_ARGS: --expose-gc and bench/gc-preload.mjs, which
 * collects on SIGUSR2 and says so on its output.
 */
import { fileURLToPath } from 'node:url';
import { sleep } from './proc';

const PRELOAD = fileURLToPath(new URL('./gc-preload.mjs', import.meta.url));

/** Node flags for a server the bench may force a GC in (before tsx's --import). */
export const GC_NODE_ARGS = ['--expose-gc', '--import', PRELOAD];

const DONE = /\[bench-gc\] done (\d+)/g;

/** The number of the last collection the server reported, 0 before the first. */
function lastCollection(output: string): number {
  let last = 0;
  for (const match of output.matchAll(DONE)) last = Number(match[1]);
  return last;
}

/**
 * Sends SIGUSR2 and waits for the server to report the collection. False when it
 * does not within timeoutMs (no preload, or the output was lost): RSS is then read
 * without the GC, and the report says so.
 */
export async function forceGc(pid: number, output: () => string, timeoutMs = 10_000): Promise<boolean> {
  const before = lastCollection(output());
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (lastCollection(output()) > before) return true;
    await sleep(20);
  }
  return false;
}
