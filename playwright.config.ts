import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium-path.ts';
import { webPreview } from './vite.web.config.ts';

const baseURL = `http://${webPreview.host}:${webPreview.port}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: [['list']],
  use: {
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
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [...chromiumArgs],
        },
      },
    },
  ],
  // Serves the production web build (npm run build:web), the same files the
  // web-mode host ships, rather than the dev server.
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --host ${webPreview.host} --port ${webPreview.port} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
