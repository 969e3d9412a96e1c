import { useState } from 'react';
import { THRESHOLD_FIELDS, type ThresholdField } from '../../../shared/api/threshold-fields';
import type { Result } from '../../../shared/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { Loading, ErrorState } from '../../components/States';
import { plural } from '../../components/format';
import { RecomputeProgress } from './RecomputeProgress';

type Thresholds = Result<'thresholds/get'>['thresholds'];

const RULES: ReadonlyArray<{ rule: ThresholdField['rule']; title: string; what: string }> = [
  { rule: 'unaddressed_recommendation', title: 'Unaddressed recommendation', what: 'An open recommendation the customer has not decided on. Medium; high after revisits without a reminder or a long silence; critical when the machine then failed.' },
  { rule: 'fix_or_replace', title: 'Fix or replace', what: 'A machine that keeps breaking, costs too much to repair, or is used beyond its rated volume. Medium, and a buying signal.' },
  { rule: 'bad_call_no_follow_up', title: 'Bad call without follow-up', what: 'A late, unfixed, incomplete or short-of-parts call nobody followed up within one business day. Medium; high for a second bad call.' },
  { rule: 'detractor_no_follow_up', title: 'Detractor without follow-up', what: 'NPS 6 or less, or CSAT 2 or less, not called back in time. High.' },
  { rule: 'footprint_loss', title: 'Footprint loss', what: 'Our share of the installed base fell, a new competitor appeared, or many vendors while our share is small. Medium.' },
  { rule: 'renewal_at_risk', title: 'Renewal at risk', what: 'A renewal coming up while loyalty is low. High.' },
  { rule: 'silent_account', title: 'Silent account', what: 'No survey response and no contact for a long time. Low.' },
  { rule: 'score_drop', title: 'Score drop', what: 'Loyalty fell fast. Medium.' },
  { rule: 'buying_signal', title: 'Buying signal', what: 'A machine off warranty on time-and-materials, or breaking down repeatedly. Low: an opportunity. It uses the fix-or-replace numbers above.' },
];

const fieldId = (f: ThresholdField): string => `threshold-${f.group}-${f.key}`;
const valueOf = (t: Thresholds, f: ThresholdField): number => (t[f.group] as unknown as Record<string, number>)[f.key]!;
const shown = (t: Thresholds, f: ThresholdField): string => String(Math.round(valueOf(t, f) * (f.scale ?? 1) * 1000) / 1000);

function check(f: ThresholdField, raw: string): { value: number } | { problem: string } {
  const text = raw.trim().replace(',', '.');
  const n = Number(text);
  const scale = f.scale ?? 1;
  const range = `from ${f.min * scale} to ${(f.max * scale).toLocaleString()}`;
  if (text === '' || !Number.isFinite(n)) return { problem: `Give a number ${range}.` };
  if (f.integer && !Number.isInteger(n)) return { problem: `Give a whole number ${range}.` };
  const value = n / scale;
  if (value < f.min - 1e-9 || value > f.max + 1e-9) return { problem: `Must be ${range}.` };
  return { value: Math.round(value * 1e6) / 1e6 };
}

/** The numbers behind the nine alert rules, checked as they are typed; saving re-evaluates every alert. */
export function ThresholdsSection() {
  const query = useApiQuery('thresholds/get', {});
  if (query.isError) return <ErrorState title="The thresholds cannot be shown" message={query.error.message} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading what="the alert thresholds" />;
  return <ThresholdsForm thresholds={query.data.thresholds} defaults={query.data.defaults} />;
}

function ThresholdsForm({ thresholds, defaults }: { readonly thresholds: Thresholds; readonly defaults: Thresholds }) {
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(THRESHOLD_FIELDS.map((f) => [fieldId(f), shown(thresholds, f)])));
  const [status, setStatus] = useState<string | null>(null);
  const save = useApiMutation('thresholds/save');
  const checked = THRESHOLD_FIELDS.map((f) => ({ field: f, result: check(f, draft[fieldId(f)] ?? '') }));
  const problems = checked.filter((c) => 'problem' in c.result).length;
  const changes = checked.filter((c) => 'value' in c.result && Math.abs(c.result.value - valueOf(thresholds, c.field)) > 1e-9);

  const submit = (): void => {
    if (problems > 0 || changes.length === 0) return;
    const overrides: Record<string, Record<string, number>> = {};
    for (const { field, result } of changes) if ('value' in result) (overrides[field.group] ??= {})[field.key] = result.value;
    setStatus(null);
    save.mutate(overrides, { onSuccess: (r) => setStatus(`Saved: the alerts of ${plural(r.recompute.accounts, 'account')} were evaluated again.`) });
  };

  return (
    <form
      className="thresholds"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <h2>Alert thresholds</h2>
      <p className="muted-text">When each rule raises an alert. Saving evaluates every alert again with the new numbers; alerts you dismissed stay dismissed.</p>
      <div className="rules">
        {RULES.map(({ rule, title, what }) => {
          const fields = checked.filter((c) => c.field.rule === rule);
          return (
            <fieldset key={rule} className="rule card">
              <legend>{title}</legend>
              <p className="muted-text rule-what">{what}</p>
              {fields.map(({ field, result }) => {
                const id = fieldId(field);
                const isDefault = 'value' in result && Math.abs(result.value - valueOf(defaults, field)) < 1e-9;
                return (
                  <div key={id} className="threshold">
                    <label htmlFor={id}>{field.label}</label>
                    <span className="threshold-input">
                      <input
                        id={id}
                        type="text"
                        inputMode="decimal"
                        value={draft[id]}
                        aria-invalid={'problem' in result}
                        aria-describedby={'problem' in result ? `${id}-problem` : `${id}-default`}
                        onChange={(e) => setDraft((d) => ({ ...d, [id]: e.target.value }))}
                      />
                      <span className="unit">{field.unit}</span>
                    </span>
                    {'problem' in result ? (
                      <span id={`${id}-problem`} className="error threshold-note">
                        {result.problem}
                      </span>
                    ) : (
                      <span id={`${id}-default`} className="muted-text threshold-note">
                        {isDefault ? 'default' : `default ${shown(defaults, field)}`}
                      </span>
                    )}
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </div>
      <div className="settings-actions sticky-actions">
        <button type="submit" className="primary" disabled={problems > 0 || changes.length === 0 || save.isPending} aria-busy={save.isPending}>
          {save.isPending ? 'Saving…' : changes.length > 0 ? `Save ${plural(changes.length, 'change')}` : 'Save'}
        </button>
        <button type="button" onClick={() => setDraft(Object.fromEntries(THRESHOLD_FIELDS.map((f) => [fieldId(f), shown(defaults, f)])))}>
          Back to the defaults
        </button>
        <RecomputeProgress active={save.isPending} />
        <span role="status" className="settings-status">
          {problems > 0 ? <span className="error">{plural(problems, 'number')} to correct before saving.</span> : save.isError ? <span className="error">{save.error.message}</span> : status}
        </span>
      </div>
    </form>
  );
}
