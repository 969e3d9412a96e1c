import { useEffect, useState } from 'react';
import type { Args, Method, Result } from '../../shared/api';
import { request, useApi } from './client';

/**
 * A read asked for again and again while `active` (how far a recompute has come, what a change
 * waits for): its latest answer; null before the first, and from when it stops being active.
 */
export function usePolled<M extends Method>(method: M, args: Args<M>, active: boolean, { everyMs, firstAfterMs = 0 }: { everyMs: number; firstAfterMs?: number }): Result<M> | null {
  const api = useApi();
  const [answer, setAnswer] = useState<Result<M> | null>(null);
  const key = JSON.stringify(args);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: number | undefined;
    const ask = (): void => {
      request(api, method, JSON.parse(key) as Args<M>).then(
        (now) => {
          if (stopped) return;
          setAnswer(now);
          timer = window.setTimeout(ask, everyMs);
        },
        // Whatever the polled read is for says what went wrong; the asking just stops.
        () => undefined,
      );
    };
    timer = window.setTimeout(ask, firstAfterMs);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      // Asked for again later, it starts from nothing, not from where it was left.
      setAnswer(null);
    };
  }, [active, api, method, key, everyMs, firstAfterMs]);
  return active ? answer : null;
}
