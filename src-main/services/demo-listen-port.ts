import { join } from 'node:path';
import { readOwnerOnlyFile, writeOwnerOnlyFileAtomically } from './owner-only-files';

/**
 * The embedded demo keeps its port in its own folder so its address stays the same from launch to
 * launch, on the desktop and in web mode alike: the agent keys its cache and its notifier's index by
 * workspace id and backend URL, and a new URL each launch would start both afresh every time.
 */
const PORT_FILE_NAME = 'listen-port';

/** The port the demo listened on last time, or null (first launch, or a file that is not a port). */
export async function readDemoPort(dataDir: string, warn: (message: string) => void): Promise<number | null> {
  const content = await readOwnerOnlyFile(join(dataDir, PORT_FILE_NAME));
  if (content === null) return null;
  const text = content.toString('utf8').trim();
  const port = Number(text);
  if (/^\d+$/.test(text) && port >= 1 && port <= 65_535) return port;
  warn(`${join(dataDir, PORT_FILE_NAME)} does not hold a port (${JSON.stringify(text.slice(0, 20))}): the demo takes any free port`);
  return null;
}

/** Remembers the port the demo listens on, owner-only like the rest of the folder. */
export function keepDemoPort(dataDir: string, port: number): Promise<void> {
  return writeOwnerOnlyFileAtomically(join(dataDir, PORT_FILE_NAME), `${port}\n`);
}
