import type { Logger } from '@shared/json-log';
import type { Database } from '../db/database';
import { seedDemoData } from '../demo/seed-demo-data';
import { setUpWorkspace, workspaceIsEmpty } from '../domain/workspace-setup';

/** What a start that created the workspace shows on the terminal, once; null on any later start. */
export type StartCredentials = { kind: 'workspace'; adminToken: string } | { kind: 'demo'; adminToken: string; demoEngineerToken: string };

/**
 * An empty database gets a workspace: the demo's when `seed` asks for one, otherwise the policy
 * presets and one admin token. A database that holds a workspace is left as it is: tokens are
 * stored hashed, and this start issues none (`npm run admin -- tokens issue` does).
 */
export async function prepareWorkspace(db: Database, options: { seed: number | null; loginDetailKey: Buffer; logger: Logger }): Promise<StartCredentials | null> {
  if (options.seed !== null && (await workspaceIsEmpty(db))) {
    const started = Date.now();
    const seeded = await seedDemoData(db, { tickets: options.seed, loginDetailKey: options.loginDetailKey, now: new Date() });
    options.logger.info('seeded the demo workspace', { tickets: options.seed, ms: Date.now() - started });
    return { kind: 'demo', adminToken: seeded.adminToken, demoEngineerToken: seeded.engineerToken };
  }
  if (options.seed !== null) options.logger.info('the database already holds a workspace: not seeding');
  const adminToken = await db.transaction(setUpWorkspace);
  if (adminToken === null) return null;
  options.logger.info('set up a new workspace: the policy presets are installed and an admin token was shown on the terminal');
  return { kind: 'workspace', adminToken };
}

/**
 * The credentials as the terminal shows them: plain text, never a log line, so that log collectors
 * reading JSON lines do not keep it. Tests read the `admin token:` line.
 */
export function credentialBanner(credentials: StartCredentials): string {
  const rule = '-'.repeat(72);
  const lines =
    credentials.kind === 'demo'
      ? [
          'DEMO workspace (generated data). Shown once: only their hashes are stored.',
          `  admin token: ${credentials.adminToken}`,
          `  demo engineer token: ${credentials.demoEngineerToken}`,
        ]
      : [
          'New workspace. Its admin token is shown this once: only its hash is stored. Keep it safe.',
          `  admin token: ${credentials.adminToken}`,
          'Next: npm run admin -- engineers add --name "<name>" --email <address>',
          '      npm run admin -- sign-in-codes issue --engineer <id>   (the engineer types the code into the app)',
        ];
  return `${rule}\n${lines.join('\n')}\n${rule}\n`;
}
