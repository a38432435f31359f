import { jsonLineLogger, type Logger } from '@shared/json-log';

/** The backend's log: JSON lines on stderr. */
export const stderrLogger: Logger = jsonLineLogger((line) => process.stderr.write(line));
