import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's request-tracker5 packages put RT. */
export const rtPaths = {
  lib: '/usr/share/request-tracker5/lib',
  server: '/usr/share/request-tracker5/libexec/rt-server',
  setupDatabase: '/usr/sbin/rt-setup-database-5',
};

const scriptsDir = fileURLToPath(new URL('.', import.meta.url));

/** Null when RT 5 and its SQLite driver are installed; otherwise what is missing, in one sentence. */
export function rtMissing(): string | null {
  for (const path of Object.values(rtPaths)) {
    if (!existsSync(path)) return `Request Tracker 5 is not installed (no ${path}): run scripts/rt/install-rt.sh as root`;
  }
  return null;
}

/**
 * RT's site configuration for one folder: its SQLite file, its mail capture and caches all live in
 * that folder, and nothing in /etc is read or changed. Passwords and auth tokens are hashed with a
 * low bcrypt cost: the default makes every authenticated request cost 200-300 ms of CPU.
 */
export function siteConfig(dir: string, port: number): string {
  const quoted = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  return [
    `Set($rtname, 'support-agent.test');`,
    `Set($Organization, 'support-agent.test');`,
    `Set($CorrespondAddress, 'rt@support-agent.test');`,
    `Set($CommentAddress, 'rt-comment@support-agent.test');`,
    `Set($DatabaseType, 'SQLite');`,
    `Set($DatabaseName, ${quoted(join(dir, 'rt.db'))});`,
    `Set($WebDomain, '127.0.0.1');`,
    `Set($WebPort, ${port});`,
    `Set($WebPath, '');`,
    `Set($WebBaseURL, 'http://127.0.0.1:${port}');`,
    `Set($Timezone, 'UTC');`,
    `Set($LogToSyslog, undef);`,
    `Set($LogToFile, undef);`,
    `Set($LogToSTDERR, 'error');`,
    `Set($BcryptCost, 4);`,
    `Set($HTMLFormatter, 'core');`,
    `Set($MailCommand, 'sendmailpipe');`,
    `Set($SendmailPath, ${quoted(join(dir, 'capture-mail.sh'))});`,
    `Set($SendmailArguments, '-oi -t');`,
    `Set($MasonDataDir, ${quoted(join(dir, 'mason_data'))});`,
    `Set($MasonSessionDir, ${quoted(join(dir, 'session_data'))});`,
    '1;',
    '',
  ].join('\n');
}

/** Writes the configuration of an RT folder; returns the environment that points RT at it. */
export async function writeSiteConfig(dir: string, port: number): Promise<NodeJS.ProcessEnv> {
  for (const sub of ['RT_SiteConfig.d', 'mason_data', 'session_data']) await mkdir(join(dir, sub), { recursive: true, mode: 0o700 });
  await writeFile(join(dir, 'RT_SiteConfig.pm'), siteConfig(dir, port), { mode: 0o600 });
  await copyFile(join(scriptsDir, 'capture-mail.sh'), join(dir, 'capture-mail.sh'));
  await chmod(join(dir, 'capture-mail.sh'), 0o700);
  return { ...process.env, RT_SITE_CONFIG: join(dir, 'RT_SiteConfig.pm'), RT_SITE_CONFIG_DIR: join(dir, 'RT_SiteConfig.d') };
}

export interface RtTemplate {
  dir: string;
  /** The initialised SQLite database every instance starts from a copy of. */
  database: string;
  /** root's REST 2.0 auth token (0600); valid in every copy of the database. */
  tokenFile: string;
}

function templateOf(dir: string): RtTemplate {
  return { dir, database: join(dir, 'rt.db'), tokenFile: join(dir, 'root.token') };
}

/** The template folder: under the system's temp folder unless RT_TEMPLATE_DIR names one. */
export function defaultTemplateDir(): string {
  return process.env.RT_TEMPLATE_DIR ?? join(tmpdir(), 'support-agent-rt-template');
}

/**
 * The template (built once, ~5 s): RT's schema and initial data in SQLite, root's auth token, and
 * notification scrips disabled. Built in a scratch folder and renamed into place, so suites that
 * start together never see half a template.
 */
export async function ensureRtTemplate(dir = defaultTemplateDir()): Promise<RtTemplate> {
  const template = templateOf(dir);
  if (existsSync(template.tokenFile)) return template;
  const missing = rtMissing();
  if (missing !== null) throw new Error(missing);
  await mkdir(join(dir, '..'), { recursive: true });
  const scratch = await mkdtemp(`${dir}.building-`);
  try {
    const env = await writeSiteConfig(scratch, 80);
    await run(rtPaths.setupDatabase, ['--action', 'init', '--skip-create'], { env });
    const finished = await run('perl', ['-I', rtPaths.lib, join(scriptsDir, 'finish-template.pl')], { env });
    const token = finished.stdout.trim();
    if (!/^\d+-\d+-[0-9a-f]+$/.test(token)) throw new Error('the template script printed no auth token');
    await writeFile(join(scratch, 'root.token'), `${token}\n`, { mode: 0o600 });
    await chmod(join(scratch, 'rt.db'), 0o600);
    await rename(scratch, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished first: its template is as good as this one.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      await rm(scratch, { recursive: true, force: true });
    });
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
  return template;
}

export async function readToken(tokenFile: string): Promise<string> {
  return (await readFile(tokenFile, 'utf8')).trim();
}
