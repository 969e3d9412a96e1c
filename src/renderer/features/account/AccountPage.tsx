import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { AccountView } from '../../../shared/account-types';
import { BAND_LABEL } from '../../../shared/scoring-types';
import { useApiQuery } from '../../api/queries';
import { useAppState, viewState } from '../../components/AppState';
import { ErrorState } from '../../components/States';
import { daysFrom, formatDay, formatScore, plural } from '../../components/format';
import { ACCOUNT_TABS, paths, type AccountTab } from '../../app/paths';
import { ScorePanel } from './ScorePanel';
import { OverviewTab } from './OverviewTab';
import { ServiceTab } from './ServiceTab';
import { InstalledBaseTab } from './InstalledBaseTab';
import { RecommendationsTab } from './RecommendationsTab';
import { ChecklistTab } from './ChecklistTab';
import { AlertsNotesTab } from './AlertsNotesTab';

// The surveys' chart library is most of what the window would load for one tab: the window starts
// without it, and fetches it once an account is shown (at once when that tab is open, else when idle).
const importSurveysTab = () => import('./SurveysTab');
type SurveysTabView = Awaited<ReturnType<typeof importSurveysTab>>['SurveysTab'];
let surveysTabLoading: Promise<SurveysTabView> | null = null;
let surveysTabLoaded: SurveysTabView | null = null;

function loadSurveysTab(): Promise<SurveysTabView> {
  surveysTabLoading ??= importSurveysTab().then(
    (m) => (surveysTabLoaded = m.SurveysTab),
    (error: unknown) => {
      // Asked again on the next try.
      surveysTabLoading = null;
      throw error;
    },
  );
  return surveysTabLoading;
}

/** The surveys tab's view once its code is in, or why it could not be fetched. */
function useSurveysTab(shown: boolean, open: boolean): { readonly Tab: SurveysTabView | null; readonly error: string | null; readonly retry: () => void } {
  const [Tab, setTab] = useState<SurveysTabView | null>(() => surveysTabLoaded);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!shown || Tab) return;
    let live = true;
    const load = (): void =>
      void loadSurveysTab().then(
        (view) => live && setTab(() => view),
        (failure: unknown) => live && open && setError(failure instanceof Error ? failure.message : String(failure)),
      );
    if (open) load();
    const idle = open ? null : requestIdleCallback(load, { timeout: 2000 });
    return () => {
      live = false;
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [shown, open, Tab, attempt]);
  return {
    Tab,
    error,
    retry: () => {
      setError(null);
      setAttempt((n) => n + 1);
    },
  };
}

const CONTRACT: Record<string, string> = {
  full_service: 'Full-service contract',
  warranty: 'Warranty',
  time_and_materials: 'Time and materials',
  none: 'No contract',
};

/** One account: the answer first, then the evidence a tab away. */
export function AccountPage({ accountId, tab, focus }: { readonly accountId: string; readonly tab: string | undefined; readonly focus: string | undefined }) {
  const query = useApiQuery('account/get', { accountId });
  const current: AccountTab = (ACCOUNT_TABS as readonly string[]).includes(tab ?? '') ? (tab as AccountTab) : 'overview';
  const surveys = useSurveysTab(query.isSuccess, current === 'surveys');
  // The window is ready once the tab shown is drawn, not while its code is on the way.
  useAppState(query.isSuccess && current === 'surveys' && !surveys.Tab ? (surveys.error ? 'error' : 'loading') : viewState(query));

  if (query.isError) {
    return (
      <main className="account">
        <BackLink />
        <ErrorState title="This account cannot be shown" message={query.error.message} onRetry={() => void query.refetch()} />
      </main>
    );
  }
  if (query.isPending) {
    return (
      <main className="account" aria-busy="true">
        <BackLink />
        <p className="loading" role="status">
          Loading the account…
        </p>
      </main>
    );
  }
  const view = query.data;
  return (
    <main className="account" aria-labelledby="account-title" data-view="account" data-account-id={view.account.id}>
      <BackLink />
      <header className="account-header">
        <div>
          <h1 id="account-title">{view.account.name}</h1>
          <p className="facts">{facts(view)}</p>
          <p className="answer">{answer(view)}</p>
        </div>
        <div className="header-actions">
          <Link href={paths.review(view.account.id)} className="button">
            Review brief
          </Link>
        </div>
      </header>
      <ScorePanel view={view} />
      <nav className="tabs" aria-label="Account sections">
        {ACCOUNT_TABS.map((t) => (
          <Link key={t} href={paths.account(view.account.id, t)} className={t === current ? 'tab active' : 'tab'} aria-current={t === current ? 'page' : undefined}>
            {tabLabel(t, view)}
          </Link>
        ))}
      </nav>
      <section className="tab-panel" aria-label={tabLabel(current, view)}>
        {current === 'overview' && <OverviewTab view={view} />}
        {current === 'service' && <ServiceTab view={view} focus={focus} />}
        {current === 'installed-base' && <InstalledBaseTab view={view} focus={focus} />}
        {current === 'surveys' &&
          (surveys.Tab ? (
            <surveys.Tab view={view} focus={focus} />
          ) : surveys.error ? (
            <ErrorState title="The surveys cannot be shown" message={surveys.error} onRetry={surveys.retry} />
          ) : (
            <p className="loading" role="status">
              Loading the surveys…
            </p>
          ))}
        {current === 'recommendations' && <RecommendationsTab view={view} focus={focus} />}
        {current === 'checklist' && <ChecklistTab view={view} focus={focus} />}
        {current === 'alerts' && <AlertsNotesTab view={view} />}
      </section>
    </main>
  );
}

function BackLink() {
  return (
    // The portfolio comes back as it was left: its filters, sort and scroll are kept.
    <Link href={paths.portfolio} className="back-link">
      ← Portfolio
    </Link>
  );
}

function tabLabel(tab: AccountTab, view: AccountView): string {
  const open = view.recommendations.filter((r) => r.status === 'open').length;
  const gaps = view.checklist.items.filter((i) => i.status === 'open' || i.status === 'expired').length;
  switch (tab) {
    case 'overview':
      return 'Overview';
    case 'service':
      return `Service (${view.visits.length})`;
    case 'installed-base':
      return 'Installed base';
    case 'surveys':
      return `Surveys (${view.surveys.length})`;
    case 'recommendations':
      return open > 0 ? `Recommendations (${open} open)` : 'Recommendations';
    case 'checklist':
      return gaps > 0 ? `Checklist (${gaps} to do)` : 'Checklist';
    case 'alerts':
      return view.alerts.length > 0 ? `Alerts and notes (${view.alerts.length})` : 'Alerts and notes';
  }
}

function facts(view: AccountView): string {
  const a = view.account;
  const parts = [a.id, a.segment, a.region, a.owner ? `Owner ${a.owner}` : null];
  if (a.contractType) {
    const renewal = a.renewalDate ? `, renews ${formatDay(a.renewalDate)}${renewsIn(a.renewalDate, view.asOf)}` : '';
    parts.push(`${CONTRACT[a.contractType] ?? a.contractType}${renewal}`);
  } else if (a.renewalDate) parts.push(`Renews ${formatDay(a.renewalDate)}${renewsIn(a.renewalDate, view.asOf)}`);
  return parts.filter(Boolean).join(' · ');
}

function renewsIn(day: string, asOf: string): string {
  const days = daysFrom(asOf, day);
  if (days < 0) return ' (passed)';
  if (days <= 120) return ` (in ${plural(days, 'day')})`;
  return '';
}

/** The account in one sentence: where it stands, where it is going, what costs it most. */
function answer(view: AccountView): string {
  const s = view.score;
  if (s.loyalty === null || s.band === null) return 'No loyalty score yet: there is no service, survey or installed-base evidence for this account.';
  const worst = s.components.flatMap((c) => c.drivers).filter((d) => d.points < 0).sort((a, b) => a.points - b.points)[0];
  const move = view.change30 === null ? '' : Math.abs(view.change30) < 0.5 ? ', steady over 30 days' : `, ${view.change30 > 0 ? 'up' : 'down'} ${formatScore(Math.abs(view.change30))} points in 30 days`;
  return `Loyalty ${formatScore(s.loyalty)} (${BAND_LABEL[s.band]})${move}.${worst ? ` Costs most: ${lowerFirst(worst.label)}.` : ''}`;
}

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
