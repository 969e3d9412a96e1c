import { useState } from 'react';
import { request, useApi } from '../../api/client';
import { useAppState } from '../../components/AppState';

interface Props {
  readonly dataFile: string;
  readonly onLoaded: () => void;
}

/** An empty database: offer the demo portfolio, or the user's own data, and say where it lives. */
export function FirstRun({ dataFile, onLoaded }: Props) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useAppState(busy ? 'loading' : 'ready');

  const loadDemo = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await request(api, 'demo/load', {});
      onLoaded();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Welcome to Account Health Console</h1>
      <p className="lede">Loyalty scores that explain themselves, from your service floor&rsquo;s own evidence. There is no data here yet.</p>
      <div className="choices">
        <section className="choice" aria-labelledby="demo-title">
          <h2 id="demo-title">Explore the demo portfolio</h2>
          <p>240 fictional accounts with two years of visits, surveys and a multi-vendor installed base.</p>
          <button type="button" className="primary" onClick={() => void loadDemo()} disabled={busy} aria-busy={busy}>
            {busy ? 'Loading the demo…' : 'Explore the demo portfolio'}
          </button>
        </section>
        <section className="choice" aria-labelledby="import-title">
          <h2 id="import-title">Import your data</h2>
          <p>
            Bring exports of accounts, installed base, work orders, recommendations and surveys (CSV or XLSX). From the command line:
          </p>
          <pre className="command">npm run cli -- import --db &quot;{dataFile}&quot; FILE…</pre>
        </section>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="data-location">
        Your data lives in <code>{dataFile}</code>
      </p>
    </main>
  );
}
