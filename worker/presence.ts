import { hostname } from 'node:os';
import type { AgentStatus, WorkerStatus } from '~/shared/ops';
import type { WorkerRegistry } from '~/store/worker-registry';

/** A Map of the runs a worker holds that says when it changes. */
class WatchedRuns<V> extends Map<string, V> {
  constructor(private readonly onChange: () => void) {
    super();
  }

  override set(runId: string, value: V): this {
    const added = !this.has(runId);
    super.set(runId, value);
    if (added) this.onChange();
    return this;
  }

  override delete(runId: string): boolean {
    const removed = super.delete(runId);
    if (removed) this.onChange();
    return removed;
  }
}

/**
 * What a worker tells /api/health and the operator's dashboard about itself: a
 * heartbeat every interval (status, the runs it holds), and at once whenever its
 * status or its runs change, so the dashboard sees a run taken or let go as it happens.
 */
export class WorkerPresence<V> {
  /** The runs this worker holds (the job runner's `active`): every change is announced. */
  readonly runs: Map<string, V> = new WatchedRuns<V>(() => this.soon());
  private readonly startedAt = new Date().toISOString();
  private draining = false;
  private left = false;
  private announced: AgentStatus | null = null;
  private timer: NodeJS.Timeout | undefined;
  private pending = false;
  /** Beats go out one after another, so status changes arrive in order. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly registry: WorkerRegistry,
    private readonly workerId: string,
    private readonly concurrency: number,
  ) {}

  start(intervalMs: number): void {
    this.beat();
    this.timer = setInterval(() => this.beat(), intervalMs);
  }

  /** Shutting down: takes no new jobs, finishes (or hands back) the ones it holds. */
  drain(): void {
    this.draining = true;
    this.beat();
  }

  /** The goodbye, after the last run is let go: the dashboard shows it offline, never lost. */
  async leave(): Promise<void> {
    this.left = true;
    clearInterval(this.timer);
    await this.chain;
    await this.registry.leave(this.workerId).catch(() => undefined);
    await this.registry.statusChanged(this.workerId, this.announced, 'offline').catch(() => undefined);
  }

  private status(): WorkerStatus {
    if (this.draining) return 'draining';
    return this.runs.size > 0 ? 'busy' : 'idle';
  }

  /** Several runs taken at once make one beat. */
  private soon(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      this.beat();
    });
  }

  private beat(): void {
    // A beat after the goodbye would bring the worker back, and it would then be reported lost.
    if (this.left) return;
    this.chain = this.chain.then(() => this.send()).catch(() => undefined); // the next beat tries again
  }

  private async send(): Promise<void> {
    const status = this.status();
    if (status !== this.announced) {
      await this.registry.statusChanged(this.workerId, this.announced, status);
      this.announced = status;
    }
    const runs = [...this.runs.keys()];
    await this.registry.beat({
      workerId: this.workerId,
      host: hostname(),
      pid: process.pid,
      status,
      runs,
      concurrency: this.concurrency,
      startedAt: this.startedAt,
      beatAt: new Date().toISOString(),
    });
  }
}
