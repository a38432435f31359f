import type { AddressInfo } from 'node:net';
import { describe } from 'vitest';
import type { ConfiguredHelpdesk } from '../../../src-backend/connectors/connector-status';
import { createSupportCenter } from '../../../src-backend/create-support-center';
import type { Database } from '../../../src-backend/db/database';
import { createHttpServer, type HttpServerOptions } from '../../../src-backend/http/create-http-server';
import { closeHttpServer } from '../../../src-backend/http/server-lifecycle';
import type { SupportCenter } from '../../../src-backend/support-center';
import { createSmallWorkspace, type SmallWorkspace } from '../../fixtures/small-workspace';
import { testDatabaseTargets, type TestDatabaseTarget } from '../../fixtures/test-databases';

export interface TestServer {
  url: string;
  tokens: SmallWorkspace['tokens'];
  center: SupportCenter;
  db: Database;
  server: ReturnType<typeof createHttpServer>;
  stop(): Promise<void>;
}

/**
 * Runs `suite` once per database the backend supports: embedded PGlite, and the PostgreSQL server
 * of DATABASE_URL (skipped, with the reason printed, where it is not set). On a shared server the
 * sync horizon is cluster-wide, so a test that waits for its own change to sync polls, bounded.
 */
export function forEachDatabase(name: string, suite: (target: TestDatabaseTarget) => void): void {
  for (const target of testDatabaseTargets) {
    if (target.skipReason !== null) console.warn(`${name} on ${target.name} skipped: ${target.skipReason}`);
    describe.skipIf(target.skipReason !== null)(`${name} on ${target.name}`, () => suite(target));
  }
}

/** The real center on `target` (in-memory PGlite by default) behind the real HTTP server, on a free port. */
export async function startTestServer(
  options: HttpServerOptions & { target?: TestDatabaseTarget; clock?: () => Date; helpdesk?: ConfiguredHelpdesk } = {},
): Promise<TestServer> {
  const { target = testDatabaseTargets[0] as TestDatabaseTarget, clock, helpdesk, ...serverOptions } = options;
  const { db, drop } = await target.open();
  const workspace = await createSmallWorkspace(db);
  const center = await createSupportCenter(db, { loginDetailKey: workspace.loginDetailKey, retentionIntervalMs: 0, clock, helpdesk });
  const server = createHttpServer(center, { logger: quietLogger, ...serverOptions });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tokens: workspace.tokens,
    center,
    db,
    server,
    async stop() {
      await closeHttpServer(server, { graceMs: 1_000 });
      await center.close();
      await db.close();
      await drop();
    },
  };
}

/** Errors a test provokes on purpose would only clutter the output; the 500 test counts them. */
export const loggedErrors: unknown[] = [];
export const quietLogger = {
  info() {},
  warn() {},
  error(message: string, details?: Record<string, unknown>) {
    loggedErrors.push({ message, ...details });
  },
};

/** `fetch` with a bearer token and JSON in and out. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text === '' ? undefined : JSON.parse(text) };
}

export interface ServerSentEvent {
  event: string;
  data: string;
}

/** Reads server-sent events off a fetch response, one parsed event per `next()`; comments as `:`. */
export function eventReader(response: Response): { next(timeoutMs?: number): Promise<ServerSentEvent>; cancel(): Promise<void> } {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: ServerSentEvent[] = [];
  const parseBlocks = () => {
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: ServerSentEvent = { event: 'message', data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) event.event = ':';
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('data: ')) event.data += line.slice(6);
        else if (line.startsWith('retry: ')) Object.assign(event, { event: 'retry', data: line.slice(7) });
      }
      queue.push(event);
    }
  };
  // One read in flight at a time: a read abandoned by a timeout is picked up by the next call.
  let pending: Promise<ReadableStreamReadResult<string>> | null = null;
  return {
    async next(timeoutMs = 5_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        while (queue.length === 0) {
          pending ??= reader.read();
          const chunk = await Promise.race([pending, timeout]);
          pending = null;
          if (chunk.done) throw new Error('stream ended');
          buffer += chunk.value;
          parseBlocks();
        }
      } finally {
        clearTimeout(timer);
      }
      return queue.shift() as ServerSentEvent;
    },
    cancel: () => reader.cancel(),
  };
}
