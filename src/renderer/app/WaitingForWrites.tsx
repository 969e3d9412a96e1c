import { useIsMutating } from '@tanstack/react-query';
import type { Result } from '../../shared/api';
import { usePolled } from '../api/usePolled';

const SAYS: Record<NonNullable<Result<'engine/writing'>>['what'], string> = {
  import: 'An import is being written. Your change is saved as soon as it ends.',
  preview: 'An import is being previewed. Your change is saved as soon as it ends.',
  scores: 'New scores are being saved. Your change is saved as soon as they are.',
};

/**
 * While a change waits for a long write to end (an import of a million rows takes some seconds,
 * saving a portfolio's new scores a few), says so, rather than leave a button busy for no reason
 * the user can see. Asked only once a change has taken longer than most do.
 */
export function WaitingForWrites() {
  const changing = useIsMutating() > 0;
  const status = usePolled('engine/writing', {}, changing, { everyMs: 500, firstAfterMs: 600 });
  // The live region is always there, its text set and cleared: a region that appears with its text
  // already in it is not read out by every screen reader.
  return (
    <div className="waiting-for-writes" role="status">
      {status && status.waiting > 0 ? SAYS[status.what] : null}
    </div>
  );
}
