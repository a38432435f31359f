import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './test/support/chromium-path.ts';
import { webPreview } from './vite.web.config.ts';

// The preview server gets a port of its own per run, so that several runs at once (engineers on one
// machine, CI) do not collide on a fixed one. Set in the runner's environment, which its workers
// inherit, so every process of the run agrees on it.
process.env['E2E_PREVIEW_PORT'] ??= String(20_000 + Math.floor(Math.random() * 20_000));
const previewPort = Number(process.env['E2E_PREVIEW_PORT']);
const baseURL = `http://${webPreview.host}:${previewPort}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: [['list']],
  use: {
    // Only for specs that open the UI without a backend (page.goto('/')). Specs against web mode
    // start their own host with startWebMode (test/support/web-mode.ts) and open its `url`.
    baseURL,
    trace: 'retain-on-failure',
    // A fixed engineer locale and zone, so local formatting is deterministic on any machine.
    locale: 'en-US',
    timezoneId: 'America/New_York',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // CHROMIUM_PATH, Playwright's own Chromium, or one on PATH (`npm run test:e2e` provides one first).
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  // The production web build (npm run build:web), the same files the web-mode host ships, served
  // without a host: the UI in its cache-only state.
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --host ${webPreview.host} --port ${previewPort} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
