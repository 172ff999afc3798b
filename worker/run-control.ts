import type { ControlAction, ControlState } from '~/store/control';

/** The reason a run's AbortSignal fires when the user stops it. */
export class StopRequested extends Error {
  constructor(readonly reason: string) {
    super(`Stopped: ${reason}`);
  }
}

/** The reason a run's AbortSignal fires when this worker shuts down and hands the job back. */
export class HandedBack extends Error {
  constructor() {
    super('The worker is shutting down; the run goes back to the queue');
  }
}

/**
 * The reason a run's AbortSignal fires when its live state in Redis is gone (Redis
 * lost its data): nothing it says can be recorded any more, so it ends without a word.
 */
export class RunStateLost extends Error {
  constructor() {
    super('The run has no live state in Redis any more (Redis lost its data)');
  }
}

/**
 * The control state of one run on this worker: stop aborts the run's signal at once,
 * pause holds it at the next pause point until resume or stop.
 */
export class RunControl {
  readonly abort = new AbortController();
  /** The Redis epoch the run was started in (see src/store/epoch.ts); null until known. */
  epoch: string | null = null;
  private state: ControlState = 'running';
  private wake: (() => void) | null = null;

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  apply(action: ControlAction, reason: string): void {
    if (this.signal.aborted) return;
    if (action === 'stop') {
      this.state = 'stopped';
      this.abort.abort(new StopRequested(reason));
    } else {
      this.state = action === 'pause' ? 'paused' : 'running';
    }
    this.wake?.();
  }

  /** Used when the stored state is read at job start or after a Redis reconnect. */
  applyState(state: ControlState, reason: string): void {
    const action: ControlAction = state === 'stopped' ? 'stop' : state === 'paused' ? 'pause' : 'resume';
    this.apply(action, reason);
  }

  /** Its live state is gone: ends the run at once, quietly (see RunStateLost). */
  lose(): void {
    if (!this.signal.aborted) this.abort.abort(new RunStateLost());
    this.wake?.();
  }

  handBack(): void {
    if (!this.signal.aborted) this.abort.abort(new HandedBack());
    this.wake?.();
  }

  get paused(): boolean {
    return this.state === 'paused';
  }

  /** Resolves when the run may go on; rejects with the abort reason when it must end. */
  async holdWhilePaused(): Promise<void> {
    while (this.state === 'paused' && !this.signal.aborted) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
    this.signal.throwIfAborted();
  }
}
