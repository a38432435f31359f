import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { rtPaths } from './rt-template';

const run = promisify(execFile);
const scriptsDir = fileURLToPath(new URL('.', import.meta.url));

/** Before rt-server starts (it caches rights): customers and staff get a working helpdesk's rights. */
export async function grantHelpdeskRights(env: NodeJS.ProcessEnv): Promise<void> {
  await run('perl', ['-I', rtPaths.lib, join(scriptsDir, 'grant-helpdesk-rights.pl')], { env });
}

/** Where each ticket's transactions belong in time: from transaction `from` on (0: its first), `at`. */
export interface TicketTimeline {
  ticket: number;
  anchors: Array<{ from: number; at: string }>;
}

/** Moves the filled tickets' history into the past (REST 2.0 stamps everything "now"). */
export function backdateTickets(rtDir: string, timelines: readonly TicketTimeline[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('perl', [join(scriptsDir, 'backdate-tickets.pl'), join(rtDir, 'rt.db')], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`backdate-tickets.pl failed (${code}): ${stderr}`))));
    child.stdin.end(JSON.stringify(timelines));
  });
}
