import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeProgram, type Child } from './child-process';
import { fillRt } from './fill-rt';
import { billingCsv, REQUESTERS, STAFF } from './helpdesk-cast';
import { grantHelpdeskRights } from './helpdesk-setup';
import { installRtIfMissing } from './install-if-missing';
import { ensureRtTemplate, readToken } from './rt-template';
import { startRt } from './start-rt';
import { connectorConfig, setUpWorkspace, type Workspace } from './rt-workspace';

/**
 * `npm run rt-demo`: the support center on a real Request Tracker in one command. A throwaway RT
 * with staff, customers and 40 tickets; a backend on a fresh PGlite folder that knows the
 * customers' plans (billing import) and RT's staff as engineers, mirroring RT through the
 * connector; web mode signed in as the first engineer. Ctrl-C stops everything and removes every
 * folder it made. Secrets (tokens) only ever go to 0600 files in its own 0700 folder.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const stops: Array<() => Promise<void>> = [];
const say = (line: string) => process.stdout.write(`${line}\n`);

async function stopAll(): Promise<void> {
  for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
}

async function secretFile(path: string, text: string): Promise<string> {
  await writeFile(path, `${text}\n`, { mode: 0o600 });
  return path;
}

/** Without DATABASE_URL (the demo's own PGlite folder) and without a connector from the caller's shell. */
function backendEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, CONNECTOR_CONFIG: _config, RT_TOKEN: _rt, ...env } = process.env;
  return { ...env, ...extra };
}

async function startBackend(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Child> {
  const backend = await startNodeProgram('src-backend/cli.ts', ['--port', '0', ...args], env, repo);
  stops.push(() => backend.stop());
  return backend;
}

async function main(): Promise<void> {
  installRtIfMissing();
  const folder = await mkdtemp(join(tmpdir(), 'support-agent-rt-demo-'));
  await chmod(folder, 0o700);
  stops.push(() => rm(folder, { recursive: true, force: true }));
  say('starting Request Tracker…');
  const rt = await startRt(await ensureRtTemplate(), { beforeStart: grantHelpdeskRights });
  stops.push(() => rt.stop());
  say(`filling ${rt.url} with staff, customers and tickets (a minute or two)…`);
  const filled = await fillRt({ url: rt.url, dir: rt.dir, token: await readToken(rt.tokenFile) });
  say(`  ${filled.tickets} tickets (${filled.urgent} urgent), ${filled.replies} answered, ${filled.resolved} resolved`);

  const dataDir = join(folder, 'backend');
  await mkdir(dataDir, { mode: 0o700 });
  say('setting up the workspace: billing import, engineers…');
  const first = await startBackend(['--data', dataDir], backendEnv());
  const adminToken = /^ {2}admin token: (sa_\S+)$/m.exec(first.stderr())?.[1];
  if (adminToken === undefined) throw new Error('the first start of the backend showed no admin token');
  const workspace = await setUpWorkspace(String(first.info.url), adminToken, billingCsv(new Date()));
  await first.stop();

  say('starting the backend with the connector, and web mode…');
  const configFile = join(folder, 'connector.json');
  await writeFile(configFile, connectorConfig(rt.url), { mode: 0o600 });
  const rtTokenFile = await secretFile(join(folder, 'rt.token'), await readToken(rt.tokenFile));
  const backend = await startBackend(['--data', dataDir, '--connector', configFile], backendEnv({ RT_TOKEN_FILE: rtTokenFile }));
  const backendUrl = String(backend.info.url);
  const engineerTokenFile = await secretFile(join(folder, 'engineer.token'), workspace.engineerToken);
  const adminTokenFile = await secretFile(join(folder, 'admin.token'), workspace.adminToken);
  const web = await startNodeProgram('src-main/web-host/cli.ts', ['--backend', backendUrl, '--token-file', engineerTokenFile, '--port', '0', '--data', join(folder, 'web')], backendEnv(), repo);
  stops.push(() => web.stop());
  printWelcome({ webUrl: String(web.info.url), backendUrl, rtUrl: rt.url, adminTokenFile, workspace, folder, rtDir: rt.dir });
}

function printWelcome(d: { webUrl: string; backendUrl: string; rtUrl: string; adminTokenFile: string; workspace: Workspace; folder: string; rtDir: string }): void {
  const [first] = STAFF;
  const customer = REQUESTERS[0];
  say('');
  say('The support center runs on Request Tracker.');
  say(`  Open ${d.webUrl}`);
  say(`    signed in as ${first?.name}; the queue fills as the connector mirrors RT`);
  for (const { name, code } of d.workspace.codes) say(`  Sign-in code for ${name}: ${code.code} (backend ${d.backendUrl}; for the desktop app, npm start, Settings; until ${code.expiresAt})`);
  say(`  RT: ${d.rtUrl}  staff ${STAFF.map((s) => s.login).join(', ')} / ${first?.password}; customers e.g. ${customer?.email} / ${customer?.password}; root / password`);
  say(`  Connector: npm run admin -- connector status --backend ${d.backendUrl} --token-file ${d.adminTokenFile}`);
  say(`Ctrl-C stops everything and removes ${d.folder} and ${d.rtDir}.`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say('\nstopping…');
    void stopAll().then(() => process.exit(0));
  });
}
main().catch(async (error: unknown) => {
  console.error(`rt-demo: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
});
