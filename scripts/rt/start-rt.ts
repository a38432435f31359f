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
  const child = spawn(rtPaths.server, ['--host', '127.0.0.1', '--port', String(port)], { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4_000)));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`${code ?? signal}\n${stderr}`)));
  const killGroup = () => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, await readToken(template.tokenFile), exited, options.timeoutMs ?? 60_000);
  } catch (error) {
    killGroup();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    tokenFile: template.tokenFile,
    dir,
    async stop({ keep = false } = {}) {
      killGroup();
      await exited;
      if (!keep) await rm(dir, { recursive: true, force: true });
    },
  };
}
