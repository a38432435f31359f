import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BackendProcess {
  url: string;
  port: number;
  engineerToken: string;
  adminToken: string;
  child: ChildProcess;
  /** SIGKILL: no graceful shutdown, as a crash or a power cut. */
  kill(): Promise<void>;
}

/** The tokens a start that created the workspace showed on the terminal (stderr), if it did. */
export function shownTokens(stderr: string): { adminToken: string | null; engineerToken: string | null } {
  return {
    adminToken: /^ {2}admin token: (sa_\S+)$/m.exec(stderr)?.[1] ?? null,
    engineerToken: /^ {2}demo engineer token: (sa_\S+)$/m.exec(stderr)?.[1] ?? null,
  };
}

/**
 * The real backend in its own process (`npm run backend`), so tests can kill it mid-sync and start
 * it again on the same data folder and port. A start on existing data shows no token: pass the
 * tokens of the start that created the workspace as `tokens`.
 */
export async function startBackendProcess(args: {
  port?: number;
  dataDir: string;
  seed?: number;
  env?: NodeJS.ProcessEnv;
  tokens?: { engineerToken: string; adminToken: string };
}): Promise<BackendProcess> {
  const argv = ['--import', 'tsx', 'src-backend/cli.ts', '--port', String(args.port ?? 0), '--data', args.dataDir];
  if (args.seed !== undefined) argv.push('--seed', String(args.seed));
  // PGlite in the data folder unless the test names a database: an inherited DATABASE_URL (CI sets
  // one) would point every spec at one shared, already set-up workspace.
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, argv, { cwd: root, env: { ...inherited, ...args.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let head = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    // The banner comes before the JSON line; the tail is for the message of a failed start.
    if (head.length < 20_000) head += chunk.toString('utf8');
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`backend exited with ${String(code)} before it was ready:\n${stderr}`)));
  });
  const info = JSON.parse(line) as { url: string; workspace: 'new' | 'demo' | 'existing' };
  // The banner is on stderr, which may be read after the line on stdout.
  if (info.workspace !== 'existing') await waitUntil(() => shownTokens(head).adminToken !== null);
  const shown = shownTokens(head);
  const engineerToken = shown.engineerToken ?? args.tokens?.engineerToken;
  const adminToken = shown.adminToken ?? args.tokens?.adminToken;
  if (engineerToken === undefined || adminToken === undefined) throw new Error(`the backend showed no demo tokens and none were passed in:\n${stderr}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ...info,
    engineerToken,
    adminToken,
    port: Number(new URL(info.url).port),
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A JSON request to a backend with a bearer token; the reply's status and parsed body (undefined when empty). */
export async function backendApi(backend: Pick<BackendProcess, 'url'>, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${backend.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** Polls `done` for up to 5 s. */
export async function waitUntil(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
}
