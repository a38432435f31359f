/** Where a process reports what it cannot answer for in a response: requests, failures, progress. */
export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/**
 * Structured logs: one JSON object per line (`time`, `level`, `msg`, then the details), for a log
 * collector to parse; an error among the details keeps its name, message and stack. `write` is
 * where lines go: the Node processes pass stderr, since stdout belongs to their CLI's single
 * JSON line, which scripts and tests parse.
 */
export function jsonLineLogger(write: (line: string) => void, clock: () => Date = () => new Date()): Logger {
  const at = (level: string) => (message: string, details?: Record<string, unknown>) => write(`${logLine(level, message, details, clock())}\n`);
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

function logLine(level: string, message: string, details: Record<string, unknown> | undefined, time: Date): string {
  return JSON.stringify({ time: time.toISOString(), level, msg: message, ...details }, replaceErrors);
}

function replaceErrors(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}
