import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface WebMode {
  /** The address to open, this launch's secret included. */
  url: string;
  port: number;
  /** The page origin (url without the fragment). */
  origin: string;
  /** This launch's secret (the url's fragment). */
  secret: string;
  demo: boolean;
  backendUrl: string;
  child: ChildProcess;
  /** The last few kilobytes the host wrote on stderr. */
  stderr(): string;
  /** SIGTERM and wait: sockets closed, services stopped. */
  stop(): Promise<void>;
  /** SIGKILL: the host vanishes as in a crash. */
  kill(): Promise<void>;
}

/**
 * The real web-mode host (`npm run web`) in its own process: with `backendUrl` and `token` it syncs
 * with that backend, without them it starts the embedded demo workspace. Needs the renderer build
 * (`npm run build:web`; the host builds it when it is missing).
 */
export async function startWebMode(args: {
  backendUrl?: string;
  token?: string;
  dataDir: string;
  port?: number;
  /** Keep this secret (e.g. `mode.secret` of an earlier launch on the same port), so open tabs reconnect. */
  secret?: string;
  env?: NodeJS.ProcessEnv;
  /** More arguments for the command line (e.g. `--token-file <path>`). */
  args?: string[];
}): Promise<WebMode> {
  const argv = ['--import', 'tsx', 'src-main/web-host/cli.ts', '--port', String(args.port ?? 0), '--data', args.dataDir, ...(args.args ?? [])];
  if (args.backendUrl !== undefined) argv.push('--backend', args.backendUrl);
  // Through the environment, not argv: the token stays out of the process list.
  const env: NodeJS.ProcessEnv = { ...process.env, ...args.env };
  if (args.token !== undefined) env.SUPPORT_AGENT_TOKEN = args.token;
  if (args.secret !== undefined) env.SUPPORT_AGENT_WEB_SECRET = args.secret;
  const child = spawn(process.execPath, argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
    if (process.env['WEB_MODE_LOG']) process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`web mode exited with ${String(code)} before it was ready:\n${stderr}`)));
  });
  const info = JSON.parse(line) as { url: string; port: number; demo: boolean; backendUrl: string };
  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const url = new URL(info.url);
  const secret = new URLSearchParams(url.hash.slice(1)).get('secret') ?? '';
  return { ...info, origin: url.origin, secret, child, stderr: () => stderr, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}
