import { useEffect } from 'react';

export type ViewState = 'loading' | 'ready' | 'error';

/**
 * Marks the root with what the window shows, so tests and the shell wait for "ready", never for
 * time. Only the view that fills the window says; one around it that has given the window to the
 * view inside says nothing (null), since its effect runs after the inner view's.
 */
export function useAppState(state: ViewState | null): void {
  useEffect(() => {
    if (state) document.getElementById('root')?.setAttribute('data-app-state', state);
  }, [state]);
}

/** A query's status as a view state. */
export function viewState(query: { isPending: boolean; isError: boolean }): ViewState {
  return query.isError ? 'error' : query.isPending ? 'loading' : 'ready';
}
