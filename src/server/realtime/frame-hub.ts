import { liveFrameSchema, type LiveFrame } from '~/shared/frames';
import type { FrameStore } from '~/store/frames';
import type { RedisKeys } from '~/store/keys';
import type { ChannelHub } from './channel-hub';
import type { FramePacer } from './frame-pacer';
import { rememberFrameJson } from './wire-encoder';

interface RunFrames {
  latest: LiveFrame | null;
  /** Counts frames received here, so a viewer knows whether `latest` is new to it. */
  version: number;
  viewers: number;
  wake: Set<() => void>;
  unlisten: Promise<() => void>;
}

// Read through functions: the state changes across the awaits above, which narrowing cannot see.
const newest = (run: RunFrames): LiveFrame | null => run.latest;
const isAborted = (signal: AbortSignal): boolean => signal.aborted;

/**
 * Live frames for this instance's viewers: one pub/sub subscription per watched run
 * and only the latest frame held for it, however many viewers and however slow.
 */
export class FrameHub {
  private readonly runs = new Map<string, RunFrames>();

  constructor(
    private readonly channels: ChannelHub,
    private readonly store: FrameStore,
    private readonly keys: RedisKeys,
  ) {}

  /**
   * A run's frames for one viewer: the latest on arrival, then each newer one the
   * viewer is ready for, skipping those it had no time for.
   */
  async *frames(runId: string, signal: AbortSignal, pacer: FramePacer | null, isOver: () => Promise<boolean>): AsyncGenerator<LiveFrame> {
    const run = await this.join(runId);
    try {
      if (!run.latest) {
        const stored = await this.store.latest(runId);
        // A frame that came over pub/sub during the read is newer than the stored one.
        run.latest ??= stored;
      }
      let seen = run.latest ? -1 : 0;
      while (!signal.aborted) {
        if (run.version === seen || !run.latest) {
          if (await this.waitForFrame(run, signal)) continue;
          if (await isOver()) return; // no frame for a while and the run has ended
          continue;
        }
        if (pacer) await pacer.ready(signal);
        // Whatever is newest once the client has room: the frames in between are skipped.
        const frame = newest(run);
        if (!frame || isAborted(signal)) return;
        seen = run.version;
        yield frame;
        pacer?.sent();
      }
    } finally {
      this.leave(runId, run);
    }
  }

  private async join(runId: string): Promise<RunFrames> {
    let run = this.runs.get(runId);
    if (!run) {
      const created: RunFrames = { latest: null, version: 0, viewers: 0, wake: new Set(), unlisten: Promise.resolve(() => undefined) };
      created.unlisten = this.channels.listen(this.keys.runFrames(runId), (raw) => this.receive(created, raw));
      this.runs.set(runId, created);
      run = created;
    }
    run.viewers += 1;
    try {
      await run.unlisten;
    } catch (err) {
      this.leave(runId, run); // the next viewer subscribes afresh
      throw err;
    }
    return run;
  }

  private leave(runId: string, run: RunFrames): void {
    run.viewers -= 1;
    if (run.viewers > 0 || this.runs.get(runId) !== run) return;
    this.runs.delete(runId);
    void run.unlisten.then((stop) => stop()).catch(() => undefined);
  }

  private receive(run: RunFrames, raw: string): void {
    let parsed;
    try {
      parsed = liveFrameSchema.safeParse(JSON.parse(raw));
    } catch {
      return;
    }
    if (!parsed.success) return; // not a frame this version understands
    rememberFrameJson(parsed.data, raw);
    run.latest = parsed.data;
    run.version += 1;
    for (const wake of [...run.wake]) wake();
  }

  /** Waits for the next frame; false when none came within a few seconds. */
  private waitForFrame(run: RunFrames, signal: AbortSignal, idleMs = 3000): Promise<boolean> {
    const before = run.version;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        run.wake.delete(done);
        signal.removeEventListener('abort', done);
        resolve(run.version !== before);
      };
      const timer = setTimeout(done, idleMs);
      run.wake.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
