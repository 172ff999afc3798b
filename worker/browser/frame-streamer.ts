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
      await captureAndPublish(cdp, page, opts, caption);
    } catch {
      // Navigation in progress or the page closed: this frame is skipped.
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
