import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * Every view through axe-core, in the light and the dark theme, against web mode on its embedded
 * demo workspace (so the Demo badge shows too). Any violation fails, whatever its impact: colour
 * contrast, keyboard reach, names, heading order, landmarks.
 */

// In order on one worker, sharing one host; a failing view does not skip the others.
test.describe.configure({ mode: 'default' });
test.setTimeout(120_000);

let root: string;
let web: WebMode;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = await mkdtemp(join(tmpdir(), 'e2e-accessibility-'));
  web = await startWebMode({ dataDir: root });
});

test.afterAll(async () => {
  await web?.stop();
  await rm(root, { recursive: true, force: true });
});

type Theme = 'light' | 'dark';

/** Opens the app in `theme` with the demo synced and the queue on screen. */
async function openApp(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript((choice) => localStorage.setItem('support-agent.theme', choice), theme);
  await page.goto(web.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect(page.getByTestId('sync-status')).toHaveText(/^Up to date/, { timeout: 90_000 });
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
}

async function showView(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: label, exact: true }).click();
}

/** How each view is brought on screen with content in it. */
const views: Record<string, (page: Page) => Promise<void>> = {
  queue: async () => undefined,
  ticket: async (page) => {
    await page.getByTestId('queue-row').first().click();
    await expect(page.getByTestId('ticket-view')).toBeVisible();
    await expect(page.getByTestId('conversation')).toBeVisible();
  },
  accounts: async (page) => {
    await showView(page, 'Accounts');
    await page.getByTestId('account-row').first().click();
    await expect(page.getByTestId('account-detail')).toBeVisible();
  },
  search: async (page) => {
    await showView(page, 'Search');
    await expect(page.getByTestId('search-index-status')).toHaveAttribute('data-index-state', 'ready', { timeout: 60_000 });
    await page.getByLabel('Search subjects and messages').fill('account');
    await expect(page.getByTestId('search-result').first()).toBeVisible();
  },
  reports: async (page) => {
    await showView(page, 'Reports');
    await expect(page.locator('[data-testid="report-attainment"] .recharts-bar-rectangle').first()).toBeVisible({ timeout: 30_000 });
  },
  settings: async (page) => {
    await showView(page, 'Settings');
    await expect(page.getByTestId('workspace-policy').first()).toBeVisible();
  },
};

/** One line per violation, naming the rule, its impact and where, so a failure reads at once. */
async function violations(page: Page): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map((v) => `${v.id} (${v.impact ?? 'no impact'}), ${v.nodes.length} node(s): ${v.nodes.slice(0, 6).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  for (const [view, show] of Object.entries(views)) {
    test(`${view} view, ${theme} theme: no accessibility violation`, async ({ page }) => {
      await openApp(page, theme);
      await show(page);
      expect(await violations(page)).toEqual([]);
    });
  }
}
