import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { connectorStatusSchema, healthSchema } from '@shared/contract';
import { firstResponseDue, presets } from '@shared/policy';
import { RtClient } from '../../src-backend/connectors/request-tracker/rt-client';
import { startNodeProgram, type Child } from '../../scripts/rt/child-process';
import { billingCsv, REQUESTERS, STAFF } from '../../scripts/rt/helpdesk-cast';
import { grantHelpdeskRights } from '../../scripts/rt/helpdesk-setup';
import { rtAs, type RtCall } from '../../scripts/rt/rt-as';
import { ensureRtTemplate, readToken } from '../../scripts/rt/rt-template';
import { connectorConfig, setUpWorkspace } from '../../scripts/rt/rt-workspace';
import { startRt, type RunningRt } from '../../scripts/rt/start-rt';
import { rtSkipReason } from '../support/rt-skip';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * The app on a real Request Tracker: a backend process started with `--connector` mirrors RT, the
 * engineer works in Chromium (web mode). Customers and staff write in RT as themselves (REST 2.0
 * with their passwords); what the engineer does in the app goes to RT through the write-back.
 */
if (rtSkipReason !== null) console.warn(`skipping request-tracker.spec.ts: ${rtSkipReason} (RT_REQUIRED=1 makes this a failure)`);
test.describe.configure({ mode: 'serial' });

const repo = fileURLToPath(new URL('../..', import.meta.url));
const customer = REQUESTERS[0] as (typeof REQUESTERS)[number];
// The agent in the app is RT's first staff member (setUpWorkspace); the second answers in RT.
const colleague = STAFF[1] as (typeof STAFF)[number];

let rt: RunningRt;
let rtToken: string;
let folder: string;
let backend: Child;
let backendUrl: string;
let adminToken: string;
let web: WebMode;
let asCustomer: RtCall;
let asColleague: RtCall;

test.beforeAll(async () => {
  if (rtSkipReason !== null) return;
  test.setTimeout(240_000);
  rt = await startRt(await ensureRtTemplate(), { beforeStart: grantHelpdeskRights });
  rtToken = await readToken(rt.tokenFile);
  const root = rtAs(rt.url, { token: rtToken });
  await root('POST', '/user', { Name: customer.email, RealName: customer.name, EmailAddress: customer.email, Password: customer.password });
  await root('POST', '/user', { Name: colleague.login, RealName: colleague.name, EmailAddress: colleague.email, Password: colleague.password, Privileged: 1 });
  asCustomer = rtAs(rt.url, { user: customer.email, password: customer.password });
  asColleague = rtAs(rt.url, { user: colleague.login, password: colleague.password });

  folder = await mkdtemp(join(tmpdir(), 'rt-e2e-'));
  await chmod(folder, 0o700);
  const config = join(folder, 'connector.json');
  await writeFile(config, connectorConfig(rt.url, 500), { mode: 0o600 });
  await writeFile(join(folder, 'rt.token'), rtToken, { mode: 0o600 });
  await mkdir(join(folder, 'backend'), { mode: 0o700 });
  // A new PGlite workspace: the first start shows the admin token on the terminal.
  const { DATABASE_URL: _db, CONNECTOR_CONFIG: _config, RT_TOKEN: _token, ...env } = process.env;
  backend = await startNodeProgram('src-backend/cli.ts', ['--port', '0', '--data', join(folder, 'backend'), '--connector', config], { ...env, RT_TOKEN_FILE: join(folder, 'rt.token') }, repo);
  backendUrl = String(backend.info.url);
  adminToken = /^ {2}admin token: (sa_\S+)$/m.exec(backend.stderr())?.[1] ?? '';
  expect(adminToken, backend.stderr()).toMatch(/^sa_/);
  // Billing first, so the customer's tickets find her account and plan; the agent is RT's first staff member.
  const workspace = await setUpWorkspace(backendUrl, adminToken, billingCsv(new Date()));
  web = await startWebMode({ backendUrl, token: workspace.engineerToken, dataDir: join(folder, 'web') });
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await web?.stop();
  await backend?.stop();
  await rt?.stop();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

test.beforeEach(() => {
  test.skip(rtSkipReason !== null, rtSkipReason ?? '');
  // Each step waits for the mirror (up to a minute on a loaded machine).
  test.setTimeout(120_000);
});

/** A ticket the customer opens in RT herself: its RT id. */
async function customerTicket(subject: string, urgent: boolean): Promise<number> {
  const created = await asCustomer('POST', '/ticket', {
    Queue: 'General', Subject: subject, Requestor: customer.email, Content: `${subject}: since this morning.`, ContentType: 'text/plain',
    CustomFields: { Severity: urgent ? 'high' : 'normal' },
  });
  return created.createdId as number;
}

/** How many transactions of this type in the RT ticket's history carry exactly this text. */
async function countInRt(rtId: number, type: 'Correspond' | 'Comment', body: string): Promise<number> {
  const history = await new RtClient({ baseUrl: rt.url, token: rtToken, maxRequestsPerSecond: 50 }).ticketHistory(rtId, 1, 100);
  if (!history.ok) throw new Error(history.error.message);
  return history.value.items.filter((entry) => entry.Type === type && entry.content?.trim() === body).length;
}

const row = (page: Page, subject: string) => page.getByTestId('queue-row').filter({ hasText: subject });

async function openApp(page: Page): Promise<void> {
  await page.goto(web.url);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
}

async function openTicket(page: Page, subject: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search the queue' }).fill(subject);
  await expect(row(page, subject)).toBeVisible({ timeout: 60_000 });
  await row(page, subject).click();
  await expect(page.getByTestId('ticket-view')).toBeVisible();
}

const stamp = Date.now().toString(36);
const plain = `Invoice export stops at 100 rows ${stamp}`;
const urgent = `Checkout down for every customer ${stamp}`;
let plainId: number;
let urgentId: number;

test('tickets a customer opens in RT appear in the queue with the due instant the policy engine gives for RT\'s Created instant', async ({ page }) => {
  plainId = await customerTicket(plain, false);
  urgentId = await customerTicket(urgent, true);
  await openApp(page);
  const policy = presets.planSla();
  for (const [subject, id, isUrgent] of [[plain, plainId, false], [urgent, urgentId, true]] as const) {
    await expect(row(page, subject)).toBeVisible({ timeout: 60_000 });
    const { Created } = (await rtAs(rt.url, { token: rtToken })('GET', `/ticket/${id}`)).json as { Created: string };
    const due = firstResponseDue(policy, { createdAt: Created, plan: 'platinum', urgent: isUrgent });
    expect(due).not.toBeNull();
    await expect(row(page, subject)).toHaveAttribute('data-urgent', String(isUrgent));
    // The instant the engineer sees on hover, as the backend computed it.
    await expect(row(page, subject).getByTestId('countdown')).toHaveAttribute('title', new RegExp(`\\n${(due as string).replace(/\./g, '\\.')}$`));
  }
  // Operations see the connector this backend runs.
  const health = healthSchema.parse(await (await fetch(`${backendUrl}/v1/health`)).json());
  expect(health.connector).toMatchObject({ status: expect.stringMatching(/^(ok|starting)$/), actionsWaiting: 0 });
  const status = connectorStatusSchema.parse(await (await fetch(`${backendUrl}/v1/admin/connector`, { headers: { Authorization: `Bearer ${adminToken}` } })).json());
  expect(status.configured && status.connectors).toMatchObject([{ helpdesk: 'request-tracker', url: rt.url, lastError: null }]);
});

test('a reply written in the app is one correspondence in RT, and shows once in the app', async ({ page }) => {
  await openApp(page);
  await openTicket(page, plain);
  const body = `Fixed in 4.2.1: the export now pages through every row (${stamp}).`;
  await page.getByRole('textbox', { name: 'Public reply' }).fill(body);
  await page.getByRole('button', { name: 'Send reply' }).click();
  const mine = page.getByTestId('conversation').getByTestId('message').filter({ hasText: body });
  await expect(mine).toHaveAttribute('data-delivery', 'synced', { timeout: 60_000 });
  await expect(page.getByTestId('sla-panel')).toHaveAttribute('data-sla-state', 'met');
  expect(await countInRt(plainId, 'Correspond', body)).toBe(1);
  // Mirror runs after the write-back (every 500 ms) bring RT's ticket back without a second copy.
  await expect.poll(async () => (await fetch(`${backendUrl}/v1/health`).then((r) => r.json()) as { connector?: { lagSeconds: number | null } }).connector?.lagSeconds, { timeout: 30_000 }).toBe(0);
  await page.reload();
  await openTicket(page, plain);
  await expect(page.getByTestId('conversation').getByTestId('message').filter({ hasText: body })).toHaveCount(1);
  expect(await countInRt(plainId, 'Correspond', body)).toBe(1);
});

test('a reply made in RT by a staff member stops the SLA clock in the app', async ({ page }) => {
  await openApp(page);
  await openTicket(page, urgent);
  await expect(page.getByTestId('sla-panel')).toHaveAttribute('data-sla-state', /running|approaching/);
  const body = `We are on it, the payment provider is failing over (${stamp}).`;
  await asColleague('POST', `/ticket/${urgentId}/correspond`, { Content: body, ContentType: 'text/plain' });
  await expect(page.getByTestId('conversation').getByTestId('message').filter({ hasText: body })).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('sla-panel')).toHaveAttribute('data-sla-state', 'met');
});

test('a ticket resolved in RT leaves the queue', async ({ page }) => {
  await openApp(page);
  await expect(row(page, urgent)).toBeVisible({ timeout: 60_000 });
  await asColleague('PUT', `/ticket/${urgentId}`, { Status: 'resolved' });
  await expect(row(page, urgent)).toHaveCount(0, { timeout: 60_000 });
  await expect(row(page, plain)).toBeVisible();
});
