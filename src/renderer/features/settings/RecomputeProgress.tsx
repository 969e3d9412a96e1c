import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/api';
import { request, useApi } from '../../api/client';
import { formatInteger } from '../../components/format';

/** How often the progress is asked for while the portfolio is rescored. */
const ASK_EVERY_MS = 300;

/**
 * While a change that rescores the whole portfolio waits for it (ten thousand accounts take some
 * seconds): how many accounts are scored so far, then that the scores are being saved.
 */
export function RecomputeProgress({ active }: { readonly active: boolean }) {
  const api = useApi();
  const [progress, setProgress] = useState<Result<'engine/progress'>>(null);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const ask = (): void => {
      request(api, 'engine/progress', {}).then(
        (now) => !stopped && setProgress(now),
        // The change itself says what went wrong; the progress just stops.
        () => undefined,
      );
    };
    ask();
    const timer = window.setInterval(ask, ASK_EVERY_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      // The next rescoring starts from nothing, not from where this one ended.
      setProgress(null);
    };
  }, [active, api]);
  if (!active || !progress || progress.accounts === 0) return null;
  return (
    <span className="recompute-progress">
      <progress max={progress.accounts} value={progress.scored} aria-label="Rescoring: progress" />
      <span>{progress.saving ? 'Saving the scores…' : `${formatInteger(progress.scored)} of ${formatInteger(progress.accounts)} accounts scored`}</span>
    </span>
  );
}
