import { engineerSettingsSchema } from '@shared/ipc/workspace-settings';
import { readJsonFile, writeJsonAtomically } from './deadline-notifier/atomic-json-file';
import type { SettingsStore } from './settings-store';

/**
 * The engineer's settings as a JSON file (Electron: in userData; web mode: in the data folder).
 * A file that does not match the schema is refused with its path and the field at fault, rather
 * than half-used; the caller falls back to the defaults and says so.
 */
export function fileSettingsStore(path: string): SettingsStore {
  return {
    async load() {
      const read = await readJsonFile(path, engineerSettingsSchema);
      if (read.kind === 'missing') return null;
      if (read.kind === 'invalid') throw new Error(`the saved settings are unusable: ${read.message}`);
      return read.value;
    },
    save: (settings) => writeJsonAtomically(path, engineerSettingsSchema.parse(settings)),
  };
}
