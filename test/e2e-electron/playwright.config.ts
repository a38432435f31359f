import { defineConfig } from '@playwright/test';

// The desktop app itself, launched through Playwright's Electron driver. Not part of `npm run
// test:e2e` (the web-mode suite): run with `npx playwright test --config test/e2e-electron/playwright.config.ts`
// after `npm run build`. Where the Electron binary is not installed the spec reports itself skipped.
export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/e2e-electron',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 180_000,
});
