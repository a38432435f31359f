import { readJsonFile, writeJsonAtomically } from './atomic-json-file';
import { notifierStateSchema, type NotifierStateStore } from './notifier-state';

/**
 * The notifier's state as a JSON file. An unreadable file is reported and treated as empty: the
 * worst outcome is a notification shown a second time, which beats a notifier that cannot start.
 */
export function fileNotifierStateStore(path: string, warn: (message: string) => void = console.warn): NotifierStateStore {
  return {
    async load() {
      const read = await readJsonFile(path, notifierStateSchema);
      if (read.kind === 'invalid') warn(`Deadline notifications start from an empty index: ${read.message}`);
      return read.kind === 'ok' ? read.value : null;
    },
    save: (state) => writeJsonAtomically(path, state),
  };
}
