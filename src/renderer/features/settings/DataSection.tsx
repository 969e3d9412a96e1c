import { useState } from 'react';
import type { BackupItem } from '../../../shared/api/settings';
import { useApiMutation } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/States';
import { formatInteger, plural } from '../../components/format';
import { formatBytes, formatMoment } from './when';
import { TableHead, figure } from '../../components/TableHead';
import { RecomputeProgress } from './RecomputeProgress';

export const REASON_LABEL: Record<BackupItem['reason'], string> = {
  manual: 'Backed up on request',
  'before-import': 'Before an import',
  'before-migration': 'Before an upgrade of the data',
  'before-restore': 'Before a restore',
};

/** Where the data lives, its backups, and restoring one. */
export function DataSection({ dataFile, folder, keep, backups }: { readonly dataFile: string; readonly folder: string; readonly keep: number; readonly backups: readonly BackupItem[] }) {
  const create = useApiMutation('backups/create');
  const restore = useApiMutation('backups/restore');
  const saveKeep = useApiMutation('settings/save');
  const recompute = useApiMutation('engine/recompute');
  const [keepDraft, setKeepDraft] = useState(String(keep));
  const [confirming, setConfirming] = useState<BackupItem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const keepValue = Number(keepDraft);
  const keepProblem = !Number.isInteger(keepValue) || keepValue < 1 || keepValue > 100 ? 'Keep from 1 to 100 backups.' : null;

  const backUp = (): void => {
    setStatus(null);
    create.mutate({}, { onSuccess: (made) => setStatus(`Backed up (${formatBytes(made.bytes)}).`) });
  };
  const confirmRestore = (): void => {
    if (!confirming) return;
    setStatus(null);
    restore.mutate(
      { name: confirming.name },
      {
        onSuccess: (r) => {
          setConfirming(null);
          setStatus(
            `Restored the backup of ${formatMoment(r.restored.createdAt)}: ${plural(r.accounts, 'account')}.${r.safetyBackup ? ' The data it replaced was kept as a backup of its own.' : ''}`,
          );
        },
      },
    );
  };

  return (
    <div className="data-settings">
      <h2>Data and backups</h2>
      <dl className="data-facts">
        <dt>The data file</dt>
        <dd>
          <code>{dataFile}</code>
        </dd>
        <dt>Backups</dt>
        <dd>
          <code>{folder}</code>
          <p className="muted-text">Made before every import into data already there, before an upgrade of the data, before a restore, and whenever you ask.</p>
        </dd>
      </dl>

      <div className="settings-actions">
        <button type="button" className="primary" onClick={backUp} disabled={create.isPending} aria-busy={create.isPending}>
          {create.isPending ? 'Backing up…' : 'Back up now'}
        </button>
        <form
          className="keep-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!keepProblem && keepValue !== keep)
              saveKeep.mutate({ keepBackups: keepValue }, { onSuccess: (r) => setStatus(r.removedBackups > 0 ? `Keeping ${r.settings.keepBackups}; ${plural(r.removedBackups, 'older backup')} removed.` : `Keeping the newest ${r.settings.keepBackups}.`) });
          }}
        >
          <label htmlFor="keep-backups">Keep the newest</label>
          <input id="keep-backups" type="number" min={1} max={100} value={keepDraft} aria-invalid={keepProblem !== null} onChange={(e) => setKeepDraft(e.target.value)} />
          <span>backups</span>
          <button type="submit" disabled={keepProblem !== null || keepValue === keep || saveKeep.isPending}>
            Save
          </button>
        </form>
        <span role="status" className="settings-status">
          {keepProblem ? (
            <span className="error">{keepProblem}</span>
          ) : create.isError ? (
            <span className="error">{create.error.message}</span>
          ) : saveKeep.isError ? (
            <span className="error">{saveKeep.error.message}</span>
          ) : (
            status
          )}
        </span>
      </div>

      <div className="recompute-row">
        <button
          type="button"
          onClick={() => {
            setStatus(null);
            recompute.mutate({}, { onSuccess: (r) => setStatus(`Recomputed: ${plural(r.accounts, 'account')} scored, ${plural(r.alertsChanged, 'alert change')}.`) });
          }}
          disabled={recompute.isPending}
          aria-busy={recompute.isPending}
          aria-describedby="recompute-help"
        >
          {recompute.isPending ? 'Recomputing…' : 'Recompute'}
        </button>
        <RecomputeProgress active={recompute.isPending} />
        <span id="recompute-help" className="muted-text">
          Scores every account and evaluates every alert again (it happens by itself after imports and changes here).
        </span>
        {recompute.isError && (
          <span role="alert" className="error">
            {recompute.error.message}
          </span>
        )}
      </div>

      {backups.length === 0 ? (
        <EmptyState title="No backups yet">Back up now, or one is made before your next import.</EmptyState>
      ) : (
        <table className="data compact backups-table">
          <caption>
            Backups, newest first ({formatInteger(backups.length)} of at most {formatInteger(keep)})
          </caption>
          <TableHead columns={['Made', 'Why', figure('Size'), { label: 'Actions', readOutOnly: true }]} />
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <th scope="row" title={b.name}>
                  {formatMoment(b.createdAt)}
                </th>
                <td>{REASON_LABEL[b.reason]}</td>
                <td className="num">{formatBytes(b.bytes)}</td>
                <td className="actions-cell">
                  <button type="button" onClick={() => setConfirming(b)} aria-label={`Restore the backup of ${formatMoment(b.createdAt)}`}>
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <Dialog
        open={confirming !== null}
        title="Restore this backup?"
        submitLabel={restore.isPending ? 'Restoring…' : 'Restore'}
        busy={restore.isPending}
        error={restore.isError ? restore.error.message : null}
        onClose={() => {
          setConfirming(null);
          restore.reset();
        }}
        onSubmit={confirmRestore}
      >
        {confirming && (
          <>
            <p className="dialog-subject">
              {REASON_LABEL[confirming.reason]}, {formatMoment(confirming.createdAt)}
            </p>
            <p>
              Everything in the app now — imports, scores, alerts, notes and settings made since — is replaced by what this backup holds. The backup is checked first; if it is damaged nothing
              changes.
            </p>
            <p className="muted-text">A backup of the current data is made first, so you can go back to it from this list.</p>
          </>
        )}
      </Dialog>
    </div>
  );
}
