import { useRef, type KeyboardEvent } from 'react';
import { useApiQuery } from '../../api/queries';
import { useAppState, viewState } from '../../components/AppState';
import { ErrorState } from '../../components/States';
import { plural } from '../../components/format';
import { formatMoment } from './when';
import { usePersistentState } from '../../app/persistent-state';
import { WeightsSection } from './WeightsSection';
import { ThresholdsSection } from './ThresholdsSection';
import { ChecklistSection } from './ChecklistSection';
import { CompanySection } from './CompanySection';
import { DataSection } from './DataSection';
import './settings.css';

const SECTIONS = [
  { id: 'weights', label: 'Scoring weights' },
  { id: 'thresholds', label: 'Alert thresholds' },
  { id: 'checklist', label: 'Checklist template' },
  { id: 'company', label: 'Company' },
  { id: 'data', label: 'Data and backups' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

/** Settings: how scores and alerts are worked out, the checklist, the company, and the data file with its backups. */
export function SettingsView() {
  const settings = useApiQuery('settings/get', {});
  const weights = useApiQuery('weights/get', {});
  const backups = useApiQuery('backups/list', {});
  useAppState(viewState({ isPending: settings.isPending || weights.isPending || backups.isPending, isError: settings.isError || weights.isError || backups.isError }));
  const [section, setSection] = usePersistentState<SectionId>('settings.section', 'weights');
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);

  const failed = settings.error ?? weights.error ?? backups.error;
  if (failed) return <ErrorState title="Settings cannot be shown" message={failed.message} onRetry={() => void Promise.all([settings.refetch(), weights.refetch(), backups.refetch()])} />;
  if (!settings.data || !weights.data || !backups.data) {
    return (
      <main className="settings" aria-busy="true">
        <p className="loading" role="status">
          Loading the settings…
        </p>
      </main>
    );
  }

  const own = Object.keys(weights.data.profiles).filter((p) => p !== 'default').length;
  const newest = backups.data.backups[0];
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const next = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? index + 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? SECTIONS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const target = SECTIONS[(next + SECTIONS.length) % SECTIONS.length]!;
    setSection(target.id);
    tabs.current[SECTIONS.indexOf(target)]?.focus();
  };

  return (
    <main className="settings" aria-labelledby="settings-title" data-view="settings">
      <header className="view-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="answer">
            {own === 0 ? 'Every segment is scored with the default weights' : `${plural(own, 'segment')} ${own === 1 ? 'has' : 'have'} weights of its own`};{' '}
            {newest ? `the last backup was made ${formatMoment(newest.createdAt)}.` : 'no backup has been made yet.'}
          </p>
        </div>
      </header>
      <div className="settings-layout">
        <div className="settings-tabs" role="tablist" aria-label="Settings sections" aria-orientation="vertical">
          {SECTIONS.map((s, i) => (
            <button
              key={s.id}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`settings-tab-${s.id}`}
              aria-selected={section === s.id}
              aria-controls={`settings-panel-${s.id}`}
              tabIndex={section === s.id ? 0 : -1}
              className={section === s.id ? 'active' : ''}
              onClick={() => setSection(s.id)}
              onKeyDown={(e) => onKey(e, i)}
            >
              {s.label}
            </button>
          ))}
        </div>
        <section className="settings-panel" role="tabpanel" id={`settings-panel-${section}`} aria-labelledby={`settings-tab-${section}`}>
          {section === 'weights' && <WeightsSection data={weights.data} />}
          {section === 'thresholds' && <ThresholdsSection />}
          {section === 'checklist' && <ChecklistSection />}
          {section === 'company' && <CompanySection settings={settings.data.settings} />}
          {section === 'data' && <DataSection dataFile={settings.data.dataFile} keep={backups.data.keep} folder={backups.data.folder} backups={backups.data.backups} />}
        </section>
      </div>
    </main>
  );
}
