import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { Result } from '../../../shared/api';
import { BAND_LABEL, BANDS, COMPONENT_KEYS, COMPONENT_LABEL, type ComponentKey } from '../../../shared/scoring-types';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { BandChip } from '../../components/Band';
import { formatChange, formatInteger, formatScore, plural } from '../../components/format';
import { TableHead, figure } from '../../components/TableHead';
import { paths } from '../../app/paths';
import { RecomputeProgress } from './RecomputeProgress';

type WeightsData = Result<'weights/get'>;
type Weights = Record<ComponentKey, number>;
type Draft = Record<ComponentKey, string>;

const toDraft = (w: Weights): Draft => Object.fromEntries(COMPONENT_KEYS.map((k) => [k, String(Math.round(w[k] * 1000) / 10)])) as Draft;

/** The draft as weights, or what is wrong with it. */
function parseDraft(draft: Draft): { weights: Weights } | { problem: string } {
  const out = {} as Weights;
  for (const key of COMPONENT_KEYS) {
    const raw = draft[key].trim().replace(',', '.');
    const n = Number(raw);
    if (raw === '' || !Number.isFinite(n)) return { problem: `${COMPONENT_LABEL[key]}: give a number from 0 to 100.` };
    if (n < 0 || n > 100) return { problem: `${COMPONENT_LABEL[key]}: a weight is from 0 to 100 %.` };
    out[key] = Math.round(n * 10) / 1000;
  }
  if (COMPONENT_KEYS.every((k) => out[k] === 0)) return { problem: 'At least one component needs a weight above 0.' };
  return { weights: out };
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

const same = (a: Weights, b: Weights): boolean => COMPONENT_KEYS.every((k) => Math.abs(a[k] - b[k]) < 1e-9);

/** Weights per segment, with the effect of a change worked out before it is saved. */
export function WeightsSection({ data }: { readonly data: WeightsData }) {
  const [profile, setProfile] = useState('default');
  const saved: Weights = data.profiles[profile] ?? data.profiles['default']!;
  const hasOwn = profile === 'default' || profile in data.profiles;
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved));
  const [status, setStatus] = useState<string | null>(null);
  const save = useApiMutation('weights/save');

  const choose = (next: string): void => {
    setProfile(next);
    setDraft(toDraft(data.profiles[next] ?? data.profiles['default']!));
    setStatus(null);
  };
  const parsed = parseDraft(draft);
  const proposed = 'weights' in parsed ? parsed.weights : null;
  const changed = proposed !== null && (!same(proposed, saved) || !hasOwn);
  // Debounced as text: a new object each render would restart the timer for ever.
  const key = proposed && changed ? JSON.stringify({ profile, weights: proposed }) : null;
  const settled = useDebounced(key, 350);
  const args = settled !== null && settled === key ? (JSON.parse(settled) as { profile: string; weights: Weights }) : null;
  const preview = useApiQuery('weights/preview', args ?? { profile, weights: saved }, { enabled: args !== null });
  const total = COMPONENT_KEYS.reduce((sum, k) => sum + (proposed?.[k] ?? 0), 0);
  const scored = profile === 'default' ? data.segments.filter((s) => s.profile === 'default').reduce((n, s) => n + s.accounts, data.unsegmented) : (data.segments.find((s) => s.segment === profile)?.accounts ?? 0);

  const onSave = (weights: Weights | null): void => {
    setStatus(null);
    save.mutate(
      { profile, weights },
      {
        onSuccess: (result) => {
          setStatus(`${weights === null ? `${profile} now uses the default weights` : 'Saved'}: ${plural(result.recompute.accounts, 'account')} rescored.`);
          if (weights === null) setDraft(toDraft(result.profiles['default']!));
        },
      },
    );
  };

  return (
    <div className="weights">
      <h2>Scoring weights</h2>
      <p className="muted-text">
        How much each component counts in the loyalty score. A segment can have weights of its own; the others use the default. Weights count in proportion to their total, so they need not add up to
        100 %.
      </p>
      <div className="settings-row">
        <label className="field">
          Weights for
          <select value={profile} onChange={(e) => choose(e.target.value)}>
            <option value="default">Default (every segment without its own)</option>
            {data.segments.map((s) => (
              <option key={s.segment} value={s.segment}>
                {s.segment} — {plural(s.accounts, 'account')}
                {s.profile === s.segment ? ', own weights' : ''}
              </option>
            ))}
          </select>
        </label>
        <p className="muted-text profile-note">
          {profile === 'default'
            ? `Scores ${plural(scored, 'account')}.`
            : hasOwn
              ? `${profile} has weights of its own (${plural(scored, 'account')}).`
              : `${profile} uses the default weights now; saving gives it its own.`}
        </p>
      </div>

      <table className="data compact weights-table">
        <caption className="visually-hidden">Weight of each component</caption>
        <TableHead columns={['Component', figure('Weight (%)'), figure('Share of the score'), figure('Saved')]} />
        <tbody>
          {COMPONENT_KEYS.map((key) => (
            <tr key={key}>
              <th scope="row">
                <label htmlFor={`weight-${key}`}>{COMPONENT_LABEL[key]}</label>
              </th>
              <td className="num">
                <input
                  id={`weight-${key}`}
                  className="weight-input"
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={100}
                  step={1}
                  value={draft[key]}
                  onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
                />
              </td>
              <td className="num">{proposed && total > 0 ? `${formatScore((proposed[key] / total) * 100)} %` : '—'}</td>
              <td className="num muted-text">{formatScore(saved[key] * 100)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
      {'problem' in parsed && (
        <p role="alert" className="error">
          {parsed.problem}
        </p>
      )}

      <div className="settings-actions">
        <button type="button" className="primary" disabled={!changed || save.isPending} aria-busy={save.isPending} onClick={() => proposed && onSave(proposed)}>
          {save.isPending ? 'Saving and rescoring…' : 'Save and rescore'}
        </button>
        <button type="button" disabled={!changed || save.isPending} onClick={() => setDraft(toDraft(saved))}>
          Undo changes
        </button>
        {profile !== 'default' && profile in data.profiles && (
          <button type="button" disabled={save.isPending} onClick={() => onSave(null)}>
            Use the default weights for {profile}
          </button>
        )}
        <RecomputeProgress active={save.isPending} />
        <span role="status" className="settings-status">
          {save.isError ? <span className="error">{save.error.message}</span> : status}
        </span>
      </div>
      <section className="preview" aria-labelledby="preview-title" aria-live="polite" aria-busy={preview.isFetching}>
        <h3 id="preview-title">Effect of this change</h3>
        {!changed ? (
          <p className="muted-text">Change a weight to see what it would do before saving it.</p>
        ) : !args ? (
          <p className="muted-text">Rescoring {plural(scored, 'account')} with these weights…</p>
        ) : preview.isError ? (
          <p role="alert" className="error">
            {preview.error.message}
          </p>
        ) : !preview.data || preview.isFetching ? (
          <p className="muted-text">Rescoring {plural(scored, 'account')} with these weights…</p>
        ) : (
          <PreviewResult preview={preview.data} />
        )}
      </section>

    </div>
  );
}

function PreviewResult({ preview }: { readonly preview: Result<'weights/preview'> }) {
  const top = preview.movers.slice(0, 3);
  return (
    <>
      <p className="preview-answer">
        {preview.changedBand === 0 ? 'No account changes band' : `${plural(preview.changedBand, 'account')} ${preview.changedBand === 1 ? 'changes' : 'change'} band`}; {plural(preview.moved, 'score')} of{' '}
        {formatInteger(preview.accounts)} move
        {preview.averageChange !== null && preview.moved > 0 && `, by ${formatChange(preview.averageChange)} on average`}
        {top.length > 0 && (
          <>
            . Biggest movers:{' '}
            {top.map((m, i) => (
              <span key={m.accountId}>
                {i > 0 && ', '}
                {m.name} ({formatChange((m.after ?? 0) - (m.before ?? 0))})
              </span>
            ))}
          </>
        )}
        .
      </p>
      <div className="preview-grid">
        <table className="data compact">
          <caption>Accounts per band</caption>
          <TableHead columns={['Band', figure('Now'), figure('After'), figure('Change')]} />
          <tbody>
            {BANDS.map((band) => (
              <tr key={band}>
                <th scope="row">
                  <BandChip band={band} />
                </th>
                <td className="num">{formatInteger(preview.before[band])}</td>
                <td className="num">{formatInteger(preview.after[band])}</td>
                <td className="num">{formatChange(preview.after[band] - preview.before[band])}</td>
              </tr>
            ))}
            {(preview.before.none > 0 || preview.after.none > 0) && (
              <tr>
                <th scope="row">No score</th>
                <td className="num">{formatInteger(preview.before.none)}</td>
                <td className="num">{formatInteger(preview.after.none)}</td>
                <td className="num">{formatChange(preview.after.none - preview.before.none)}</td>
              </tr>
            )}
          </tbody>
        </table>
        <table className="data compact movers-table">
          <caption>Biggest movers</caption>
          <TableHead columns={['Account', figure('Now'), figure('After'), figure('Change')]} />
          <tbody>
            {preview.movers.length === 0 ? (
              <tr>
                <td colSpan={4} className="muted-text">
                  No score moves.
                </td>
              </tr>
            ) : (
              preview.movers.map((m) => (
                <tr key={m.accountId}>
                  <th scope="row">
                    <Link href={paths.account(m.accountId)}>{m.name}</Link>
                  </th>
                  <td className="num" title={m.bandBefore ? BAND_LABEL[m.bandBefore] : undefined}>
                    {formatScore(m.before)} <span className="visually-hidden">{m.bandBefore ? BAND_LABEL[m.bandBefore] : ''}</span>
                  </td>
                  <td className="num">
                    {formatScore(m.after)} {m.bandAfter !== m.bandBefore ? <BandChip band={m.bandAfter} /> : null}
                  </td>
                  <td className="num">{formatChange((m.after ?? 0) - (m.before ?? 0))}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
