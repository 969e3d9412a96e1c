import { Link } from 'wouter';
import { useApiMutation } from '../../api/queries';
import { useAppState } from '../../components/AppState';
import { paths } from '../../app/paths';

/** An empty database: offer the demo portfolio, or the user's own data, and say where it lives. */
export function FirstRun({ dataFile }: { readonly dataFile: string }) {
  const demo = useApiMutation('demo/load');
  useAppState(demo.isPending ? 'loading' : 'ready');
  return (
    <main className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">Welcome to Account Health Console</h1>
      <p className="lede">Loyalty scores that explain themselves, from your service floor&rsquo;s own evidence. There is no data here yet.</p>
      <div className="choices">
        <section className="choice" aria-labelledby="demo-title">
          <h2 id="demo-title">Explore the demo portfolio</h2>
          <p>240 fictional accounts with two years of visits, surveys and a multi-vendor installed base. Remove it later by undoing its imports.</p>
          <button type="button" className="primary" onClick={() => demo.mutate({})} disabled={demo.isPending} aria-busy={demo.isPending}>
            {demo.isPending ? 'Loading the demo…' : 'Explore the demo portfolio'}
          </button>
        </section>
        <section className="choice" aria-labelledby="import-title">
          <h2 id="import-title">Import your data</h2>
          <p>Exports of accounts, the installed base (every vendor’s machines), work orders, recommendations and surveys, as CSV or Excel files.</p>
          <Link href={paths.import} className="button primary">
            Import your data
          </Link>
        </section>
      </div>
      {demo.error && (
        <p role="alert" className="error">
          {demo.error.message}
        </p>
      )}
      <p className="data-location">
        Your data lives in <code>{dataFile}</code>
      </p>
    </main>
  );
}
