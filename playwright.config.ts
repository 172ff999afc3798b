import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * End-to-end tests in Debian's Chromium against the real app: `npm run dev` starts
 * the web server and a worker, and a redis-server of its own on E2E_REDIS_PORT.
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] } },
    // At a phone's size, the pages are captured and the first page checked; the flows run once, on desktop.
    { name: 'phone', use: { ...devices['Pixel 7'] }, testMatch: /(screens|home)\.spec\.ts/ },
  ],
  webServer: {
    command: 'npx tsx scripts/launch.ts dev',
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      REDIS_URL: `redis://127.0.0.1:${process.env.E2E_REDIS_PORT ?? 6391}`,
      KEY_PREFIX: 'e2e',
      AGENT_STEP_DELAY_MS: '20',
      // A database of the suite's own, so a developer's .data/ is never touched.
      PGLITE_DATA_DIR: '.tmp/e2e-pglite',
      DATABASE_URL: '',
    },
  },
});
