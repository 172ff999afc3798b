/**
 * Bounds a process's shutdown. Closing a connection to Redis waits for Redis to answer,
 * and an unreachable Redis never does: so every shutdown step is tracked here, a step
 * may give up after its own limit, and a hard deadline exits the process, naming what
 * was still unfinished, whatever the steps are waiting for.
 */
export class ShutdownDeadline {
  private readonly pending = new Set<string>();
  private readonly missed: string[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly component: string,
    private readonly budgetMs: number,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {
    this.timer = setTimeout(() => this.expire(), budgetMs);
  }

  /**
   * Follows one step that is already under way. Never rejects (the rejection is recorded
   * at once, so it is never an unhandled one): resolves true once the step finished,
   * false when it failed or `limitMs` passed first.
   */
  track(what: string, work: Promise<unknown>, limitMs?: number): Promise<boolean> {
    this.pending.add(what);
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const settle = (ok: boolean, problem?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(limit);
        this.pending.delete(what);
        if (problem) {
          this.missed.push(problem);
          console.error(`[${this.component}] shutdown: ${problem}`);
        }
        resolve(ok);
      };
      const limit = limitMs === undefined ? undefined : setTimeout(() => settle(false, `gave up waiting for ${what} after ${limitMs} ms`), limitMs);
      work.then(
        () => settle(true),
        (err: unknown) => settle(false, `${what} failed (${err instanceof Error ? err.message : String(err)})`),
      );
    });
  }

  /** Exits: 0 when every step finished, 1 (saying which did not) otherwise. */
  finish(): void {
    clearTimeout(this.timer);
    if (this.missed.length === 0) {
      console.log(`[${this.component}] stopped`);
      this.exit(0);
      return;
    }
    console.error(`[${this.component}] stopped without finishing: ${this.missed.join('; ')}`);
    this.exit(1);
  }

  private expire(): void {
    const unfinished = [...this.pending].map((what) => `${what} (still waiting)`).concat(this.missed);
    const detail = unfinished.length > 0 ? ` without finishing: ${unfinished.join('; ')}` : '';
    console.error(`[${this.component}] shutdown took longer than ${this.budgetMs} ms; exiting now${detail}`);
    this.exit(1);
  }
}
