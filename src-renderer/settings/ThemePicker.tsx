import { useTheme, type ThemeChoice } from '../state/theme';

const CHOICES: ReadonlyArray<readonly [ThemeChoice, string]> = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

export function ThemePicker() {
  const theme = useTheme((s) => s.theme);
  const setTheme = useTheme((s) => s.setTheme);
  return (
    <fieldset className="settings-form">
      <legend>Theme</legend>
      {CHOICES.map(([value, label]) => (
        <label key={value} className="inline">
          <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => setTheme(value)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
