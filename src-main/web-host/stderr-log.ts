import type { WebModeLogger } from './run-web-mode';

/** One JSON object per line on stderr, as the backend logs: stdout belongs to the CLI's single JSON line. */
export const stderrLog: WebModeLogger = {
  info: (message, details) => write('info', message, details),
  warn: (message, details) => write('warn', message, details),
  error: (message, details) => write('error', message, details),
};

function write(level: string, msg: string, details?: Record<string, unknown>): void {
  const entry = { time: new Date().toISOString(), level, msg, ...details };
  process.stderr.write(`${JSON.stringify(entry, (_key, value: unknown) => (value instanceof Error ? value.message : value))}\n`);
}
