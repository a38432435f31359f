/** Where the backend reports requests and what it cannot answer for in a response (bugs, broken streams). */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/**
 * Structured logs: one JSON object per line on stderr (`time`, `level`, `msg`, then the details),
 * for a log collector to parse. stdout belongs to the CLI's single JSON line, which scripts and
 * tests parse.
 */
export const stderrLogger: Logger = {
  info: (message, details) => writeLine('info', message, details),
  warn: (message, details) => writeLine('warn', message, details),
  error: (message, details) => writeLine('error', message, details),
};

export function logLine(level: string, message: string, details?: Record<string, unknown>, time = new Date()): string {
  return JSON.stringify({ time: time.toISOString(), level, msg: message, ...details }, replaceErrors);
}

function writeLine(level: string, message: string, details?: Record<string, unknown>): void {
  process.stderr.write(`${logLine(level, message, details)}\n`);
}

function replaceErrors(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}
