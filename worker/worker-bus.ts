import type { Redis } from 'ioredis';
import { controlMessageSchema } from '~/store/control';
import type { RedisKeys } from '~/store/keys';

interface RunListener {
  onControl(action: 'stop' | 'pause' | 'resume', reason: string): void;
  /** Re-read the stored control state (messages may have been missed while Redis reconnected). */
  resync(): void;
}

/**
 * The worker's one subscriber connection: control requests for the runs it holds and
 * notices that a question was answered. Pub/sub only wakes things up; the stored
 * state is re-read after every reconnect, so a missed message is never a lost one.
 */
export class WorkerBus {
  private readonly runs = new Map<string, RunListener>();
  private readonly hitlWaiters = new Map<string, () => void>();
  private readonly turnWaiters = new Map<string, () => void>();

  constructor(
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
  ) {
    subscriber.on('message', (channel: string, message: string) => this.onMessage(channel, message));
    subscriber.on('ready', () => this.resyncAll());
  }

  async start(): Promise<void> {
    await this.subscriber.subscribe(this.keys.controlChannel, this.keys.hitlAnsweredChannel, this.keys.turnsChannel);
  }

  watchRun(runId: string, listener: RunListener): () => void {
    this.runs.set(runId, listener);
    return () => this.runs.delete(runId);
  }

  /** `check` runs when the question may have been settled elsewhere. */
  watchHitl(hitlId: string, check: () => void): () => void {
    this.hitlWaiters.set(hitlId, check);
    return () => this.hitlWaiters.delete(hitlId);
  }

  /** `check` runs when a turn of the run may have been taken elsewhere. */
  watchTurn(runId: string, check: () => void): () => void {
    this.turnWaiters.set(runId, check);
    return () => this.turnWaiters.delete(runId);
  }

  private onMessage(channel: string, message: string): void {
    if (channel === this.keys.hitlAnsweredChannel) {
      this.hitlWaiters.get(message)?.();
      return;
    }
    if (channel === this.keys.turnsChannel) {
      this.turnWaiters.get(message)?.();
      return;
    }
    if (channel !== this.keys.controlChannel) return;
    const parsed = controlMessageSchema.safeParse(JSON.parse(message));
    if (!parsed.success) return;
    this.runs.get(parsed.data.runId)?.onControl(parsed.data.action, parsed.data.reason);
  }

  private resyncAll(): void {
    for (const run of this.runs.values()) run.resync();
    for (const check of this.hitlWaiters.values()) check();
    for (const check of this.turnWaiters.values()) check();
  }
}
