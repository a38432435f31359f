import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { OPEN_TICKET_STATUSES } from '@shared/contract';
import { chromiumLaunchOptions } from '../support/chromium-path';
import { startWebMode, type WebMode } from '../support/web-mode';

/**
 * The first sync as the engineer sees it: the web-mode host (the sync engine in Node, as in the
 * Electron main process) syncing into the renderer build in Chromium over the WebSocket, with the
 * queue on screen re-reading and re-rendering as pages land. Five processes share the machine:
 * the backend, the host, and Chromium's browser, renderer and storage work.
 */
export interface AppFirstSyncRequest {
  backendUrl: string;
  token: string;
  openTickets: number;
  /** When the backend saw the first /v1/sync request (epoch ms), once it has. */
  firstSyncRequestAt: () => number | null;
}

export interface AppFirstSyncResult {
  /** First /v1/sync request until the page's IndexedDB held every open ticket. */
  openInCacheMs: number;
}

/**
 * In the page: waits (polling every 50 ms) until the cache holds `open` open tickets, and answers
 * the epoch ms it saw them. Plain JavaScript text: the TypeScript loader would wrap named functions
 * in a helper the page does not have. It never creates the database (that is the app's to do, at
 * its own schema version).
 */
const WAIT_FOR_OPEN_TICKETS = `async ({ open, statuses }) => {
  const countOpen = async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'support-agent')) return 0;
    return new Promise((resolve, reject) => {
      const request = indexedDB.open('support-agent');
      request.onerror = () => reject(new Error(String(request.error)));
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('tickets')) { db.close(); return resolve(0); }
        const index = db.transaction('tickets').objectStore('tickets').index('status');
        let total = 0;
        let pending = statuses.length;
        for (const status of statuses) {
          const counted = index.count(IDBKeyRange.only(status));
          counted.onsuccess = () => {
            total += counted.result;
            if (--pending === 0) { db.close(); resolve(total); }
          };
        }
      };
    });
  };
  for (;;) {
    if ((await countOpen()) >= open) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}`;

export async function appFirstSync(request: AppFirstSyncRequest): Promise<AppFirstSyncResult> {
  const root = await mkdtemp(join(tmpdir(), 'app-first-sync-'));
  let web: WebMode | undefined;
  let context: BrowserContext | undefined;
  try {
    web = await startWebMode({ backendUrl: request.backendUrl, token: request.token, dataDir: join(root, 'host') });
    context = await chromium.launchPersistentContext(join(root, 'profile'), { ...chromiumLaunchOptions(), headless: true, timeout: 60_000 });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(web.url, { timeout: 30_000 });
    // A string is evaluated as an expression, so the call and its arguments are part of it.
    const args = JSON.stringify({ open: request.openTickets, statuses: OPEN_TICKET_STATUSES });
    const sawAllAt = await page.evaluate<number>(`(${WAIT_FOR_OPEN_TICKETS})(${args})`);
    const firstRequestAt = request.firstSyncRequestAt();
    if (firstRequestAt === null) throw new Error('the cache filled without a /v1/sync request reaching the backend');
    return { openInCacheMs: sawAllAt - firstRequestAt };
  } finally {
    await context?.close();
    await web?.stop();
    await rm(root, { recursive: true, force: true });
  }
}
