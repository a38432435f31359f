import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { rtMissing } from './rt-template';

/** Installs RT 5 through install-rt.sh (root or sudo, Debian/Ubuntu) when it is missing; exits on failure. */
export function installRtIfMissing(): void {
  if (rtMissing() === null) return;
  const installed = spawnSync(fileURLToPath(new URL('./install-rt.sh', import.meta.url)), { stdio: 'inherit' });
  if (installed.status !== 0) process.exit(1);
}
