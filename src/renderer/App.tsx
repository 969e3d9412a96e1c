import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useApiQuery } from './api/queries';
import { useAppState } from './components/AppState';
import { FirstRun } from './features/first-run/FirstRun';
import { Shell } from './app/Shell';
import { PortfolioView } from './features/portfolio/PortfolioView';
import { AccountPage } from './features/account/AccountPage';
import { AlertsView } from './features/alerts/AlertsView';
import { ImportView } from './features/imports/ImportView';
import { SettingsView } from './features/settings/SettingsView';
import { ReviewView } from './features/review/ReviewView';
import { ErrorState } from './components/States';
import { HealthGate } from './features/settings/HealthGate';

export function App() {
  return (
    <HealthGate>
      <Main />
    </HealthGate>
  );
}

function Main() {
  const info = useApiQuery('app/info', {});
  // Once the app's facts are in, the view shown inside says what the window shows.
  useAppState(info.isError ? 'error' : info.isPending ? 'loading' : null);
  if (info.isPending) return <p className="loading">Opening your data…</p>;
  if (info.isError) {
    return (
      <main className="fatal">
        <ErrorState title="The data cannot be opened" message={info.error.message} onRetry={() => void info.refetch()} />
      </main>
    );
  }
  return (
    <Router hook={useHashLocation}>
      {info.data.empty ? (
        <Switch>
          <Route path="/import">
            <Shell companyName={info.data.companyName} asOf={null}>
              <ImportView />
            </Shell>
          </Route>
          <Route>
            <FirstRun dataFile={info.data.dataFile} />
          </Route>
        </Switch>
      ) : (
        <Shell companyName={info.data.companyName} asOf={info.data.asOf}>
          <Switch>
            <Route path="/" component={PortfolioView} />
            <Route path="/alerts" component={AlertsView} />
            <Route path="/import" component={ImportView} />
            <Route path="/settings" component={SettingsView} />
            <Route path="/accounts/:id/review">{(params) => <ReviewView accountId={decodeURIComponent(params.id)} />}</Route>
            <Route path="/accounts/:id/:tab?/:focus?">
              {(params: { id?: string; tab?: string; focus?: string }) => (
                <AccountPage accountId={decodeURIComponent(params.id ?? '')} tab={params.tab} focus={params.focus ? decodeURIComponent(params.focus) : undefined} />
              )}
            </Route>
            <Route>
              <main className="not-found">
                <ErrorState title="Nothing here" message="This address does not lead anywhere in the app." />
              </main>
            </Route>
          </Switch>
        </Shell>
      )}
    </Router>
  );
}
