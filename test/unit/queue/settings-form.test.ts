import { describe, expect, it } from 'vitest';
import { engineerSettingsSchema } from '@shared/ipc/workspace-settings';
import { formValuesOf, parseSettingsForm, type SettingsFormValues } from '../../../src-renderer/settings/settings-form';

const good: SettingsFormValues = { zone: 'Europe/Berlin', thresholds: '30, 10', quietHours: true, start: '08:30', end: '17:00', weekdays: [5, 1, 2] };

describe('parseSettingsForm', () => {
  it('turns a valid form into settings the IPC schema accepts, and back', () => {
    const parsed = parseSettingsForm(good);
    expect(parsed).toEqual({ ok: true, value: { zone: 'Europe/Berlin', thresholdsMinutes: [30, 10], workingHours: { start: '08:30', end: '17:00', weekdays: [1, 2, 5] } } });
    if (!parsed.ok) return;
    expect(engineerSettingsSchema.safeParse(parsed.value).success).toBe(true);
    expect(parseSettingsForm(formValuesOf(parsed.value))).toEqual(parsed);
  });

  it('follows the workspace policy with empty thresholds and no quiet hours', () => {
    expect(parseSettingsForm({ ...good, thresholds: '  ', quietHours: false })).toEqual({ ok: true, value: { zone: 'Europe/Berlin', thresholdsMinutes: null, workingHours: null } });
  });

  it.each([
    [{ zone: 'Mars/Olympus' }, 'zone', /"Mars\/Olympus" is not a time zone/],
    [{ thresholds: '30, ten' }, 'thresholds', /"ten" is not a whole number of minutes/],
    [{ thresholds: '30,,10' }, 'thresholds', /"" is not a whole number/],
    [{ thresholds: '0' }, 'thresholds', /0 is outside 1 to 1440 minutes/],
    [{ thresholds: '1,2,3,4,5,6' }, 'thresholds', /at most 5 thresholds/],
    [{ start: '09:00', end: '09:00' }, 'end', /must not start and end at the same time/],
    [{ weekdays: [] }, 'weekdays', /at least one working day/],
  ] as const)('names the field that is wrong: %j', (change, field, message) => {
    const parsed = parseSettingsForm({ ...good, ...change } as SettingsFormValues);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[field]).toMatch(message);
  });
});
