import { useAppState } from '../../components/AppState';

export function AlertsView() {
  useAppState('ready');
  return (
    <main aria-labelledby="view-title">
      <h1 id="view-title">Alerts</h1>
    </main>
  );
}
