import { chromium, type Browser } from 'playwright-core';

/**
 * The flags this machine's Chromium needs: no sandbox (runs as root in CI), no GPU,
 * and none of the background traffic that a closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts a headless Chromium; the caller closes it. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(
      `Could not start Chromium at ${executablePath} (${detail}). Install it (Debian: apt-get install chromium) or set BROWSER_EXECUTABLE_PATH.`,
      { cause: err },
    );
  }
}
