import { useMemo, useState, type FormEvent } from 'react';
import { agentApi } from '../bridge/agent';
import { useSession } from '../state/session';
import { formValuesOf, parseSettingsForm, type SettingsField, type SettingsFormValues } from './settings-form';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

function FieldError({ errors, field }: { errors: Partial<Record<SettingsField, string>>; field: SettingsField }) {
  const message = errors[field];
  return message === undefined ? null : (
    <span className="form-error" role="alert" data-field-error={field}>
      {message}
    </span>
  );
}

/** Display zone, notification thresholds and quiet hours, kept by the main process (its notifier needs them). */
export function EngineerSettingsForm() {
  const settings = useSession((s) => s.settings);
  const [values, setValues] = useState<SettingsFormValues>(() => formValuesOf(settings));
  const [errors, setErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const api = agentApi();
  const set = <K extends SettingsField>(key: K, value: SettingsFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const parsed = parseSettingsForm(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    if (api === null) {
      setErrors({ zone: 'Not connected to the agent: settings cannot be saved from this page.' });
      return;
    }
    const result = await api.setSettings(parsed.value);
    if (!result.ok) {
      setErrors({ zone: `Not saved: ${result.error.message}` });
      return;
    }
    useSession.setState({ settings: parsed.value });
    setSaved('Saved.');
  };

  const toggleDay = (day: number) => set('weekdays', values.weekdays.includes(day) ? values.weekdays.filter((d) => d !== day) : [...values.weekdays, day]);

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} aria-labelledby="engineer-settings-title" noValidate>
      <h3 id="engineer-settings-title">Your time and notifications</h3>
      <label>
        Display time zone
        <input list="zone-list" value={values.zone} onChange={(e) => set('zone', e.target.value)} name="zone" />
        <datalist id="zone-list">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <FieldError errors={errors} field="zone" />
      </label>
      <label>
        Notify this many minutes before a due instant
        <input value={values.thresholds} onChange={(e) => set('thresholds', e.target.value)} placeholder="Workspace policy (e.g. 30, 10)" name="thresholds" />
        <FieldError errors={errors} field="thresholds" />
      </label>
      <fieldset>
        <legend>
          <label className="inline">
            <input type="checkbox" checked={values.quietHours} onChange={(e) => set('quietHours', e.target.checked)} name="quietHours" />
            Quiet outside my working hours (Platinum and urgent tickets still notify)
          </label>
        </legend>
        <div className="inline-fields">
          <label>
            From
            <input type="time" value={values.start} onChange={(e) => set('start', e.target.value)} disabled={!values.quietHours} name="start" />
          </label>
          <label>
            To
            <input type="time" value={values.end} onChange={(e) => set('end', e.target.value)} disabled={!values.quietHours} name="end" />
            <FieldError errors={errors} field="end" />
          </label>
        </div>
        <div className="inline-fields" role="group" aria-label="Working days">
          {WEEKDAYS.map((label, i) => (
            <label key={label} className="inline">
              <input type="checkbox" checked={values.weekdays.includes(i + 1)} onChange={() => toggleDay(i + 1)} disabled={!values.quietHours} />
              {label}
            </label>
          ))}
        </div>
        <FieldError errors={errors} field="weekdays" />
      </fieldset>
      <button type="submit">Save</button>
      {saved !== null && (
        <p className="form-ok" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}
