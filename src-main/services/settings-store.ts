import { IANAZone } from 'luxon';
import { fail, ok, type Result } from '@shared/ipc/result';
import type { EngineerSettings } from '@shared/ipc/workspace-settings';

/** Where the engineer's settings are kept between launches (Electron: userData; web mode: the data folder). */
export interface SettingsStore {
  /** The saved settings, or null when none were saved yet. Throws when the stored copy is unreadable. */
  load(): Promise<EngineerSettings | null>;
  save(settings: EngineerSettings): Promise<void>;
}

/** Until the engineer says otherwise: the machine's zone, the workspace policy's thresholds, never quiet. */
export function defaultEngineerSettings(): EngineerSettings {
  return { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', thresholdsMinutes: null, workingHours: null };
}

/**
 * What the schema cannot say: the zone must be one the time-zone database knows, and working hours
 * must not be empty. Thresholds are sorted and deduplicated so equal settings compare equal.
 */
export function checkEngineerSettings(settings: EngineerSettings): Result<EngineerSettings> {
  if (!IANAZone.isValidZone(settings.zone)) return fail('bad-request', `zone: "${settings.zone.slice(0, 64)}" is not a known IANA time zone`);
  const hours = settings.workingHours;
  if (hours !== null && hours.start === hours.end) return fail('bad-request', `workingHours: start and end are both ${hours.start}; working hours cannot be empty`);
  const thresholdsMinutes = settings.thresholdsMinutes === null ? null : [...new Set(settings.thresholdsMinutes)].sort((a, b) => b - a);
  const workingHours = hours === null ? null : { ...hours, weekdays: [...new Set(hours.weekdays)].sort((a, b) => a - b) };
  return ok({ zone: settings.zone, thresholdsMinutes, workingHours });
}

/** Settings that live as long as the process (tests, and hosts that keep nothing). */
export function memorySettingsStore(initial: EngineerSettings | null = null): SettingsStore {
  let current = initial;
  return {
    load: async () => current,
    save: async (settings) => {
      current = settings;
    },
  };
}
