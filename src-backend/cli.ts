import { CliUsageError, parseCliArgs, USAGE } from './cli/parse-cli-args';
import { credentialBanner } from './cli/first-start';
import { startBackend } from './cli/start-backend';
import { stderrLogger } from './http/logger';

/**
 * `npm run backend -- --port 0 --data ./.data/backend --seed 2000`: the reference support center.
 * stdout carries exactly one JSON line (address, database) for scripts and tests to read; logs go
 * to stderr as JSON lines. The start that creates the workspace shows its admin token once on
 * stderr, as plain text outside the log lines.
 */
async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const backend = await startBackend(args, process.env, stderrLogger);
  // Ready for a signal before saying so: a caller may stop the server the moment it reads the line.
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

  // Written straight to the terminal, not through the logger: a credential is never a log line.
  if (backend.credentials !== null) process.stderr.write(credentialBanner(backend.credentials));
  // `workspace`: whether this start created it (`new`, `demo`) and so showed a token, or found it (`existing`).
  const workspace = backend.credentials?.kind === 'demo' ? 'demo' : backend.credentials === null ? 'existing' : 'new';
  process.stdout.write(`${JSON.stringify({ url: backend.url, database: backend.database, workspace })}\n`);
  stderrLogger.info('listening', { url: backend.url, database: backend.database });
}

main().catch((error: unknown) => {
  if (error instanceof CliUsageError) {
    process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
