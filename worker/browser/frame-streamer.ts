import type { CDPSession, Page } from 'playwright-core';
import type { LiveFrame } from '~/shared/frames';

export interface LiveViewOptions {
  runId: string;
  fps: number;
  jpegQuality: number;
  /** Numbers frames across every page of the run. */
  nextFrameNumber: () => number;
  publish: (frame: LiveFrame) => Promise<void>;
}

/** A capture that takes longer than this is abandoned, so one lost capture cannot stop the stream. */
const CAPTURE_TIMEOUT_MS = 1500;

/** The user's live view of one page: frames at a steady rate, captioned with the latest action. */
export interface LiveView {
  narrate(caption: string): void;
  stop(): Promise<void>;
}

/**
 * Captures the page at a fixed rate through the DevTools protocol (cheaper than
 * page.screenshot, and it does not wait for fonts or animations). A capture that
 * is still running when the next tick comes makes that tick skip, so a slow page
 * lowers the rate instead of queueing work.
 */
export async function streamPage(page: Page, opts: LiveViewOptions): Promise<LiveView> {
  const cdp = await page.context().newCDPSession(page);
  let caption = 'Opening the browser';
  let busy = false;
  let stopped = false;
  const tick = async () => {
    if (busy || stopped || page.isClosed()) return;
    busy = true;
    try {
      await withinMs(captureAndPublish(cdp, page, opts, caption), CAPTURE_TIMEOUT_MS);
    } catch {
      // Navigation in progress, the page closed, or a capture that never came back
      // (Chromium drops one when the page is swapped mid-navigation): skip this frame.
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), Math.round(1000 / opts.fps));
  void tick();
  return {
    narrate: (text) => (caption = text.slice(0, 300)),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await cdp.detach().catch(() => undefined);
    },
  };
}

async function captureAndPublish(cdp: CDPSession, page: Page, opts: LiveViewOptions, caption: string): Promise<void> {
  const shot = await cdp.send('Page.captureScreenshot', { format: 'jpeg', quality: opts.jpegQuality });
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await opts.publish({
    runId: opts.runId,
    frame: opts.nextFrameNumber(),
    capturedAt: new Date().toISOString(),
    caption,
    screenshot: shot.data,
    format: 'jpeg',
    width: size.width,
    height: size.height,
  });
}

function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no frame within ${ms} ms`)), ms);
  });
  work.catch(() => undefined); // an abandoned capture may still fail later
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
