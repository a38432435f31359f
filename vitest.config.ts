import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node. Browser behaviour is covered by the
// Playwright suite in test/e2e, which runs the real UI in Chromium instead.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
  },
});
