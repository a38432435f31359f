import { expect, test } from '@playwright/test';

// Exact instants from POLICY.md Preset A (America/New_York business calendar,
// Mon-Fri 09:00-17:00, US holidays). Each row crosses one calendar edge.
const expectedDue = [
  // Silver, Tuesday 18:30 EST: end of the next business day, Wednesday 17:00 EST.
  { ticket: 'T-1042', dueAt: '2026-11-25T22:00:00.000Z' },
  // Gold, the day after Thanksgiving (a holiday): Monday 09:00 EST + 4 h.
  { ticket: 'T-1043', dueAt: '2026-11-30T18:00:00.000Z' },
  // Platinum, Friday 16:30 EST: 30 min Friday + 30 min Monday, now EDT after DST.
  { ticket: 'T-1044', dueAt: '2026-03-09T13:30:00.000Z' },
  // Silver urgent, Wednesday 16:00 EST before Christmas: 1 h Wednesday, Christmas
  // Eve and Day are holidays, then the weekend: 1 h more on Monday 28 Dec.
  { ticket: 'T-1045', dueAt: '2026-12-28T15:00:00.000Z' },
  // Gold urgent, Saturday 4 July (a holiday on a weekend, not moved): Monday 09:00 EDT + 2 h.
  { ticket: 'T-1046', dueAt: '2026-07-06T15:00:00.000Z' },
] as const;

test('SLA preview shows the policy engine’s first-response due instants', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  await page.goto('/');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page).toHaveTitle('Support Agent');
  await expect(page.getByRole('heading', { name: 'SLA preview' })).toBeVisible();

  for (const { ticket, dueAt } of expectedDue) {
    const row = page.locator(`tr[data-ticket-id="${ticket}"]`);
    await expect(row.getByTestId('due-at'), `due instant of ${ticket}`).toHaveText(dueAt);
  }
  await expect(page.getByTestId('due-at')).toHaveCount(expectedDue.length);

  // Next to the exact instant, the engineer's own time (America/New_York in playwright.config.ts).
  const silverRow = page.locator('tr[data-ticket-id="T-1042"]');
  await expect(silverRow.locator('.due-local')).toHaveText(/^Wed, Nov 25, 2026, 0?5:00\sPM\sEST$/);

  // The strict CSP of the production build must not block anything the page needs.
  expect(consoleErrors).toEqual([]);

  await page.screenshot({ path: 'docs/screenshots/sla-preview.png', fullPage: true });
});
