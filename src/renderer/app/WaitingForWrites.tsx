import { useEffect, useState } from 'react';
import { useIsMutating } from '@tanstack/react-query';
import type { Result } from '../../shared/api';
import { request, useApi } from '../api/client';

/** How long a change may take before the window asks whether it waits for a long write. */
const ASK_AFTER_MS = 600;
const ASK_EVERY_MS = 500;

const SAYS: Record<NonNullable<Result<'engine/writing'>>['what'], string> = {
  import: 'An import is being written. Your change is saved as soon as it ends.',
  scores: 'New scores are being saved. Your change is saved as soon as they are.',
};

/**
 * While a change waits for a long write to end (an import of a million rows takes some seconds,
 * saving a portfolio's new scores a few), says so, rather than leave a button busy for no reason
 * the user can see.
 */
export function WaitingForWrites() {
  const api = useApi();
  const changing = useIsMutating() > 0;
  const [status, setStatus] = useState<Result<'engine/writing'>>(null);
  useEffect(() => {
    if (!changing) return;
    let stopped = false;
    let timer: number | undefined;
    const ask = (): void => {
      request(api, 'engine/writing', {}).then(
        (now) => {
          if (stopped) return;
          setStatus(now);
          timer = window.setTimeout(ask, ASK_EVERY_MS);
        },
        // The change itself says what went wrong, if anything did.
        () => undefined,
      );
    };
    timer = window.setTimeout(ask, ASK_AFTER_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      setStatus(null);
    };
  }, [changing, api]);
  if (!changing || !status || status.waiting === 0) return null;
  return (
    <div className="waiting-for-writes" role="status">
      {SAYS[status.what]}
    </div>
  );
}
