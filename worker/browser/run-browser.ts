import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './chromium';

/**
 * One Chromium per worker process, started on first use and restarted if it dies;
 * each run gets its own context (cookies, pages), closed when the run ends or stops.
 */
let shared: Promise<Browser> | null = null;

function browser(executablePath: string): Promise<Browser> {
  if (!shared) {
    const starting = launchChromium(executablePath);
    shared = starting;
    starting.then(
      (b) => b.on('disconnected', () => {
        if (shared === starting) shared = null;
      }),
      () => {
        if (shared === starting) shared = null; // the next run tries again
      },
    );
  }
  return shared;
}

export interface RunBrowser {
  /** The run's context, created on first call. */
  context(): Promise<BrowserContext>;
  /** Closes the run's context (and every page in it); safe to call more than once. */
  close(): Promise<void>;
}

export function runBrowser(executablePath: string, signal: AbortSignal): RunBrowser {
  let context: Promise<BrowserContext> | null = null;
  const close = async () => {
    const open = context;
    context = null;
    if (open) await open.then((c) => c.close()).catch(() => undefined);
  };
  // A stop closes the pages at once, so whatever the applier awaits fails fast.
  signal.addEventListener('abort', () => void close(), { once: true });
  return {
    context() {
      signal.throwIfAborted();
      context ??= browser(executablePath).then((b) =>
        b.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', acceptDownloads: false }),
      );
      return context;
    },
    close,
  };
}

export async function closeAllBrowsers(): Promise<void> {
  const open = shared;
  shared = null;
  if (open) await open.then((b) => b.close()).catch(() => undefined);
}
