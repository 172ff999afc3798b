import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShutdownDeadline } from '~/shutdown-deadline';

const never = () => new Promise<never>(() => undefined);

describe('ShutdownDeadline', () => {
  let exit: ReturnType<typeof vi.fn<(code: number) => void>>;
  let logs: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    exit = vi.fn<(code: number) => void>();
    logs = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void logs.push(line));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('exits 0, saying it stopped, when every step finished', async () => {
    const deadline = new ShutdownDeadline('worker', 1000, exit);
    expect(await deadline.track('the queue to close', Promise.resolve())).toBe(true);
    deadline.finish();
    expect(exit).toHaveBeenCalledWith(0);
    expect(logs).toEqual(['[worker] stopped']);
    vi.advanceTimersByTime(2000);
    expect(exit).toHaveBeenCalledTimes(1);
  });

  it('a step that fails is recorded, never thrown, and makes the exit code 1', async () => {
    const deadline = new ShutdownDeadline('web', 1000, exit);
    expect(await deadline.track('the goodbye', Promise.reject(new Error('Connection is closed.')))).toBe(false);
    deadline.finish();
    expect(exit).toHaveBeenCalledWith(1);
    expect(logs.at(-1)).toBe('[web] stopped without finishing: the goodbye failed (Connection is closed.)');
  });

  it('a step with a limit is given up on after it, and the shutdown goes on', async () => {
    const deadline = new ShutdownDeadline('worker', 10_000, exit);
    const released = deadline.track('1 run(s) to be handed back', never(), 3000);
    vi.advanceTimersByTime(3000);
    expect(await released).toBe(false);
    expect(logs).toContain('[worker] shutdown: gave up waiting for 1 run(s) to be handed back after 3000 ms');
    expect(exit).not.toHaveBeenCalled();
  });

  it('the hard deadline exits 1, naming the steps still waiting and those given up on', () => {
    const deadline = new ShutdownDeadline('worker', 5000, exit);
    void deadline.track('1 run(s) to be handed back', never(), 1000);
    void deadline.track('the queue to close', never());
    vi.advanceTimersByTime(4999);
    expect(exit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);
    expect(logs.at(-1)).toBe(
      '[worker] shutdown took longer than 5000 ms; exiting now without finishing: the queue to close (still waiting); ' +
        'gave up waiting for 1 run(s) to be handed back after 1000 ms',
    );
  });
});
