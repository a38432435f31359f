import { CliUsageError, parseCliArgs, USAGE } from './cli/parse-cli-args';
import { startBackend } from './cli/start-backend';
import { stderrLogger } from './http/logger';

/**
 * `npm run backend -- --port 0 --data ./.data/backend --seed 2000`: the reference support center.
 * stdout carries exactly one JSON line (address, demo tokens, database) for scripts and tests to
 * read; everything else goes to stderr.
 */
async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const backend = await startBackend(args, process.env, stderrLogger);
  const { engineerToken, adminToken } = backend.tokens;
  process.stdout.write(`${JSON.stringify({ url: backend.url, engineerToken, adminToken, database: backend.database })}\n`);
  stderrLogger.info('listening', { url: backend.url, database: backend.database });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means "now": do not wait for requests in flight.
    if (stopping) process.exit(1);
    stopping = true;
    stderrLogger.info('stopping', { signal });
    backend.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        stderrLogger.error('stopping failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof CliUsageError) {
    process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
