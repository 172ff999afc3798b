/**
 * Failures of single measurements of the browser workload: each is reported (with
 * whether the arm's server is still alive and what it printed last), and the rest
 * of the workload goes on, so that one broken cell does not cost a six-minute run.
 */
import type { Arm } from './browser-arms';

function serverState(arm: Arm): string {
  let alive = true;
  try {
    process.kill(arm.pid, 0); // signal 0: only asks whether the process exists
  } catch {
    alive = false;
  }
  const tail = arm.output().trim().split('\n').slice(-8).join('\n    ');
  return ` (server ${alive ? 'alive' : 'GONE'}; its last output:\n    ${tail})`;
}

export class Failures {
  readonly list: string[] = [];

  /** Runs one measurement; on failure records it, prints its first line, and returns null. */
  async attempt<T>(label: string, work: () => Promise<T>, arm?: Arm): Promise<T | null> {
    try {
      return await work();
    } catch (err) {
      const server = arm ? serverState(arm) : '';
      const message = `${label}: ${err instanceof Error ? err.message : String(err)}${server}`;
      this.list.push(message);
      console.log(`FAILED ${message.split('\n')[0] ?? ''}`);
      return null;
    }
  }
}
