import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentApi } from '@shared/ipc/agent-api';

const root = join(import.meta.dirname, '..', '..');
const mainEntry = join(root, 'out', 'main', 'index.js');

/** Why the desktop app cannot launch here, or null when it can. */
function missingPrerequisite(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return 'the Electron binary is not installed (node_modules/electron/path.txt is missing; `npm start` or `node node_modules/electron/install.js` downloads it)';
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return `the Electron binary is not installed (${binary} is missing)`;
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return 'there is no graphical display (set DISPLAY, e.g. run under xvfb-run)';
  if (!existsSync(mainEntry)) return 'the app is not built: run `npm run build` first';
  return null;
}

const skipReason = missingPrerequisite();
if (skipReason !== null) console.log(`e2e-electron smoke: skipped because ${skipReason}`);

test.describe('desktop app smoke', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'support-agent-electron-'));
    // A fresh profile: nothing configured, so the embedded demo workspace starts (first launch).
    app = await electron.launch({ args: [mainEntry, `--user-data-dir=${userData}`], cwd: root, env: { ...process.env, XDG_CONFIG_HOME: userData } });
    // Record native notifications as they are shown, so the test can click one like the engineer would.
    await app.evaluate(({ Notification }) => {
      const shown: unknown[] = [];
      (globalThis as { shownNotifications?: unknown[] }).shownNotifications = shown;
      const show = Notification.prototype.show;
      Notification.prototype.show = function recordAndShow(this: InstanceType<typeof Notification>) {
        shown.push(this);
        return show.call(this);
      };
    });
  });

  test.afterAll(async () => {
    // The last test quits the app itself; closing an app that is gone is not an error here.
    await app?.close().catch(() => undefined);
    await rm(userData, { recursive: true, force: true });
  });

  test('launches on the demo workspace, fills the queue, and a notification click opens its ticket', async () => {
    const window = await app.firstWindow();
    await expect(window.locator('#root')).toHaveAttribute('data-app-state', 'ready', { timeout: 60_000 });
    await expect(window.getByTestId('demo-badge')).toBeVisible({ timeout: 60_000 });
    await expect(window.getByTestId('queue-row').first()).toBeVisible({ timeout: 120_000 });

    // The demo workspace has overdue tickets: the first sync produces a deadline notification.
    await expect.poll(() => app.evaluate(() => ((globalThis as { shownNotifications?: unknown[] }).shownNotifications ?? []).length), { timeout: 60_000 }).toBeGreaterThan(0);
    const notified = await app.evaluate(() => {
      const [first] = (globalThis as { shownNotifications?: { title: string; body: string; emit(event: string): void }[] }).shownNotifications ?? [];
      first?.emit('click');
      return first === undefined ? '' : `${first.title}\n${first.body}`;
    });
    // The ticket the notification names first (a single ticket in its title, a burst's most urgent
    // on the first listed line) is the one its click opens.
    const number = /#(\d+)/.exec(notified)?.[1];
    expect(number, `no ticket number in the notification: ${notified}`).toBeDefined();
    await expect(window.getByTestId('ticket-view').locator('.ticket-number')).toHaveText(`#${number}`, { timeout: 10_000 });
  });

  test('closing the window hides it and the app keeps running; opening shows the same window; Quit quits', async () => {
    const window = await app.firstWindow();
    const state = () =>
      app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => ({ id: w.id, visible: w.isVisible(), destroyed: w.isDestroyed() })));
    const [before] = await state();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await expect.poll(state).toEqual([{ id: before?.id, visible: false, destroyed: false }]);
    // Hidden, the window still keeps the cache: a sync run through it ends up to date, not in error.
    const syncAgain = () =>
      window.evaluate(async () => {
        const agent = (globalThis as unknown as { agent: AgentApi }).agent;
        await agent.syncNow();
        return agent.syncStatus();
      });
    await expect.poll(syncAgain, { timeout: 30_000 }).toMatchObject({ ok: true, value: { kind: 'idle' } });

    // What the tray's Open, the dock and a second launch do.
    await app.evaluate(({ app: electronApp }) => electronApp.emit('second-instance'));
    await expect.poll(state).toEqual([{ id: before?.id, visible: true, destroyed: false }]);
    await expect(window.getByTestId('queue-row').first()).toBeAttached();

    const exited = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await exited;
  });
});
