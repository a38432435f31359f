import { engineerSettingsSchema, type EngineerSettings } from '@shared/ipc/workspace-settings';

/** The settings form as typed: strings and checkboxes, before any parsing. */
export interface SettingsFormValues {
  zone: string;
  /** Comma-separated minutes, e.g. "30, 10"; empty follows the workspace policy. */
  thresholds: string;
  quietHours: boolean;
  start: string;
  end: string;
  weekdays: number[];
}

export type SettingsField = keyof SettingsFormValues;
export type FormResult = { ok: true; value: EngineerSettings } | { ok: false; errors: Partial<Record<SettingsField, string>> };

export function formValuesOf(settings: EngineerSettings): SettingsFormValues {
  return {
    zone: settings.zone,
    thresholds: settings.thresholdsMinutes?.join(', ') ?? '',
    quietHours: settings.workingHours !== null,
    start: settings.workingHours?.start ?? '09:00',
    end: settings.workingHours?.end ?? '17:00',
    weekdays: settings.workingHours?.weekdays ?? [1, 2, 3, 4, 5],
  };
}

/** Whether the runtime knows this IANA zone (what the formatters will be asked to use). */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function parseThresholds(text: string): number[] | null | string {
  if (text.trim() === '') return null;
  const parts = text.split(',').map((part) => part.trim());
  const minutes = parts.map(Number);
  const bad = parts.find((part, i) => part === '' || !Number.isInteger(minutes[i]));
  if (bad !== undefined) return `"${bad}" is not a whole number of minutes`;
  if (minutes.length > 5) return `at most 5 thresholds (got ${minutes.length})`;
  const outOfRange = minutes.find((m) => m < 1 || m > 24 * 60);
  return outOfRange === undefined ? minutes : `${outOfRange} is outside 1 to 1440 minutes`;
}

/** Parses the form; each problem is named by its field, and nothing is saved unless all is well. */
export function parseSettingsForm(values: SettingsFormValues): FormResult {
  const errors: Partial<Record<SettingsField, string>> = {};
  const zone = values.zone.trim();
  if (!isKnownZone(zone)) errors.zone = `"${zone}" is not a time zone this computer knows (expected e.g. America/New_York)`;
  const thresholds = parseThresholds(values.thresholds);
  if (typeof thresholds === 'string') errors.thresholds = thresholds;
  if (values.quietHours && values.start === values.end) errors.end = 'working hours must not start and end at the same time';
  if (values.quietHours && values.weekdays.length === 0) errors.weekdays = 'pick at least one working day';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const candidate = {
    zone,
    thresholdsMinutes: thresholds,
    workingHours: values.quietHours ? { start: values.start, end: values.end, weekdays: [...values.weekdays].sort() } : null,
  };
  const parsed = engineerSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

function fieldOf(path: ReadonlyArray<PropertyKey>): SettingsField {
  const [top, sub] = path;
  if (top === 'thresholdsMinutes') return 'thresholds';
  if (top === 'workingHours') return sub === 'start' ? 'start' : sub === 'end' ? 'end' : 'weekdays';
  return 'zone';
}
