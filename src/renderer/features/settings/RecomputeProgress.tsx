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
  if (progress.kind === 'import') return <Shown text="Waiting for an import's rescoring to end…" />;
  if (progress.accounts === 0) return null;
  const text = progress.saving ? 'Saving the scores…' : `${formatInteger(progress.scored)} of ${formatInteger(progress.accounts)} accounts scored`;
  return <Shown text={text} scored={progress.scored} of={progress.accounts} />;
}

/** The bar, with a count when there is one to show (without, it says only that work goes on), and what it means. */
function Shown({ text, scored, of }: { readonly text: string; readonly scored?: number; readonly of?: number }) {
  return (
    <span className="recompute-progress">
      <progress max={of} value={scored} aria-label="Rescoring: progress" />
      <span>{text}</span>
    </span>
  );
}
