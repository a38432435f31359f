import { installRtIfMissing } from './install-if-missing';
import { ensureRtTemplate } from './rt-template';
import { startRt } from './start-rt';

/**
 * `npm run rt`: installs Request Tracker 5 when it is missing, builds the template once and runs a
 * throwaway RT on a free loopback port until Ctrl-C, which removes it again.
 */
installRtIfMissing();
const rt = await startRt(await ensureRtTemplate());
console.log(`RT 5 is running at ${rt.url} (REST 2.0: ${rt.url}/REST/2.0)`);
console.log(`root's auth token is in ${rt.tokenFile}; the web UI takes root / password`);
console.log(`mail RT sends lands in ${rt.dir}/mail; Ctrl-C stops RT and removes ${rt.dir}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void rt.stop().then(() => process.exit(0)));
}
