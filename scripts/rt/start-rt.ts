import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readToken, rtPaths, writeSiteConfig, type RtTemplate } from './rt-template';

export interface RunningRt {
  /** The web root: REST 2.0 answers under `${url}/REST/2.0`. */
  url: string;
  /** root's auth token, in a 0600 file. */
  tokenFile: string;
  /** This instance's folder: its database, configuration and mail/ (one file per message RT sent). */
  dir: string;
  /** Stops rt-server (as a crash would) and keeps its data: RT is down until `resume`. */
  halt(): Promise<void>;
  /** Starts rt-server again on the same port and data. */
  resume(): Promise<void>;
  /** Stops rt-server and every process it forked; removes the folder unless asked to keep it. */
  stop(options?: { keep?: boolean }): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, token: string, exited: Promise<string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone: string | null = null;
  void exited.then((why) => (gone = why));
  while (Date.now() < deadline) {
    if (gone !== null) throw new Error(`rt-server exited before it answered: ${gone}`);
    try {
      const response = await fetch(`${url}/REST/2.0/queues/all`, { headers: { Authorization: `token ${token}` }, signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`rt-server did not answer within ${timeoutMs} ms`);
}

interface Server {
  /** SIGKILLs rt-server's process group (it forks workers) and waits until it is gone. */
  kill(): Promise<void>;
}

/** rt-server on the instance's folder and port, once it answers REST 2.0 with the token. */
async function launch(dir: string, port: number, env: NodeJS.ProcessEnv, token: string, timeoutMs: number): Promise<Server> {
  const child = spawn(rtPaths.server, ['--host', '127.0.0.1', '--port', String(port)], { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4_000)));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`${code ?? signal}\n${stderr}`)));
  const kill = async (): Promise<void> => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // The group is already gone.
    }
    await exited;
  };
  try {
    await waitReady(`http://127.0.0.1:${port}`, token, exited, timeoutMs);
  } catch (error) {
    await kill();
    throw error;
  }
  return { kill };
}

/**
 * A throwaway RT on a free loopback port, from a copy of the template's database (~2.5 s).
 * rt-server forks workers, so it runs in a process group of its own and stopping kills the group.
 */
export async function startRt(template: RtTemplate, options: { timeoutMs?: number; beforeStart?: (env: NodeJS.ProcessEnv) => Promise<void> } = {}): Promise<RunningRt> {
  const dir = await mkdtemp(join(tmpdir(), 'support-agent-rt-'));
  const port = await freePort();
  const env = await writeSiteConfig(dir, port);
  await copyFile(template.database, join(dir, 'rt.db'));
  await chmod(join(dir, 'rt.db'), 0o600);
  await options.beforeStart?.(env);
  const token = await readToken(template.tokenFile);
  const timeoutMs = options.timeoutMs ?? 60_000;
  let server: Server | null;
  try {
    server = await launch(dir, port, env, token, timeoutMs);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    tokenFile: template.tokenFile,
    dir,
    async halt() {
      await server?.kill();
      server = null;
    },
    async resume() {
      server ??= await launch(dir, port, env, token, timeoutMs);
    },
    async stop({ keep = false } = {}) {
      await server?.kill();
      server = null;
      if (!keep) await rm(dir, { recursive: true, force: true });
    },
  };
}
