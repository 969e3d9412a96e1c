import { useEffect, useState } from 'react';
import type { Args, Method, Result } from '../../shared/api';
import { request, useApi } from './client';

/**
 * A read asked for again and again while `active` (how far a recompute has come, what a change
 * waits for): its latest answer; null before the first, and from when it stops being active.
 */
export function usePolled<M extends Method>(method: M, args: Args<M>, active: boolean, { everyMs, firstAfterMs = 0 }: { everyMs: number; firstAfterMs?: number }): Result<M> | null {
  const api = useApi();
  const key = JSON.stringify(args);
  // Kept with the arguments it answers: asked with others, it is not shown for them.
  const [answer, setAnswer] = useState<{ readonly key: string; readonly result: Result<M> } | null>(null);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: number | undefined;
    const ask = (): void => {
      request(api, method, JSON.parse(key) as Args<M>).then(
        (now) => {
          if (stopped) return;
          setAnswer({ key, result: now });
          timer = window.setTimeout(ask, everyMs);
        },
        () => {
          // An answer that could not be had is not the last one still true: nothing is shown
          // until the next answer comes.
          if (stopped) return;
          setAnswer(null);
          timer = window.setTimeout(ask, everyMs);
        },
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
  return active && answer?.key === key ? answer.result : null;
}
