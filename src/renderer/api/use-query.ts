import { useCallback, useEffect, useState } from 'react';
import type { Args, Method, Result } from '../../shared/api';
import { request, useApi } from './client';

export type Query<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/** Loads one API method's result; `reload` asks again (after an import, an undo …). */
export function useQuery<M extends Method>(method: M, args: Args<M>): [Query<Result<M>>, () => void] {
  const api = useApi();
  const [state, setState] = useState<Query<Result<M>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(args);
  useEffect(() => {
    let live = true;
    request(api, method, JSON.parse(key) as Args<M>).then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', message: (error as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [api, method, key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [state, reload];
}
