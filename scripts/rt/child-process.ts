import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Child {
  /** The JSON line the program prints on stdout once it serves. */
  info: Record<string, unknown>;
  /** What it wrote on stderr so far (the last 64 KiB). */
  stderr(): string;
  /** SIGTERM (a graceful stop), then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx <script>` from the repository and waits for its one JSON line on
 * stdout (npm run backend and npm run web both print one when they serve).
 */
export async function startNodeProgram(script: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-65_536)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line) as Record<string, unknown>));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it served:\n${stderr.slice(-4_000)}`)));
  });
  return {
    info,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
