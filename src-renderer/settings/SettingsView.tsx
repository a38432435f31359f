import { useSession } from '../state/session';
import { EngineerSettingsForm } from './EngineerSettingsForm';
import { SignInForm } from './SignInForm';
import { ThemePicker } from './ThemePicker';
import { WorkspacePolicyPanel } from './WorkspacePolicyPanel';

export function SettingsView() {
  // The form starts from the stored settings: start it again once they have arrived.
  const loaded = useSession((s) => s.settingsLoaded);
  const zone = useSession((s) => s.settings.zone);
  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <div className="panel-heading">
        <h2 id="settings-title">Settings</h2>
      </div>
      <div className="settings-columns">
        <div>
          <SignInForm />
          <EngineerSettingsForm key={String(loaded)} />
          <ThemePicker />
        </div>
        <WorkspacePolicyPanel zone={zone} />
      </div>
    </section>
  );
}
