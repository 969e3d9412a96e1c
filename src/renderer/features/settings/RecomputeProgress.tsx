import { usePolled } from '../../api/usePolled';
import { formatInteger } from '../../components/format';

/** How often the progress is asked for while the portfolio is rescored. */
const ASK_EVERY_MS = 300;

/**
 * While a change that rescores the whole portfolio waits for it (ten thousand accounts take some
 * seconds): how many accounts are scored so far, then that the scores are being saved. An import's
 * rescoring under way goes first, and is named as such rather than counted as this one.
 */
export function RecomputeProgress({ active }: { readonly active: boolean }) {
  const progress = usePolled('engine/progress', {}, active, { everyMs: ASK_EVERY_MS });
  // Asked for only while active, and null otherwise.
  if (!progress) return null;
  if (progress.kind === 'import') {
    return (
      <span className="recompute-progress">
        <progress aria-label="Rescoring: progress" />
        <span>Waiting for an import's rescoring to end…</span>
      </span>
    );
  }
  if (progress.accounts === 0) return null;
  return (
    <span className="recompute-progress">
      <progress max={progress.accounts} value={progress.scored} aria-label="Rescoring: progress" />
      <span>{progress.saving ? 'Saving the scores…' : `${formatInteger(progress.scored)} of ${formatInteger(progress.accounts)} accounts scored`}</span>
    </span>
  );
}
