import { useAppState } from '../../components/AppState';

export function SettingsView() {
  useAppState('ready');
  return (
    <main aria-labelledby="view-title">
      <h1 id="view-title">Settings</h1>
    </main>
  );
}
