/** Where the HTTP layer reports what it cannot answer for in a response (bugs, broken streams). */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/**
 * One line per entry on stderr: stdout belongs to the CLI's single JSON line, which scripts and
 * tests parse.
 */
export const stderrLogger: Logger = {
  info: (message, details) => writeLine('info', message, details),
  warn: (message, details) => writeLine('warn', message, details),
  error: (message, details) => writeLine('error', message, details),
};

function writeLine(level: string, message: string, details?: Record<string, unknown>): void {
  const suffix = details === undefined ? '' : ` ${JSON.stringify(details, replaceErrors)}`;
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}${suffix}\n`);
}

function replaceErrors(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}
