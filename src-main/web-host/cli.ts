import { jsonLineLogger } from '@shared/json-log';
import { parseWebArgs, WEB_USAGE, WebUsageError } from './parse-web-args';

const stderrLog = jsonLineLogger((line) => process.stderr.write(line));

/**
 * `npm run web`: the main-process services in a Node host, the renderer served to a browser on
 * 127.0.0.1. stdout carries exactly one JSON line (the URL to open, secret included) for scripts
 * and tests; everything else goes to stderr.
 */
async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2), process.env);
  if (args.help) {
    process.stdout.write(`${WEB_USAGE}\n`);
    return;
  }
  for (const warning of args.warnings) stderrLog.warn(warning);
  // Loaded only now: the backend and PGlite behind it take seconds to import, and a usage error should not wait.
  const { runWebMode } = await import('./run-web-mode');
  const running = await runWebMode(args, stderrLog);
  process.stdout.write(`${JSON.stringify(running.info)}\n`);
  stderrLog.info('web mode is running', { origin: new URL(running.info.url).origin, demo: running.info.demo, backendUrl: running.info.backendUrl });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second signal means "now".
    if (stopping) process.exit(1);
    stopping = true;
    stderrLog.info('stopping', { signal });
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        stderrLog.error('stopping failed', { error: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof WebUsageError) {
    process.stderr.write(`error: ${error.message}\n\n${WEB_USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
