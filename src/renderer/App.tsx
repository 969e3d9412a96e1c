import { useQuery } from './api/use-query';
import { useAppState } from './components/AppState';
import { FirstRun } from './features/first-run/FirstRun';
import { AccountList } from './features/portfolio/AccountList';

export function App() {
  const [info, reload] = useQuery('app/info', {});
  useAppState(info.status === 'error' ? 'error' : 'loading');
  if (info.status === 'loading') return <p className="loading">Opening your data…</p>;
  if (info.status === 'error') {
    return (
      <main className="fatal">
        <h1>The data cannot be opened</h1>
        <p role="alert">{info.message}</p>
      </main>
    );
  }
  if (info.data.empty) return <FirstRun dataFile={info.data.dataFile} onLoaded={reload} />;
  return <AccountList />;
}
