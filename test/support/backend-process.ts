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

/**
 * The real backend in its own process (`npm run backend`), so tests can kill it mid-sync and start
 * it again on the same data folder and port.
 */
export async function startBackendProcess(args: { port?: number; dataDir: string; seed?: number; env?: NodeJS.ProcessEnv }): Promise<BackendProcess> {
  const argv = ['--import', 'tsx', 'src-backend/cli.ts', '--port', String(args.port ?? 0), '--data', args.dataDir];
  if (args.seed !== undefined) argv.push('--seed', String(args.seed));
  const child = spawn(process.execPath, argv, { cwd: root, env: { ...process.env, ...args.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`backend exited with ${String(code)} before it was ready:\n${stderr}`)));
  });
  const info = JSON.parse(line) as { url: string; engineerToken: string; adminToken: string };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ...info,
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
