import { useAppState } from '../../components/AppState';

export function ImportView() {
  useAppState('ready');
  return (
    <main aria-labelledby="view-title">
      <h1 id="view-title">Import</h1>
    </main>
  );
}
