// `npm run test:e2e`: a Chromium first (found, downloaded or installed; one sentence naming the
// command to run when none can be had), then the web build, then the Playwright tests. Arguments go
// to `playwright test` (e.g. `npm run test:e2e -- test/e2e/queue.spec.ts`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { machineSteps, provisionChromium } from '../test/support/chromium-provision';

const chromium = provisionChromium(machineSteps());
if (!chromium.ok) {
  console.error(chromium.sentence);
  process.exit(1);
}
const where = { CHROMIUM_PATH: 'CHROMIUM_PATH', playwright: "Playwright's own", system: 'system' }[chromium.chromium.source];
console.log(`e2e: Chromium (${where}): ${chromium.chromium.path}`);
// Playwright's own is launched without a path; any other is handed to the runner and its workers,
// as discovery there might not see it (a package installed just now outside PATH).
const env = chromium.chromium.source === 'playwright' ? process.env : { ...process.env, CHROMIUM_PATH: chromium.chromium.path };

run('npm', ['run', 'build:web']);
run(process.execPath, [createRequire(import.meta.url).resolve('@playwright/test/cli'), 'test', ...process.argv.slice(2)]);

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
