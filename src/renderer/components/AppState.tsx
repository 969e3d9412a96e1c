import { useEffect } from 'react';

export type ViewState = 'loading' | 'ready' | 'error';

/**
 * Marks the root with what the window shows, so tests and the shell wait for "ready", never for
 * time. Only the view that fills the window calls it.
 */
export function useAppState(state: ViewState): void {
  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-app-state', state);
  }, [state]);
}

/** A query's status as a view state. */
export function viewState(query: { isPending: boolean; isError: boolean }): ViewState {
  return query.isError ? 'error' : query.isPending ? 'loading' : 'ready';
}
